package io.bastion.md;

import io.bastion.protocol.FixedPoint;

import java.util.Arrays;

/**
 * One instrument's price levels (level 2): bids best (highest) first, asks best (lowest) first, prices and
 * quantities as {@link FixedPoint} mantissas.
 * <p>
 * Each side is a pair of sorted primitive arrays kept with the best level at the end, so the changes that dominate a
 * live feed, near the top of the book, move few elements; lookups are binary searches. The arrays grow while warming
 * up, to at most {@code maxLevelsPerSide}; after that an update allocates nothing. A side that is full drops its
 * level farthest from the top to make room (counted in {@link #truncatedLevels()}): the top of the book stays exact,
 * the far tail is what a venue's depth-limited snapshot leaves out anyway.
 * <p>
 * The book does not decide whether it may be served: its {@link BookState} is set by the synchronizer that knows the
 * update sequence, and only a {@link BookState#LIVE} book is servable. Not thread safe.
 */
public final class L2Book
{
    /** Returned by the update-id accessor before any snapshot. */
    public static final long NULL_UPDATE_ID = -1;

    private final String symbol;
    private final Side bids;
    private final Side asks;
    private BookState state = BookState.EMPTY;
    private long lastUpdateId = NULL_UPDATE_ID;

    /**
     * A book with room for {@code initialLevelsPerSide} that grows to at most {@code maxLevelsPerSide} per side.
     *
     * @param symbol               the instrument, e.g. {@code NKNUSDT}.
     * @param initialLevelsPerSide levels allocated at construction.
     * @param maxLevelsPerSide     levels kept at most, per side.
     */
    public L2Book(final String symbol, final int initialLevelsPerSide, final int maxLevelsPerSide)
    {
        if (initialLevelsPerSide < 1 || maxLevelsPerSide < initialLevelsPerSide)
        {
            throw new IllegalArgumentException("need 1 <= initialLevelsPerSide <= maxLevelsPerSide: " +
                initialLevelsPerSide + ", " + maxLevelsPerSide);
        }
        this.symbol = symbol;
        bids = new Side(true, initialLevelsPerSide, maxLevelsPerSide);
        asks = new Side(false, initialLevelsPerSide, maxLevelsPerSide);
    }

    /**
     * The instrument.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Whether the book may be served.
     *
     * @return the state.
     */
    public BookState state()
    {
        return state;
    }

    /**
     * Set by the synchronizer that owns the book.
     *
     * @param state the new state.
     */
    public void state(final BookState state)
    {
        this.state = state;
    }

    /**
     * True only when the book is {@link BookState#LIVE}: synchronised, in sequence and not crossed.
     *
     * @return whether the levels may be used.
     */
    public boolean isServable()
    {
        return state == BookState.LIVE;
    }

    /**
     * The venue's id of the last update applied (for Binance, the snapshot's {@code lastUpdateId}, then each event's
     * {@code u}).
     *
     * @return the id, or {@link #NULL_UPDATE_ID}.
     */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    /**
     * Record the venue's id of the last update applied.
     *
     * @param updateId the id.
     */
    public void lastUpdateId(final long updateId)
    {
        lastUpdateId = updateId;
    }

    /**
     * Remove every level and forget the update id; the state is left to the caller.
     */
    public void clear()
    {
        bids.clear();
        asks.clear();
        lastUpdateId = NULL_UPDATE_ID;
    }

    /**
     * Replace both sides with a snapshot's levels. Levels with quantity 0 are left out; input sorted best first
     * (as venues send snapshots) is loaded in one pass.
     *
     * @param bidLevels bids.
     * @param askLevels asks.
     */
    public void load(final PriceLevels bidLevels, final PriceLevels askLevels)
    {
        bids.load(bidLevels.prices(), bidLevels.quantities(), bidLevels.size());
        asks.load(askLevels.prices(), askLevels.quantities(), askLevels.size());
    }

