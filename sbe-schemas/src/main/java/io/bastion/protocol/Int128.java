package io.bastion.protocol;

/**
 * Signed 128-bit division helpers for notional arithmetic; allocation free.
 */
final class Int128
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
    static long divide(final long high, final long low, final long divisor)
    {
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

        if (quotient < 0 && !(negative && quotient == Long.MIN_VALUE))
        {
            throw new ArithmeticException("128-bit quotient overflows a long");
        }
        return negative ? -quotient : quotient;
    }
}
