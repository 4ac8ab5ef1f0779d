package io.bastion.protocol;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The one fixed-point representation of prices and quantities: a {@code long} mantissa with a constant decimal
 * exponent of {@value #EXPONENT}. {@code 101.25} is {@code 10_125_000_000L}.
 * <p>
 * Parsing and formatting work on ASCII bytes or {@link CharSequence}s and never go through {@code double}.
 * Products of a price and a quantity are computed in 128 bits ({@link #mulDiv(long, long, long)}), so notional
 * arithmetic never overflows silently.
 */
public final class FixedPoint
{
    /** Decimal exponent of every price and quantity mantissa. */
    public static final int EXPONENT = -8;

    /** Number of decimal places carried. */
    public static final int DECIMALS = 8;

    /** {@code 10^DECIMALS}: the mantissa of 1. */
    public static final long SCALE = 100_000_000L;

    /** Marks an absent price or quantity. */
    public static final long NULL_VALUE = Long.MIN_VALUE;

    /** Returned by the parsers for input that is not a decimal number, or does not fit. */
    public static final long INVALID = Long.MIN_VALUE + 1;

    private static final long MAX_INTEGER_PART = Long.MAX_VALUE / SCALE;

    private FixedPoint()
    {
    }

    /**
     * The mantissa of a whole number of units.
     *
     * @param units whole units.
     * @return the mantissa.
     * @throws ArithmeticException if it does not fit.
     */
    public static long ofUnits(final long units)
    {
        return Math.multiplyExact(units, SCALE);
    }

    /**
     * Parse a decimal such as {@code -12.5}, {@code 100} or {@code 0.00000001}.
     *
     * @param text the decimal.
     * @return the mantissa, or {@link #INVALID} if it is not a decimal, has more than {@link #DECIMALS} places
     * or does not fit in a {@code long}.
     */
    public static long parse(final CharSequence text)
    {
        final int length = text.length();
        if (length == 0)
        {
            return INVALID;
        }

        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-')
        {
            negative = true;
            i = 1;
        }
        else if (text.charAt(0) == '+')
        {
            i = 1;
        }

        long integerPart = 0;
        long fraction = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        boolean seenDigit = false;
        for (; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c == '.')
            {
                if (seenPoint)
                {
                    return INVALID;
                }
                seenPoint = true;
            }
            else if (c >= '0' && c <= '9')
            {
                seenDigit = true;
                final int digit = c - '0';
                if (seenPoint)
                {
                    if (fractionDigits == DECIMALS)
                    {
                        if (digit != 0)
                        {
                            return INVALID;
                        }
                        continue;
                    }
                    fraction = fraction * 10 + digit;
                    fractionDigits++;
                }
                else
                {
                    if (integerPart > (MAX_INTEGER_PART - digit) / 10)
                    {
                        return INVALID;
                    }
                    integerPart = integerPart * 10 + digit;
                }
            }
            else
            {
                return INVALID;
            }
        }

        if (!seenDigit)
        {
            return INVALID;
        }

        for (int d = fractionDigits; d < DECIMALS; d++)
        {
            fraction *= 10;
        }
        if (integerPart == MAX_INTEGER_PART && fraction > Long.MAX_VALUE % SCALE)
        {
            return INVALID;
        }

        final long value = integerPart * SCALE + fraction;
        return negative ? -value : value;
    }

    /**
     * Write a mantissa as a plain decimal with trailing zeros removed ({@code 101.25}, {@code 100}).
     *
     * @param value  the mantissa, not {@link #NULL_VALUE}.
     * @param buffer destination.
     * @param offset where to write.
     * @return number of ASCII bytes written.
     */
    public static int format(final long value, final MutableDirectBuffer buffer, final int offset)
    {
        int position = offset;
        long magnitude = value;
        if (value < 0)
        {
            buffer.putByte(position++, (byte)'-');
            magnitude = -value;
        }

        final long integerPart = magnitude / SCALE;
        long fraction = magnitude % SCALE;
        position += buffer.putLongAscii(position, integerPart);
        if (fraction != 0)
        {
            int digits = DECIMALS;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            buffer.putByte(position++, (byte)'.');
            for (int d = digits - 1; d >= 0; d--)
            {
                buffer.putByte(position + d, (byte)('0' + fraction % 10));
                fraction /= 10;
            }
            position += digits;
        }

        return position - offset;
    }

    /**
     * Format a mantissa as a {@link String}; for the edges (FIX, logs), not the hot path.
     *
     * @param value the mantissa.
     * @return the decimal text, or an empty string for {@link #NULL_VALUE}.
     */
    public static String toString(final long value)
    {
        if (value == NULL_VALUE)
        {
            return "";
        }
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[32]);
        final int length = format(value, buffer, 0);
        return buffer.getStringWithoutLengthAscii(0, length);
    }

    /**
     * {@code a * b / divisor} with a 128-bit intermediate product, truncated toward zero.
     *
     * @param a       first factor.
     * @param b       second factor.
     * @param divisor positive divisor.
     * @return the quotient.
     * @throws ArithmeticException if the quotient does not fit in a {@code long}.
     */
    public static long mulDiv(final long a, final long b, final long divisor)
    {
        if (divisor <= 0)
        {
            throw new ArithmeticException("divisor must be positive: " + divisor);
        }
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0))
        {
            return low / divisor;
        }
        return Int128.divide(high, low, divisor);
    }

    /**
     * The notional value of a quantity at a price, as a price-scaled mantissa: {@code qty * price / SCALE}.
     *
     * @param qtyMantissa   quantity.
     * @param priceMantissa price.
     * @return notional mantissa.
     * @throws ArithmeticException if it does not fit.
     */
    public static long notional(final long qtyMantissa, final long priceMantissa)
    {
        return mulDiv(qtyMantissa, priceMantissa, SCALE);
    }

    /**
     * Compare a NUL-padded ASCII field in a buffer with a {@link CharSequence}.
     *
     * @param buffer    holding the field.
     * @param offset    of the field.
     * @param maxLength of the field.
     * @param value     to compare with.
     * @return true when equal.
     */
    public static boolean asciiEquals(
        final DirectBuffer buffer, final int offset, final int maxLength, final CharSequence value)
    {
        final int length = value.length();
        if (length > maxLength)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != value.charAt(i))
            {
                return false;
            }
        }
        return length == maxLength || buffer.getByte(offset + length) == 0;
    }
}
