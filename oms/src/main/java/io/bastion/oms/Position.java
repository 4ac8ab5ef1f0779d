package io.bastion.oms;

import io.bastion.protocol.FixedPoint;

/**
 * A copy of one position, for readers off the order path (launcher summary, tests, console). Every amount is a
 * fixed-point mantissa (exponent -8); see {@link PositionStore} for the accounting rules.
 *
 * @param account         account.
 * @param symbol          symbol.
 * @param netQty          bought minus sold.
 * @param avgCost         average cost of the open position, a price; 0 when flat.
 * @param realisedPnl     realised P&amp;L.
 * @param markPx          price unrealised P&amp;L is computed against: the last fill's, or a later reference price;
 *                        {@link FixedPoint#NULL_VALUE} when there is none.
 * @param boughtQty       quantity bought.
 * @param soldQty         quantity sold.
 * @param boughtNotional  notional bought.
 * @param soldNotional    notional sold.
 * @param fillCount       surviving fills (busted ones do not count).
 * @param lateAdjustments busts and corrections of fills that had left the ledger
 *                        ({@link PositionAdjustment#APPLIED_BEFORE_LEDGER}); 0 means every number is exact.
 * @param updatedNs       time of the last fill, bust, correction or mark, epoch nanoseconds.
 */
public record Position(
    String account,
    String symbol,
    long netQty,
    long avgCost,
    long realisedPnl,
    long markPx,
    long boughtQty,
    long soldQty,
    long boughtNotional,
    long soldNotional,
    long fillCount,
    long lateAdjustments,
    long updatedNs)
{
    /**
     * Unrealised P&amp;L against the mark price.
     *
     * @return {@code (markPx - avgCost) * netQty}, 0 when flat.
     * @throws ArithmeticException if it does not fit in a {@code long}.
     */
    public long unrealisedPnl()
    {
        return unrealisedPnl(markPx);
    }

    /**
     * Unrealised P&amp;L against a given reference price.
     *
     * @param referencePx reference price, mantissa.
     * @return {@code (referencePx - avgCost) * netQty} as a notional (truncated toward zero), 0 when flat.
     * @throws IllegalArgumentException if the position is open and the price is {@link FixedPoint#NULL_VALUE}.
     * @throws ArithmeticException      if it does not fit in a {@code long}.
     */
    public long unrealisedPnl(final long referencePx)
    {
        if (netQty == 0)
        {
            return 0;
        }
        if (referencePx == FixedPoint.NULL_VALUE)
        {
            throw new IllegalArgumentException("no reference price for an open position: " + account + " " + symbol);
        }
        return FixedPoint.notional(netQty, Math.subtractExact(referencePx, avgCost));
    }

    /**
     * Realised plus unrealised P&amp;L against the mark price.
     *
     * @return total P&amp;L.
     * @throws ArithmeticException if it does not fit in a {@code long}.
     */
    public long totalPnl()
    {
        return Math.addExact(realisedPnl, unrealisedPnl());
    }
}
