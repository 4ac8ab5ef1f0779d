package io.bastion.md;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Parses Binance spot market-data JSON straight from bytes, without an object mapper and without allocating:
 * combined-stream WebSocket frames ({@code {"stream": ..., "data": {...}}}) and REST depth snapshots
 * ({@code {"lastUpdateId": ..., "bids": [...], "asks": [...]}}).
 * <p>
 * Diff-depth events are parsed into a reused {@link DepthUpdate}; bookTicker, aggTrade, trade and kline frames are
 * recognised from the stream name, checked to be well-formed and skipped. Prices and quantities are decimal strings
 * parsed by {@link DecimalParser} into fixed-point mantissas. A message is either parsed whole or rejected with a
 * {@link ParseError} and the name of the field at fault; a rejected message must not be applied, and the holders'
 * contents are then unspecified. Nothing here throws on bad input. Not thread safe: one parser per thread.
 */
public final class BinanceMessageParser
{
    /** Field names reported by {@link #errorField()}. */
    public static final String FIELD_STREAM = "stream";
    /** Field name of the event payload of a combined-stream frame. */
    public static final String FIELD_DATA = "data";
    /** Field name of the event type. */
    public static final String FIELD_EVENT_TYPE = "e";
    /** Field name of the event time. */
    public static final String FIELD_EVENT_TIME = "E";
    /** Field name of the symbol. */
    public static final String FIELD_SYMBOL = "s";
    /** Field name of the first update id. */
    public static final String FIELD_FIRST_UPDATE_ID = "U";
    /** Field name of the final update id. */
    public static final String FIELD_FINAL_UPDATE_ID = "u";
    /** Field name of the bid levels of a diff-depth event. */
    public static final String FIELD_BID_UPDATES = "b";
    /** Field name of the ask levels of a diff-depth event. */
    public static final String FIELD_ASK_UPDATES = "a";
    /** Field name of a snapshot's last update id. */
    public static final String FIELD_LAST_UPDATE_ID = "lastUpdateId";
    /** Field name of a snapshot's bids. */
    public static final String FIELD_BIDS = "bids";
    /** Field name of a snapshot's asks. */
    public static final String FIELD_ASKS = "asks";

    private static final int SEEN_EVENT_TYPE = 1;
    private static final int SEEN_SYMBOL = 2;
    private static final int SEEN_FIRST_UPDATE_ID = 4;
    private static final int SEEN_FINAL_UPDATE_ID = 8;
    private static final int SEEN_BIDS = 16;
    private static final int SEEN_ASKS = 32;
    private static final int SEEN_ALL_DEPTH = 63;
    private static final String[] DEPTH_FIELDS_IN_BIT_ORDER = {
        FIELD_EVENT_TYPE, FIELD_SYMBOL, FIELD_FIRST_UPDATE_ID, FIELD_FINAL_UPDATE_ID, FIELD_BID_UPDATES,
        FIELD_ASK_UPDATES };

    private static final byte[] STREAM = ascii(FIELD_STREAM);
    private static final byte[] DATA = ascii(FIELD_DATA);
    private static final byte[] LAST_UPDATE_ID = ascii(FIELD_LAST_UPDATE_ID);
    private static final byte[] BIDS = ascii(FIELD_BIDS);
    private static final byte[] ASKS = ascii(FIELD_ASKS);
    private static final byte[] DEPTH_UPDATE_EVENT = ascii("depthUpdate");
    private static final byte[] DEPTH_STREAM = ascii("depth");
    private static final byte[] BOOK_TICKER_STREAM = ascii("bookTicker");
    private static final byte[] AGG_TRADE_STREAM = ascii("aggTrade");
    private static final byte[] TRADE_STREAM = ascii("trade");
    private static final byte[] KLINE_STREAM = ascii("kline_");

    private final JsonCursor cursor = new JsonCursor();
    private ParseError error = ParseError.NONE;
    private String errorField;

