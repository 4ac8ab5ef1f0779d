package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;

/**
 * A symbol the venue trades and the house liquidity it starts with: {@code levels} bids at
 * {@code referencePrice - k * tick} and as many asks at {@code referencePrice + k * tick}, {@code k = 1..levels},
 * each of {@code quantityPerLevel}. Prices and quantities are {@link FixedPoint} mantissas; zero levels means an
 * empty book.
 *
 * @param symbol           the symbol (FIX tag 55).
 * @param referencePrice   mantissa of the mid price.
 * @param tick             mantissa of the spacing between levels.
 * @param levels           levels per side.
 * @param quantityPerLevel mantissa of each level's quantity.
 */
public record SymbolSeed(String symbol, long referencePrice, long tick, int levels, long quantityPerLevel)
{
    /**
     * For logs and the standalone banner.
     *
     * @return e.g. {@code AAPL 189.99 x 190.01 (5 levels of 1000 each side)}.
     */
    @Override
    public String toString()
    {
        if (levels == 0)
        {
            return symbol + " (empty book)";
        }
        return symbol + " " + FixedPoint.toString(referencePrice - tick) + " x " +
            FixedPoint.toString(referencePrice + tick) + " (" + levels + " levels of " +
            FixedPoint.toString(quantityPerLevel) + " each side, tick " + FixedPoint.toString(tick) + ")";
    }
}
