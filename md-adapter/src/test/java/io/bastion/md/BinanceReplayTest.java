package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceReplayTest
{
    private static final Pattern BOOK_TICKER = Pattern.compile(
        "\"u\":(\\d+),\"s\":\"([A-Z]+)\"," +
        "\"b\":\"([0-9.]+)\",\"B\":\"([0-9.]+)\",\"a\":\"([0-9.]+)\",\"A\":\"([0-9.]+)\"");

    private static Path directory;
    private static BinanceRecording recording;
    private static List<ReferenceBook.Event> events;
    private static Map<String, ReferenceBook.Snapshot> snapshots;

    @BeforeAll
    static void readRecording() throws IOException
    {
        directory = Recordings.binanceDirectory();
        recording = Recordings.binance();
        events = ReferenceBook.depthEvents(directory);
        snapshots = ReferenceBook.snapshots(directory);
    }

    @Test
    void shouldReadBothRecordingFilesInReceiveOrder()
    {
        assertEquals(1, recording.streamUrls().size());
        assertTrue(recording.streamUrls().get(0).startsWith("wss://stream.binance.com:9443/stream?streams="));
        assertEquals(List.of(Recordings.SYMBOLS), recording.depthSymbols());
        assertEquals(265, recording.frames().size());
        assertEquals(4, recording.snapshots().size());
        assertEquals(List.of(Recordings.SYMBOLS),
            recording.snapshots().stream().map(RecordedMessage::symbol).toList());

        final List<RecordedMessage> merged = recording.inReceiveOrder();
        assertEquals(269, merged.size());
        for (int i = 1; i < merged.size(); i++)
        {
            assertTrue(merged.get(i - 1).receiveTimeNs() <= merged.get(i).receiveTimeNs(), merged.get(i).toString());
        }
        assertEquals(1_633_998_512_063_356_900L, merged.get(0).receiveTimeNs());
        assertEquals(1_633_998_512_320_639_000L, recording.snapshots().get(0).receiveTimeNs());
    }

    @Test
    void shouldSynchroniseEverySymbolFromTheRecording()
    {
        final BinanceReplay replay = new BinanceReplay();
        replay.replay(recording);

        assertEquals(265, replay.frames());
        assertEquals(177, replay.frames(FrameKind.DEPTH_UPDATE));
        assertEquals(84, replay.frames(FrameKind.BOOK_TICKER));
        assertEquals(2, replay.frames(FrameKind.KLINE));
        assertEquals(2, replay.frames(FrameKind.AGG_TRADE));
        assertEquals(88, replay.skippedFrames());
        assertEquals(0, replay.rejected());
        assertEquals(4, replay.snapshotsReceived());

        for (final String symbol : Recordings.SYMBOLS)
        {
            final BinanceDepthSynchronizer synchronizer = replay.synchronizer(symbol);
            assertNotNull(synchronizer, symbol);
            final L2Book book = synchronizer.book();
            final long lastUpdateId = snapshots.get(symbol).lastUpdateId;

            assertEquals(BookState.LIVE, book.state(), symbol);
            assertTrue(book.isServable(), symbol);
            assertFalse(book.isCrossed(), symbol);
            assertEquals(1, synchronizer.snapshotsApplied(), symbol);
            assertEquals(1, synchronizer.snapshotRequests(), symbol);
            assertEquals(0, synchronizer.gaps() + synchronizer.crossedBooks() + synchronizer.snapshotsTooOld(), symbol);
            assertEquals(lastUpdateId, synchronizer.lastSnapshotUpdateId(), symbol);
            assertEquals(lastUpdateId + 1, synchronizer.firstAppliedFirstUpdateId(), symbol + ": first kept event");

            ReferenceBook.synchronise(snapshots.get(symbol), events, Integer.MAX_VALUE).assertSameAs(book);
        }

        assertEquals(1, replay.synchronizer("NKNUSDT").droppedBufferedEvents());
        assertEquals(149, replay.synchronizer("NKNUSDT").appliedEvents());
        assertEquals(1, replay.synchronizer("LRCBTC").droppedBufferedEvents());
        assertEquals(1, replay.synchronizer("LRCBTC").staleEvents(),
            "the event with u == lastUpdateId that arrived just after the snapshot is already in it");
        assertEquals(13, replay.synchronizer("LRCBTC").appliedEvents());
        assertEquals(9, replay.synchronizer("BLZETH").appliedEvents());
        assertEquals(1, replay.synchronizer("RUNEEUR").appliedEvents());
    }

    @Test
    void shouldMatchBestBidsAndAsksWithSmallNumbersExactly()
    {
        final BinanceReplay replay = new BinanceReplay();
        replay.replay(recording);

        assertTop(replay, "NKNUSDT", "0.35270000", "9602", "0.35310000", "152");
        assertTop(replay, "BLZETH", "0.00006547", "100", "0.00006560", "1528");
        assertTop(replay, "LRCBTC", "0.00000637", "2500", "0.00000638", "2285");
        assertTop(replay, "RUNEEUR", "6.25100000", "69.3", "6.26900000", "69.3");

        final L2Book book = replay.synchronizer("NKNUSDT").book();
        final long[] prices = new long[5];
        final long[] quantities = new long[5];
        assertEquals(5, book.topAsks(prices, quantities));
        for (int level = 1; level < 5; level++)
        {
            assertTrue(prices[level] > prices[level - 1], "asks ascend");
        }
        assertEquals(5, book.topBids(prices, quantities));
        for (int level = 1; level < 5; level++)
        {
            assertTrue(prices[level] < prices[level - 1], "bids descend");
        }
    }

    /**
     * Binance's own bookTicker stream carries the best bid and ask after update id {@code u}; wherever a diff-depth
     * event ends on the same id, the local book's top must equal it.
     */
    @Test
    void shouldAgreeWithBinanceBookTickerWhereUpdateIdsCoincide() throws IOException
    {
        final Map<String, Map<Long, long[]>> topAfterUpdate = new HashMap<>();
        final BinanceReplay replay = new BinanceReplay(new BinanceReplay.Listener()
        {
            @Override
            public void onDepthUpdate(
                final BinanceDepthSynchronizer synchronizer, final DepthUpdate update, final DepthUpdateOutcome outcome)
            {
                if (outcome == DepthUpdateOutcome.APPLIED)
                {
                    final L2Book book = synchronizer.book();
                    topAfterUpdate.computeIfAbsent(synchronizer.symbol(), s -> new HashMap<>()).put(
                        update.finalUpdateId(), new long[]{
                            book.bestBidPrice(), book.bestBidQuantity(), book.bestAskPrice(), book.bestAskQuantity()});
                }
            }
        });
        replay.replay(recording);

        int compared = 0;
        for (final String frame : ReferenceBook.bookTickerFrames(directory))
        {
            final Matcher ticker = BOOK_TICKER.matcher(frame);
            assertTrue(ticker.find(), frame);
            final long[] top =
                topAfterUpdate.getOrDefault(ticker.group(2), Map.of()).get(Long.parseLong(ticker.group(1)));
            if (top != null)
            {
                compared++;
                assertEquals(ReferenceBook.mantissa(new BigDecimal(ticker.group(3))), top[0], frame);
                assertEquals(ReferenceBook.mantissa(new BigDecimal(ticker.group(4))), top[1], frame);
                assertEquals(ReferenceBook.mantissa(new BigDecimal(ticker.group(5))), top[2], frame);
                assertEquals(ReferenceBook.mantissa(new BigDecimal(ticker.group(6))), top[3], frame);
            }
        }
        assertEquals(26, compared, "bookTicker frames whose u is a diff-depth event's u");
    }

    @Test
    void shouldMarkBookNotServableOnGapAndRecoverWithNewSnapshot()
    {
        final List<RecordedMessage> messages = new ArrayList<>(recording.inReceiveOrder());
        final List<Integer> nknFrames = depthFrameIndexes(messages, "NKNUSDT");
        final int droppedIndex = nknFrames.get(60);
        final ReferenceBook.Event dropped = new ReferenceBook.Event(messages.get(droppedIndex).bodyText());
        final int snapshotAfter = nknFrames.get(70);
        final long snapshotUpdateId = new ReferenceBook.Event(messages.get(snapshotAfter).bodyText()).finalUpdateId;

        final ReferenceBook atSnapshot = ReferenceBook.synchronise(snapshots.get("NKNUSDT"), events, 70);
        assertEquals(snapshotUpdateId, atSnapshot.updateId);
        final RecordedMessage newSnapshot =
            snapshot(messages.get(snapshotAfter), "NKNUSDT", atSnapshot.toSnapshotJson());
        messages.add(snapshotAfter + 1, newSnapshot);
        messages.remove(droppedIndex);

        final List<DepthUpdateOutcome> outcomes = new ArrayList<>();
        final List<SnapshotOutcome> snapshotOutcomes = new ArrayList<>();
        final BinanceReplay replay = new BinanceReplay(new BinanceReplay.Listener()
        {
            @Override
            public void onDepthUpdate(
                final BinanceDepthSynchronizer synchronizer, final DepthUpdate update, final DepthUpdateOutcome outcome)
            {
                if (synchronizer.symbol().equals("NKNUSDT"))
                {
                    outcomes.add(outcome);
                    if (outcome == DepthUpdateOutcome.GAP || outcome == DepthUpdateOutcome.BUFFERED)
                    {
                        assertFalse(synchronizer.book().isServable());
                        assertEquals(BookState.RESYNC_NEEDED, synchronizer.book().state());
                        assertEquals(FixedPoint.NULL_VALUE, synchronizer.book().bestBidPrice(), "levels discarded");
                    }
                }
            }

            @Override
            public void onSnapshot(
                final BinanceDepthSynchronizer synchronizer,
                final DepthSnapshot snapshot,
                final SnapshotOutcome outcome)
            {
                if (synchronizer.symbol().equals("NKNUSDT"))
                {
                    snapshotOutcomes.add(outcome);
                }
            }
        });
        replay.replay(messages);

        final BinanceDepthSynchronizer nkn = replay.synchronizer("NKNUSDT");
        assertEquals(DepthUpdateOutcome.GAP, outcomes.get(60), "the event after the dropped one");
        assertTrue(outcomes.get(60).snapshotNeeded());
        assertEquals(List.of(SnapshotOutcome.APPLIED, SnapshotOutcome.APPLIED), snapshotOutcomes);
        assertEquals(1, nkn.gaps());
        assertEquals(2, nkn.snapshotRequests());
        assertEquals(snapshotUpdateId, nkn.lastSnapshotUpdateId());
        assertEquals(snapshotUpdateId + 1, nkn.firstAppliedFirstUpdateId());
        assertTrue(dropped.finalUpdateId < snapshotUpdateId);
        assertEquals(BookState.LIVE, nkn.book().state());
        ReferenceBook.synchronise(snapshots.get("NKNUSDT"), events, Integer.MAX_VALUE).assertSameAs(nkn.book());

        for (final String symbol : Recordings.SYMBOLS)
        {
            assertEquals(BookState.LIVE, replay.synchronizer(symbol).book().state(), symbol);
        }
    }

    @Test
    void shouldStayNotServableAfterGapWhileNoSnapshotComes()
    {
        final List<RecordedMessage> messages = new ArrayList<>(recording.inReceiveOrder());
        messages.remove((int)depthFrameIndexes(messages, "NKNUSDT").get(100));

        final BinanceReplay replay = new BinanceReplay();
        replay.replay(messages);

        final BinanceDepthSynchronizer nkn = replay.synchronizer("NKNUSDT");
        assertEquals(1, nkn.gaps());
        assertEquals(BookState.RESYNC_NEEDED, nkn.book().state());
        assertFalse(nkn.book().isServable());
        assertTrue(nkn.isAwaitingSnapshot());
        assertEquals(0, nkn.book().bidDepth() + nkn.book().askDepth());
        assertEquals(149 - 100, nkn.bufferedEvents(), "events after the gap wait for a snapshot");
        assertEquals(BookState.LIVE, replay.synchronizer("LRCBTC").book().state());
    }

    @Test
    void shouldRefuseSnapshotOlderThanFirstBufferedEventAndAcceptTheNextOne()
    {
        final List<RecordedMessage> messages = new ArrayList<>(recording.inReceiveOrder());
        final List<Integer> nknFrames = depthFrameIndexes(messages, "NKNUSDT");
        final int snapshotAfter = nknFrames.get(70);
        final ReferenceBook tooOld = ReferenceBook.synchronise(snapshots.get("NKNUSDT"), events, 50);
        final ReferenceBook fresh = ReferenceBook.synchronise(snapshots.get("NKNUSDT"), events, 70);
        messages.add(snapshotAfter + 1, snapshot(messages.get(snapshotAfter), "NKNUSDT", fresh.toSnapshotJson()));
        messages.add(snapshotAfter + 1, snapshot(messages.get(snapshotAfter), "NKNUSDT", tooOld.toSnapshotJson()));
        messages.remove((int)nknFrames.get(60));

        final List<SnapshotOutcome> outcomes = new ArrayList<>();
        final BinanceReplay replay = new BinanceReplay(new BinanceReplay.Listener()
        {
            @Override
            public void onSnapshot(
                final BinanceDepthSynchronizer synchronizer,
                final DepthSnapshot snapshot,
                final SnapshotOutcome outcome)
            {
                if (synchronizer.symbol().equals("NKNUSDT"))
                {
                    outcomes.add(outcome);
                }
            }
        });
        replay.replay(messages);

        assertEquals(List.of(SnapshotOutcome.APPLIED, SnapshotOutcome.TOO_OLD, SnapshotOutcome.APPLIED), outcomes);
        final BinanceDepthSynchronizer nkn = replay.synchronizer("NKNUSDT");
        assertEquals(1, nkn.snapshotsTooOld());
        assertEquals(BookState.LIVE, nkn.book().state());
        ReferenceBook.synchronise(snapshots.get("NKNUSDT"), events, Integer.MAX_VALUE).assertSameAs(nkn.book());
    }

    @Test
    void shouldIgnoreEventOlderThanTheBook()
    {
        final BinanceReplay replay = new BinanceReplay();
        replay.replay(recording);
        final BinanceDepthSynchronizer nkn = replay.synchronizer("NKNUSDT");
        final ReferenceBook expected = ReferenceBook.synchronise(snapshots.get("NKNUSDT"), events, Integer.MAX_VALUE);

        final List<RecordedMessage> messages = recording.inReceiveOrder();
        final List<Integer> nknFrames = depthFrameIndexes(messages, "NKNUSDT");
        final long staleBefore = nkn.staleEvents();
        replay.onMessage(messages.get(nknFrames.get(0)));
        replay.onMessage(messages.get(nknFrames.get(100)));
        replay.onMessage(messages.get(nknFrames.get(nknFrames.size() - 1)));

        assertEquals(staleBefore + 3, nkn.staleEvents());
        assertEquals(BookState.LIVE, nkn.book().state());
        expected.assertSameAs(nkn.book());
    }

    @Test
    void shouldCountAndRejectMalformedFramesWithoutTouchingTheBook()
    {
        final List<RecordedMessage> messages = new ArrayList<>(recording.inReceiveOrder());
        final List<Integer> nknFrames = depthFrameIndexes(messages, "NKNUSDT");
        final RecordedMessage withTwoBids = messages.get(nknFrames.get(2));
        assertTrue(withTwoBids.bodyText().contains("\"b\":[[\"0.35200000\",\"1290.00000000\"],[\"0.34730000\""));

        // Each corrupt copy carries a level the real frames never have, before the fault: applying a frame in part
        // would leave it in the book.
        final String extraLevel = "\"b\":[[\"0.30100000\",\"555.00000000\"],";
        final String withExtraLevel = messages.get(nknFrames.get(40)).bodyText().replace("\"b\":[", extraLevel);
        final String truncated = withExtraLevel.substring(0, withExtraLevel.indexOf("\"a\":[") + 5);
        final String badPrice = withTwoBids.bodyText().replace("\"b\":[", extraLevel)
            .replace("\"0.34730000\"", "\"0.347x0000\"");
        final String noFinalId = messages.get(nknFrames.get(80)).bodyText().replaceFirst("\"u\":\\d+,", "");
        assertFalse(noFinalId.contains("\"u\":"));

        messages.add(nknFrames.get(80), messages.get(nknFrames.get(80)).withBody(ascii(noFinalId)));
        messages.add(nknFrames.get(40), messages.get(nknFrames.get(40)).withBody(ascii(truncated)));
        messages.add(nknFrames.get(2), withTwoBids.withBody(ascii(badPrice)));

        final List<String> rejections = new ArrayList<>();
        final BinanceReplay replay = new BinanceReplay(new BinanceReplay.Listener()
        {
            @Override
            public void onMalformed(final RecordedMessage message, final ParseError error, final String field)
            {
                rejections.add(error + ":" + field);
            }
        });
        replay.replay(messages);

        assertEquals(List.of("INVALID_DECIMAL:b", "TRUNCATED:a", "MISSING_FIELD:u"), rejections);
        assertEquals(3, replay.rejected());
        assertEquals(3, replay.frames(FrameKind.MALFORMED));
        assertEquals(1, replay.rejected(ParseError.INVALID_DECIMAL));
        assertEquals(1, replay.rejected(ParseError.TRUNCATED));
        assertEquals(1, replay.rejected(ParseError.MISSING_FIELD));
        assertEquals(149, replay.synchronizer("NKNUSDT").appliedEvents());
        assertEquals(0, replay.synchronizer("NKNUSDT").staleEvents());
        for (final String symbol : Recordings.SYMBOLS)
        {
            final BinanceDepthSynchronizer synchronizer = replay.synchronizer(symbol);
            assertEquals(BookState.LIVE, synchronizer.book().state(), symbol);
            ReferenceBook.synchronise(snapshots.get(symbol), events, Integer.MAX_VALUE)
                .assertSameAs(synchronizer.book());
        }
    }

    @Test
    void shouldCatchMalformedFrameThatHidesAnEventAsGap()
    {
        final List<RecordedMessage> messages = new ArrayList<>(recording.inReceiveOrder());
        final int index = depthFrameIndexes(messages, "NKNUSDT").get(30);
        final String body = messages.get(index).bodyText();
        messages.set(index, messages.get(index).withBody(ascii(body.replace("\"b\":[", "\"b\":[\"oops\","))));

        final BinanceReplay replay = new BinanceReplay();
        replay.replay(messages);

        assertEquals(1, replay.rejected(ParseError.INVALID_LEVEL));
        final BinanceDepthSynchronizer nkn = replay.synchronizer("NKNUSDT");
        assertEquals(1, nkn.gaps());
        assertFalse(nkn.book().isServable());
    }

    @Test
    void shouldCountMalformedSnapshotAndKeepAwaitingOne()
    {
        final List<RecordedMessage> messages = new ArrayList<>(recording.inReceiveOrder());
        for (int i = 0; i < messages.size(); i++)
        {
            final RecordedMessage message = messages.get(i);
            if ("BLZETH".equals(message.symbol()))
            {
                messages.set(i, message.withBody(ascii("{\"code\":-1003,\"msg\":\"Too many requests.\"}")));
            }
        }

        final BinanceReplay replay = new BinanceReplay();
        replay.replay(messages);

        assertEquals(1, replay.malformedSnapshots());
        assertEquals(1, replay.rejected(ParseError.MISSING_FIELD));
        assertEquals(BookState.SYNCING, replay.synchronizer("BLZETH").book().state());
        assertTrue(replay.synchronizer("BLZETH").isAwaitingSnapshot());
        assertEquals(BookState.LIVE, replay.synchronizer("NKNUSDT").book().state());
    }

    private static void assertTop(
        final BinanceReplay replay,
        final String symbol,
        final String bid,
        final String bidQuantity,
        final String ask,
        final String askQuantity)
    {
        final L2Book book = replay.synchronizer(symbol).book();
        assertEquals(FixedPoint.parse(bid), book.bestBidPrice(), symbol);
        assertEquals(FixedPoint.parse(bidQuantity), book.bestBidQuantity(), symbol);
        assertEquals(FixedPoint.parse(ask), book.bestAskPrice(), symbol);
        assertEquals(FixedPoint.parse(askQuantity), book.bestAskQuantity(), symbol);
    }

    private static List<Integer> depthFrameIndexes(final List<RecordedMessage> messages, final String symbol)
    {
        final BinanceMessageParser parser = new BinanceMessageParser();
        final DepthUpdate update = new DepthUpdate();
        final byte[] symbolBytes = ascii(symbol);
        final List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++)
        {
            final RecordedMessage message = messages.get(i);
            if (message.source() == RecordedMessage.Source.WEBSOCKET)
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(message.body());
                if (parser.parseStreamFrame(buffer, 0, buffer.capacity(), update) == FrameKind.DEPTH_UPDATE &&
                    update.symbolEquals(symbolBytes))
                {
                    indexes.add(i);
                }
            }
        }
        assertEquals("NKNUSDT".equals(symbol) ? 150 : indexes.size(), indexes.size());
        return indexes;
    }

    private static RecordedMessage snapshot(final RecordedMessage after, final String symbol, final String json)
    {
        return new RecordedMessage(RecordedMessage.Source.HTTP, after.receiveTimeNs() + 1,
            "https://api.binance.com/api/v3/depth?symbol=" + symbol + "&limit=1000", symbol, ascii(json),
            "test snapshot");
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
