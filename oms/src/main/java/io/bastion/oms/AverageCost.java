package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Int128;

/**
 * Average-cost accounting of one position, one trade at a time, in fixed-point mantissas (exponent -8). A mutable
 * scratch value: {@link PositionStore} loads a stored state, applies trades and writes the result back only once every
 * step has succeeded, so an arithmetic overflow leaves the stored position untouched.
 * <ul>
 *     <li>A trade that extends the position (or opens it from flat) re-averages the cost: the quantity-weighted mean
 *     of the old average cost and the trade price, computed in 128 bits and rounded half-even to a price mantissa.
 *     </li>
 *     <li>A trade against the position realises {@code (price - avgCost) * closedQty} on a long, {@code (avgCost -
 *     price) * closedQty} on a short, as a notional (128-bit product truncated toward zero), and leaves the
 *     average cost of what remains unchanged.</li>
 *     <li>A trade through zero closes the whole old position that way and opens the remainder at the trade price.</li>
 *     <li>Flat has an average cost of 0.</li>
 * </ul>
 * Every step fails with an {@link ArithmeticException} rather than wrap.
 */
final class AverageCost
{
    long netQty;
    long avgCost;
    long realisedPnl;
    long lastFillPx;

    void reset(final long netQty, final long avgCost, final long realisedPnl, final long lastFillPx)
    {
        this.netQty = netQty;
        this.avgCost = avgCost;
        this.realisedPnl = realisedPnl;
        this.lastFillPx = lastFillPx;
    }

    /**
     * A fill: the trade, and its price becomes the last fill price.
     *
     * @param signedQty quantity, positive for a buy, negative for a sell; not 0.
     * @param price     price.
     */
    void fill(final long signedQty, final long price)
    {
        trade(signedQty, price);
        lastFillPx = price;
    }

    /**
     * A trade that leaves the last fill price alone, for adjustments that are not fills.
     *
     * @param signedQty quantity, positive for a buy, negative for a sell; not 0.
     * @param price     price.
     */
    void trade(final long signedQty, final long price)
    {
        final long oldNet = netQty;
        final long newNet = Math.addExact(oldNet, signedQty);
        if (oldNet == 0 || (oldNet > 0) == (signedQty > 0))
        {
            avgCost = oldNet == 0 ? price :
                weightedAverage(avgCost, Math.absExact(oldNet), price, Math.absExact(signedQty));
        }
        else
        {
            final long closedQty = Math.min(Math.absExact(oldNet), Math.absExact(signedQty));
            final long pnlPerUnit = oldNet > 0 ?
                Math.subtractExact(price, avgCost) : Math.subtractExact(avgCost, price);
            realisedPnl = Math.addExact(realisedPnl, FixedPoint.notional(closedQty, pnlPerUnit));
            if (newNet == 0)
            {
                avgCost = 0;
            }
            else if ((newNet > 0) != (oldNet > 0))
            {
                avgCost = price;
            }
        }
        netQty = newNet;
    }

    /**
     * {@code (a * weightA + b * weightB) / (weightA + weightB)} with a 128-bit numerator, rounded half-even.
     *
     * @param a       first value.
     * @param weightA its positive weight.
     * @param b       second value.
     * @param weightB its positive weight.
     * @return the weighted mean.
     */
    static long weightedAverage(final long a, final long weightA, final long b, final long weightB)
    {
        final long divisor = Math.addExact(weightA, weightB);
        final long highA = Int128.addProductHigh(0, 0, a, weightA);
        final long lowA = Int128.addProductLow(0, a, weightA);
        final long high = Int128.addProductHigh(highA, lowA, b, weightB);
        final long low = Int128.addProductLow(lowA, b, weightB);
        return divideHalfEven(high, low, divisor);
    }

    /**
     * The signed 128-bit value {@code high:low} over a positive divisor, rounded half-even.
     *
     * @param high    upper 64 bits.
     * @param low     lower 64 bits.
     * @param divisor positive divisor.
     * @return the rounded quotient.
     */
    static long divideHalfEven(final long high, final long low, final long divisor)
    {
        final long quotient = Int128.divide(high, low, divisor);
        // |remainder| < divisor, so the low 64 bits of numerator - quotient * divisor are the remainder exactly.
        final long remainder = Math.abs(low - quotient * divisor);
        final long toNext = divisor - remainder;
        if (remainder > toNext || (remainder == toNext && (quotient & 1) != 0))
        {
            return high < 0 ? Math.subtractExact(quotient, 1) : Math.addExact(quotient, 1);
        }
        return quotient;
    }
}
