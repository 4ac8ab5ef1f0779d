package io.bastion.protocol;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixedPointTest
{
    @ParameterizedTest
    @CsvSource({
        "101.25, 10125000000",
        "100, 10000000000",
        "0.00000001, 1",
        "-12.5, -1250000000",
        "+3, 300000000",
        "1.500000000, 150000000",
        "0, 0",
        "92233720368.54775807, 9223372036854775807" })
    void shouldParseDecimals(final String text, final long expected)
    {
        assertEquals(expected, FixedPoint.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", ".", "1.2.3", "abc", "1e5", "0.000000001", "99999999999999999999",
        "92233720368.99999999", "92233720368.54775808" })
    void shouldRefuseWhatIsNotAnExactDecimal(final String text)
    {
        assertEquals(FixedPoint.INVALID, FixedPoint.parse(text));
    }

    @ParameterizedTest
    @CsvSource({ "10125000000, 101.25", "10000000000, 100", "1, 0.00000001", "-1250000000, -12.5", "0, 0" })
    void shouldFormatWithoutTrailingZeros(final long mantissa, final String expected)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        final int length = FixedPoint.format(mantissa, buffer, 0);

        assertEquals(expected, buffer.getStringWithoutLengthAscii(0, length));
        assertEquals(expected, FixedPoint.toString(mantissa));
    }

    @Test
    void shouldComputeNotionalBeyondSixtyFourBitsOfIntermediateProduct()
    {
        final long qty = FixedPoint.ofUnits(5_000_000);
        final long price = FixedPoint.parse("1234.56789");

        assertEquals(FixedPoint.parse("6172839450"), FixedPoint.notional(qty, price));
    }

    @Test
    void shouldMatchBigIntegerForRandomMulDiv()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 100_000; i++)
        {
            final long a = random.nextLong() >> random.nextInt(40);
            final long b = random.nextLong() >> random.nextInt(40);
            final long divisor = 1 + (random.nextLong() >>> 1 + random.nextInt(50));
            final BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(divisor));
            if (expected.bitLength() < 64)
            {
                assertEquals(expected.longValueExact(), FixedPoint.mulDiv(a, b, divisor), a + "*" + b + "/" + divisor);
            }
            else
            {
                assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(a, b, divisor));
            }
        }
    }
}
