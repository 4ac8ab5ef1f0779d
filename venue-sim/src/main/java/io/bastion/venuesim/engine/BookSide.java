package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;

import java.util.Arrays;

/**
 * One side of a book: price levels in an array sorted from worst to best, so the best level is the last one and
 * consuming it is cheap. Emptied levels go back to a free list.
 */
final class BookSide
{
    private static final int INITIAL_LEVELS = 16;

    private final Side side;
    private PriceLevel[] levels = new PriceLevel[INITIAL_LEVELS];
    private int levelCount;
    private PriceLevel[] freeLevels = new PriceLevel[INITIAL_LEVELS];
    private int freeCount;

    BookSide(final Side side)
    {
        this.side = side;
    }

    Side side()
    {
        return side;
    }

    int levelCount()
    {
        return levelCount;
    }

    PriceLevel best()
    {
        return levelCount == 0 ? null : levels[levelCount - 1];
    }

    PriceLevel levelAt(final int depth)
    {
        return depth < 0 || depth >= levelCount ? null : levels[levelCount - 1 - depth];
    }

    long bestPrice()
    {
        return levelCount == 0 ? FixedPoint.NULL_VALUE : levels[levelCount - 1].priceMantissa;
    }

    /**
     * Whether an order on the other side with this limit would trade against the given level price.
     */
    boolean isTradableAgainst(final long levelPriceMantissa, final long limitPriceMantissa)
    {
        return side == Side.SELL ? levelPriceMantissa <= limitPriceMantissa : levelPriceMantissa >= limitPriceMantissa;
    }

    /**
     * How much an incoming order on the other side could trade at once, counting no further than {@code needed}.
     */
    long tradableQuantity(final OrderType type, final long limitPriceMantissa, final long neededMantissa)
    {
        long total = 0;
        for (int i = levelCount - 1; i >= 0 && total < neededMantissa; i--)
        {
            final PriceLevel level = levels[i];
            if (type == OrderType.LIMIT && !isTradableAgainst(level.priceMantissa, limitPriceMantissa))
            {
                break;
            }
            total += level.quantityMantissa;
        }
        return total;
    }

    void add(final Order order)
    {
        levelFor(order.price()).addLast(order);
    }

    void remove(final Order order, final long leavesQuantityMantissa)
    {
        final PriceLevel level = order.level;
        level.remove(order, leavesQuantityMantissa);
        if (level.isEmpty())
        {
            removeLevel(level);
        }
    }

    private boolean isWorse(final long priceMantissa, final long thanPriceMantissa)
    {
        return side == Side.BUY ? priceMantissa < thanPriceMantissa : priceMantissa > thanPriceMantissa;
    }

    private PriceLevel levelFor(final long priceMantissa)
    {
        final int found = search(priceMantissa);
        if (found >= 0)
        {
            return levels[found];
        }

        final int insertAt = -found - 1;
        if (levelCount == levels.length)
        {
            levels = Arrays.copyOf(levels, levelCount * 2);
        }
        System.arraycopy(levels, insertAt, levels, insertAt + 1, levelCount - insertAt);
        final PriceLevel level = freeCount == 0 ? new PriceLevel() : freeLevels[--freeCount];
        freeLevels[freeCount] = null;
        level.init(priceMantissa);
        levels[insertAt] = level;
        levelCount++;
        return level;
    }

    private void removeLevel(final PriceLevel level)
    {
        final int index = search(level.priceMantissa);
        System.arraycopy(levels, index + 1, levels, index, levelCount - index - 1);
        levels[--levelCount] = null;

        if (freeCount == freeLevels.length)
        {
            freeLevels = Arrays.copyOf(freeLevels, freeCount * 2);
        }
        freeLevels[freeCount++] = level;
    }

    /**
     * Index of the level with this price, or {@code -(insertion point) - 1}, as in {@link Arrays#binarySearch}.
     */
    private int search(final long priceMantissa)
    {
        int low = 0;
        int high = levelCount - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = levels[mid].priceMantissa;
            if (midPrice == priceMantissa)
            {
                return mid;
            }
            if (isWorse(midPrice, priceMantissa))
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -low - 1;
    }
}
