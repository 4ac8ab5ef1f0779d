package io.bastion.oms;

import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.KillSwitchAction;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.TradingHaltAction;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueCommandType;
import org.agrona.DirectBuffer;

import java.util.Map;
import java.util.Set;

/**
 * What the OMS receives, decoded to primitives by {@link OmsInboundAdapter}. Identifier arguments are reused between
 * calls: copy what must outlive the call. Prices and quantities are fixed-point mantissas (exponent -8), with
 * {@link io.bastion.protocol.FixedPoint#NULL_VALUE} for absent; times are epoch nanoseconds, 0 when absent.
 */
public interface OmsInboundHandler
{
    /**
     * A NewOrderSingle from a client.
     *
     * @param sessionId     client session.
     * @param sendingTimeNs SendingTime.
     * @param side          Side.
     * @param ordType       OrdType.
     * @param timeInForce   TimeInForce.
     * @param possResend    PossResend (97) was Y.
     * @param orderQty      OrderQty.
     * @param price         Price, null for none.
     * @param stopPx        StopPx, null for none.
     * @param expireTimeNs  ExpireTime, 0 for none.
     * @param clOrdId       ClOrdID.
     * @param account       Account, empty for none.
     * @param symbol        Symbol.
     * @param exDestination ExDestination, empty for none.
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
        long expireTimeNs,
        AsciiId clOrdId,
        AsciiId account,
        AsciiId trader,
        AsciiId symbol,
        AsciiId exDestination);

    /**
     * An OrderCancelRequest from a client.
     *
     * @param sessionId   client session.
     * @param side        Side.
     * @param orderQty    OrderQty.
     * @param clOrdId     ClOrdID of the request.
     * @param origClOrdId OrigClOrdID.
     * @param orderId     OrderID, empty for none.
     * @param symbol      Symbol.
     */
    void onCancel(
        int sessionId, Side side, long orderQty, AsciiId clOrdId, AsciiId origClOrdId, AsciiId orderId, AsciiId symbol);

    /**
     * An OrderCancelReplaceRequest from a client.
     *
     * @param sessionId    client session.
     * @param side         Side.
     * @param ordType      OrdType.
     * @param timeInForce  TimeInForce.
     * @param possResend   PossResend (97) was Y.
     * @param orderQty     new OrderQty.
     * @param price        new Price, null for none.
     * @param stopPx       new StopPx, null for none.
     * @param expireTimeNs new ExpireTime, 0 for none.
     * @param clOrdId      ClOrdID of the request.
     * @param origClOrdId  OrigClOrdID.
     * @param orderId      OrderID, empty for none.
     * @param account      Account, empty for none.
     * @param symbol       Symbol.
     */
    void onReplace(
        int sessionId,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        boolean possResend,
        long orderQty,
        long price,
        long stopPx,
        long expireTimeNs,
        AsciiId clOrdId,
        AsciiId origClOrdId,
        AsciiId orderId,
        AsciiId account,
        AsciiId trader,
        AsciiId symbol);

    /**
     * An OrderStatusRequest from a client.
     *
     * @param sessionId client session.
     * @param side      Side.
     * @param clOrdId   ClOrdID.
     * @param orderId   OrderID, empty for none.
     * @param symbol    Symbol.
     */
    void onStatusRequest(int sessionId, Side side, AsciiId clOrdId, AsciiId orderId, AsciiId symbol);

