package io.bastion.protocol;

/**
 * Signed 128-bit helpers for notional arithmetic (sums of price times quantity); allocation free. A value is a
 * pair of longs, {@code high:low}, in two's complement.
 */
public final class Int128
{
    private Int128()
    {
    }

    /**
     * Divide the signed 128-bit value {@code high:low} by a positive divisor, truncating toward zero.
     *
     * @param high    upper 64 bits (two's complement).
     * @param low     lower 64 bits.
     * @param divisor positive divisor.
     * @return the quotient.
     * @throws ArithmeticException if the quotient does not fit in a {@code long}.
     */
    public static long divide(final long high, final long low, final long divisor)
    {
        if (high == (low >> 63))
        {
            return low / divisor;
        }
        final boolean negative = high < 0;
        long h = high;
        long l = low;
        if (negative)
        {
            l = ~l + 1;
            h = ~h + (l == 0 ? 1 : 0);
        }

        if (Long.compareUnsigned(h, divisor) >= 0)
        {
            throw new ArithmeticException("128-bit quotient overflows a long");
        }
        if (h == 0)
        {
            return signedQuotient(Long.divideUnsigned(l, divisor), negative);
        }
        if (divisor <= Integer.MAX_VALUE)
        {
            // h < divisor < 2^31: divide 32 bits at a time; every partial dividend is below 2^63, so plain division
            // does it (a constant divisor such as the fixed-point scale compiles to a multiply).
            final long upper = (h << 32) | (l >>> 32);
            final long upperQuotient = upper / divisor;
            final long lower = ((upper - upperQuotient * divisor) << 32) | (l & 0xFFFF_FFFFL);
            return signedQuotient((upperQuotient << 32) | (lower / divisor), negative);
        }

        long remainder = h;
        long quotient = 0;
        for (int i = 63; i >= 0; i--)
        {
            final boolean carry = remainder < 0;
            remainder = (remainder << 1) | ((l >>> i) & 1L);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(remainder, divisor) >= 0)
            {
                remainder -= divisor;
                quotient |= 1L;
            }
        }

        return signedQuotient(quotient, negative);
    }

    private static long signedQuotient(final long unsignedQuotient, final boolean negative)
    {
        if (unsignedQuotient < 0 && !(negative && unsignedQuotient == Long.MIN_VALUE))
        {
            throw new ArithmeticException("128-bit quotient overflows a long");
        }
        return negative ? -unsignedQuotient : unsignedQuotient;
    }

    /**
     * The upper half of {@code high:low + a * b}.
     *
     * @param high upper 64 bits of the sum.
     * @param low  lower 64 bits of the sum.
     * @param a    first factor.
     * @param b    second factor.
     * @return the new upper 64 bits; the new lower ones are {@link #addProductLow(long, long, long)}.
     */
    public static long addProductHigh(final long high, final long low, final long a, final long b)
    {
        final long productLow = a * b;
        final long productHigh = Math.multiplyHigh(a, b);
        final long sumLow = low + productLow;
        final long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
        return Math.addExact(Math.addExact(high, productHigh), carry);
    }

    /**
     * The lower half of {@code high:low + a * b}.
     *
     * @param low lower 64 bits of the sum.
     * @param a   first factor.
     * @param b   second factor.
     * @return the new lower 64 bits.
     */
    public static long addProductLow(final long low, final long a, final long b)
    {
        return low + a * b;
    }
}
