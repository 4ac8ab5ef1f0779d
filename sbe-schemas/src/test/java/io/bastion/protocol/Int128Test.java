package io.bastion.protocol;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Int128Test
{
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void shouldDivideLikeBigIntegerWhetherTheDividendFitsInALongOrNot()
    {
        final Random random = new Random(5);
        for (int i = 0; i < 200_000; i++)
        {
            final long a = randomLong(random);
            final long b = randomLong(random);
            final long c = random.nextBoolean() ? randomLong(random) : 0;
            final long d = random.nextBoolean() ? randomLong(random) : 0;
            final long high = Int128.addProductHigh(Int128.addProductHigh(0, 0, a, b), a * b, c, d);
            final long low = Int128.addProductLow(Int128.addProductLow(0, a, b), c, d);
            final BigInteger dividend = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .add(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            final long divisor = 1 + (random.nextBoolean() ? random.nextLong() >>> (1 + random.nextInt(63)) :
                random.nextInt(1000));

            final BigInteger expected = dividend.divide(BigInteger.valueOf(divisor));
            if (expected.compareTo(LONG_MIN) < 0 || expected.compareTo(LONG_MAX) > 0)
            {
                assertThrows(ArithmeticException.class, () -> Int128.divide(high, low, divisor), dividend + "/" + divisor);
            }
            else
            {
                assertEquals(expected.longValueExact(), Int128.divide(high, low, divisor), dividend + "/" + divisor);
            }
        }
    }

    @Test
    void shouldDivideNotionalsByTheScaleLikeBigInteger()
    {
        final Random random = new Random(11);
        final BigInteger scale = BigInteger.valueOf(FixedPoint.SCALE);
        for (int i = 0; i < 200_000; i++)
        {
            final long qty = randomLong(random);
            final long px = randomLong(random);
            final BigInteger expected = BigInteger.valueOf(qty).multiply(BigInteger.valueOf(px)).divide(scale);
            if (expected.bitLength() < 64)
            {
                assertEquals(expected.longValueExact(), FixedPoint.notional(qty, px), qty + " x " + px);
            }
            else
            {
                assertThrows(ArithmeticException.class, () -> FixedPoint.notional(qty, px), qty + " x " + px);
            }
        }
        assertEquals(10_000_000_000_000L, FixedPoint.notional(FixedPoint.ofUnits(1_000), FixedPoint.ofUnits(100)),
            "1,000 at 100.00: the product passes 2^63, the notional does not");
    }

    @Test
    void shouldTruncateTowardZero()
    {
        assertEquals(3, Int128.divide(0, 10, 3));
        assertEquals(-3, Int128.divide(-1, -10, 3));
        assertEquals(Long.MIN_VALUE, Int128.divide(-1, Long.MIN_VALUE, 1));
        assertEquals(Long.MIN_VALUE, Int128.divide(-1, 0, 2));
        assertThrows(ArithmeticException.class, () -> Int128.divide(0, Long.MIN_VALUE, 1));
    }

    private static long randomLong(final Random random)
    {
        return random.nextLong() >> random.nextInt(64);
    }
}
