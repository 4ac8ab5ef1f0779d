package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The pre-trade check chain, called synchronously on the OMS thread for every new order and replace, against one
 * {@link LimitSet} version and the {@link ReferencePrices}. A check returns the control that failed as a value (never
 * an exception) and writes a text naming the control, the limit and the offending value, such as
 * {@code MAX_ORDER_NOTIONAL: 1,250,000.00 > 1,000,000.00}. Rejections are counted per control. Allocation free.
 * <p>
 * The chain, in order: account known, instrument permitted, not restricted, quantity, notional, price collar.
 * <p>
 * Not thread safe: owned by the OMS thread.
 */
public final class PreTradeRisk
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final long HUNDRED_PERCENT = FixedPoint.ofUnits(100);
    private static final int TEXT_CAPACITY = 512;

    private final long[] rejectCounts = new long[RiskControl.values().length];
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[TEXT_CAPACITY]);
    private final ReferencePrices prices;
    private LimitSet limits;
    private RiskControl lastControl = RiskControl.NONE;
    private int textLength;

    /**
     * @param limits the limits to apply.
     * @param prices reference prices, indexed like the limit set's symbols.
     */
    public PreTradeRisk(final LimitSet limits, final ReferencePrices prices)
    {
        this.limits = limits;
        this.prices = prices;
    }

    /**
     * Replace the limits; the next check uses them.
     *
     * @param limits the new version.
     */
    public void limits(final LimitSet limits)
    {
        this.limits = limits;
    }

    /**
     * @return the limits in force.
     */
    public LimitSet limits()
    {
        return limits;
    }

    /**
     * @return the reference prices the checks use.
     */
    public ReferencePrices referencePrices()
    {
        return prices;
    }

    /**
     * Check an order (a new one, or the terms a replace asks for).
     *
     * @param account  account index in {@link LimitSet#accounts()}, or {@link NameIndex#MISSING}.
     * @param symbol   symbol index in {@link LimitSet#symbols()}.
     * @param venue    venue index.
     * @param orderQty quantity mantissa, positive.
     * @param limitPx  limit price mantissa, or {@link FixedPoint#NULL_VALUE} for market and stop orders.
     * @param stopPx   stop price mantissa of a stop order, else {@link FixedPoint#NULL_VALUE}.
     * @param nowNs    the OMS's clock, epoch nanoseconds.
     * @return {@link RiskControl#NONE} when the order passes, else the control that rejected it.
     */
    public RiskControl checkOrder(
        final int account,
        final int symbol,
        final int venue,
        final long orderQty,
        final long limitPx,
        final long stopPx,
        final long nowNs)
    {
        final LimitSet limits = this.limits;
        if (!limits.isKnown(account))
        {
            start(RiskControl.UNKNOWN_ACCOUNT);
            return reject(RiskControl.UNKNOWN_ACCOUNT, "not configured");
        }
        if (!limits.isPermitted(account, symbol))
        {
            start(RiskControl.NOT_PERMITTED);
            if (!limits.hasPermissions(account))
            {
                return reject(RiskControl.NOT_PERMITTED, "no instrument permissions configured");
            }
            append(limits.symbols().name(symbol));
            return reject(RiskControl.NOT_PERMITTED, " is not permitted");
        }
        if (limits.isRestricted(symbol) || limits.isRestrictedFor(account, symbol))
        {
            start(RiskControl.RESTRICTED);
            append(limits.symbols().name(symbol));
            return reject(RiskControl.RESTRICTED, limits.isRestricted(symbol) ? " is on the restricted list" :
                " is on the account's restricted list");
        }

        final long maxQty = limits.limit(LimitType.MAX_ORDER_QTY, account, symbol, venue);
        if (maxQty == FixedPoint.NULL_VALUE)
        {
            return noLimit(RiskControl.MAX_ORDER_QTY);
        }
        if (orderQty > maxQty)
        {
            return overLimit(RiskControl.MAX_ORDER_QTY, orderQty, maxQty, 0);
        }

        final long maxNotional = limits.limit(LimitType.MAX_ORDER_NOTIONAL, account, symbol, venue);
        if (maxNotional == FixedPoint.NULL_VALUE)
        {
            return noLimit(RiskControl.MAX_ORDER_NOTIONAL);
        }
        long valuationPx = limitPx != FixedPoint.NULL_VALUE ? limitPx : stopPx;
        if (valuationPx == FixedPoint.NULL_VALUE)
        {
            if (!freshReference(RiskControl.MAX_ORDER_NOTIONAL, account, symbol, venue, nowNs))
            {
                return lastControl;
            }
            valuationPx = prices.price(symbol);
        }
        final long notional = notionalOrMax(orderQty, valuationPx);
        if (notional > maxNotional)
        {
            return overLimit(RiskControl.MAX_ORDER_NOTIONAL, notional, maxNotional, 2);
        }

        if (limitPx != FixedPoint.NULL_VALUE)
        {
            return checkCollar(account, symbol, venue, limitPx, nowNs);
        }
        lastControl = RiskControl.NONE;
        return RiskControl.NONE;
    }

    /**
     * Write the text of the last rejection, e.g. {@code MAX_ORDER_QTY: 2,000 > 1,000}.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @return bytes written (0 when the last check passed).
     */
    public int formatLastRejection(final MutableDirectBuffer buffer, final int offset)
    {
        if (lastControl == RiskControl.NONE)
        {
            return 0;
        }
        buffer.putBytes(offset, text, 0, textLength);
        return textLength;
    }

    /**
     * @return the control that rejected the last check, or {@link RiskControl#NONE}.
     */
    public RiskControl lastControl()
    {
        return lastControl;
    }

    /**
     * @param control a control.
     * @return how many orders it has rejected.
     */
    public long rejectCount(final RiskControl control)
    {
        return rejectCounts[control.ordinal()];
    }

    private RiskControl checkCollar(
        final int account, final int symbol, final int venue, final long limitPx, final long nowNs)
    {
        final long percent = limits.limit(LimitType.COLLAR_PERCENT, account, symbol, venue);
        final long ticks = limits.limit(LimitType.COLLAR_TICKS, account, symbol, venue);
        if (percent == FixedPoint.NULL_VALUE && ticks == FixedPoint.NULL_VALUE)
        {
            start(RiskControl.PRICE_COLLAR);
            return reject(RiskControl.PRICE_COLLAR, "no collar configured (collarPercent or collarTicks)");
        }
        if (!freshReference(RiskControl.PRICE_COLLAR, account, symbol, venue, nowNs))
        {
            return lastControl;
        }

        final long reference = prices.price(symbol);
        long band = Long.MAX_VALUE;
        if (percent != FixedPoint.NULL_VALUE)
        {
            band = FixedPoint.mulDiv(reference, percent, HUNDRED_PERCENT);
        }
        if (ticks != FixedPoint.NULL_VALUE)
        {
            final long tickSize = limits.tickSize(symbol);
            band = Math.min(band, ticks > Long.MAX_VALUE / tickSize ? Long.MAX_VALUE : ticks * tickSize);
        }
        final long low = reference - Math.min(band, reference);
        final long high = band > Long.MAX_VALUE - reference ? Long.MAX_VALUE : reference + band;
        if (limitPx < low || limitPx > high)
        {
            start(RiskControl.PRICE_COLLAR);
            decimal(limitPx, 2);
            append(" outside ");
            decimal(low, 2);
            append(" to ");
            decimal(high, 2);
            append(" (reference ");
            decimal(reference, 2);
            return reject(RiskControl.PRICE_COLLAR, ")");
        }
        lastControl = RiskControl.NONE;
        return RiskControl.NONE;
    }

    /**
     * @return true when the symbol has a reference price no older than the limit; else the rejection is written.
     */
    private boolean freshReference(
        final RiskControl control, final int account, final int symbol, final int venue, final long nowNs)
    {
        if (prices.price(symbol) == FixedPoint.NULL_VALUE)
        {
            start(control);
            append("no reference price for ");
            append(limits.symbols().name(symbol));
            reject(control, "");
            return false;
        }
        final long maxAgeMs = limits.limit(LimitType.MAX_REFERENCE_AGE_MS, account, symbol, venue);
        if (maxAgeMs == FixedPoint.NULL_VALUE)
        {
            start(control);
            reject(control, "no maxReferenceAgeMs configured");
            return false;
        }
        final long ageMs = (nowNs - prices.timeNs(symbol)) / NS_PER_MS;
        if (ageMs > maxAgeMs)
        {
            start(control);
            append("reference price for ");
            append(limits.symbols().name(symbol));
            append(" is ");
            decimal(FixedPoint.ofUnits(ageMs), 0);
            append(" ms old > ");
            decimal(FixedPoint.ofUnits(maxAgeMs), 0);
            reject(control, " ms");
            return false;
        }
        return true;
    }

    private RiskControl noLimit(final RiskControl control)
    {
        start(control);
        return reject(control, "no limit configured");
    }

    private RiskControl overLimit(final RiskControl control, final long value, final long limit, final int decimals)
    {
        start(control);
        decimal(value, decimals);
        append(" > ");
        decimal(limit, decimals);
        return reject(control, "");
    }

    private void start(final RiskControl control)
    {
        textLength = text.putStringWithoutLengthAscii(0, control.name());
        text.putByte(textLength++, (byte)':');
        text.putByte(textLength++, (byte)' ');
    }

    private void append(final String value)
    {
        textLength += text.putStringWithoutLengthAscii(textLength, value);
    }

    private void decimal(final long mantissa, final int minDecimals)
    {
        textLength += GroupedDecimal.format(mantissa, minDecimals, text, textLength);
    }

    private RiskControl reject(final RiskControl control, final String end)
    {
        append(end);
        rejectCounts[control.ordinal()]++;
        lastControl = control;
        return control;
    }

    private static long notionalOrMax(final long qty, final long price)
    {
        try
        {
            return FixedPoint.notional(qty, price);
        }
        catch (final ArithmeticException ex)
        {
            return Long.MAX_VALUE;
        }
    }
}
