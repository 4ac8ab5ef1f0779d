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
 * @param dayStartDay     the trading day of the day-start snapshot (days since 1970-01-01 in the OMS's trading zone),
 *                        0 when none was taken.
 * @param dayStartNetQty  net quantity when that trading day started.
 * @param dayStartPx      the mark it was valued at then, or {@link FixedPoint#NULL_VALUE}.
 * @param dayStartBoughtNotional notional bought when that trading day started.
 * @param dayStartSoldNotional   notional sold when that trading day started.
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
    long updatedNs,
    long dayStartDay,
    long dayStartNetQty,
    long dayStartPx,
    long dayStartBoughtNotional,
    long dayStartSoldNotional)
{
    /**
     * A position without a day-start snapshot.
     *
     * @param account         account.
     * @param symbol          symbol.
     * @param netQty          bought minus sold.
     * @param avgCost         average cost of the open position.
     * @param realisedPnl     realised P&amp;L.
     * @param markPx          mark price, or {@link FixedPoint#NULL_VALUE}.
     * @param boughtQty       quantity bought.
     * @param soldQty         quantity sold.
     * @param boughtNotional  notional bought.
     * @param soldNotional    notional sold.
     * @param fillCount       surviving fills.
     * @param lateAdjustments busts and corrections of fills that had left the ledger.
     * @param updatedNs       time of the last change, epoch nanoseconds.
     */
    public Position(
        final String account,
        final String symbol,
        final long netQty,
        final long avgCost,
        final long realisedPnl,
        final long markPx,
        final long boughtQty,
        final long soldQty,
        final long boughtNotional,
        final long soldNotional,
        final long fillCount,
        final long lateAdjustments,
        final long updatedNs)
    {
        this(account, symbol, netQty, avgCost, realisedPnl, markPx, boughtQty, soldQty, boughtNotional, soldNotional,
            fillCount, lateAdjustments, updatedNs, 0, 0, FixedPoint.NULL_VALUE, 0, 0);
    }

    /**
     * P&amp;L of the trading day of the snapshot: realised plus the change of unrealised since the day started.
     *
     * @param markPx the price to value the position at now.
     * @return {@code netQty × markPx − dayStartNetQty × dayStartPx − bought since the start + sold since the start}.
     * @throws ArithmeticException if it does not fit in a {@code long}.
     */
    public long dayPnl(final long markPx)
    {
        final long now = netQty == 0 ? 0 : FixedPoint.notional(netQty, markPx);
        final long start = dayStartNetQty == 0 ? 0 : FixedPoint.notional(dayStartNetQty, dayStartPx);
        return Math.addExact(Math.subtractExact(now, start), Math.subtractExact(
            Math.subtractExact(soldNotional, dayStartSoldNotional), Math.subtractExact(boughtNotional,
            dayStartBoughtNotional)));
    }

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
