package io.bastion.bench.jmh;

import io.bastion.oms.OmsOutput;
import io.bastion.sbe.ClientCancelRejectDecoder;
import io.bastion.sbe.ClientExecutionReportDecoder;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.VenueCancelDecoder;
import io.bastion.sbe.VenueNewOrderDecoder;
import org.agrona.DirectBuffer;

/**
 * An in-memory {@link OmsOutput} that stands for the outbound Aeron stream: it accepts every message and decodes,
 * with reused flyweights and without allocating, only what the driver of the benchmark needs to play the venue
 * (the venue ClOrdIDs the OMS chose) and to check that each order went the expected way (the last execution
 * report's ExecType and OrdStatus, and counts by message type).
 */
public final class CapturingOutput implements OmsOutput
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final VenueNewOrderDecoder venueNewOrder = new VenueNewOrderDecoder();
    private final VenueCancelDecoder venueCancel = new VenueCancelDecoder();
    private final ClientExecutionReportDecoder executionReport = new ClientExecutionReportDecoder();

    private long venueNewOrders;
    private long venueCancels;
    private long executionReports;
    private long cancelRejects;
    private long otherMessages;
    private long newOrderVenueClOrdId;
    private long cancelVenueClOrdId;
    private long cancelOrigVenueClOrdId;
    private ExecType lastExecType = ExecType.NULL_VAL;
    private OrdStatus lastOrdStatus = OrdStatus.NULL_VAL;

    /**
     * {@inheritDoc}
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case ClientExecutionReportDecoder.TEMPLATE_ID:
                executionReport.wrap(buffer, body, blockLength, version);
                executionReports++;
                lastExecType = executionReport.execType();
                lastOrdStatus = executionReport.ordStatus();
                break;

            case VenueNewOrderDecoder.TEMPLATE_ID:
                venueNewOrder.wrap(buffer, body, blockLength, version);
                venueNewOrders++;
                newOrderVenueClOrdId = venueNewOrder.venueClOrdId();
                break;

            case VenueCancelDecoder.TEMPLATE_ID:
                venueCancel.wrap(buffer, body, blockLength, version);
                venueCancels++;
                cancelVenueClOrdId = venueCancel.venueClOrdId();
                cancelOrigVenueClOrdId = venueCancel.origVenueClOrdId();
                break;

            case ClientCancelRejectDecoder.TEMPLATE_ID:
                cancelRejects++;
                break;

            default:
                otherMessages++;
        }
        return true;
    }

    /**
     * @return VenueNewOrder messages seen.
     */
    public long venueNewOrders()
    {
        return venueNewOrders;
    }

    /**
     * @return VenueCancel messages seen.
     */
    public long venueCancels()
    {
        return venueCancels;
    }

    /**
     * @return ClientExecutionReport messages seen.
     */
    public long executionReports()
    {
        return executionReports;
    }

    /**
     * @return ClientCancelReject messages seen.
     */
    public long cancelRejects()
    {
        return cancelRejects;
    }

    /**
     * @return messages of any other type seen.
     */
    public long otherMessages()
    {
        return otherMessages;
    }

    /**
     * @return venue ClOrdID of the last VenueNewOrder.
     */
    public long newOrderVenueClOrdId()
    {
        return newOrderVenueClOrdId;
    }

    /**
     * @return venue ClOrdID of the last VenueCancel.
     */
    public long cancelVenueClOrdId()
    {
        return cancelVenueClOrdId;
    }

    /**
     * @return OrigClOrdID (the order's venue ClOrdID) of the last VenueCancel.
     */
    public long cancelOrigVenueClOrdId()
    {
        return cancelOrigVenueClOrdId;
    }

    /**
     * @return ExecType of the last execution report.
     */
    public ExecType lastExecType()
    {
        return lastExecType;
    }

    /**
     * @return OrdStatus of the last execution report.
     */
    public OrdStatus lastOrdStatus()
    {
        return lastOrdStatus;
    }
}
