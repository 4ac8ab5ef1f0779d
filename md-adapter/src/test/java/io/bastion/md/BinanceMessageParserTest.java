package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceMessageParserTest
{
    private static final String DEPTH_FRAME = "{\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\"," +
        "\"E\":1633998512568,\"s\":\"NKNUSDT\",\"U\":499869753,\"u\":499869754," +
        "\"b\":[[\"0.35170000\",\"4265.00000000\"]],\"a\":[[\"0.35290000\",\"10968.00000000\"],[\"0.353\",\"0\"]]}}";

    private final BinanceMessageParser parser = new BinanceMessageParser();
    private final DepthUpdate update = new DepthUpdate();
    private final DepthSnapshot snapshot = new DepthSnapshot();

    @Test
    void shouldParseDiffDepthFrame()
    {
        assertEquals(FrameKind.DEPTH_UPDATE, parseFrame(DEPTH_FRAME));
        assertEquals(ParseError.NONE, parser.error());
        assertEquals("NKNUSDT", update.symbol());
        assertTrue(update.symbolEquals("NKNUSDT".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1_633_998_512_568L, update.eventTimeMs());
        assertEquals(499_869_753L, update.firstUpdateId());
        assertEquals(499_869_754L, update.finalUpdateId());
        assertEquals(1, update.bids().size());
        assertEquals(35_170_000L, update.bids().priceMantissa(0));
        assertEquals(426_500_000_000L, update.bids().quantityMantissa(0));
        assertEquals(2, update.asks().size());
        assertEquals(FixedPoint.parse("0.3529"), update.asks().priceMantissa(0));
        assertEquals(FixedPoint.parse("0.353"), update.asks().priceMantissa(1));
        assertEquals(0, update.asks().quantityMantissa(1));
    }

    @Test
    void shouldParseWhateverTheKeyOrderAndWhitespace()
    {
        final String frame = " {\n \"data\" : { \"b\" : [ ], " +
            "\"extra\": {\"x\": [1, 2.5e3, true, false, null, \"\\\"]\"]}," +
            " \"u\" : 7 , \"a\":[[ 1.5 , \"2\" , [] ]], \"U\":5, \"s\":\"BTCUSDT\", \"e\":\"depthUpdate\" } ,\r\n" +
            " \"stream\" : \"btcusdt@depth\" }\t";
        assertEquals(FrameKind.DEPTH_UPDATE, parseFrame(frame), String.valueOf(parser.error()));
        assertEquals(5, update.firstUpdateId());
        assertEquals(7, update.finalUpdateId());
        assertEquals(0, update.bids().size());
        assertEquals(1, update.asks().size());
        assertEquals(150_000_000L, update.asks().priceMantissa(0));
        assertEquals(200_000_000L, update.asks().quantityMantissa(0));
        assertEquals(0, update.eventTimeMs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nknusdt@bookTicker | BOOK_TICKER",
        "nknusdt@aggTrade | AGG_TRADE",
        "nknusdt@trade | TRADE",
        "nknusdt@kline_1m | KLINE",
        "nknusdt@depth20@100ms | OTHER",
        "nknusdt@ticker | OTHER",
        "!bookTicker | OTHER",
    })
    void shouldRecogniseAndSkipOtherStreams(final String stream, final FrameKind kind)
    {
        final String frame = "{\"stream\":\"" + stream + "\",\"data\":{\"u\":499869768,\"s\":\"NKNUSDT\"," +
            "\"b\":\"0.35210000\",\"B\":\"672.00000000\",\"a\":\"0.35260000\",\"A\":\"3199.00000000\"," +
            "\"k\":{\"x\":false}}}";
        assertEquals(kind, parseFrame(frame));
        assertEquals(ParseError.NONE, parser.error());
    }

    @Test
    void shouldParseTheRecordedSnapshots()
    {
        final RecordedMessage nkn = Recordings.binance().snapshots().get(0);
        assertEquals("NKNUSDT", nkn.symbol());
        final UnsafeBuffer buffer = new UnsafeBuffer(nkn.body());
        assertEquals(ParseError.NONE, parser.parseSnapshot(buffer, 0, buffer.capacity(), snapshot));
        assertEquals(499_869_752L, snapshot.lastUpdateId());
        assertEquals(609, snapshot.bids().size());
        assertEquals(1000, snapshot.asks().size());
        assertEquals(FixedPoint.parse("0.35210000"), snapshot.bids().priceMantissa(0));
        assertEquals(FixedPoint.parse("672"), snapshot.bids().quantityMantissa(0));
        assertEquals(FixedPoint.parse("0.35250000"), snapshot.asks().priceMantissa(0));
        assertEquals(FixedPoint.parse("3959"), snapshot.asks().quantityMantissa(0));

        for (final RecordedMessage message : Recordings.binance().snapshots())
        {
            final UnsafeBuffer body = new UnsafeBuffer(message.body());
            assertEquals(ParseError.NONE, parser.parseSnapshot(body, 0, body.capacity(), snapshot), message.symbol());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"code\":-1121,\"msg\":\"Invalid symbol.\"} | MISSING_FIELD | lastUpdateId",
        "{\"lastUpdateId\":1,\"bids\":[]} | MISSING_FIELD | asks",
        "{\"lastUpdateId\":-1,\"bids\":[],\"asks\":[]} | INVALID_NUMBER | lastUpdateId",
        "{\"lastUpdateId\":1.5,\"bids\":[],\"asks\":[]} | INVALID_NUMBER | lastUpdateId",
        "{\"lastUpdateId\":1,\"bids\":[[\"1\",\"-2\"]],\"asks\":[]} | INVALID_QUANTITY | bids",
        "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[[\"0\",\"2\"]]} | INVALID_PRICE | asks",
        "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[[\"1\"]]} | INVALID_LEVEL | asks",
        "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}x | TRAILING_DATA | ",
        "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[ | TRUNCATED | asks",
        "[] | SYNTAX | ",
    })
    void shouldRejectBadSnapshots(final String body, final ParseError error, final String field)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(body.getBytes(StandardCharsets.US_ASCII));
        assertEquals(error, parser.parseSnapshot(buffer, 0, buffer.capacity(), snapshot));
        assertEquals(error, parser.error());
        assertEquals(field, parser.errorField());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"u\":499869754, | | MISSING_FIELD | u",
        "\"U\":499869753, | | MISSING_FIELD | U",
        "\"s\":\"NKNUSDT\", | | MISSING_FIELD | s",
        "\"e\":\"depthUpdate\", | | MISSING_FIELD | e",
        "depthUpdate | kline | UNEXPECTED_EVENT_TYPE | e",
        "\"0.35170000\" | \"0.3517x\" | INVALID_DECIMAL | b",
        "\"0.35170000\" | \"1e-5\" | INVALID_DECIMAL | b",
        "\"0.35170000\" | \"0.000000001\" | INVALID_DECIMAL | b",
        "\"0.35170000\" | \"-0.3517\" | INVALID_PRICE | b",
        "\"10968.00000000\" | \"-1\" | INVALID_QUANTITY | a",
        "499869753 | 499869755 | INVALID_SEQUENCE | U",
        "499869754 | 4998697x4 | INVALID_NUMBER | u",
        "499869754 | 99999999999999999999 | INVALID_NUMBER | u",
        "NKNUSDT | NKNUSDTNKNUSDTNKNUSDTNKNUSDTNKNUSDT | INVALID_SYMBOL | s",
        "\"s\":\"NKNUSDT\" | \"s\":\"\" | INVALID_SYMBOL | s",
        "[[\"0.35170000\",\"4265.00000000\"]] | [\"0.35170000\",\"4265.00000000\"] | INVALID_LEVEL | b",
        "\"b\":[[ | \"b\":[{ | INVALID_LEVEL | b",
        "\"stream\":\"nknusdt@depth@100ms\", | | MISSING_FIELD | stream",
        "}} | }}} | TRAILING_DATA | ",
        "}} | } | TRUNCATED | ",
        "\"data\": | \"data\":[ | SYNTAX | data",
    })
    void shouldRejectMalformedDepthFrames(
        final String find, final String replace, final ParseError error, final String field)
    {
        final String frame = DEPTH_FRAME.replace(find, replace == null ? "" : replace);
        assertTrue(!frame.equals(DEPTH_FRAME), "the test changes the frame");
        assertEquals(FrameKind.MALFORMED, parseFrame(frame), frame);
        assertEquals(error, parser.error(), frame);
        assertEquals(field, parser.errorField(), frame);
    }

    @Test
    void shouldRejectDepthPayloadWithoutData()
    {
        assertEquals(FrameKind.MALFORMED, parseFrame("{\"stream\":\"nknusdt@depth@100ms\"}"));
        assertEquals(ParseError.MISSING_FIELD, parser.error());
        assertEquals(BinanceMessageParser.FIELD_DATA, parser.errorField());
        assertEquals(FrameKind.MALFORMED, parseFrame("{\"e\":\"depthUpdate\",\"s\":\"X\"}"));
        assertEquals(BinanceMessageParser.FIELD_STREAM, parser.errorField());
    }

    @Test
    void shouldRejectDeepNestingWithoutOverflowingTheStack()
    {
        final String frame = "{\"stream\":\"x@kline_1m\",\"data\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertEquals(FrameKind.MALFORMED, parseFrame(frame));
        assertEquals(ParseError.TOO_DEEP, parser.error());
    }

    @Test
    void shouldRejectEveryTruncationOfEveryRecordedFrameWithoutThrowing()
    {
        int parsed = 0;
        for (final RecordedMessage frame : Recordings.binance().frames())
        {
            final byte[] body = frame.body();
            final UnsafeBuffer buffer = new UnsafeBuffer(body);
            final FrameKind whole = parser.parseStreamFrame(buffer, 0, body.length, update);
            assertTrue(whole != FrameKind.MALFORMED, frame.toString());
            for (int length = 0; length < body.length; length++)
            {
                assertEquals(FrameKind.MALFORMED, parser.parseStreamFrame(buffer, 0, length, update));
                assertEquals(ParseError.TRUNCATED, parser.error(), frame.toString());
                parsed++;
            }
        }
        assertTrue(parsed > 40_000);
    }

    @Test
    void shouldNeverThrowOnMutatedRecordedFramesAndOnlyAcceptValidEvents()
    {
        final Random random = new Random(7);
        final byte[] alphabet = "{}[]\",:.-+0123456789eEuUbas \\x".getBytes(StandardCharsets.US_ASCII);
        for (final RecordedMessage frame : Recordings.binance().frames())
        {
            for (int i = 0; i < 200; i++)
            {
                final byte[] body = frame.body().clone();
                for (int m = 1 + random.nextInt(3); m > 0; m--)
                {
                    body[random.nextInt(body.length)] = random.nextBoolean() ?
                        alphabet[random.nextInt(alphabet.length)] : (byte)random.nextInt(256);
                }
                final FrameKind kind = parser.parseStreamFrame(new UnsafeBuffer(body), 0, body.length, update);
                if (kind == FrameKind.DEPTH_UPDATE)
                {
                    assertTrue(update.firstUpdateId() <= update.finalUpdateId());
                    assertTrue(update.symbolLength() > 0);
                    for (int level = 0; level < update.bids().size(); level++)
                    {
                        assertTrue(update.bids().priceMantissa(level) > 0);
                        assertTrue(update.bids().quantityMantissa(level) >= 0);
                    }
                }
                else if (kind == FrameKind.MALFORMED)
                {
                    assertTrue(parser.error() != ParseError.NONE);
                }
                else
                {
                    assertEquals(ParseError.NONE, parser.error());
                }
            }
        }
    }

    @Test
    void shouldClearTheErrorOnTheNextGoodFrame()
    {
        assertEquals(FrameKind.MALFORMED, parseFrame("{"));
        assertEquals(ParseError.TRUNCATED, parser.error());
        assertEquals(FrameKind.DEPTH_UPDATE, parseFrame(DEPTH_FRAME));
        assertEquals(ParseError.NONE, parser.error());
        assertNull(parser.errorField());
    }

    private FrameKind parseFrame(final String frame)
    {
        final byte[] bytes = ("xx" + frame + "yy").getBytes(StandardCharsets.UTF_8);
        return parser.parseStreamFrame(new UnsafeBuffer(bytes), 2, bytes.length - 4, update);
    }
}