    /**
     * Parse one combined-stream WebSocket frame.
     *
     * @param buffer holding the frame's JSON text.
     * @param offset of the frame.
     * @param length of the frame in bytes.
     * @param update filled when the frame is a diff-depth event.
     * @return the kind of frame; {@link FrameKind#DEPTH_UPDATE} only when {@code update} holds a whole, valid event;
     * {@link FrameKind#MALFORMED} with {@link #error()} and {@link #errorField()} set otherwise.
     */
    public FrameKind parseStreamFrame(
        final DirectBuffer buffer, final int offset, final int length, final DepthUpdate update)
    {
        update.reset();
        begin(buffer, offset, length);
        if (!cursor.expect((byte)'{'))
        {
            return malformedFrame(null);
        }

        FrameKind kind = null;
        int dataOffset = -1;
        boolean depthParsed = false;
        boolean first = true;
        while (cursor.nextMember(first))
        {
            first = false;
            if (cursor.stringEquals(STREAM))
            {
                if (!cursor.readString())
                {
                    return malformedFrame(FIELD_STREAM);
                }
                kind = classifyStream();
            }
            else if (cursor.stringEquals(DATA))
            {
                if (kind == FrameKind.DEPTH_UPDATE)
                {
                    if (!parseDepthEvent(update))
                    {
                        return FrameKind.MALFORMED;
                    }
                    depthParsed = true;
                }
                else
                {
                    dataOffset = cursor.position();
                    if (!cursor.skipValue())
                    {
                        return malformedFrame(FIELD_DATA);
                    }
                }
            }
            else if (!cursor.skipValue())
            {
                return malformedFrame(null);
            }
        }

        if (cursor.error() != ParseError.NONE)
        {
            return malformedFrame(null);
        }
        if (!cursor.atEndOfInput())
        {
            return malformedFrame(ParseError.TRAILING_DATA, null);
        }
        if (kind == null)
        {
            return malformedFrame(ParseError.MISSING_FIELD, FIELD_STREAM);
        }
        if (!depthParsed && dataOffset < 0)
        {
            return malformedFrame(ParseError.MISSING_FIELD, FIELD_DATA);
        }
        if (kind == FrameKind.DEPTH_UPDATE && !depthParsed)
        {
            cursor.wrap(buffer, dataOffset, offset + length - dataOffset);
            if (!parseDepthEvent(update))
            {
                return FrameKind.MALFORMED;
            }
        }

        return kind;
    }

    /**
     * Parse the body of a REST depth snapshot.
     *
     * @param buffer   holding the body's JSON text.
     * @param offset   of the body.
     * @param length   of the body in bytes.
     * @param snapshot filled with the snapshot.
     * @return {@link ParseError#NONE} when {@code snapshot} holds a whole, valid snapshot, otherwise why not (also
     * in {@link #error()}, with {@link #errorField()}).
     */
    public ParseError parseSnapshot(
        final DirectBuffer buffer, final int offset, final int length, final DepthSnapshot snapshot)
    {
        snapshot.reset();
        begin(buffer, offset, length);
        if (!cursor.expect((byte)'{'))
        {
            return rejected(ParseError.SYNTAX, null);
        }

        boolean seenLastUpdateId = false;
        boolean seenBids = false;
        boolean seenAsks = false;
        boolean first = true;
        while (cursor.nextMember(first))
        {
            first = false;
            if (cursor.stringEquals(LAST_UPDATE_ID))
            {
                if (!cursor.readUnsignedLong())
                {
                    return rejected(ParseError.INVALID_NUMBER, FIELD_LAST_UPDATE_ID);
                }
                snapshot.lastUpdateId(cursor.longValue());
                seenLastUpdateId = true;
            }
            else if (cursor.stringEquals(BIDS))
            {
                if (!parseLevels(snapshot.bids(), FIELD_BIDS))
                {
                    return error;
                }
                seenBids = true;
            }
            else if (cursor.stringEquals(ASKS))
            {
                if (!parseLevels(snapshot.asks(), FIELD_ASKS))
                {
                    return error;
                }
                seenAsks = true;
            }
            else if (!cursor.skipValue())
            {
                return rejected(ParseError.SYNTAX, null);
            }
        }

        if (cursor.error() != ParseError.NONE)
        {
            return rejected(ParseError.SYNTAX, null);
        }
        if (!cursor.atEndOfInput())
        {
            return rejected(ParseError.TRAILING_DATA, null);
        }
        if (!seenLastUpdateId)
        {
            return rejected(ParseError.MISSING_FIELD, FIELD_LAST_UPDATE_ID);
        }
        if (!seenBids)
        {
            return rejected(ParseError.MISSING_FIELD, FIELD_BIDS);
        }
        if (!seenAsks)
        {
            return rejected(ParseError.MISSING_FIELD, FIELD_ASKS);
        }

        return ParseError.NONE;
    }

