package io.bastion.oms;

import io.bastion.protocol.Streams;
import io.bastion.sbe.ClientCancelRejectEncoder;
import io.bastion.sbe.ClientExecutionReportEncoder;
import io.bastion.sbe.ClientSessionCommandEncoder;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.KillSwitchResultEncoder;
import io.bastion.sbe.TradingHaltResultEncoder;
import io.bastion.sbe.MessageHeaderEncoder;
import io.bastion.sbe.RiskLimitsUpdateResultEncoder;
import io.bastion.sbe.SessionCommandType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.VenueCancelEncoder;
import io.bastion.sbe.VenueNewOrderEncoder;
import io.bastion.sbe.VenueReplaceEncoder;
import org.agrona.DirectBuffer;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the OMS's decisions as SBE into one reused buffer and hands them to an {@link OmsOutput}.
 */
public final class OmsPublisher
{
    private static final int BUFFER_LENGTH = 8192;

    private final OmsOutput output;
    private final MutableDirectBuffer buffer = new UnsafeBuffer(
        BufferUtil.allocateDirectAligned(BUFFER_LENGTH, BitUtil.CACHE_LINE_LENGTH));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ClientExecutionReportEncoder executionReport = new ClientExecutionReportEncoder();
    private final ClientCancelRejectEncoder cancelReject = new ClientCancelRejectEncoder();
    private final VenueNewOrderEncoder venueNewOrder = new VenueNewOrderEncoder();
    private final VenueCancelEncoder venueCancel = new VenueCancelEncoder();
    private final VenueReplaceEncoder venueReplace = new VenueReplaceEncoder();
    private final RiskLimitsUpdateResultEncoder limitsResult = new RiskLimitsUpdateResultEncoder();
    private final KillSwitchResultEncoder killSwitchResult = new KillSwitchResultEncoder();
    private final TradingHaltResultEncoder tradingHaltResult = new TradingHaltResultEncoder();
    private final ClientSessionCommandEncoder sessionCommand = new ClientSessionCommandEncoder();
    private long failedCount;

    /**
     * @param output where encoded messages go.
     */
    public OmsPublisher(final OmsOutput output)
    {
        this.output = output;
    }