    /**
     * Set a bid level's quantity; 0 removes the level (removing an absent level does nothing).
     *
     * @param priceMantissa    price, positive.
     * @param quantityMantissa new quantity, 0 to remove.
     */
    public void setBid(final long priceMantissa, final long quantityMantissa)
    {
        bids.set(priceMantissa, quantityMantissa);
    }

    /**
     * Set an ask level's quantity; 0 removes the level (removing an absent level does nothing).
     *
     * @param priceMantissa    price, positive.
     * @param quantityMantissa new quantity, 0 to remove.
     */
    public void setAsk(final long priceMantissa, final long quantityMantissa)
    {
        asks.set(priceMantissa, quantityMantissa);
    }

    /**
     * Number of bid levels.
     *
     * @return the depth of the bid side.
     */
    public int bidDepth()
    {
        return bids.count;
    }

    /**
     * Number of ask levels.
     *
     * @return the depth of the ask side.
     */
    public int askDepth()
    {
        return asks.count;
    }

    /**
     * Price of a bid level.
     *
     * @param level 0 for the best bid.
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} beyond the depth.
     */
    public long bidPrice(final int level)
    {
        return bids.price(level);
    }

    /**
     * Quantity of a bid level.
     *
     * @param level 0 for the best bid.
     * @return the quantity mantissa, or {@link FixedPoint#NULL_VALUE} beyond the depth.
     */
    public long bidQuantity(final int level)
    {
        return bids.quantity(level);
    }

    /**
     * Price of an ask level.
     *
     * @param level 0 for the best ask.
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} beyond the depth.
     */
    public long askPrice(final int level)
    {
        return asks.price(level);
    }

    /**
     * Quantity of an ask level.
     *
     * @param level 0 for the best ask.
     * @return the quantity mantissa, or {@link FixedPoint#NULL_VALUE} beyond the depth.
     */
    public long askQuantity(final int level)
    {
        return asks.quantity(level);
    }

    /**
     * Best bid price.
     *
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} if there are no bids.
     */
    public long bestBidPrice()
    {
        return bids.price(0);
    }

    /**
     * Quantity at the best bid.
     *
     * @return the quantity mantissa, or {@link FixedPoint#NULL_VALUE} if there are no bids.
     */
    public long bestBidQuantity()
    {
        return bids.quantity(0);
    }

    /**
     * Best ask price.
     *
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} if there are no asks.
     */
    public long bestAskPrice()
    {
        return asks.price(0);
    }

    /**
     * Quantity at the best ask.
     *
     * @return the quantity mantissa, or {@link FixedPoint#NULL_VALUE} if there are no asks.
     */
    public long bestAskQuantity()
    {
        return asks.quantity(0);
    }

    /**
     * Copy the top bid levels, best first.
     *
     * @param prices     destination for price mantissas.
     * @param quantities destination for quantity mantissas, at least as long as {@code prices}.
     * @return the number of levels copied: the smaller of the bid depth and {@code prices.length}.
     */
    public int topBids(final long[] prices, final long[] quantities)
    {
        return bids.copyTop(prices, quantities);
    }

    /**
     * Copy the top ask levels, best first.
     *
     * @param prices     destination for price mantissas.
     * @param quantities destination for quantity mantissas, at least as long as {@code prices}.
     * @return the number of levels copied: the smaller of the ask depth and {@code prices.length}.
     */
    public int topAsks(final long[] prices, final long[] quantities)
    {
        return asks.copyTop(prices, quantities);
    }

    /**
     * Whether the best bid is at or above the best ask. A continuous-matching venue never publishes such a book, so a
     * local book in this state is wrong.
     *
     * @return true when crossed or locked.
     */
    public boolean isCrossed()
    {
        return bids.count > 0 && asks.count > 0 && bids.price(0) >= asks.price(0);
    }

    /**
     * Levels dropped because a side was full, since construction.
     *
     * @return the count.
     */
    public long truncatedLevels()
    {
        return bids.truncated + asks.truncated;
    }

