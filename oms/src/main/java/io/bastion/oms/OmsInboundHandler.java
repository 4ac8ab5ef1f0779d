package io.bastion.oms;

import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.agrona.DirectBuffer;

/**
 * What the OMS does with each inbound message, as primitives. {@link AsciiId} arguments are views reused by the
 * adapter: copy what must outlive the call.
 */
public interface OmsInboundHandler
{
    /**
     * A client NewOrderSingle.
     *
     * @param sessionId     client session.
     * @param sendingTimeNs SendingTime.
     * @param side          side.
     * @param ordType       order type.
     * @param timeInForce   time in force.
     * @param possResend    PossResend was set.
     * @param orderQty      quantity mantissa.
     * @param price         limit price mantissa or null value.
     * @param stopPx        stop price mantissa or null value.
     * @param clOrdId       ClOrdID.
     * @param account       account, may be empty.
     * @param symbol        symbol.
     * @param exDestination ExDestination, may be empty.
     */
    void onNewOrder(
        int sessionId,
        long sendingTimeNs,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        boolean possResend,
        long orderQty,
        long price,
        long stopPx,
        AsciiId clOrdId,
        AsciiId account,
        AsciiId symbol,
        AsciiId exDestination);

    /**
     * A client OrderCancelRequest.
     *
     * @param sessionId   client session.
     * @param side        side.
     * @param orderQty    quantity mantissa.
     * @param clOrdId     ClOrdID of the request.
     * @param origClOrdId ClOrdID of the order to cancel.
     * @param orderId     OrderID, may be empty.
     * @param symbol      symbol.
     */
    void onCancel(
        int sessionId, Side side, long orderQty, AsciiId clOrdId, AsciiId origClOrdId, AsciiId orderId, AsciiId symbol);

    /**
     * A client OrderCancelReplaceRequest.
     *
     * @param sessionId   client session.
     * @param side        side.
     * @param ordType     order type.
     * @param timeInForce time in force.
     * @param orderQty    new quantity mantissa.
     * @param price       new price mantissa or null value.
     * @param clOrdId     ClOrdID of the request.
     * @param origClOrdId ClOrdID of the order to replace.
     * @param orderId     OrderID, may be empty.
     * @param symbol      symbol.
     */
    void onReplace(
        int sessionId,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        long orderQty,
        long price,
        AsciiId clOrdId,
        AsciiId origClOrdId,
        AsciiId orderId,
        AsciiId symbol);

    /**
     * A client OrderStatusRequest.
     *
     * @param sessionId client session.
     * @param side      side.
     * @param clOrdId   ClOrdID of the order.
     * @param orderId   OrderID, may be empty.
     * @param symbol    symbol.
     */
    void onStatusRequest(int sessionId, Side side, AsciiId clOrdId, AsciiId orderId, AsciiId symbol);

    /**
     * A venue ExecutionReport.
     *
     * @param venueId          venue.
     * @param venueClOrdId     ClOrdID as Bastion sent it, or the null value.
     * @param origVenueClOrdId OrigClOrdID, or the null value.
     * @param transactTimeNs   TransactTime.
     * @param execType         ExecType.
     * @param ordStatus        OrdStatus.
     * @param ordRejReason     OrdRejReason, or NULL_VAL.
     * @param lastQty          LastQty mantissa.
     * @param lastPx           LastPx mantissa.
     * @param cumQty           CumQty mantissa.
     * @param leavesQty        LeavesQty mantissa.
     * @param avgPx            AvgPx mantissa.
     * @param venueOrderId     venue's OrderID.
     * @param venueExecId      venue's ExecID.
     * @param text             buffer holding Text.
     * @param textLength       length of Text at offset 0.
     */
    void onVenueExecution(
        int venueId,
        long venueClOrdId,
        long origVenueClOrdId,
        long transactTimeNs,
        ExecType execType,
        OrdStatus ordStatus,
        OrdRejReason ordRejReason,
        long lastQty,
        long lastPx,
        long cumQty,
        long leavesQty,
        long avgPx,
        AsciiId venueOrderId,
        AsciiId venueExecId,
        DirectBuffer text,
        int textLength);

    /**
     * A venue OrderCancelReject.
     *
     * @param venueId          venue.
     * @param venueClOrdId     ClOrdID of the rejected request.
     * @param origVenueClOrdId OrigClOrdID of the rejected request.
     * @param ordStatus        OrdStatus.
     * @param responseTo       CxlRejResponseTo.
     * @param reason           CxlRejReason.
     * @param text             buffer holding Text.
     * @param textLength       length of Text at offset 0.
     */
    void onVenueCancelReject(
        int venueId,
        long venueClOrdId,
        long origVenueClOrdId,
        OrdStatus ordStatus,
        CxlRejResponseTo responseTo,
        CxlRejReason reason,
        DirectBuffer text,
        int textLength);

    /**
     * A FIX session logged on or out.
     *
     * @param sessionId   session.
     * @param venueId     venue, or -1 for a client session.
     * @param role        client or venue.
     * @param state       logged on or out.
     * @param timestampNs when.
     */
    void onSessionStatus(int sessionId, int venueId, SessionRole role, SessionState state, long timestampNs);
}
