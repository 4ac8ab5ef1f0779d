package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.MutableDirectBuffer;

/**
 * Formats fixed-point mantissas for people, exactly: thousands separators, at least a given number of decimals and
 * as many more as the value has ({@code 1,250,000.00}, {@code 1,000,000.005}, {@code 1,001}). Allocation free.
 */
final class GroupedDecimal
{
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L };

    private GroupedDecimal()
    {
    }

    static int format(final long mantissa, final int minDecimals, final MutableDirectBuffer buffer, final int offset)
    {
        int position = offset;
        long magnitude = mantissa;
        if (mantissa < 0)
        {
            buffer.putByte(position++, (byte)'-');
            magnitude = mantissa == Long.MIN_VALUE ? Long.MAX_VALUE : -mantissa;
        }

        position += putGrouped(magnitude / FixedPoint.SCALE, buffer, position);

        long fraction = magnitude % FixedPoint.SCALE;
        int places = FixedPoint.DECIMALS;
        while (places > minDecimals && fraction % 10 == 0)
        {
            fraction /= 10;
            places--;
        }
        if (places > 0)
        {
            buffer.putByte(position++, (byte)'.');
            long fractionDivisor = POWERS_OF_TEN[places - 1];
            for (int i = 0; i < places; i++)
            {
                buffer.putByte(position++, (byte)('0' + (fraction / fractionDivisor) % 10));
                fractionDivisor /= 10;
            }
        }
        return position - offset;
    }

    /**
     * Format a whole number (a count, milliseconds) with thousands separators.
     */
    static int formatWhole(final long value, final MutableDirectBuffer buffer, final int offset)
    {
        int position = offset;
        long magnitude = value;
        if (value < 0)
        {
            buffer.putByte(position++, (byte)'-');
            magnitude = value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
        }
        position += putGrouped(magnitude, buffer, position);
        return position - offset;
    }

    /**
     * Write a non-negative whole number with a comma between groups of three digits.
     */
    private static int putGrouped(final long value, final MutableDirectBuffer buffer, final int offset)
    {
        int position = offset;
        final int digits = digitCount(value);
        long divisor = 1;
        for (int i = 1; i < digits; i++)
        {
            divisor *= 10;
        }
        for (int i = digits; i > 0; i--)
        {
            buffer.putByte(position++, (byte)('0' + (value / divisor) % 10));
            divisor /= 10;
            if (i > 1 && (i - 1) % 3 == 0)
            {
                buffer.putByte(position++, (byte)',');
            }
        }
        return position - offset;
    }

    private static int digitCount(final long value)
    {
        int digits = 1;
        long remaining = value;
        while (remaining >= 10)
        {
            remaining /= 10;
            digits++;
        }
        return digits;
    }
}
