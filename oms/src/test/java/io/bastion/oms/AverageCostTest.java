package io.bastion.oms;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AverageCostTest
{
    @Test
    void shouldRoundTiesToEven()
    {
        assertEquals(0, AverageCost.weightedAverage(1, 1, 0, 1), "0.5");
        assertEquals(2, AverageCost.weightedAverage(3, 1, 0, 1), "1.5");
        assertEquals(2, AverageCost.weightedAverage(5, 1, 0, 1), "2.5");
        assertEquals(0, AverageCost.weightedAverage(-1, 1, 0, 1), "-0.5");
        assertEquals(-2, AverageCost.weightedAverage(-3, 1, 0, 1), "-1.5");
        assertEquals(-2, AverageCost.weightedAverage(-5, 1, 0, 1), "-2.5");
    }

    @Test
    void shouldRoundOtherwiseToNearest()
    {
        assertEquals(1, AverageCost.weightedAverage(2, 1, 1, 2), "4 / 3");
        assertEquals(2, AverageCost.weightedAverage(1, 1, 2, 2), "5 / 3");
        assertEquals(-1, AverageCost.weightedAverage(-2, 1, -1, 2), "-4 / 3");
        assertEquals(-2, AverageCost.weightedAverage(-1, 1, -2, 2), "-5 / 3");
    }

    @Test
    void shouldAverageProductsBeyondSixtyFourBits()
    {
        final long weight = Long.MAX_VALUE / 2;
        assertEquals(Long.MAX_VALUE - 2, AverageCost.weightedAverage(Long.MAX_VALUE - 1, weight, Long.MAX_VALUE - 3,
            weight));
        assertEquals(Long.MIN_VALUE + 2, AverageCost.weightedAverage(Long.MIN_VALUE + 1, weight, Long.MIN_VALUE + 3,
            weight));
    }

    @Test
    void shouldMatchBigDecimalHalfEvenOnRandomOperands()
    {
        final Random random = new Random(3);
        for (int i = 0; i < 100_000; i++)
        {
            final long a = operand(random);
            final long b = operand(random);
            final long weightA = weight(random);
            final long weightB = weight(random);
            final BigInteger numerator = BigInteger.valueOf(a).multiply(BigInteger.valueOf(weightA))
                .add(BigInteger.valueOf(b).multiply(BigInteger.valueOf(weightB)));
            final long expected = new BigDecimal(numerator)
                .divide(BigDecimal.valueOf(weightA).add(BigDecimal.valueOf(weightB)), 0, RoundingMode.HALF_EVEN)
                .longValueExact();

            assertEquals(expected, AverageCost.weightedAverage(a, weightA, b, weightB),
                a + " * " + weightA + " + " + b + " * " + weightB);
        }
    }

    @Test
    void shouldFailRatherThanWrap()
    {
        final AverageCost position = new AverageCost();
        position.reset(Long.MAX_VALUE - 1, 100, 0, 100);
        assertThrows(ArithmeticException.class, () -> position.fill(2, 100), "net quantity");

        position.reset(-Long.MAX_VALUE, Long.MAX_VALUE, 0, 100);
        assertThrows(ArithmeticException.class, () -> position.fill(1, -Long.MAX_VALUE), "price difference");

        position.reset(Long.MAX_VALUE / 2, 1, Long.MAX_VALUE - 10, 1);
        assertThrows(ArithmeticException.class, () -> position.fill(-1_000_000_000, 100_000_000_000L),
            "realised P&L");
    }

    private static long weight(final Random random)
    {
        return 1 + (random.nextBoolean() ? random.nextInt(1_000) : random.nextLong(Long.MAX_VALUE / 2));
    }

    private static long operand(final Random random)
    {
        return switch (random.nextInt(3))
        {
            case 0 -> random.nextInt(2_000_000) - 1_000_000;
            case 1 -> random.nextLong();
            default -> random.nextLong(20_000_000_000L) - 10_000_000_000L;
        };
    }
}