    /**
     * Keys are sorted ascending with the best level last: the price for bids, the negated price for asks.
     */
    private static final class Side
    {
        private final boolean bid;
        private final int maxLevels;
        private long[] keys;
        private long[] quantities;
        private int count;
        private long truncated;

        Side(final boolean bid, final int initialLevels, final int maxLevels)
        {
            this.bid = bid;
            this.maxLevels = maxLevels;
            keys = new long[initialLevels];
            quantities = new long[initialLevels];
        }

        void clear()
        {
            count = 0;
        }

        long price(final int level)
        {
            if (level < 0 || level >= count)
            {
                return FixedPoint.NULL_VALUE;
            }
            final long key = keys[count - 1 - level];
            return bid ? key : -key;
        }

        long quantity(final int level)
        {
            if (level < 0 || level >= count)
            {
                return FixedPoint.NULL_VALUE;
            }
            return quantities[count - 1 - level];
        }

        int copyTop(final long[] prices, final long[] destinationQuantities)
        {
            final int n = Math.min(count, prices.length);
            for (int level = 0; level < n; level++)
            {
                final long key = keys[count - 1 - level];
                prices[level] = bid ? key : -key;
                destinationQuantities[level] = quantities[count - 1 - level];
            }
            return n;
        }

        void set(final long priceMantissa, final long quantityMantissa)
        {
            final long key = bid ? priceMantissa : -priceMantissa;
            final int index = Arrays.binarySearch(keys, 0, count, key);
            if (index >= 0)
            {
                if (quantityMantissa == 0)
                {
                    System.arraycopy(keys, index + 1, keys, index, count - index - 1);
                    System.arraycopy(quantities, index + 1, quantities, index, count - index - 1);
                    count--;
                }
                else
                {
                    quantities[index] = quantityMantissa;
                }
                return;
            }
            if (quantityMantissa == 0)
            {
                return;
            }

            final int insertAt = -index - 1;
            if (count == keys.length && !grow())
            {
                truncated++;
                if (insertAt > 0)
                {
                    System.arraycopy(keys, 1, keys, 0, insertAt - 1);
                    System.arraycopy(quantities, 1, quantities, 0, insertAt - 1);
                    keys[insertAt - 1] = key;
                    quantities[insertAt - 1] = quantityMantissa;
                }
                return;
            }

            System.arraycopy(keys, insertAt, keys, insertAt + 1, count - insertAt);
            System.arraycopy(quantities, insertAt, quantities, insertAt + 1, count - insertAt);
            keys[insertAt] = key;
            quantities[insertAt] = quantityMantissa;
            count++;
        }

        void load(final long[] prices, final long[] sourceQuantities, final int size)
        {
            count = 0;
            int nonZero = 0;
            boolean bestFirst = true;
            long previousKey = 0;
            for (int i = 0; i < size; i++)
            {
                final long key = bid ? prices[i] : -prices[i];
                if (i > 0 && key >= previousKey)
                {
                    bestFirst = false;
                }
                previousKey = key;
                if (sourceQuantities[i] != 0)
                {
                    nonZero++;
                }
            }

            if (!bestFirst || nonZero > maxLevels)
            {
                for (int i = 0; i < size; i++)
                {
                    set(prices[i], sourceQuantities[i]);
                }
                return;
            }

            while (keys.length < nonZero)
            {
                grow();
            }
            for (int i = size - 1; i >= 0; i--)
            {
                if (sourceQuantities[i] != 0)
                {
                    keys[count] = bid ? prices[i] : -prices[i];
                    quantities[count] = sourceQuantities[i];
                    count++;
                }
            }
        }

        private boolean grow()
        {
            if (keys.length >= maxLevels)
            {
                return false;
            }
            final int newLength = (int)Math.min(maxLevels, 2L * keys.length);
            keys = Arrays.copyOf(keys, newLength);
            quantities = Arrays.copyOf(quantities, newLength);
            return true;
        }
    }
}
