package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A continuous limit order book matching engine: one {@link OrderBook} per symbol, price-time priority, trades at
 * the resting order's price. Single threaded: callers serialise access. Plain Java with fixed-point {@code long}
 * prices and quantities ({@link FixedPoint}); it allocates nothing per order once its pools are warm.
 * <p>
 * Participants choose their own positive order ids. The venue's own liquidity ("house" orders, from
 * {@link #seed(String, long, long, int, long)}) gets negative ids. With replenishment on, a house order that is
 * filled completely comes back, same price and quantity, at the back of its level, once the order that took it has
 * finished matching and as soon as it would not cross the other side, so a long run never drains the book.
 * <p>
 * Every state change is reported to a {@link MatchingEventListener} during the command that caused it; every
 * command returns a {@link RejectReason}, {@link RejectReason#NONE} when carried out.
 */
public final class MatchingEngine
{
    private final MatchingEventListener listener;
    private final boolean replenishHouseOrders;
    private final Map<String, OrderBook> bookBySymbol = new HashMap<>();
    private final Long2ObjectHashMap<Order> restingOrderById = new Long2ObjectHashMap<>();
    private Order[] freeOrders = new Order[64];
    private int freeOrderCount;
    private long nextHouseOrderId = -1;
    private long tradeCount;

    /**
     * An engine with no books.
     *
     * @param listener             receives every event.
     * @param replenishHouseOrders whether completely filled house orders come back.
     */
    public MatchingEngine(final MatchingEventListener listener, final boolean replenishHouseOrders)
    {
        this.listener = listener;
        this.replenishHouseOrders = replenishHouseOrders;
    }

    /**
     * The book of a symbol, created empty if there is none.
     *
     * @param symbol the symbol.
     * @return its book.
     */
    public OrderBook addBook(final String symbol)
    {
        return bookBySymbol.computeIfAbsent(symbol, OrderBook::new);
    }

    /**
     * The book of a symbol.
     *
     * @param symbol the symbol.
     * @return its book, or null if the engine does not trade it.
     */
    public OrderBook book(final String symbol)
    {
        return bookBySymbol.get(symbol);
    }

    /**
     * Put house liquidity in a symbol's book (created if needed): {@code levels} bids at
     * {@code referencePrice - k * tick} and as many asks at {@code referencePrice + k * tick}, {@code k = 1..levels},
     * each one order of {@code quantityPerLevel}.
     *
     * @param symbol            the symbol.
     * @param referencePrice    mantissa of the mid price; nothing rests at it.
     * @param tick              mantissa of the spacing between levels, positive.
     * @param levels            levels per side, zero or more.
     * @param quantityPerLevel  mantissa of each level's quantity, positive.
     * @throws IllegalArgumentException if the values are out of range or the lowest bid would not be positive.
     */
    public void seed(
        final String symbol,
        final long referencePrice,
        final long tick,
        final int levels,
        final long quantityPerLevel)
    {
        if (tick <= 0 || levels < 0 || quantityPerLevel <= 0)
        {
            throw new IllegalArgumentException("seed of " + symbol + " needs tick > 0, levels >= 0 and quantity > 0");
        }
        if (referencePrice - Math.multiplyExact((long)levels, tick) <= 0)
        {
            throw new IllegalArgumentException("seed of " + symbol + ": lowest bid " + FixedPoint.toString(
                referencePrice) + " - " + levels + " x " + FixedPoint.toString(tick) + " is not positive");
        }

        final OrderBook book = addBook(symbol);
        for (int k = 1; k <= levels; k++)
        {
            final long offset = k * tick;
            enter(book, nextHouseOrderId--, true, Side.BUY, OrderType.LIMIT, TimeInForce.GOOD_TILL_CANCEL,
                referencePrice - offset, quantityPerLevel);
            enter(book, nextHouseOrderId--, true, Side.SELL, OrderType.LIMIT, TimeInForce.GOOD_TILL_CANCEL,
                Math.addExact(referencePrice, offset), quantityPerLevel);
        }
    }

    /**
     * Enter a participant's order: it trades against what it can reach, then rests, or has its remainder canceled
     * if it is a market order or immediate-or-cancel; a fill-or-kill order that cannot fill completely is
     * canceled without trading.
     *
     * @param orderId          positive, not used by a working order.
     * @param symbol           a symbol with a book.
     * @param side             buy or sell.
     * @param type             market or limit.
     * @param timeInForce      how long it may work.
     * @param priceMantissa    limit price, positive; ignored for market orders.
     * @param quantityMantissa quantity, positive.
     * @return {@link RejectReason#NONE} if accepted, otherwise why not (also reported to the listener).
     */
    public RejectReason submit(
        final long orderId,
        final String symbol,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final long priceMantissa,
        final long quantityMantissa)
    {
        final OrderBook book = bookBySymbol.get(symbol);
        final RejectReason reason;
        if (book == null)
        {
            reason = RejectReason.UNKNOWN_SYMBOL;
        }
        else if (orderId <= 0)
        {
            reason = RejectReason.INVALID_ORDER_ID;
        }
        else if (restingOrderById.containsKey(orderId))
        {
            reason = RejectReason.DUPLICATE_ORDER_ID;
        }
        else if (quantityMantissa <= 0)
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (type == OrderType.LIMIT && priceMantissa <= 0)
        {
            reason = RejectReason.INVALID_PRICE;
        }
        else
        {
            reason = RejectReason.NONE;
        }

        if (reason != RejectReason.NONE)
        {
            listener.onRejected(orderId, reason);
            return reason;
        }

        enter(book, orderId, false, side, type, timeInForce, priceMantissa, quantityMantissa);
        replenish(book);
        return RejectReason.NONE;
    }

    /**
     * Cancel a working order.
     *
     * @param orderId the order.
     * @return {@link RejectReason#NONE}, or {@link RejectReason#UNKNOWN_ORDER} if no working order has this id.
     */
    public RejectReason cancel(final long orderId)
    {
        final Order order = restingOrderById.remove(orderId);
        if (order == null)
        {
            return RejectReason.UNKNOWN_ORDER;
        }

        final OrderBook book = order.book;
        final long leavesQuantity = order.leavesQuantity();
        book.side(order.side()).remove(order, leavesQuantity);
        order.cancel();
        listener.onCanceled(order, CancelReason.REQUESTED, leavesQuantity);
        release(order);
        replenish(book);
        return RejectReason.NONE;
    }

    /**
     * Change a working order's price and total quantity (FIX OrderQty, filled part included). Reducing the quantity
     * at the same price keeps the order's place in line; any other change sends it to the back of its new level,
     * after trading against whatever the new price reaches. A new quantity no more than the filled quantity
     * completes the order.
     *
     * @param orderId             the order.
     * @param newPriceMantissa    new limit price, positive.
     * @param newQuantityMantissa new total quantity, positive.
     * @return {@link RejectReason#NONE}, or why not: unknown order, invalid price or quantity.
     */
    public RejectReason replace(final long orderId, final long newPriceMantissa, final long newQuantityMantissa)
    {
        final Order order = restingOrderById.get(orderId);
        if (order == null)
        {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (newQuantityMantissa <= 0)
        {
            return RejectReason.INVALID_QUANTITY;
        }
        if (newPriceMantissa <= 0)
        {
            return RejectReason.INVALID_PRICE;
        }

        final OrderBook book = order.book;
        final BookSide side = book.side(order.side());
        final long oldLeavesQuantity = order.leavesQuantity();
        final boolean keepsPriority = newPriceMantissa == order.price() && newQuantityMantissa <= order.quantity();
        if (keepsPriority)
        {
            order.replace(newPriceMantissa, newQuantityMantissa);
            if (order.isDone())
            {
                side.remove(order, oldLeavesQuantity);
            }
            else
            {
                order.level.quantityMantissa -= oldLeavesQuantity - order.leavesQuantity();
            }
            listener.onReplaced(order);
        }
        else
        {
            side.remove(order, oldLeavesQuantity);
            order.replace(newPriceMantissa, newQuantityMantissa);
            listener.onReplaced(order);
            if (!order.isDone())
            {
                match(book, order);
                if (!order.isDone())
                {
                    side.add(order);
                }
            }
        }

        if (order.isDone())
        {
            restingOrderById.remove(orderId);
            release(order);
        }
        replenish(book);
        return RejectReason.NONE;
    }

    /**
     * A working order, for inspection before the next command.
     *
     * @param orderId the order.
     * @return a view of it, or null if no working order has this id.
     */
    public Order restingOrder(final long orderId)
    {
        return restingOrderById.get(orderId);
    }

    /**
     * Number of orders resting in all books, house orders included.
     *
     * @return the count.
     */
    public int restingOrderCount()
    {
        return restingOrderById.size();
    }

    /**
     * Number of trades since the engine was created, house trades included.
     *
     * @return the count.
     */
    public long tradeCount()
    {
        return tradeCount;
    }

    private void enter(
        final OrderBook book,
        final long orderId,
        final boolean house,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final long priceMantissa,
        final long quantityMantissa)
    {
        final Order order = acquire();
        order.init(orderId, house, side, type, timeInForce, priceMantissa, quantityMantissa);
        order.book = book;
        listener.onAccepted(order);

        if (timeInForce == TimeInForce.FILL_OR_KILL &&
            book.side(side.opposite()).tradableQuantity(type, priceMantissa, quantityMantissa) < quantityMantissa)
        {
            order.cancel();
            listener.onCanceled(order, CancelReason.FILL_OR_KILL_UNFILLED, quantityMantissa);
        }
        else
        {
            match(book, order);
            if (!order.isDone())
            {
                if (type == OrderType.MARKET)
                {
                    cancelRemainder(order, CancelReason.MARKET_REMAINDER);
                }
                else if (!timeInForce.mayRest())
                {
                    cancelRemainder(order, CancelReason.IMMEDIATE_OR_CANCEL_REMAINDER);
                }
                else
                {
                    book.side(side).add(order);
                    restingOrderById.put(orderId, order);
                    return;
                }
            }
        }
        release(order);
    }

    private void match(final OrderBook book, final Order aggressor)
    {
        final BookSide opposite = book.side(aggressor.side().opposite());
        final boolean isLimit = aggressor.type() == OrderType.LIMIT;
        while (!aggressor.isDone())
        {
            final PriceLevel level = opposite.best();
            if (level == null || (isLimit && !opposite.isTradableAgainst(level.priceMantissa, aggressor.price())))
            {
                return;
            }

            final Order passive = level.head;
            final long priceMantissa = level.priceMantissa;
            final long quantityMantissa = Math.min(aggressor.leavesQuantity(), passive.leavesQuantity());
            aggressor.fill(quantityMantissa, priceMantissa);
            passive.fill(quantityMantissa, priceMantissa);
            level.quantityMantissa -= quantityMantissa;
            listener.onTrade(++tradeCount, aggressor, passive, priceMantissa, quantityMantissa);

            if (passive.isDone())
            {
                opposite.remove(passive, 0);
                restingOrderById.remove(passive.orderId());
                if (passive.isHouse() && replenishHouseOrders)
                {
                    final Order replenishment = acquire();
                    replenishment.init(nextHouseOrderId--, true, passive.side(), OrderType.LIMIT,
                        TimeInForce.GOOD_TILL_CANCEL, priceMantissa, passive.quantity());
                    replenishment.book = book;
                    book.queueReplenishment(replenishment);
                }
                release(passive);
            }
        }
    }

    private void cancelRemainder(final Order order, final CancelReason reason)
    {
        final long leavesQuantity = order.leavesQuantity();
        order.cancel();
        listener.onCanceled(order, reason, leavesQuantity);
    }

    private void replenish(final OrderBook book)
    {
        final int count = book.replenishmentCount;
        int waiting = 0;
        for (int i = 0; i < count; i++)
        {
            final Order order = book.replenishments[i];
            book.replenishments[i] = null;
            final BookSide opposite = book.side(order.side().opposite());
            final PriceLevel oppositeBest = opposite.best();
            if (oppositeBest != null && opposite.isTradableAgainst(oppositeBest.priceMantissa, order.price()))
            {
                book.replenishments[waiting++] = order;
            }
            else
            {
                listener.onAccepted(order);
                book.side(order.side()).add(order);
                restingOrderById.put(order.orderId(), order);
            }
        }
        book.replenishmentCount = waiting;
    }

    private Order acquire()
    {
        if (freeOrderCount == 0)
        {
            return new Order();
        }
        final Order order = freeOrders[--freeOrderCount];
        freeOrders[freeOrderCount] = null;
        return order;
    }

    private void release(final Order order)
    {
        order.book = null;
        if (freeOrderCount == freeOrders.length)
        {
            freeOrders = Arrays.copyOf(freeOrders, freeOrderCount * 2);
        }
        freeOrders[freeOrderCount++] = order;
    }
}
