package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Int128;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;

/**
 * One client order and its venue order (one each for now; the venue side is kept apart so a parent may later own
 * several children). Its fields are those of the last accepted version: a pending replace keeps its new terms in its
 * {@link Request} until the venue confirms it. Pooled and reused: {@link #reset()} returns it to a blank state.
 */
final class Order
{
    /** {@link #internalCancelCause}: a kill switch was engaged. */
    static final byte KILL_SWITCH = 1;
    /** {@link #internalCancelCause}: the client session disconnected with cancel-on-disconnect. */
    static final byte DISCONNECT = 2;
    /** {@link #internalCancelCause}: self-match prevention (a new order of its account or group would trade with it). */
    static final byte SELF_MATCH = 3;

    /** The session and the ClOrdID of the last accepted version of the order. */
    final ClOrdKey key = new ClOrdKey();
    final AsciiId account = new AsciiId(OmsConfiguration.ACCOUNT_LENGTH);
    final AsciiId symbol = new AsciiId(OmsConfiguration.SYMBOL_LENGTH);
    final AsciiId venueOrderId = new AsciiId(OmsConfiguration.ORDER_ID_LENGTH);

    /** Place in the store's pool, fixed once pooled; -1 for an order outside the pool. */
    int index = -1;
    long orderId;
    int venueId;
    /** Index in the risk limits' accounts ({@link io.bastion.risk.NameIndex#MISSING} when unknown). */
    int accountIndex = -1;
    /** The trader's index in the limit set's traders, or -1 (none, or one without caps). */
    int traderIndex = -1;
    /** Index in the risk limits' symbols. */
    int symbolIndex = -1;
    /** The account's entry in the symbol in risk's exposure book, once the order is accepted; else -1. */
    int exposureSlot = -1;
    /** Price a market order is valued at: the reference price when it was accepted. */
    long valuationPx;
    /** Quantity and notional the order holds in risk's exposure book. */
    long reservedQty;
    long reservedNotional;
    /** Price the reservation was valued at (NULL_VALUE while a replace is pending: it holds the larger terms). */
    long reservedPx;
    Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long orderQty;
    long price;
    long stopPx;
    long expireTimeNs;

    /** Venue ClOrdID of the last accepted version at the venue. */
    long venueClOrdId;
    OrderState state;

    /** Every request on the order, newest first. */
    Request requests;
    Request pendingCancel;
    Request pendingReplace;
    /** Why Bastion cancelled the order on its own, when it did: DONE_FOR_DAY or EXPIRED; else null. */
    OrderState internalCancelOutcome;
    /** Why Bastion cancelled it when the outcome is CANCELED: {@link #KILL_SWITCH} or {@link #DISCONNECT}. */
    byte internalCancelCause;

    /** Every execution applied, newest first. */
    Fill fills;
    /** Executions findable by ExecID. */
    int indexedFills;
    /** Its executions are in the store-wide ExecID index, not only on its list. */
    boolean fillsInIndex;

    long cumQty;
    long avgPx;
    private long notionalHigh;
    private long notionalLow;

    boolean retired;
    boolean inRetiredRing;
    /** Neighbours among the working orders of the same account and symbol (its exposure slot), for self-match checks. */
    Order prevInSlot;
    Order nextInSlot;
    boolean inSlotList;
    Order prevWorking;
    Order nextWorking;

    void reset()
    {
        key.clear();
        account.clear();
        symbol.clear();
        venueOrderId.clear();
        orderId = 0;
        venueId = -1;
        side = null;
        ordType = null;
        timeInForce = null;
        orderQty = 0;
        price = FixedPoint.NULL_VALUE;
        stopPx = FixedPoint.NULL_VALUE;
        expireTimeNs = 0;
        accountIndex = -1;
        traderIndex = -1;
        symbolIndex = -1;
        exposureSlot = -1;
        valuationPx = FixedPoint.NULL_VALUE;
        reservedQty = 0;
        reservedNotional = 0;
        reservedPx = FixedPoint.NULL_VALUE;
        venueClOrdId = 0;
        state = OrderState.PENDING_NEW;
        requests = null;
        pendingCancel = null;
        pendingReplace = null;
        internalCancelOutcome = null;
        internalCancelCause = 0;
        prevInSlot = null;
        nextInSlot = null;
        inSlotList = false;
        fills = null;
        indexedFills = 0;
        fillsInIndex = false;
        cumQty = 0;
        avgPx = 0;
        notionalHigh = 0;
        notionalLow = 0;
        retired = false;
        inRetiredRing = false;
        prevWorking = null;
        nextWorking = null;
    }

    long leavesQty()
    {
        return state.isTerminal() ? 0 : Math.max(0, orderQty - cumQty);
    }

    boolean hasPendingRequest()
    {
        return pendingCancel != null || pendingReplace != null;
    }

    /**
     * Apply an execution: cumulative quantity, and an exact average price from the 128-bit sum of price times
     * quantity. A negative quantity takes an execution back out (a bust).
     */
    void execute(final long qty, final long px)
    {
        notionalHigh = Int128.addProductHigh(notionalHigh, notionalLow, qty, px);
        notionalLow = Int128.addProductLow(notionalLow, qty, px);
        cumQty = Math.addExact(cumQty, qty);
        avgPx = cumQty == 0 ? 0 : Int128.divide(notionalHigh, notionalLow, cumQty);
    }

    /**
     * The working state that the quantities imply: filled once CumQty reaches OrderQty, else partially filled or
     * new. Only for orders that are not finished otherwise.
     */
    OrderState workingState()
    {
        if (cumQty >= orderQty)
        {
            return OrderState.FILLED;
        }
        return cumQty > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
    }

    /**
     * OrdStatus by FIX precedence (Appendix D): pending cancel over pending replace over everything else, including
     * filled, until the venue has answered the request.
     */
    OrdStatus ordStatus()
    {
        if (pendingCancel != null && pendingCancel.type == Request.CANCEL)
        {
            return OrdStatus.PENDING_CANCEL;
        }
        if (pendingReplace != null)
        {
            return OrdStatus.PENDING_REPLACE;
        }
        return state.ordStatus();
    }
}
