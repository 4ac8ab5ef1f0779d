package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Int128;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;

/**
 * One client order and its venue order (one each for now; the venue side is kept apart so a parent may later own
 * several children). Pooled and reused: {@link #reset()} returns it to a blank state.
 */
final class Order
{
    final ClOrdKey key = new ClOrdKey();
    final ClOrdKey cancelKey = new ClOrdKey();
    final AsciiId account = new AsciiId(OmsConfiguration.ACCOUNT_LENGTH);
    final AsciiId symbol = new AsciiId(OmsConfiguration.SYMBOL_LENGTH);
    final AsciiId venueOrderId = new AsciiId(OmsConfiguration.ORDER_ID_LENGTH);

    long orderId;
    int venueId;
    Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long orderQty;
    long price;
    long stopPx;

    long venueClOrdId;
    long cancelVenueClOrdId;

    OrderState state;
    boolean pendingCancel;
    boolean cancelKeyIndexed;

    long cumQty;
    long avgPx;
    private long notionalHigh;
    private long notionalLow;

    void reset()
    {
        key.sessionId = 0;
        key.clOrdId.clear();
        cancelKey.sessionId = 0;
        cancelKey.clOrdId.clear();
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
        venueClOrdId = 0;
        cancelVenueClOrdId = 0;
        state = OrderState.PENDING_NEW;
        pendingCancel = false;
        cancelKeyIndexed = false;
        cumQty = 0;
        avgPx = 0;
        notionalHigh = 0;
        notionalLow = 0;
    }

    long leavesQty()
    {
        return state.isTerminal() ? 0 : orderQty - cumQty;
    }

    /**
     * Apply a fill: cumulative quantity, and an exact average price from the 128-bit sum of price times quantity.
     */
    void fill(final long lastQty, final long lastPx)
    {
        notionalHigh = Int128.addProductHigh(notionalHigh, notionalLow, lastQty, lastPx);
        notionalLow = Int128.addProductLow(notionalLow, lastQty, lastPx);
        cumQty = Math.addExact(cumQty, lastQty);
        avgPx = Int128.divide(notionalHigh, notionalLow, cumQty);
        state = cumQty >= orderQty ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
    }

    /**
     * OrdStatus by FIX precedence: a pending cancel shows over the fill state while the order works.
     */
    OrdStatus ordStatus()
    {
        if (pendingCancel && !state.isTerminal())
        {
            return OrdStatus.PENDING_CANCEL;
        }
        return state.ordStatus();
    }
}
