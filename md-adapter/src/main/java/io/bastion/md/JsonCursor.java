package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.DirectBuffer;

/**
 * A forward-only, allocation-free JSON scanner over a byte range: enough to walk objects and arrays, read strings as
 * byte ranges, non-negative integers and decimals, and skip (while checking) any value it is not asked about. Every
 * read is bounded by the range's end, so truncated or hostile input yields an error, never an exception.
 */
final class JsonCursor
{
    static final int MAX_DEPTH = 32;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private DirectBuffer buffer;
    private int position;
    private int limit;
    private int depth;
    private ParseError error = ParseError.NONE;
    private int stringOffset;
    private int stringLength;
    private long longValue;
    private long decimalValue;

    void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        position = offset;
        limit = offset + length;
        depth = 0;
        error = ParseError.NONE;
    }

    ParseError error()
    {
        return error;
    }

    int position()
    {
        return position;
    }

    int stringOffset()
    {
        return stringOffset;
    }

    int stringLength()
    {
        return stringLength;
    }

    long longValue()
    {
        return longValue;
    }

    long decimalValue()
    {
        return decimalValue;
    }

    boolean fail(final ParseError reason)
    {
        if (error == ParseError.NONE)
        {
            error = reason;
        }
        return false;
    }

    boolean atEndOfInput()
    {
        return !skipWhitespace();
    }

    boolean expect(final byte expected)
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        if (buffer.getByte(position) != expected)
        {
            return fail(ParseError.SYNTAX);
        }
        position++;
        return true;
    }

    boolean isNext(final byte expected)
    {
        return skipWhitespace() && buffer.getByte(position) == expected;
    }

    /**
     * Move to the next member of an object whose '{' was consumed.
     *
     * @param first true for the first call after the '{'.
     * @return true with the key read (see {@link #keyIs}) and its ':' consumed; false at the closing '}' or on an
     * error (check {@link #error()}).
     */
    boolean nextMember(final boolean first)
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte b = buffer.getByte(position);
        if (b == '}')
        {
            position++;
            return false;
        }
        if (!first)
        {
            if (b != ',')
            {
                return fail(ParseError.SYNTAX);
            }
            position++;
        }
        return readString() && expect((byte)':');
    }

    /**
     * Move to the next element of an array whose '[' was consumed.
     *
     * @param first true for the first call after the '['.
     * @return true when positioned before an element; false at the closing ']' or on an error.
     */
    boolean nextElement(final boolean first)
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte b = buffer.getByte(position);
        if (b == ']')
        {
            position++;
            return false;
        }
        if (!first)
        {
            if (b != ',')
            {
                return fail(ParseError.SYNTAX);
            }
            position++;
        }
        return true;
    }

    boolean keyIs(final byte singleChar)
    {
        return stringLength == 1 && buffer.getByte(stringOffset) == singleChar;
    }

    boolean stringEquals(final byte[] expected)
    {
        if (stringLength != expected.length)
        {
            return false;
        }
        for (int i = 0; i < stringLength; i++)
        {
            if (buffer.getByte(stringOffset + i) != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    boolean stringStartsWith(final int from, final byte[] prefix)
    {
        if (stringLength - from < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (buffer.getByte(stringOffset + from + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    byte stringByte(final int index)
    {
        return buffer.getByte(stringOffset + index);
    }

    void copyString(final byte[] destination)
    {
        buffer.getBytes(stringOffset, destination, 0, stringLength);
    }

    boolean readString()
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        if (buffer.getByte(position) != '"')
        {
            return fail(ParseError.SYNTAX);
        }
        final int start = ++position;
        while (position < limit)
        {
            final byte b = buffer.getByte(position);
            if (b == '"')
            {
                stringOffset = start;
                stringLength = position - start;
                position++;
                return true;
            }
            if (b == '\\')
            {
                position += 2;
            }
            else if (b >= 0 && b < 0x20)
            {
                return fail(ParseError.SYNTAX);
            }
            else
            {
                position++;
            }
        }
        return fail(ParseError.TRUNCATED);
    }

    boolean readUnsignedLong()
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        final int start = position;
        long value = 0;
        while (position < limit)
        {
            final byte b = buffer.getByte(position);
            if (b < '0' || b > '9')
            {
                if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t')
                {
                    return fail(ParseError.INVALID_NUMBER);
                }
                break;
            }
            final int digit = b - '0';
            if (value > (Long.MAX_VALUE - digit) / 10)
            {
                return fail(ParseError.INVALID_NUMBER);
            }
            value = value * 10 + digit;
            position++;
        }
        if (position == start)
        {
            return fail(position == limit ? ParseError.TRUNCATED : ParseError.INVALID_NUMBER);
        }
        longValue = value;
        return true;
    }

    /**
     * Read a decimal given as a JSON string (as Binance sends prices and quantities) or a bare JSON number.
     *
     * @return true with {@link #decimalValue()} set.
     */
    boolean readDecimal()
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        final int offset;
        final int length;
        if (buffer.getByte(position) == '"')
        {
            if (!readString())
            {
                return false;
            }
            offset = stringOffset;
            length = stringLength;
        }
        else
        {
            offset = position;
            scanNumber();
            length = position - offset;
            if (position == limit)
            {
                return fail(ParseError.TRUNCATED);
            }
        }
        final long value = DecimalParser.parse(buffer, offset, length);
        if (value == FixedPoint.INVALID)
        {
            return fail(ParseError.INVALID_DECIMAL);
        }
        decimalValue = value;
        return true;
    }

    boolean skipValue()
    {
        if (!skipWhitespace())
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte b = buffer.getByte(position);
        switch (b)
        {
            case '"':
                return readString();
            case '{':
                return skipContainer(true);
            case '[':
                return skipContainer(false);
            case 't':
                return skipLiteral(TRUE);
            case 'f':
                return skipLiteral(FALSE);
            case 'n':
                return skipLiteral(NULL);
            default:
                if (b == '-' || (b >= '0' && b <= '9'))
                {
                    scanNumber();
                    return position < limit || fail(ParseError.TRUNCATED);
                }
                return fail(ParseError.SYNTAX);
        }
    }

    private boolean skipContainer(final boolean object)
    {
        if (++depth > MAX_DEPTH)
        {
            return fail(ParseError.TOO_DEEP);
        }
        position++;
        boolean first = true;
        while (object ? nextMember(first) : nextElement(first))
        {
            first = false;
            if (!skipValue())
            {
                return false;
            }
        }
        depth--;
        return error == ParseError.NONE;
    }

    private boolean skipLiteral(final byte[] literal)
    {
        for (final byte expected : literal)
        {
            if (position == limit)
            {
                return fail(ParseError.TRUNCATED);
            }
            if (buffer.getByte(position) != expected)
            {
                return fail(ParseError.SYNTAX);
            }
            position++;
        }
        return true;
    }

    private void scanNumber()
    {
        while (position < limit)
        {
            final byte b = buffer.getByte(position);
            if ((b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private boolean skipWhitespace()
    {
        while (position < limit)
        {
            final byte b = buffer.getByte(position);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return true;
            }
            position++;
        }
        return false;
    }
}