    /**
     * Send an execution report for an order to its client. The order's fields are its last accepted terms.
     *
     * @param order            the order, in its new state.
     * @param execId           ExecID.
     * @param execType         ExecType.
     * @param ordStatus        OrdStatus.
     * @param lastQty          LastQty, 0 when not an execution.
     * @param lastPx           LastPx, 0 when not an execution.
     * @param ordRejReason     reason when rejected, else NULL_VAL.
     * @param clOrdId          ClOrdID to report.
     * @param origClOrdId      OrigClOrdID to report, or null for none.
     * @param execRefId        ExecRefID of a bust or correction, 0 for none.
     * @param restatement      ExecRestatementReason, or NULL_VAL.
     * @param text             Text.
     * @param textLength       length of Text, 0 for none.
     * @param lastMkt          venue name, or null.
     * @param nowNs            TransactTime.
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
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final long execRefId,
        final ExecRestatementReason restatement,
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
            .execRefId(execRefId)
            .execRestatementReason(restatement)
            .stopPx(order.stopPx)
            .expireTimeNs(order.expireTimeNs);
        final int base = e.offset();
        clOrdId.putFixed(buffer, base + ClientExecutionReportEncoder.clOrdIdEncodingOffset(),
            ClientExecutionReportEncoder.clOrdIdLength());
        putOrClear(origClOrdId, base + ClientExecutionReportEncoder.origClOrdIdEncodingOffset(),
            ClientExecutionReportEncoder.origClOrdIdLength());
        order.account.putFixed(buffer, base + ClientExecutionReportEncoder.accountEncodingOffset(),
            ClientExecutionReportEncoder.accountLength());
        order.symbol.putFixed(buffer, base + ClientExecutionReportEncoder.symbolEncodingOffset(),
            ClientExecutionReportEncoder.symbolLength());
        putOrClear(lastMkt, base + ClientExecutionReportEncoder.lastMktEncodingOffset(),
            ClientExecutionReportEncoder.lastMktLength());
        e.putText(text, 0, Math.min(textLength, Streams.MAX_TEXT_LENGTH));
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Ask the gateway to act on a client session.
     *
     * @param sessionId the session.
     * @param command   what to do.
     * @param text      the Text (58) of the Logout.
     * @return false if it could not be published.
     */
    public boolean sessionCommand(final int sessionId, final SessionCommandType command, final String text)
    {
        final ClientSessionCommandEncoder e = sessionCommand.wrapAndApplyHeader(buffer, 0, header);
        e.sessionId(sessionId).command(command);
        e.text(clamp(text));
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    private static String clamp(final String reason)
    {
        return reason.length() > Streams.MAX_TEXT_LENGTH ? reason.substring(0, Streams.MAX_TEXT_LENGTH) : reason;
    }

    /**
     * Answer a kill switch command.
     *
     * @param requestId       the request's identifier.
     * @param accepted        true when it took effect.
     * @param cancelledOrders working orders sent to be cancelled.
     * @param reason          why it was refused, empty when accepted.
     * @return false if it could not be published.
     */
    public boolean killSwitchResult(
        final long requestId, final boolean accepted, final int cancelledOrders, final String reason)
    {
        final KillSwitchResultEncoder e = killSwitchResult.wrapAndApplyHeader(buffer, 0, header);
        e.requestId(requestId).accepted((short)(accepted ? 1 : 0)).cancelledOrders(cancelledOrders);
        e.reason(clamp(reason));
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Answer a trading halt command.
     *
     * @param requestId the request's identifier.
     * @param accepted  true when it took effect.
     * @param reason    why it was refused, empty when accepted.
     * @return false if it could not be published.
     */
    public boolean tradingHaltResult(final long requestId, final boolean accepted, final String reason)
    {
        final TradingHaltResultEncoder e = tradingHaltResult.wrapAndApplyHeader(buffer, 0, header);
        e.requestId(requestId).accepted((short)(accepted ? 1 : 0));
        e.reason(clamp(reason));
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Answer a risk limits update.
     *
     * @param requestId the request's identifier.
     * @param accepted  true when it took effect.
     * @param version   the version in force after it.
     * @param reason    why it was refused, empty when accepted; cut to {@link Streams#MAX_TEXT_LENGTH} characters.
     * @return false if it could not be published.
     */
    public boolean riskLimitsUpdateResult(
        final long requestId, final boolean accepted, final long version, final String reason)
    {
        final RiskLimitsUpdateResultEncoder e = limitsResult.wrapAndApplyHeader(buffer, 0, header);
        e.requestId(requestId).accepted((short)(accepted ? 1 : 0)).version(version);
        e.reason(clamp(reason));
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
        e.putText(text, 0, Math.min(textLength, Streams.MAX_TEXT_LENGTH));
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
            .expireTimeNs(order.expireTimeNs);
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
     * @param order   the order.
     * @param request the cancel request, with its venue ClOrdID set.
     * @return true when sent.
     */
    public boolean venueCancel(final Order order, final Request request)
    {
        final VenueCancelEncoder e = venueCancel.wrapAndApplyHeader(buffer, 0, header);
        e.venueId(order.venueId)
            .venueClOrdId(request.venueClOrdId)
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
     * Ask a venue to replace an order with a request's new terms.
     *
     * @param order   the order, with its last accepted terms.
     * @param request the replace request, with its venue ClOrdID and new terms.
     * @return true when sent.
     */
    public boolean venueReplace(final Order order, final Request request)
    {
        final VenueReplaceEncoder e = venueReplace.wrapAndApplyHeader(buffer, 0, header);
        e.venueId(order.venueId)
            .venueClOrdId(request.venueClOrdId)
            .origVenueClOrdId(order.venueClOrdId)
            .side(order.side)
            .ordType(request.ordType)
            .timeInForce(request.timeInForce)
            .orderQty(request.orderQty)
            .price(request.price)
            .stopPx(request.stopPx)
            .expireTimeNs(request.expireTimeNs);
        final int base = e.offset();
        order.venueOrderId.putFixed(buffer, base + VenueReplaceEncoder.venueOrderIdEncodingOffset(),
            VenueReplaceEncoder.venueOrderIdLength());
        order.symbol.putFixed(buffer, base + VenueReplaceEncoder.symbolEncodingOffset(),
            VenueReplaceEncoder.symbolLength());
        order.account.putFixed(buffer, base + VenueReplaceEncoder.accountEncodingOffset(),
            VenueReplaceEncoder.accountLength());
        return offer(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * @return messages the output did not accept.
     */
    public long failedCount()
    {
        return failedCount;
    }

    private void putOrClear(final AsciiId value, final int offset, final int length)
    {
        if (value != null)
        {
            value.putFixed(buffer, offset, length);
        }
        else
        {
            AsciiId.putNuls(buffer, offset, length);
        }
    }

    private boolean offer(final int length)
    {
        if (output.offer(buffer, 0, length))
        {
            return true;
        }
        failedCount++;
        return false;
    }
}
