package io.bastion.md;

import io.bastion.protocol.FixedPoint;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent reference for the tests: reads the recording's raw lines with plain string handling and regular
 * expressions (not the module's reader or scanner), keeps levels in {@code TreeMap<BigDecimal, BigDecimal>} and
 * applies Binance's procedure in its simplest form.
 */
final class ReferenceBook
{
    private static final Pattern WS_LINE = Pattern.compile("^(\\d+(?:\\.\\d+)?): (.*)$");
    private static final Pattern HTTP_LINE = Pattern.compile("^(\\S+) -> (\\d+(?:\\.\\d+)?): (.*)$");
    private static final Pattern SYMBOL_PARAMETER = Pattern.compile("[?&]symbol=([A-Za-z0-9]+)");
    private static final Pattern LEVEL = Pattern.compile("\\[\"([^\"]*)\",\"([^\"]*)\"\\]");

    final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    long updateId;

    /** A diff-depth event as the reference reads it. */
    static final class Event
    {
        final String symbol;
        final long firstUpdateId;
        final long finalUpdateId;
        final List<BigDecimal[]> bids;
        final List<BigDecimal[]> asks;

        Event(final String json)
        {
            symbol = stringField(json, "s");
            firstUpdateId = longField(json, "U");
            finalUpdateId = longField(json, "u");
            bids = levels(json, "b");
            asks = levels(json, "a");
        }
    }

    /** A REST snapshot as the reference reads it. */
    static final class Snapshot
    {
        final String symbol;
        final long lastUpdateId;
        final List<BigDecimal[]> bids;
        final List<BigDecimal[]> asks;

        Snapshot(final String symbol, final String json)
        {
            this.symbol = symbol;
            lastUpdateId = longField(json, "lastUpdateId");
            bids = levels(json, "bids");
            asks = levels(json, "asks");
        }
    }

    static List<Event> depthEvents(final Path directory) throws IOException
    {
        final List<String> lines = Files.readAllLines(directory.resolve("BINANCE.ws.1.0"), StandardCharsets.UTF_8);
        final List<Event> events = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final Matcher matcher = WS_LINE.matcher(line);
            if (matcher.matches() && matcher.group(2).contains("\"e\":\"depthUpdate\""))
            {
                events.add(new Event(matcher.group(2)));
            }
        }
        return events;
    }

    static List<String> bookTickerFrames(final Path directory) throws IOException
    {
        final List<String> lines = Files.readAllLines(directory.resolve("BINANCE.ws.1.0"), StandardCharsets.UTF_8);
        final List<String> frames = new ArrayList<>();
        for (final String line : lines)
        {
            final Matcher matcher = WS_LINE.matcher(line);
            if (matcher.matches() && matcher.group(2).contains("@bookTicker\""))
            {
                frames.add(matcher.group(2));
            }
        }
        return frames;
    }

    static Map<String, Snapshot> snapshots(final Path directory) throws IOException
    {
        final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        for (final String line : Files.readAllLines(directory.resolve("BINANCE.http.0.0"), StandardCharsets.UTF_8))
        {
            final Matcher matcher = HTTP_LINE.matcher(line);
            if (matcher.matches())
            {
                final Matcher symbol = SYMBOL_PARAMETER.matcher(matcher.group(1));
                assertTrue(symbol.find(), line);
                snapshots.put(symbol.group(1), new Snapshot(symbol.group(1), matcher.group(3)));
            }
        }
        return snapshots;
    }

    /**
     * The book after the snapshot and every event of its symbol with {@code u > lastUpdateId}, checked contiguous.
     */
    static ReferenceBook synchronise(final Snapshot snapshot, final List<Event> allEvents, final int maxEvents)
    {
        final ReferenceBook book = new ReferenceBook();
        book.load(snapshot);
        int applied = 0;
        for (final Event event : allEvents)
        {
            if (!event.symbol.equals(snapshot.symbol) || event.finalUpdateId <= book.updateId)
            {
                continue;
            }
            if (applied == maxEvents)
            {
                break;
            }
            assertTrue(event.firstUpdateId <= book.updateId + 1, "reference: gap in the recording at U=" +
                event.firstUpdateId);
            book.apply(event);
            applied++;
        }
        return book;
    }

    void load(final Snapshot snapshot)
    {
        bids.clear();
        asks.clear();
        set(bids, snapshot.bids);
        set(asks, snapshot.asks);
        updateId = snapshot.lastUpdateId;
    }

    void apply(final Event event)
    {
        set(bids, event.bids);
        set(asks, event.asks);
        updateId = event.finalUpdateId;
    }

    /** The reference book as a REST snapshot body, to stand in for a new snapshot fetched at this point. */
    String toSnapshotJson()
    {
        final StringBuilder json = new StringBuilder("{\"lastUpdateId\":").append(updateId).append(",\"bids\":[");
        appendLevels(json, bids);
        json.append("],\"asks\":[");
        appendLevels(json, asks);
        return json.append("]}").toString();
    }

    void assertSameAs(final L2Book book)
    {
        assertSide("bid", bids, book.bidDepth(), book::bidPrice, book::bidQuantity);
        assertSide("ask", asks, book.askDepth(), book::askPrice, book::askQuantity);
        assertEquals(updateId, book.lastUpdateId(), book.symbol() + " update id");
    }

    static long mantissa(final BigDecimal value)
    {
        return value.movePointRight(FixedPoint.DECIMALS).longValueExact();
    }

    private void assertSide(
        final String side,
        final NavigableMap<BigDecimal, BigDecimal> expected,
        final int depth,
        final java.util.function.IntToLongFunction price,
        final java.util.function.IntToLongFunction quantity)
    {
        assertEquals(expected.size(), depth, side + " depth");
        int level = 0;
        for (final Map.Entry<BigDecimal, BigDecimal> entry : expected.entrySet())
        {
            assertEquals(mantissa(entry.getKey()), price.applyAsLong(level), side + " price at level " + level);
            assertEquals(mantissa(entry.getValue()), quantity.applyAsLong(level), side + " quantity at level " + level);
            level++;
        }
    }

    private static void set(final NavigableMap<BigDecimal, BigDecimal> side, final List<BigDecimal[]> levels)
    {
        for (final BigDecimal[] level : levels)
        {
            if (level[1].signum() == 0)
            {
                side.remove(level[0]);
            }
            else
            {
                side.put(level[0], level[1]);
            }
        }
    }

    private static void appendLevels(final StringBuilder json, final NavigableMap<BigDecimal, BigDecimal> side)
    {
        boolean first = true;
        for (final Map.Entry<BigDecimal, BigDecimal> entry : side.entrySet())
        {
            json.append(first ? "" : ",").append("[\"").append(entry.getKey().toPlainString()).append("\",\"")
                .append(entry.getValue().toPlainString()).append("\"]");
            first = false;
        }
    }

    private static String stringField(final String json, final String name)
    {
        final Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }

    private static long longField(final String json, final String name)
    {
        final Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return Long.parseLong(matcher.group(1));
    }

    /** Level arrays hold only [price, qty] pairs, so the first "]]" after the key closes the list. */
    private static List<BigDecimal[]> levels(final String json, final String name)
    {
        final String key = "\"" + name + "\":[";
        final int start = json.indexOf(key);
        assertTrue(start >= 0, name + " in " + json);
        final int from = start + key.length();
        final List<BigDecimal[]> levels = new ArrayList<>();
        if (json.charAt(from) == ']')
        {
            return levels;
        }
        final Matcher matcher = LEVEL.matcher(json.substring(from, json.indexOf("]]", from) + 1));
        while (matcher.find())
        {
            levels.add(new BigDecimal[]{new BigDecimal(matcher.group(1)), new BigDecimal(matcher.group(2))});
        }
        return levels;
    }
}
