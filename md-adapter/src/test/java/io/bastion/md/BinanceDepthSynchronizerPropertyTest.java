package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated venue produces a true book and its diff-depth events; the network drops, duplicates and swaps
 * events, and snapshots arrive late, sometimes stale. After every step: a LIVE book equals the venue's book at the
 * book's update id, and a book that is not LIVE is not servable.
 */
class BinanceDepthSynchronizerPropertyTest
{
    private static final int EVENTS = 3_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void shouldNeverServeABookThatDiffersFromTheVenue(final long seed)
    {
        final Random random = new Random(seed);
        final Venue venue = new Venue(random);
        final BinanceDepthSynchronizer synchronizer = new BinanceDepthSynchronizer("SIMUSDT", 4, 1000, 64, 4096);
        final BinanceMessageParser parser = new BinanceMessageParser();
        final DepthUpdate update = new DepthUpdate();
        final DepthSnapshot snapshot = new DepthSnapshot();

        final List<Integer> delivery = network(random);
        int snapshotDueIn = -1;
        int liveSteps = 0;
        int maxDelivered = 0;
        for (final int index : delivery)
        {
            maxDelivered = Math.max(maxDelivered, index);
            final UnsafeBuffer frame = ascii(venue.frames.get(index));
            assertEquals(FrameKind.DEPTH_UPDATE, parser.parseStreamFrame(frame, 0, frame.capacity(), update));
            if (synchronizer.onDepthUpdate(update).snapshotNeeded())
            {
                snapshotDueIn = random.nextInt(4);
            }
            liveSteps += check(venue, synchronizer);

            if (snapshotDueIn >= 0 && snapshotDueIn-- == 0)
            {
                final int at = random.nextInt(10) == 0 ?
                    Math.max(0, maxDelivered - 5) : Math.min(EVENTS - 1, maxDelivered + random.nextInt(3));
                final UnsafeBuffer body = ascii(venue.snapshotJson(venue.finalIds.get(at)));
                assertEquals(ParseError.NONE, parser.parseSnapshot(body, 0, body.capacity(), snapshot));
                if (synchronizer.onSnapshot(snapshot).snapshotNeeded())
                {
                    snapshotDueIn = random.nextInt(4);
                }
                liveSteps += check(venue, synchronizer);
            }
        }

        assertTrue(synchronizer.gaps() > 0, "the network lost events");
        assertTrue(synchronizer.staleEvents() > 0, "the network repeated events");
        assertTrue(synchronizer.snapshotsApplied() > 1, "resynchronised");
        assertTrue(liveSteps > delivery.size() / 2, "live most of the time: " + liveSteps);
    }

    private static int check(final Venue venue, final BinanceDepthSynchronizer synchronizer)
    {
        final L2Book book = synchronizer.book();
        if (book.state() != BookState.LIVE)
        {
            assertFalse(book.isServable());
            return 0;
        }
        assertFalse(book.isCrossed());
        final long[][] truth = venue.bookAt.get(book.lastUpdateId());
        assertEquals(truth[0].length / 2, book.bidDepth(), "bid depth at " + book.lastUpdateId());
        for (int level = 0; level < book.bidDepth(); level++)
        {
            assertEquals(truth[0][2 * level], book.bidPrice(level));
            assertEquals(truth[0][2 * level + 1], book.bidQuantity(level));
        }
        assertEquals(truth[1].length / 2, book.askDepth(), "ask depth at " + book.lastUpdateId());
        for (int level = 0; level < book.askDepth(); level++)
        {
            assertEquals(truth[1][2 * level], book.askPrice(level));
            assertEquals(truth[1][2 * level + 1], book.askQuantity(level));
        }
        return 1;
    }

    /** Event indexes as delivered: about 1% lost, 2% repeated later, 2% swapped with the next. */
    private static List<Integer> network(final Random random)
    {
        final List<Integer> delivery = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++)
        {
            final int roll = random.nextInt(100);
            if (roll == 0)
            {
                continue;
            }
            delivery.add(i);
            if (roll <= 2 && i > 0)
            {
                delivery.add(i - 1 - random.nextInt(Math.min(i, 5)));
            }
            else if (roll <= 4 && i + 1 < EVENTS)
            {
                delivery.add(delivery.size() - 1, i + 1);
                i++;
            }
        }
        return delivery;
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static final class Venue
    {
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        final List<String> frames = new ArrayList<>();
        final List<Long> finalIds = new ArrayList<>();
        final Map<Long, long[][]> bookAt = new HashMap<>();

        Venue(final Random random)
        {
            for (int i = 1; i <= 20; i++)
            {
                bids.put(FixedPoint.ofUnits(i), FixedPoint.ofUnits(1));
                asks.put(FixedPoint.ofUnits(40 + i), FixedPoint.ofUnits(1));
            }
            long id = 1_000;
            record(id);
            for (int e = 0; e < EVENTS; e++)
            {
                final long first = id + 1;
                final Map<Long, Long> touchedBids = new LinkedHashMap<>();
                final Map<Long, Long> touchedAsks = new LinkedHashMap<>();
                for (int u = 1 + random.nextInt(3); u > 0; u--)
                {
                    final boolean bid = random.nextBoolean();
                    final long price = FixedPoint.ofUnits(bid ? 1 + random.nextInt(39) : 41 + random.nextInt(39)) +
                        random.nextInt(2) * 50_000_000L;
                    final long quantity = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000_000_000);
                    final NavigableMap<Long, Long> side = bid ? bids : asks;
                    if (quantity == 0)
                    {
                        side.remove(price);
                    }
                    else
                    {
                        side.put(price, quantity);
                    }
                    (bid ? touchedBids : touchedAsks).put(price, quantity);
                    id++;
                }
                frames.add(
                    BinanceDepthSynchronizerTest.frame("SIMUSDT", first, id, json(touchedBids), json(touchedAsks)));
                finalIds.add(id);
                record(id);
            }
        }

        String snapshotJson(final long id)
        {
            final long[][] book = bookAt.get(id);
            return "{\"lastUpdateId\":" + id + ",\"bids\":" + json(book[0]) + ",\"asks\":" + json(book[1]) + "}";
        }

        private void record(final long id)
        {
            bookAt.put(id, new long[][]{flatten(bids), flatten(asks)});
        }

        private static String json(final long[] flattened)
        {
            final Map<Long, Long> levels = new LinkedHashMap<>();
            for (int i = 0; i < flattened.length; i += 2)
            {
                levels.put(flattened[i], flattened[i + 1]);
            }
            return json(levels);
        }

        private static long[] flatten(final Map<Long, Long> side)
        {
            final long[] levels = new long[side.size() * 2];
            int i = 0;
            for (final Map.Entry<Long, Long> entry : side.entrySet())
            {
                levels[i++] = entry.getKey();
                levels[i++] = entry.getValue();
            }
            return levels;
        }

        private static String json(final Map<Long, Long> levels)
        {
            final StringBuilder json = new StringBuilder("[");
            for (final Map.Entry<Long, Long> entry : levels.entrySet())
            {
                json.append(json.length() > 1 ? "," : "").append("[\"").append(FixedPoint.toString(entry.getKey()))
                    .append("\",\"").append(FixedPoint.toString(entry.getValue())).append("\"]");
            }
            return json.append("]").toString();
        }
    }
}