    /**
     * An ExecutionReport from a venue.
     *
     * @param venueId           venue.
     * @param venueClOrdId      ClOrdID, when it is one of Bastion's, else null value.
     * @param origVenueClOrdId  OrigClOrdID, when one of Bastion's.
     * @param transactTimeNs    TransactTime.
     * @param execType          ExecType, in FIX 4.4 terms.
     * @param ordStatus         OrdStatus.
     * @param ordRejReason      OrdRejReason or NULL_VAL.
     * @param restatementReason ExecRestatementReason or NULL_VAL.
     * @param possDup           PossDupFlag (43) was Y.
     * @param orderQty          OrderQty, null when absent.
     * @param price             Price, null when absent.
     * @param lastQty           LastQty.
     * @param lastPx            LastPx.
     * @param cumQty            CumQty.
     * @param leavesQty         LeavesQty.
     * @param avgPx             AvgPx.
     * @param venueOrderId      OrderID.
     * @param venueExecId       ExecID.
     * @param venueExecRefId    ExecRefID, empty when absent.
     * @param text              Text.
     * @param textLength        length of Text.
     */
    void onVenueExecution(
        int venueId,
        long venueClOrdId,
        long origVenueClOrdId,
        long transactTimeNs,
        ExecType execType,
        OrdStatus ordStatus,
        OrdRejReason ordRejReason,
        ExecRestatementReason restatementReason,
        boolean possDup,
        long orderQty,
        long price,
        long lastQty,
        long lastPx,
        long cumQty,
        long leavesQty,
        long avgPx,
        AsciiId venueOrderId,
        AsciiId venueExecId,
        AsciiId venueExecRefId,
        DirectBuffer text,
        int textLength);

    /**
     * An OrderCancelReject from a venue.
     *
     * @param venueId          venue.
     * @param venueClOrdId     ClOrdID of the rejected request.
     * @param origVenueClOrdId OrigClOrdID.
     * @param ordStatus        OrdStatus.
     * @param responseTo       CxlRejResponseTo.
     * @param reason           CxlRejReason or NULL_VAL.
     * @param text             Text.
     * @param textLength       length of Text.
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
     * A venue command that did not take effect: not sent, or refused with a session or business reject.
     *
     * @param venueId      venue.
     * @param venueClOrdId ClOrdID of the command.
     * @param commandType  which command.
     * @param source       why.
     * @param text         the venue's reason.
     * @param textLength   length of the reason.
     */
    void onVenueCommandRejected(
        int venueId,
        long venueClOrdId,
        VenueCommandType commandType,
        CommandRejectSource source,
        DirectBuffer text,
        int textLength);

    /**
     * A FIX session logged on or out.
     *
     * @param sessionId   session.
     * @param venueId     venue, -1 for client sessions.
     * @param role        client or venue.
     * @param state       logged on or out.
     * @param timestampNs when.
     */
    void onSessionStatus(int sessionId, int venueId, SessionRole role, SessionState state, long timestampNs);

    /**
     * The latest reference price of an instrument, from market data.
     *
     * @param symbol      instrument.
     * @param price       price mantissa.
     * @param timestampNs when the source took it, epoch nanoseconds.
     */
    void onReferencePrice(AsciiId symbol, long price, long timestampNs);

    /**
     * An admin command changing risk settings: applied whole between two messages, or refused whole.
     *
     * @param requestId       echoed in the result.
     * @param expectedVersion version the change was made against, or 0 for whatever is in force.
     * @param changes         settings to set.
     * @param removals        settings to remove.
     * @param requestedBy     who asked.
     */
    void onRiskLimitsUpdate(
        long requestId, long expectedVersion, Map<String, String> changes, Set<String> removals, String requestedBy);

    /**
     * An admin command engaging or releasing a kill switch.
     *
     * @param requestId         echoed in the result.
     * @param action            engage or release.
     * @param scope             what it covers.
     * @param sessionId         the client session, for scope SESSION.
     * @param allowRiskReducing whether orders that reduce the position may still pass.
     * @param name              the venue, account or symbol, for those scopes.
     * @param reason            why.
     * @param requestedBy       who asked.
     */
    void onKillSwitch(
        long requestId,
        KillSwitchAction action,
        KillSwitchScope scope,
        int sessionId,
        boolean allowRiskReducing,
        String name,
        String reason,
        String requestedBy);

    /**
     * An admin command (or a market-data source) halting or resuming trading: a venue (symbol empty), an instrument
     * everywhere (venue empty), or an instrument at one venue.
     *
     * @param requestId   echoed in the result.
     * @param action      halt or resume.
     * @param venue       venue name, or "".
     * @param symbol      instrument, or "".
     * @param reason      why.
     * @param requestedBy who asked.
     */
    void onTradingHalt(
        long requestId, TradingHaltAction action, String venue, String symbol, String reason, String requestedBy);
}
