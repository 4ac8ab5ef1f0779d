package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;

import java.util.Arrays;

/**
 * The resting orders of one symbol, bids and asks, each side in price-time priority. Changed only by the
 * {@link MatchingEngine}; the read methods here serve displays and tests. Depth {@code 0} is the best level.
 */
public final class OrderBook
{
    private final String symbol;
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);

    Order[] replenishments = new Order[8];
    int replenishmentCount;

    OrderBook(final String symbol)
    {
        this.symbol = symbol;
    }

    /**
     * Symbol this book trades.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Highest bid price.
     *
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} when there is no bid.
     */
    public long bestBid()
    {
        return bids.bestPrice();
    }

    /**
     * Lowest ask price.
     *
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} when there is no ask.
     */
    public long bestAsk()
    {
        return asks.bestPrice();
    }

    /**
     * Number of price levels on a side.
     *
     * @param side bids ({@link Side#BUY}) or asks ({@link Side#SELL}).
     * @return the number of levels.
     */
    public int levelCount(final Side side)
    {
        return side(side).levelCount();
    }

    /**
     * Price of a level.
     *
     * @param side  bids ({@link Side#BUY}) or asks ({@link Side#SELL}).
     * @param depth 0 for the best level.
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} when there is no such level.
     */
    public long priceAt(final Side side, final int depth)
    {
        final PriceLevel level = side(side).levelAt(depth);
        return level == null ? FixedPoint.NULL_VALUE : level.priceMantissa;
    }

    /**
     * Total working quantity of a level.
     *
     * @param side  bids ({@link Side#BUY}) or asks ({@link Side#SELL}).
     * @param depth 0 for the best level.
     * @return the quantity mantissa, 0 when there is no such level.
     */
    public long quantityAt(final Side side, final int depth)
    {
        final PriceLevel level = side(side).levelAt(depth);
        return level == null ? 0 : level.quantityMantissa;
    }

    /**
     * Number of orders resting at a level.
     *
     * @param side  bids ({@link Side#BUY}) or asks ({@link Side#SELL}).
     * @param depth 0 for the best level.
     * @return the order count, 0 when there is no such level.
     */
    public int orderCountAt(final Side side, final int depth)
    {
        final PriceLevel level = side(side).levelAt(depth);
        return level == null ? 0 : level.orderCount;
    }

    /**
     * Order id at a queue position of a level, oldest first; for tests of time priority.
     *
     * @param side     bids ({@link Side#BUY}) or asks ({@link Side#SELL}).
     * @param depth    0 for the best level.
     * @param position 0 for the order first in line.
     * @return the order id, or 0 when there is no such order.
     */
    public long orderIdAt(final Side side, final int depth, final int position)
    {
        final PriceLevel level = side(side).levelAt(depth);
        Order order = level == null ? null : level.head;
        for (int i = 0; i < position && order != null; i++)
        {
            order = order.next;
        }
        return order == null ? 0 : order.orderId();
    }

    BookSide side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /**
     * Queue a house order that waits to rest until it no longer crosses the other side.
     */
    void queueReplenishment(final Order order)
    {
        if (replenishmentCount == replenishments.length)
        {
            replenishments = Arrays.copyOf(replenishments, replenishmentCount * 2);
        }
        replenishments[replenishmentCount++] = order;
    }
}
