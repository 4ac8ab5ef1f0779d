package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class L2BookTest
{
    private final L2Book book = new L2Book("TEST", 2, 1000);

    @Test
    void shouldStartEmptyAndNotServable()
    {
        assertEquals(BookState.EMPTY, book.state());
        assertFalse(book.isServable());
        assertEquals(FixedPoint.NULL_VALUE, book.bestBidPrice());
        assertEquals(FixedPoint.NULL_VALUE, book.bestAskQuantity());
        assertEquals(L2Book.NULL_UPDATE_ID, book.lastUpdateId());
        assertFalse(book.isCrossed());
    }

    @Test
    void shouldKeepBidsDescendingAndAsksAscending()
    {
        book.setBid(units(99), units(1));
        book.setBid(units(101), units(2));
        book.setBid(units(100), units(3));
        book.setAsk(units(104), units(4));
        book.setAsk(units(102), units(5));
        book.setAsk(units(103), units(6));

        assertEquals(3, book.bidDepth());
        assertEquals(units(101), book.bestBidPrice());
        assertEquals(units(2), book.bestBidQuantity());
        assertEquals(units(100), book.bidPrice(1));
        assertEquals(units(99), book.bidPrice(2));
        assertEquals(FixedPoint.NULL_VALUE, book.bidPrice(3));
        assertEquals(FixedPoint.NULL_VALUE, book.bidPrice(-1));
        assertEquals(units(102), book.bestAskPrice());
        assertEquals(units(5), book.bestAskQuantity());
        assertEquals(units(103), book.askPrice(1));
        assertEquals(units(104), book.askPrice(2));
        assertEquals(units(4), book.askQuantity(2));

        final long[] prices = new long[2];
        final long[] quantities = new long[2];
        assertEquals(2, book.topAsks(prices, quantities));
        assertEquals(units(102), prices[0]);
        assertEquals(units(6), quantities[1]);
        final long[] many = new long[10];
        assertEquals(3, book.topBids(many, new long[10]));
        assertEquals(units(99), many[2]);
    }

    @Test
    void shouldReplaceQuantityAndRemoveLevelOnZero()
    {
        book.setBid(units(100), units(1));
        book.setBid(units(100), units(7));
        assertEquals(1, book.bidDepth());
        assertEquals(units(7), book.bestBidQuantity());

        book.setBid(units(100), 0);
        assertEquals(0, book.bidDepth());
        book.setBid(units(100), 0);
        book.setAsk(units(5), 0);
        assertEquals(0, book.bidDepth() + book.askDepth(), "removing an absent level does nothing");
    }

    @Test
    void shouldDetectCrossedAndLockedBooks()
    {
        book.setBid(units(100), units(1));
        book.setAsk(units(101), units(1));
        assertFalse(book.isCrossed());
        book.setBid(units(101), units(1));
        assertTrue(book.isCrossed(), "locked");
        book.setBid(units(101), 0);
        book.setBid(units(102), units(1));
        assertTrue(book.isCrossed(), "crossed");
        book.setAsk(units(101), 0);
        assertFalse(book.isCrossed(), "one side empty");
    }

    @Test
    void shouldLoadSortedAndUnsortedSnapshotsAlike()
    {
        final PriceLevels bids = new PriceLevels();
        final PriceLevels asks = new PriceLevels();
        bids.add(units(10), units(1));
        bids.add(units(9), 0);
        bids.add(units(8), units(3));
        asks.add(units(11), units(4));
        asks.add(units(12), units(5));
        book.setBid(units(5), units(5));
        book.load(bids, asks);
        assertLevels(book, new long[]{units(10), units(8)}, new long[]{units(11), units(12)});

        final PriceLevels unsortedBids = new PriceLevels();
        unsortedBids.add(units(8), units(3));
        unsortedBids.add(units(10), units(9));
        unsortedBids.add(units(10), units(1));
        final PriceLevels unsortedAsks = new PriceLevels();
        unsortedAsks.add(units(12), units(5));
        unsortedAsks.add(units(11), units(4));
        book.load(unsortedBids, unsortedAsks);
        assertLevels(book, new long[]{units(10), units(8)}, new long[]{units(11), units(12)});
        assertEquals(units(1), book.bestBidQuantity(), "the later of duplicate levels wins");
    }

    @Test
    void shouldDropTheFarthestLevelWhenASideIsFull()
    {
        final L2Book small = new L2Book("SMALL", 1, 3);
        small.setAsk(units(10), units(1));
        small.setAsk(units(11), units(1));
        small.setAsk(units(12), units(1));
        small.setAsk(units(9), units(1));
        assertLevels(small, new long[0], new long[]{units(9), units(10), units(11)});
        small.setAsk(units(13), units(1));
        assertLevels(small, new long[0], new long[]{units(9), units(10), units(11)});
        small.setAsk(units(10), 0);
        small.setAsk(units(10), units(2));
        assertEquals(2, small.truncatedLevels());
        assertEquals(units(2), small.askQuantity(1));

        final PriceLevels bids = new PriceLevels();
        for (int i = 0; i < 5; i++)
        {
            bids.add(units(100 - i), units(1));
        }
        small.load(bids, new PriceLevels());
        assertLevels(small, new long[]{units(100), units(99), units(98)}, new long[0]);
    }

    @Test
    void shouldMatchATreeMapUnderRandomUpdates()
    {
        final Random random = new Random(11);
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        for (int i = 0; i < 50_000; i++)
        {
            final boolean bid = random.nextBoolean();
            final long price = bid ? 1 + random.nextInt(300) : 301 + random.nextInt(300);
            final long quantity = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000_000);
            final NavigableMap<Long, Long> side = bid ? bids : asks;
            if (quantity == 0)
            {
                side.remove(price);
            }
            else
            {
                side.put(price, quantity);
            }
            if (bid)
            {
                book.setBid(price, quantity);
            }
            else
            {
                book.setAsk(price, quantity);
            }

            if (i % 97 == 0)
            {
                assertSame(bids, asks);
            }
            assertEquals(bids.isEmpty() ? FixedPoint.NULL_VALUE : bids.firstKey(), book.bestBidPrice());
            assertEquals(asks.isEmpty() ? FixedPoint.NULL_VALUE : asks.firstKey(), book.bestAskPrice());
        }
        assertSame(bids, asks);
    }

    @Test
    void shouldRejectNonsenseCapacities()
    {
        assertThrows(IllegalArgumentException.class, () -> new L2Book("X", 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new L2Book("X", 10, 5));
    }

    private void assertSame(final NavigableMap<Long, Long> bids, final NavigableMap<Long, Long> asks)
    {
        assertEquals(bids.size(), book.bidDepth());
        assertEquals(asks.size(), book.askDepth());
        int level = 0;
        for (final Map.Entry<Long, Long> entry : bids.entrySet())
        {
            assertEquals(entry.getKey(), book.bidPrice(level));
            assertEquals(entry.getValue(), book.bidQuantity(level++));
        }
        level = 0;
        for (final Map.Entry<Long, Long> entry : asks.entrySet())
        {
            assertEquals(entry.getKey(), book.askPrice(level));
            assertEquals(entry.getValue(), book.askQuantity(level++));
        }
    }

    private static void assertLevels(final L2Book book, final long[] bidPrices, final long[] askPrices)
    {
        assertEquals(bidPrices.length, book.bidDepth());
        for (int i = 0; i < bidPrices.length; i++)
        {
            assertEquals(bidPrices[i], book.bidPrice(i), "bid " + i);
        }
        assertEquals(askPrices.length, book.askDepth());
        for (int i = 0; i < askPrices.length; i++)
        {
            assertEquals(askPrices[i], book.askPrice(i), "ask " + i);
        }
    }

    private static long units(final long units)
    {
        return FixedPoint.ofUnits(units);
    }
}