    /**
     * Why the last message was rejected.
     *
     * @return the reason, {@link ParseError#NONE} if the last message parsed.
     */
    public ParseError error()
    {
        return error;
    }

    /**
     * The field at fault in the last rejected message, one of the {@code FIELD_} constants.
     *
     * @return the field name, or null when the fault is not in one field (e.g. a truncated frame's outer object).
     */
    public String errorField()
    {
        return errorField;
    }

    private void begin(final DirectBuffer buffer, final int offset, final int length)
    {
        error = ParseError.NONE;
        errorField = null;
        cursor.wrap(buffer, offset, length);
    }

    private FrameKind classifyStream()
    {
        int at = -1;
        for (int i = 0, length = cursor.stringLength(); i < length; i++)
        {
            if (cursor.stringByte(i) == '@')
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            return FrameKind.OTHER;
        }

        final int from = at + 1;
        final int suffixLength = cursor.stringLength() - from;
        if (cursor.stringStartsWith(from, DEPTH_STREAM) &&
            (suffixLength == DEPTH_STREAM.length || cursor.stringByte(from + DEPTH_STREAM.length) == '@'))
        {
            return FrameKind.DEPTH_UPDATE;
        }
        if (suffixLength == BOOK_TICKER_STREAM.length && cursor.stringStartsWith(from, BOOK_TICKER_STREAM))
        {
            return FrameKind.BOOK_TICKER;
        }
        if (suffixLength == AGG_TRADE_STREAM.length && cursor.stringStartsWith(from, AGG_TRADE_STREAM))
        {
            return FrameKind.AGG_TRADE;
        }
        if (suffixLength == TRADE_STREAM.length && cursor.stringStartsWith(from, TRADE_STREAM))
        {
            return FrameKind.TRADE;
        }
        if (cursor.stringStartsWith(from, KLINE_STREAM))
        {
            return FrameKind.KLINE;
        }
        return FrameKind.OTHER;
    }

    private boolean parseDepthEvent(final DepthUpdate update)
    {
        if (!cursor.isNext((byte)'{'))
        {
            return fail(cursor.atEndOfInput() ? ParseError.TRUNCATED : ParseError.SYNTAX, FIELD_DATA);
        }
        cursor.expect((byte)'{');

        int seen = 0;
        boolean first = true;
        while (cursor.nextMember(first))
        {
            first = false;
            final int field = cursor.stringLength() == 1 ? parseDepthField(update) : skipField();
            if (field < 0)
            {
                return false;
            }
            seen |= field;
        }
        if (cursor.error() != ParseError.NONE)
        {
            return fail(ParseError.SYNTAX, FIELD_DATA);
        }

        if (seen != SEEN_ALL_DEPTH)
        {
            for (int bit = 0; bit < DEPTH_FIELDS_IN_BIT_ORDER.length; bit++)
            {
                if ((seen & (1 << bit)) == 0)
                {
                    return fail(ParseError.MISSING_FIELD, DEPTH_FIELDS_IN_BIT_ORDER[bit]);
                }
            }
        }
        if (update.firstUpdateId() > update.finalUpdateId())
        {
            return fail(ParseError.INVALID_SEQUENCE, FIELD_FIRST_UPDATE_ID);
        }

        return true;
    }

