package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceDepthSynchronizerTest
{
    private final BinanceMessageParser parser = new BinanceMessageParser();
    private final DepthUpdate update = new DepthUpdate();
    private final DepthSnapshot snapshot = new DepthSnapshot();
    private final BinanceDepthSynchronizer synchronizer = new BinanceDepthSynchronizer("BTCUSDT", 4, 100, 16, 64);
    private final L2Book book = synchronizer.book();

    @Test
    void shouldAskForSnapshotOnFirstEventAndBufferUntilItArrives()
    {
        assertEquals(BookState.EMPTY, book.state());
        assertFalse(synchronizer.isAwaitingSnapshot());

        final DepthUpdateOutcome first = event(10, 12, "[[\"100\",\"1\"]]", "[]");
        assertEquals(DepthUpdateOutcome.SNAPSHOT_NEEDED, first);
        assertTrue(first.snapshotNeeded());
        assertEquals(BookState.SYNCING, book.state());
        assertTrue(synchronizer.isAwaitingSnapshot());
        assertEquals(DepthUpdateOutcome.BUFFERED, event(13, 14, "[]", "[[\"101\",\"1\"]]"));
        assertFalse(DepthUpdateOutcome.BUFFERED.snapshotNeeded());
        assertEquals(2, synchronizer.bufferedEvents());
        assertEquals(10, synchronizer.firstBufferedUpdateId());
        assertFalse(book.isServable());
        assertEquals(0, book.bidDepth() + book.askDepth());
        assertEquals(1, synchronizer.snapshotRequests());
    }

    @Test
    void shouldRefuseSnapshotOlderThanFirstBufferedEvent()
    {
        event(10, 12, "[]", "[]");
        final SnapshotOutcome tooOld = snapshot(9, "[[\"99\",\"1\"]]", "[[\"102\",\"1\"]]");
        assertEquals(SnapshotOutcome.TOO_OLD, tooOld, "lastUpdateId < first U, even if only by one");
        assertTrue(tooOld.snapshotNeeded());
        assertEquals(BookState.SYNCING, book.state());
        assertEquals(0, book.bidDepth());
        assertEquals(SnapshotOutcome.APPLIED, snapshot(10, "[[\"99\",\"1\"]]", "[[\"102\",\"1\"]]"));
        assertEquals(BookState.LIVE, book.state());
        assertEquals(12, book.lastUpdateId());
        assertEquals(1, synchronizer.snapshotsTooOld());
        assertEquals(2, synchronizer.snapshotRequests());
    }

    @Test
    void shouldDropBufferedEventsTheSnapshotCoversAndApplyTheRest()
    {
        event(10, 12, "[[\"98\",\"5\"]]", "[]");
        event(13, 14, "[[\"99\",\"2\"]]", "[[\"102\",\"0\"]]");
        event(15, 15, "[]", "[[\"101.5\",\"3\"]]");

        assertEquals(SnapshotOutcome.APPLIED, snapshot(13, "[[\"99\",\"1\"],[\"97\",\"1\"]]", "[[\"102\",\"1\"]]"));

        assertEquals(BookState.LIVE, book.state());
        assertTrue(book.isServable());
        assertEquals(15, book.lastUpdateId());
        assertEquals(13, synchronizer.lastSnapshotUpdateId());
        assertEquals(13, synchronizer.firstAppliedFirstUpdateId(), "U <= lastUpdateId + 1 <= u");
        assertEquals(1, synchronizer.droppedBufferedEvents());
        assertEquals(2, synchronizer.appliedEvents());
        assertEquals(0, synchronizer.bufferedEvents());
        assertEquals(units("99"), book.bestBidPrice());
        assertEquals(units("2"), book.bestBidQuantity());
        assertEquals(2, book.bidDepth(), "98 came from an event the snapshot covers");
        assertEquals(units("101.5"), book.bestAskPrice());
        assertEquals(1, book.askDepth());
    }

    @Test
    void shouldIgnoreStaleEventsAndApplyTheNext()
    {
        goLive(20);
        assertEquals(DepthUpdateOutcome.STALE, event(18, 20, "[[\"50\",\"1\"]]", "[]"), "u == book id");
        assertEquals(DepthUpdateOutcome.STALE, event(5, 7, "[[\"50\",\"1\"]]", "[]"));
        assertEquals(units("99"), book.bestBidPrice());
        assertEquals(DepthUpdateOutcome.APPLIED, event(19, 22, "[[\"99.5\",\"1\"]]", "[]"), "overlapping");
        assertEquals(DepthUpdateOutcome.APPLIED, event(23, 23, "[[\"99.5\",\"0\"]]", "[]"));
        assertEquals(units("99"), book.bestBidPrice());
        assertEquals(23, book.lastUpdateId());
        assertEquals(2, synchronizer.staleEvents());
    }

    @Test
    void shouldDiscardTheBookOnGapAndRecoverWithNewSnapshot()
    {
        goLive(20);
        final DepthUpdateOutcome gap = event(22, 23, "[[\"99.5\",\"1\"]]", "[]");
        assertEquals(DepthUpdateOutcome.GAP, gap);
        assertTrue(gap.snapshotNeeded());
        assertEquals(BookState.RESYNC_NEEDED, book.state());
        assertFalse(book.isServable());
        assertEquals(FixedPoint.NULL_VALUE, book.bestBidPrice());
        assertEquals(1, synchronizer.bufferedEvents(), "the event after the gap starts the new buffer");
        assertEquals(22, synchronizer.firstBufferedUpdateId());

        assertEquals(DepthUpdateOutcome.BUFFERED, event(24, 24, "[]", "[[\"100.5\",\"1\"]]"));
        assertEquals(BookState.RESYNC_NEEDED, book.state());
        assertEquals(SnapshotOutcome.TOO_OLD, snapshot(21, "[[\"99\",\"1\"]]", "[[\"101\",\"1\"]]"));
        assertEquals(SnapshotOutcome.APPLIED, snapshot(23, "[[\"99.5\",\"1\"]]", "[[\"101\",\"1\"]]"));
        assertEquals(BookState.LIVE, book.state());
        assertEquals(24, book.lastUpdateId());
        assertEquals(units("100.5"), book.bestAskPrice());
        assertEquals(1, synchronizer.gaps());
    }

    @Test
    void shouldDetectGapAmongBufferedEvents()
    {
        event(10, 12, "[]", "[]");
        event(20, 21, "[[\"99\",\"1\"]]", "[]");
        event(22, 22, "[[\"98\",\"1\"]]", "[]");

        final SnapshotOutcome outcome = snapshot(12, "[[\"97\",\"1\"]]", "[[\"101\",\"1\"]]");
        assertEquals(SnapshotOutcome.GAP, outcome);
        assertTrue(outcome.snapshotNeeded());
        assertEquals(BookState.RESYNC_NEEDED, book.state());
        assertEquals(0, book.bidDepth());
        assertEquals(2, synchronizer.bufferedEvents());
        assertEquals(20, synchronizer.firstBufferedUpdateId());

        assertEquals(SnapshotOutcome.APPLIED, snapshot(20, "[[\"97\",\"1\"]]", "[[\"101\",\"1\"]]"));
        assertEquals(22, book.lastUpdateId());
        assertEquals(3, book.bidDepth());
    }

    @Test
    void shouldDiscardACrossedBook()
    {
        goLive(20);
        final DepthUpdateOutcome crossed = event(21, 21, "[[\"101\",\"1\"]]", "[]");
        assertEquals(DepthUpdateOutcome.CROSSED, crossed, "bid 101 meets ask 101");
        assertTrue(crossed.snapshotNeeded());
        assertEquals(BookState.RESYNC_NEEDED, book.state());
        assertFalse(book.isServable());
        assertEquals(0, book.bidDepth() + book.askDepth());
        assertEquals(0, synchronizer.bufferedEvents());
        assertEquals(1, synchronizer.crossedBooks());

        assertEquals(SnapshotOutcome.CROSSED, snapshot(30, "[[\"102\",\"1\"]]", "[[\"101\",\"1\"]]"));
        assertEquals(BookState.RESYNC_NEEDED, book.state());
        assertEquals(0, book.bidDepth() + book.askDepth());
        assertEquals(SnapshotOutcome.APPLIED, snapshot(30, "[[\"100\",\"1\"]]", "[[\"101\",\"1\"]]"));
        assertEquals(BookState.LIVE, book.state());
    }

    @Test
    void shouldRejectEventsOfAnotherSymbol()
    {
        goLive(20);
        assertEquals(DepthUpdateOutcome.WRONG_SYMBOL, event("ETHUSDT", 21, 21, "[[\"99.9\",\"1\"]]", "[]"));
        assertEquals(20, book.lastUpdateId());
        assertEquals(units("99"), book.bestBidPrice());
        assertEquals(1, synchronizer.wrongSymbolEvents());
        assertEquals(DepthUpdateOutcome.APPLIED, event(21, 21, "[]", "[]"));
    }

    @Test
    void shouldIgnoreSnapshotNobodyAskedFor()
    {
        goLive(20);
        assertEquals(SnapshotOutcome.NOT_AWAITED, snapshot(40, "[[\"1\",\"1\"]]", "[[\"2\",\"1\"]]"));
        assertFalse(SnapshotOutcome.NOT_AWAITED.snapshotNeeded());
        assertEquals(20, book.lastUpdateId());
        assertEquals(1, synchronizer.snapshotsNotAwaited());
    }

    @Test
    void shouldBoundTheBufferByDroppingTheOldestEvents()
    {
        final BinanceDepthSynchronizer bounded = new BinanceDepthSynchronizer("BTCUSDT", 4, 100, 3, 4);
        for (int id = 1; id <= 4; id++)
        {
            parse(frame("BTCUSDT", id, id, "[[\"" + id + "\",\"1\"]]", "[]"));
            bounded.onDepthUpdate(update);
        }
        assertEquals(3, bounded.bufferedEvents());
        assertEquals(2, bounded.firstBufferedUpdateId());
        assertEquals(1, bounded.overflowDroppedEvents());

        parse(frame("BTCUSDT", 5, 5, "[[\"5\",\"1\"],[\"6\",\"1\"]]", "[[\"7\",\"1\"]]"));
        bounded.onDepthUpdate(update);
        assertEquals(2, bounded.bufferedEvents(), "levels bound: 1 + 3 <= 4");
        assertEquals(4, bounded.firstBufferedUpdateId());

        parse(frame("BTCUSDT", 6, 6, "[[\"5\",\"1\"],[\"6\",\"1\"],[\"7\",\"1\"]]", "[[\"8\",\"1\"],[\"9\",\"1\"]]"));
        bounded.onDepthUpdate(update);
        assertEquals(0, bounded.bufferedEvents(), "an event bigger than the buffer clears it");
        assertEquals(6, bounded.overflowDroppedEvents());

        parseSnapshot(3, "[[\"1\",\"1\"]]", "[[\"10\",\"1\"]]");
        assertEquals(SnapshotOutcome.APPLIED, bounded.onSnapshot(snapshot));
        parse(frame("BTCUSDT", 7, 7, "[]", "[]"));
        assertEquals(DepthUpdateOutcome.GAP, bounded.onDepthUpdate(update), "the sequence check still guards");
    }

    @Test
    void shouldStartAgainAfterRestart()
    {
        goLive(20);
        synchronizer.restart();
        assertEquals(BookState.EMPTY, book.state());
        assertEquals(0, book.bidDepth());
        assertEquals(DepthUpdateOutcome.SNAPSHOT_NEEDED, event(50, 51, "[]", "[]"));
    }

    private void goLive(final long lastUpdateId)
    {
        event(lastUpdateId - 1, lastUpdateId, "[]", "[]");
        assertEquals(SnapshotOutcome.APPLIED,
            snapshot(lastUpdateId, "[[\"99\",\"1\"],[\"98\",\"2\"]]", "[[\"101\",\"1\"],[\"102\",\"2\"]]"));
        assertEquals(BookState.LIVE, book.state());
        assertEquals(lastUpdateId, book.lastUpdateId());
    }

    private DepthUpdateOutcome event(final long first, final long last, final String bids, final String asks)
    {
        return event("BTCUSDT", first, last, bids, asks);
    }

    private DepthUpdateOutcome event(
        final String symbol, final long first, final long last, final String bids, final String asks)
    {
        parse(frame(symbol, first, last, bids, asks));
        return synchronizer.onDepthUpdate(update);
    }

    private SnapshotOutcome snapshot(final long lastUpdateId, final String bids, final String asks)
    {
        parseSnapshot(lastUpdateId, bids, asks);
        return synchronizer.onSnapshot(snapshot);
    }

    private void parse(final String frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame.getBytes(StandardCharsets.US_ASCII));
        assertEquals(FrameKind.DEPTH_UPDATE, parser.parseStreamFrame(buffer, 0, buffer.capacity(), update), frame);
    }

    private void parseSnapshot(final long lastUpdateId, final String bids, final String asks)
    {
        final String json = "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}";
        final UnsafeBuffer buffer = new UnsafeBuffer(json.getBytes(StandardCharsets.US_ASCII));
        assertEquals(ParseError.NONE, parser.parseSnapshot(buffer, 0, buffer.capacity(), snapshot), json);
    }

    static String frame(final String symbol, final long first, final long last, final String bids, final String asks)
    {
        return "{\"stream\":\"" + symbol.toLowerCase() + "@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1," +
            "\"s\":\"" + symbol + "\",\"U\":" + first + ",\"u\":" + last + ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }

    private static long units(final String decimal)
    {
        return FixedPoint.parse(decimal);
    }
}
