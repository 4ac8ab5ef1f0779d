package io.bastion.md;

import java.util.Arrays;

/**
 * Diff-depth events held while a snapshot is awaited, as primitives, in arrival order, bounded in events and levels.
 * When full, the oldest events are dropped: that is safe, because the snapshot must then cover the new oldest
 * event's first update id, which the synchronizer checks. Storage grows to its bounds while warming up and is
 * reused afterwards.
 */
final class PendingUpdates
{
    private static final int INITIAL_EVENTS = 16;
    private static final int INITIAL_LEVELS = 256;

    private final int maxEvents;
    private final int maxLevels;
    private long[] firstIds = new long[INITIAL_EVENTS];
    private long[] finalIds = new long[INITIAL_EVENTS];
    private int[] levelStarts = new int[INITIAL_EVENTS];
    private int[] bidCounts = new int[INITIAL_EVENTS];
    private int[] askCounts = new int[INITIAL_EVENTS];
    private long[] prices;
    private long[] quantities;
    private int head;
    private int tail;
    private int levelTail;
    private long overflowDrops;

    PendingUpdates(final int maxEvents, final int maxLevels)
    {
        if (maxEvents < 1 || maxLevels < 1)
        {
            throw new IllegalArgumentException("bounds must be positive: " + maxEvents + ", " + maxLevels);
        }
        this.maxEvents = maxEvents;
        this.maxLevels = maxLevels;
        prices = new long[Math.min(INITIAL_LEVELS, maxLevels)];
        quantities = new long[prices.length];
    }

    int size()
    {
        return tail - head;
    }

    boolean isEmpty()
    {
        return tail == head;
    }

    long overflowDrops()
    {
        return overflowDrops;
    }

    void clear()
    {
        head = 0;
        tail = 0;
        levelTail = 0;
    }

    long firstUpdateId(final int index)
    {
        return firstIds[head + index];
    }

    long finalUpdateId(final int index)
    {
        return finalIds[head + index];
    }

    int levelStart(final int index)
    {
        return levelStarts[head + index];
    }

    int bidCount(final int index)
    {
        return bidCounts[head + index];
    }

    int askCount(final int index)
    {
        return askCounts[head + index];
    }

    long[] prices()
    {
        return prices;
    }

    long[] quantities()
    {
        return quantities;
    }

    void dropFirst(final int n)
    {
        head += n;
        if (head >= tail)
        {
            clear();
        }
    }

    /**
     * Append an event, dropping the oldest ones if the bounds require it; an event with more levels than the whole
     * buffer holds is dropped itself, along with everything before it.
     */
    void add(final DepthUpdate update)
    {
        final PriceLevels bids = update.bids();
        final PriceLevels asks = update.asks();
        final int levels = bids.size() + asks.size();
        if (levels > maxLevels)
        {
            overflowDrops += size() + 1;
            clear();
            return;
        }

        while (size() >= maxEvents || usedLevels() + levels > maxLevels)
        {
            overflowDrops++;
            dropFirst(1);
        }
        ensureEventRoom();
        ensureLevelRoom(levels);

        final int start = levelTail;
        System.arraycopy(bids.prices(), 0, prices, start, bids.size());
        System.arraycopy(bids.quantities(), 0, quantities, start, bids.size());
        System.arraycopy(asks.prices(), 0, prices, start + bids.size(), asks.size());
        System.arraycopy(asks.quantities(), 0, quantities, start + bids.size(), asks.size());
        levelTail += levels;

        firstIds[tail] = update.firstUpdateId();
        finalIds[tail] = update.finalUpdateId();
        levelStarts[tail] = start;
        bidCounts[tail] = bids.size();
        askCounts[tail] = asks.size();
        tail++;
    }

    private int usedLevels()
    {
        return isEmpty() ? 0 : levelTail - levelStarts[head];
    }

    private void ensureEventRoom()
    {
        if (tail < firstIds.length)
        {
            return;
        }
        if (head > 0)
        {
            final int n = size();
            System.arraycopy(firstIds, head, firstIds, 0, n);
            System.arraycopy(finalIds, head, finalIds, 0, n);
            System.arraycopy(levelStarts, head, levelStarts, 0, n);
            System.arraycopy(bidCounts, head, bidCounts, 0, n);
            System.arraycopy(askCounts, head, askCounts, 0, n);
            head = 0;
            tail = n;
            return;
        }
        final int newLength = (int)Math.min(maxEvents, 2L * firstIds.length);
        firstIds = Arrays.copyOf(firstIds, newLength);
        finalIds = Arrays.copyOf(finalIds, newLength);
        levelStarts = Arrays.copyOf(levelStarts, newLength);
        bidCounts = Arrays.copyOf(bidCounts, newLength);
        askCounts = Arrays.copyOf(askCounts, newLength);
    }

    private void ensureLevelRoom(final int levels)
    {
        if (levelTail + levels <= prices.length)
        {
            return;
        }
        if (!isEmpty() && levelStarts[head] > 0)
        {
            final int from = levelStarts[head];
            final int used = levelTail - from;
            System.arraycopy(prices, from, prices, 0, used);
            System.arraycopy(quantities, from, quantities, 0, used);
            for (int i = head; i < tail; i++)
            {
                levelStarts[i] -= from;
            }
            levelTail = used;
        }
        else if (isEmpty())
        {
            levelTail = 0;
        }

        if (levelTail + levels > prices.length)
        {
            long newLength = prices.length;
            while (newLength < levelTail + levels)
            {
                newLength *= 2;
            }
            final int length = (int)Math.min(maxLevels, newLength);
            prices = Arrays.copyOf(prices, length);
            quantities = Arrays.copyOf(quantities, length);
        }
    }
}
