package io.bastion.oms;

import io.bastion.protocol.FixedPoint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference model for positions: plain Java over unbounded integers. It keeps the surviving fills of one account
 * and symbol in their original order and computes the expected {@link Position} by replaying all of them from flat,
 * so it shares nothing with the store's incremental, 128-bit, ledger-and-base implementation but the definitions.
 * It also tracks which fills the store has folded out of its ledger, so tests know which busts must be exact.
 */
final class ReplayedPosition
{
    private static final BigInteger SCALE = BigInteger.valueOf(FixedPoint.SCALE);

    record Fill(long signedQty, long px)
    {
    }

    final String account;
    final String symbol;
    final List<Fill> fills = new ArrayList<>();
    int folded;
    boolean exists;
    Long explicitMark;
    long updatedNs;

    ReplayedPosition(final String account, final String symbol)
    {
        this.account = account;
        this.symbol = symbol;
    }

    void fill(final long signedQty, final long px, final long timeNs)
    {
        fills.add(new Fill(signedQty, px));
        if (fills.size() - folded > PositionValue.LEDGER_CAPACITY)
        {
            folded++;
        }
        exists = true;
        explicitMark = null;
        updatedNs = timeNs;
    }

    /**
     * @return index of the newest surviving fill still in the store's ledger that matches, or -1.
     */
    int newestInLedger(final long signedQty, final long px)
    {
        for (int i = fills.size() - 1; i >= folded; i--)
        {
            if (fills.get(i).signedQty() == signedQty && fills.get(i).px() == px)
            {
                return i;
            }
        }
        return -1;
    }

    void bust(final int index, final long timeNs)
    {
        fills.remove(index);
        updatedNs = timeNs;
    }

    void correct(final int index, final long newSignedQty, final long newPx, final long timeNs)
    {
        fills.set(index, new Fill(newSignedQty, newPx));
        updatedNs = timeNs;
    }

    boolean mark(final long px, final long timeNs)
    {
        if (!exists)
        {
            return false;
        }
        explicitMark = px;
        updatedNs = timeNs;
        return true;
    }

    long boughtNotional()
    {
        BigInteger sum = BigInteger.ZERO;
        for (final Fill fill : fills)
        {
            if (fill.signedQty() > 0)
            {
                sum = sum.add(notional(BigInteger.valueOf(fill.signedQty()), BigInteger.valueOf(fill.px())));
            }
        }
        return sum.longValueExact();
    }

    long soldNotional()
    {
        BigInteger sum = BigInteger.ZERO;
        for (final Fill fill : fills)
        {
            if (fill.signedQty() < 0)
            {
                sum = sum.add(notional(BigInteger.valueOf(-fill.signedQty()), BigInteger.valueOf(fill.px())));
            }
        }
        return sum.longValueExact();
    }

    /**
     * @return the position a replay of the surviving fills, in order, gives; null if there never was one.
     */
    Position expected()
    {
        if (!exists)
        {
            return null;
        }
        BigInteger net = BigInteger.ZERO;
        BigInteger avg = BigInteger.ZERO;
        BigInteger realised = BigInteger.ZERO;
        long bought = 0;
        long sold = 0;
        long lastPx = FixedPoint.NULL_VALUE;
        for (final Fill fill : fills)
        {
            final BigInteger qty = BigInteger.valueOf(fill.signedQty());
            final BigInteger px = BigInteger.valueOf(fill.px());
            if (net.signum() == 0 || net.signum() == qty.signum())
            {
                avg = net.signum() == 0 ? px : new BigDecimal(avg.multiply(net.abs()).add(px.multiply(qty.abs())))
                    .divide(new BigDecimal(net.abs().add(qty.abs())), 0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            }
            else
            {
                final BigInteger closed = net.abs().min(qty.abs());
                final BigInteger perUnit = net.signum() > 0 ? px.subtract(avg) : avg.subtract(px);
                realised = realised.add(notional(closed, perUnit));
                final BigInteger after = net.add(qty);
                if (after.signum() == 0)
                {
                    avg = BigInteger.ZERO;
                }
                else if (after.signum() != net.signum())
                {
                    avg = px;
                }
            }
            net = net.add(qty);
            lastPx = fill.px();
            if (fill.signedQty() > 0)
            {
                bought += fill.signedQty();
            }
            else
            {
                sold -= fill.signedQty();
            }
        }

        return new Position(account, symbol, net.longValueExact(), avg.longValueExact(), realised.longValueExact(),
            explicitMark != null ? explicitMark : lastPx, bought, sold, boughtNotional(), soldNotional(), fills.size(),
            0, updatedNs);
    }

    /**
     * @return unrealised P&amp;L of the expected position against a price, or 0 when flat.
     */
    long unrealised(final long referencePx)
    {
        final Position position = expected();
        if (position.netQty() == 0)
        {
            return 0;
        }
        return notional(BigInteger.valueOf(position.netQty()),
            BigInteger.valueOf(referencePx).subtract(BigInteger.valueOf(position.avgCost()))).longValueExact();
    }

    /** {@code qty * px / SCALE}, truncated toward zero, as every notional. */
    static BigInteger notional(final BigInteger qty, final BigInteger px)
    {
        return qty.multiply(px).divide(SCALE);
    }
}
