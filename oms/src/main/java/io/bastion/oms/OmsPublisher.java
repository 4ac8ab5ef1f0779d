package io.bastion.oms;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.bastion.sbe.ClientCancelRejectEncoder;
import io.bastion.sbe.ClientExecutionReportEncoder;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.MessageHeaderEncoder;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.VenueCancelEncoder;
import io.bastion.sbe.VenueNewOrderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the OMS's decisions as SBE onto its outbound stream. The OMS's output must not be lost, so a
 * back-pressured offer is retried (the OMS stalls, which pushes back on its producers) until the stream accepts it;
 * only a stream without subscribers or a closed one makes a send fail, and that is returned and counted.
 */
public final class OmsPublisher
{
    private final ExclusivePublication publication;
    private final MutableDirectBuffer buffer = new ExpandableDirectByteBuffer(2048);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ClientExecutionReportEncoder executionReport = new ClientExecutionReportEncoder();
    private final ClientCancelRejectEncoder cancelReject = new ClientCancelRejectEncoder();
    private final VenueNewOrderEncoder venueNewOrder = new VenueNewOrderEncoder();
    private final VenueCancelEncoder venueCancel = new VenueCancelEncoder();
    private long backPressureCount;
    private long failedCount;

    /**
     * @param publication the OMS outbound stream.
     */
    public OmsPublisher(final ExclusivePublication publication)
    {
        this.publication = publication;
    }