    // The field's SEEN_ bit, 0 for a field that is skipped, -1 on an error: one int, no allocation.
    private int parseDepthField(final DepthUpdate update)
    {
        switch (cursor.stringByte(0))
        {
            case 'e':
                if (!cursor.readString())
                {
                    return failField(ParseError.SYNTAX, FIELD_EVENT_TYPE);
                }
                if (!cursor.stringEquals(DEPTH_UPDATE_EVENT))
                {
                    return failField(ParseError.UNEXPECTED_EVENT_TYPE, FIELD_EVENT_TYPE);
                }
                return SEEN_EVENT_TYPE;

            case 'E':
                if (!cursor.readUnsignedLong())
                {
                    return failField(ParseError.INVALID_NUMBER, FIELD_EVENT_TIME);
                }
                update.eventTimeMs(cursor.longValue());
                return 0;

            case 's':
                if (!cursor.readString())
                {
                    return failField(ParseError.SYNTAX, FIELD_SYMBOL);
                }
                if (cursor.stringLength() == 0 || cursor.stringLength() > DepthUpdate.MAX_SYMBOL_LENGTH)
                {
                    return failField(ParseError.INVALID_SYMBOL, FIELD_SYMBOL);
                }
                cursor.copyString(update.symbolBytes());
                update.symbolLength(cursor.stringLength());
                return SEEN_SYMBOL;

            case 'U':
                if (!cursor.readUnsignedLong())
                {
                    return failField(ParseError.INVALID_NUMBER, FIELD_FIRST_UPDATE_ID);
                }
                update.firstUpdateId(cursor.longValue());
                return SEEN_FIRST_UPDATE_ID;

            case 'u':
                if (!cursor.readUnsignedLong())
                {
                    return failField(ParseError.INVALID_NUMBER, FIELD_FINAL_UPDATE_ID);
                }
                update.finalUpdateId(cursor.longValue());
                return SEEN_FINAL_UPDATE_ID;

            case 'b':
                return parseLevels(update.bids(), FIELD_BID_UPDATES) ? SEEN_BIDS : -1;

            case 'a':
                return parseLevels(update.asks(), FIELD_ASK_UPDATES) ? SEEN_ASKS : -1;

            default:
                return skipField();
        }
    }

    private int skipField()
    {
        return cursor.skipValue() ? 0 : failField(ParseError.SYNTAX, null);
    }

    private boolean parseLevels(final PriceLevels levels, final String field)
    {
        levels.clear();
        if (!cursor.expect((byte)'['))
        {
            return fail(ParseError.SYNTAX, field);
        }

        boolean first = true;
        while (cursor.nextElement(first))
        {
            first = false;
            if (!cursor.isNext((byte)'['))
            {
                return fail(cursor.atEndOfInput() ? ParseError.TRUNCATED : ParseError.INVALID_LEVEL, field);
            }
            cursor.expect((byte)'[');

            if (!cursor.readDecimal())
            {
                return fail(ParseError.INVALID_DECIMAL, field);
            }
            final long priceMantissa = cursor.decimalValue();
            if (priceMantissa <= 0)
            {
                return fail(ParseError.INVALID_PRICE, field);
            }

            if (!cursor.isNext((byte)','))
            {
                return fail(cursor.atEndOfInput() ? ParseError.TRUNCATED : ParseError.INVALID_LEVEL, field);
            }
            cursor.expect((byte)',');

            if (!cursor.readDecimal())
            {
                return fail(ParseError.INVALID_DECIMAL, field);
            }
            final long quantityMantissa = cursor.decimalValue();
            if (quantityMantissa < 0)
            {
                return fail(ParseError.INVALID_QUANTITY, field);
            }

            while (cursor.isNext((byte)','))
            {
                cursor.expect((byte)',');
                if (!cursor.skipValue())
                {
                    return fail(ParseError.SYNTAX, field);
                }
            }
            if (!cursor.expect((byte)']'))
            {
                return fail(ParseError.INVALID_LEVEL, field);
            }

            levels.add(priceMantissa, quantityMantissa);
        }

        return cursor.error() == ParseError.NONE || fail(ParseError.SYNTAX, field);
    }

    private FrameKind malformedFrame(final String field)
    {
        fail(ParseError.SYNTAX, field);
        return FrameKind.MALFORMED;
    }

    private FrameKind malformedFrame(final ParseError reason, final String field)
    {
        fail(reason, field);
        return FrameKind.MALFORMED;
    }

    private ParseError rejected(final ParseError reason, final String field)
    {
        fail(reason, field);
        return error;
    }

    private int failField(final ParseError reason, final String field)
    {
        fail(reason, field);
        return -1;
    }

    /**
     * Record a rejection; a more specific reason the cursor already found wins over {@code reason}.
     */
    private ParseError failReason(final ParseError reason)
    {
        return cursor.error() != ParseError.NONE ? cursor.error() : reason;
    }

    private boolean fail(final ParseError reason, final String field)
    {
        error = failReason(reason);
        errorField = field;
        return false;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
