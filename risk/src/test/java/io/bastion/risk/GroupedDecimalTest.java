package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link GroupedDecimal}: a fixed-point mantissa written for people, exactly, with thousands separators and at least
 * the given number of decimals.
 */
class GroupedDecimalTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    @Test
    void shouldSeparateThousands()
    {
        assertEquals("999", format("999", 0));
        assertEquals("1,000", format("1000", 0));
        assertEquals("12,345", format("12345", 0));
        assertEquals("100,000", format("100000", 0));
        assertEquals("1,000,000", format("1000000", 0));
        assertEquals("92,233,720,368", format("92233720368", 0));
    }

    @Test
    void shouldKeepTheMinimumDecimals()
    {
        assertEquals("1,250,000.00", format("1250000", 2));
        assertEquals("1,234.50", format("1234.5", 2));
        assertEquals("1.00000000", format("1", 8));
    }

    @Test
    void shouldShowExtraDecimalsExactly()
    {
        assertEquals("1,000,000.005", format("1000000.005", 2));
        assertEquals("0.00000001", format("0.00000001", 2));
        assertEquals("190,000.00001", format("190000.00001", 2));
        assertEquals("92,233,720,368.54775807", format(Long.MAX_VALUE, 2));
    }

    @Test
    void shouldWriteZero()
    {
        assertEquals("0", format(0, 0));
        assertEquals("0.00", format(0, 2));
    }

    @Test
    void shouldWriteNegatives()
    {
        assertEquals("-1,234.50", format("-1234.5", 2));
        assertEquals("-0.5", format("-0.5", 0));
        assertEquals("-1,000,000", format("-1000000", 0));
        assertEquals("-0.00000001", format("-0.00000001", 2));
    }

    @Test
    void shouldWriteWholeNumbersWithoutAPointWhenNoDecimalsAreRequired()
    {
        assertEquals("1,001", format("1001", 0));
        assertEquals("7", format("7", 0));
        assertEquals("1,000.5", format("1000.5", 0));
    }

    @Test
    void shouldWriteAtTheOffsetAndReturnTheLength()
    {
        buffer.setMemory(0, buffer.capacity(), (byte)'#');

        final int length = GroupedDecimal.format(FixedPoint.parse("1234.5"), 2, buffer, 3);

        assertEquals("1,234.50".length(), length);
        assertEquals("###1,234.50#", buffer.getStringWithoutLengthAscii(0, length + 4));
    }

    private String format(final String decimal, final int minDecimals)
    {
        final long mantissa = FixedPoint.parse(decimal);
        assertNotEquals(FixedPoint.INVALID, mantissa, decimal);
        return format(mantissa, minDecimals);
    }

    private String format(final long mantissa, final int minDecimals)
    {
        final int length = GroupedDecimal.format(mantissa, minDecimals, buffer, 0);
        return buffer.getStringWithoutLengthAscii(0, length);
    }
}
