package io.bastion.venuesim;

import io.bastion.venuesim.engine.Order;
import io.bastion.venuesim.engine.OrderStatus;
import quickfix.SessionID;

import java.util.ArrayList;
import java.util.List;

/**
 * The FIX side of a participant's order: who owns it, its identifiers, the fields echoed in every report, and the
 * engine's numbers as of the last event.
 */
final class FixOrder
{
    final long orderId;
    final String orderIdText;
    final SessionID sessionId;
    final String symbol;
    final char side;
    final char ordType;
    final char timeInForce;
    final List<String> clOrdIds = new ArrayList<>(2);
    String clOrdId;
    String origClOrdId;

    long orderQtyMantissa;
    long priceMantissa;
    long cumQtyMantissa;
    long leavesQtyMantissa;
    long avgPxMantissa;
    char ordStatus = FixCodes.ORD_STATUS_NEW;
    boolean done;

    FixOrder(
        final long orderId,
        final String orderIdText,
        final SessionID sessionId,
        final String clOrdId,
        final String symbol,
        final char side,
        final char ordType,
        final char timeInForce)
    {
        this.orderId = orderId;
        this.orderIdText = orderIdText;
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.symbol = symbol;
        this.side = side;
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        clOrdIds.add(clOrdId);
    }

    boolean isLimit()
    {
        return ordType == FixCodes.ORD_TYPE_LIMIT;
    }

    /**
     * Take a new ClOrdID (cancel or replace), remembering the one it replaces as OrigClOrdID.
     */
    void renameTo(final String newClOrdId)
    {
        origClOrdId = clOrdId;
        clOrdId = newClOrdId;
        clOrdIds.add(newClOrdId);
    }

    /**
     * Undo {@link #renameTo(String)} after the engine refused the request.
     */
    void undoRename()
    {
        clOrdIds.remove(clOrdIds.size() - 1);
        clOrdId = origClOrdId;
        origClOrdId = null;
    }

    void update(final Order order)
    {
        orderQtyMantissa = order.quantity();
        priceMantissa = order.price();
        cumQtyMantissa = order.filledQuantity();
        leavesQtyMantissa = order.leavesQuantity();
        avgPxMantissa = order.averagePrice();
        ordStatus = ordStatus(order.status());
        done = order.isDone();
    }

    static char ordStatus(final OrderStatus status)
    {
        switch (status)
        {
            case PARTIALLY_FILLED:
                return FixCodes.ORD_STATUS_PARTIALLY_FILLED;
            case FILLED:
                return FixCodes.ORD_STATUS_FILLED;
            case CANCELED:
                return FixCodes.ORD_STATUS_CANCELED;
            default:
                return FixCodes.ORD_STATUS_NEW;
        }
    }
}