    /**
     * Send an execution report for an order to its client.
     *
     * @param order         the order, in its new state.
     * @param execId        execution id.
     * @param execType      ExecType.
     * @param ordStatus     OrdStatus.
     * @param lastQty       LastQty, 0 when not a fill.
     * @param lastPx        LastPx, 0 when not a fill.
     * @param ordRejReason  reason when rejected, else NULL_VAL.
     * @param cancelIds     true to report the cancel request's ClOrdID with the order's as OrigClOrdID.
     * @param text          Text.
     * @param textLength    length of Text, 0 for none.
     * @param lastMkt       venue name, or null.
     * @param nowNs         TransactTime.
     * @return true when sent.
     */
    public boolean executionReport(
        final Order order,
        final long execId,
        final ExecType execType,
        final OrdStatus ordStatus,
        final long lastQty,
        final long lastPx,
        final OrdRejReason ordRejReason,
        final boolean cancelIds,
        final DirectBuffer text,
        final int textLength,
        final AsciiId lastMkt,
        final long nowNs)
    {
        final ClientExecutionReportEncoder e = executionReport.wrapAndApplyHeader(buffer, 0, header);
        e.sessionId(order.key.sessionId)
            .orderId(order.orderId)
            .execId(execId)
            .transactTimeNs(nowNs)
            .execType(execType)
            .ordStatus(ordStatus)
            .side(order.side)
            .ordType(order.ordType)
            .timeInForce(order.timeInForce)
            .ordRejReason(ordRejReason)
            .orderQty(order.orderQty)
            .price(order.price)
            .lastQty(lastQty)
            .lastPx(lastPx)
            .cumQty(order.cumQty)
            .leavesQty(order.leavesQty())
            .avgPx(order.avgPx)
            .execRefId(0)
            .execRestatementReason(ExecRestatementReason.NULL_VAL)
            .stopPx(order.stopPx)
            .expireTimeNs(0);
        final int base = e.offset();
        if (cancelIds)
        {
            order.cancelKey.clOrdId.putFixed(buffer, base + ClientExecutionReportEncoder.clOrdIdEncodingOffset(),
                ClientExecutionReportEncoder.clOrdIdLength());
            order.key.clOrdId.putFixed(buffer, base + ClientExecutionReportEncoder.origClOrdIdEncodingOffset(),
                ClientExecutionReportEncoder.origClOrdIdLength());
        }
        else
        {
            order.key.clOrdId.putFixed(buffer, base + ClientExecutionReportEncoder.clOrdIdEncodingOffset(),
                ClientExecutionReportEncoder.clOrdIdLength());
            buffer.setMemory(base + ClientExecutionReportEncoder.origClOrdIdEncodingOffset(),
                ClientExecutionReportEncoder.origClOrdIdLength(), (byte)0);
        }
        order.account.putFixed(buffer, base + ClientExecutionReportEncoder.accountEncodingOffset(),
            ClientExecutionReportEncoder.accountLength());
        order.symbol.putFixed(buffer, base + ClientExecutionReportEncoder.symbolEncodingOffset(),
            ClientExecutionReportEncoder.symbolLength());
        if (lastMkt != null)
        {
            lastMkt.putFixed(buffer, base + ClientExecutionReportEncoder.lastMktEncodingOffset(),
                ClientExecutionReportEncoder.lastMktLength());
        }
        else
        {
            buffer.setMemory(base + ClientExecutionReportEncoder.lastMktEncodingOffset(),
                ClientExecutionReportEncoder.lastMktLength(), (byte)0);
        }
        e.putText(text, 0, textLength);
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Send an OrderCancelReject to a client.
     *
     * @param sessionId   client session.
     * @param orderId     order id, 0 when unknown.
     * @param ordStatus   OrdStatus of the order.
     * @param responseTo  CxlRejResponseTo.
     * @param reason      CxlRejReason.
     * @param clOrdId     ClOrdID of the rejected request.
     * @param origClOrdId OrigClOrdID of the rejected request.
     * @param text        Text.
     * @param textLength  length of Text.
     * @return true when sent.
     */
    public boolean cancelReject(
        final int sessionId,
        final long orderId,
        final OrdStatus ordStatus,
        final CxlRejResponseTo responseTo,
        final CxlRejReason reason,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final DirectBuffer text,
        final int textLength)
    {
        final ClientCancelRejectEncoder e = cancelReject.wrapAndApplyHeader(buffer, 0, header);
        e.sessionId(sessionId)
            .orderId(orderId)
            .ordStatus(ordStatus)
            .responseTo(responseTo)
            .cxlRejReason(reason);
        final int base = e.offset();
        clOrdId.putFixed(buffer, base + ClientCancelRejectEncoder.clOrdIdEncodingOffset(),
            ClientCancelRejectEncoder.clOrdIdLength());
        origClOrdId.putFixed(buffer, base + ClientCancelRejectEncoder.origClOrdIdEncodingOffset(),
            ClientCancelRejectEncoder.origClOrdIdLength());
        e.putText(text, 0, textLength);
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Send an order to its venue.
     *
     * @param order the order, with its venue and venue ClOrdID set.
     * @return true when sent.
     */
    public boolean venueNewOrder(final Order order)
    {
        final VenueNewOrderEncoder e = venueNewOrder.wrapAndApplyHeader(buffer, 0, header);
        e.venueId(order.venueId)
            .venueClOrdId(order.venueClOrdId)
            .side(order.side)
            .ordType(order.ordType)
            .timeInForce(order.timeInForce)
            .orderQty(order.orderQty)
            .price(order.price)
            .stopPx(order.stopPx)
            .expireTimeNs(0);
        final int base = e.offset();
        order.account.putFixed(buffer, base + VenueNewOrderEncoder.accountEncodingOffset(),
            VenueNewOrderEncoder.accountLength());
        order.symbol.putFixed(buffer, base + VenueNewOrderEncoder.symbolEncodingOffset(),
            VenueNewOrderEncoder.symbolLength());
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Ask a venue to cancel an order.
     *
     * @param order the order, with its cancel venue ClOrdID set.
     * @return true when sent.
     */
    public boolean venueCancel(final Order order)
    {
        final VenueCancelEncoder e = venueCancel.wrapAndApplyHeader(buffer, 0, header);
        e.venueId(order.venueId)
            .venueClOrdId(order.cancelVenueClOrdId)
            .origVenueClOrdId(order.venueClOrdId)
            .side(order.side)
            .orderQty(order.orderQty);
        final int base = e.offset();
        order.venueOrderId.putFixed(buffer, base + VenueCancelEncoder.venueOrderIdEncodingOffset(),
            VenueCancelEncoder.venueOrderIdLength());
        order.symbol.putFixed(buffer, base + VenueCancelEncoder.symbolEncodingOffset(),
            VenueCancelEncoder.symbolLength());
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * @return offers retried because the stream was back-pressured.
     */
    public long backPressureCount()
    {
        return backPressureCount;
    }

    /**
     * @return messages not sent because the stream had no subscriber or was closed.
     */
    public long failedCount()
    {
        return failedCount;
    }

    private boolean offer(final int length)
    {
        while (true)
        {
            final long result = publication.offer(buffer, 0, length);
            if (result > 0)
            {
                return true;
            }
            if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                backPressureCount++;
                Thread.onSpinWait();
                continue;
            }
            failedCount++;
            return false;
        }
    }
}
