package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Records engine events as short readable lines, so tests can state the expected sequence.
 */
final class RecordingListener implements MatchingEventListener
{
    final List<String> events = new ArrayList<>();
    boolean includeHouse;

    @Override
    public void onAccepted(final Order order)
    {
        if (!order.isHouse() || includeHouse)
        {
            events.add("accepted " + order.orderId() + " " + order.side() + " " + qty(order.quantity()) + "@" +
                (order.type() == OrderType.MARKET ? "MKT" : px(order.price())) + " " + order.timeInForce());
        }
    }

    @Override
    public void onRejected(final long orderId, final RejectReason reason)
    {
        events.add("rejected " + orderId + " " + reason);
    }

    @Override
    public void onTrade(
        final long tradeId,
        final Order aggressor,
        final Order passive,
        final long priceMantissa,
        final long quantityMantissa)
    {
        events.add("trade " + aggressor.orderId() + " x " + passive.orderId() + " " + qty(quantityMantissa) + "@" +
            px(priceMantissa) + " aggressor " + state(aggressor) + " passive " + state(passive));
    }

    @Override
    public void onCanceled(final Order order, final CancelReason reason, final long canceledQuantityMantissa)
    {
        events.add("canceled " + order.orderId() + " " + reason + " " + qty(canceledQuantityMantissa) + " " +
            state(order));
    }

    @Override
    public void onReplaced(final Order order)
    {
        events.add("replaced " + order.orderId() + " " + qty(order.quantity()) + "@" + px(order.price()) + " " +
            state(order));
    }

    List<String> drain()
    {
        final List<String> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }

    private static String state(final Order order)
    {
        return order.status() + " cum " + qty(order.filledQuantity()) + " leaves " + qty(order.leavesQuantity()) +
            " avg " + px(order.averagePrice());
    }

    static String px(final long mantissa)
    {
        return FixedPoint.toString(mantissa);
    }

    static String qty(final long mantissa)
    {
        return FixedPoint.toString(mantissa);
    }
}
