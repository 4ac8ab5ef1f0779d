package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.DirectBuffer;

/**
 * Parses ASCII decimals straight from bytes into {@link FixedPoint} mantissas (exponent {@value FixedPoint#EXPONENT}),
 * without creating a {@link String} or going through {@code double}. Accepts the same syntax as
 * {@link FixedPoint#parse(CharSequence)}: an optional sign, digits with at most one decimal point, and digits beyond
 * the eighth decimal place only if they are zeros. Values beyond {@link Long#MAX_VALUE} in mantissa are rejected,
 * including those just above it that a check on the integer part alone would let wrap.
 */
public final class DecimalParser
{
    private static final long MAX_INTEGER_PART = Long.MAX_VALUE / FixedPoint.SCALE;
    private static final long MAX_FRACTION_AT_MAX_INTEGER_PART = Long.MAX_VALUE % FixedPoint.SCALE;

    private DecimalParser()
    {
    }

    /**
     * Parse a decimal such as {@code 0.35130000}, {@code -12.5} or {@code 100}.
     *
     * @param buffer holding the ASCII digits.
     * @param offset of the first byte.
     * @param length in bytes.
     * @return the mantissa, or {@link FixedPoint#INVALID} if the bytes are not a decimal, carry a non-zero digit
     * beyond {@link FixedPoint#DECIMALS} places, or do not fit in a {@code long}.
     */
    public static long parse(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            return FixedPoint.INVALID;
        }

        final int end = offset + length;
        int i = offset;
        boolean negative = false;
        final byte sign = buffer.getByte(i);
        if (sign == '-')
        {
            negative = true;
            i++;
        }
        else if (sign == '+')
        {
            i++;
        }

        long integerPart = 0;
        long fraction = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        boolean seenDigit = false;
        for (; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == '.')
            {
                if (seenPoint)
                {
                    return FixedPoint.INVALID;
                }
                seenPoint = true;
            }
            else if (b >= '0' && b <= '9')
            {
                seenDigit = true;
                final int digit = b - '0';
                if (seenPoint)
                {
                    if (fractionDigits == FixedPoint.DECIMALS)
                    {
                        if (digit != 0)
                        {
                            return FixedPoint.INVALID;
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
                        return FixedPoint.INVALID;
                    }
                    integerPart = integerPart * 10 + digit;
                }
            }
            else
            {
                return FixedPoint.INVALID;
            }
        }

        if (!seenDigit)
        {
            return FixedPoint.INVALID;
        }

        for (int d = fractionDigits; d < FixedPoint.DECIMALS; d++)
        {
            fraction *= 10;
        }

        if (integerPart == MAX_INTEGER_PART && fraction > MAX_FRACTION_AT_MAX_INTEGER_PART)
        {
            return FixedPoint.INVALID;
        }

        final long value = integerPart * FixedPoint.SCALE + fraction;
        return negative ? -value : value;
    }
}
