package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;

import java.util.Arrays;

/**
 * Each account's profit and loss for the trading day, marked to market, as the daily loss limit counts it. Per
 * account and symbol:
 * <pre>
 * dayPnl = netQty × mark − dayStartNetQty × dayStartPx − (bought − dayStartBought) + (sold − dayStartSold)
 * </pre>
 * where bought and sold are notionals, the mark is the symbol's reference price (else the price of the position's
 * last execution), and the {@code dayStart} values are the position as it stood when the trading day started, valued
 * at the mark then. That is the realised P&amp;L of the day plus the change of unrealised P&amp;L over the day, and it
 * stays exact under busts and corrections: the bought and sold notionals do not depend on the order of fills.
 * An account's figure is the sum over its symbols.
 * <p>
 * Kept up to date by differences, in the entries of the {@link ExposureBook}: an execution (or a bust or correction)
 * changes one entry, a reference price the entries of its symbol, and each change moves its account's sum by the
 * entry's difference. Amounts saturate at {@code ±Long.MAX_VALUE}, far past any limit.
 * <p>
 * Owned by the OMS thread. Allocation free, except when an update adds accounts.
 */
public final class DailyPnl
{
    private final ExposureBook exposure;
    private final ReferencePrices prices;
    private final long[] dayStartValue;
    private final long[] flowSinceDayStart;
    private final long[] entryPnl;
    private long[] accountPnl = new long[0];

    /**
     * @param exposure the positions, whose entries this keeps the day's P&amp;L of.
     * @param prices   reference prices, the marks.
     */
    public DailyPnl(final ExposureBook exposure, final ReferencePrices prices)
    {
        this.exposure = exposure;
        this.prices = prices;
        dayStartValue = new long[exposure.capacity()];
        flowSinceDayStart = new long[exposure.capacity()];
        entryPnl = new long[exposure.capacity()];
    }

    /**
     * Make room for accounts added by a limit update.
     *
     * @param accounts how many accounts the limits know.
     */
    public void ensureAccounts(final int accounts)
    {
        if (accounts > accountPnl.length)
        {
            accountPnl = Arrays.copyOf(accountPnl, accounts);
        }
    }

    /**
     * Set an entry's day as the positions file holds it (at start); its net position must already be in the exposure
     * book.
     *
     * @param slot               the account's entry in the symbol.
     * @param dayStartNetQty     net position when the day started.
     * @param dayStartPx         the mark it was valued at then, or {@link FixedPoint#NULL_VALUE} when it was flat.
     * @param boughtSinceStart   notional bought since the day started (less any of earlier days busted since).
     * @param soldSinceStart     notional sold since the day started.
     */
    public void seed(
        final int slot,
        final long dayStartNetQty,
        final long dayStartPx,
        final long boughtSinceStart,
        final long soldSinceStart)
    {
        dayStartValue[slot] = value(dayStartNetQty, dayStartPx);
        flowSinceDayStart[slot] = clamp(ExposureBook.saturatingAdd(soldSinceStart, -clamp(boughtSinceStart)));
        revalue(slot);
    }

    /**
     * An execution of the entry, a bust or a correction: money paid for a buy or received for a sale. Call it after
     * the exposure book's {@link ExposureBook#execute}, so the entry is valued at its new position.
     *
     * @param slot          the account's entry in the symbol.
     * @param side          side of the order.
     * @param notionalDelta notional executed; negative to take an execution back (a bust, a correction's difference).
     */
    public void trade(final int slot, final Side side, final long notionalDelta)
    {
        final long flow = side == Side.BUY ? -clamp(notionalDelta) : clamp(notionalDelta);
        flowSinceDayStart[slot] = clamp(ExposureBook.saturatingAdd(flowSinceDayStart[slot], flow));
        revalue(slot);
    }

    /**
     * Value an entry again at its mark (after a reference price of its symbol changed) and move its account's sum.
     *
     * @param slot the account's entry in the symbol.
     */
    public void revalue(final int slot)
    {
        final long pnl = clamp(ExposureBook.saturatingAdd(ExposureBook.saturatingAdd(
            value(exposure.netQty(slot), mark(slot)), -dayStartValue[slot]), flowSinceDayStart[slot]));
        final int account = exposure.account(slot);
        final long change = clamp(ExposureBook.saturatingAdd(pnl, -entryPnl[slot]));
        accountPnl[account] = clamp(ExposureBook.saturatingAdd(accountPnl[account], change));
        entryPnl[slot] = pnl;
    }

    /**
     * Value every entry again (after the configured reference prices changed).
     */
    public void revalueAll()
    {
        for (int slot = 0, slots = exposure.size(); slot < slots; slot++)
        {
            revalue(slot);
        }
    }

    /**
     * Start a new trading day: every entry's position as it stands, valued at its mark, becomes its day start, and
     * every account's P&amp;L for the day is 0.
     */
    public void startDay()
    {
        for (int slot = 0, slots = exposure.size(); slot < slots; slot++)
        {
            dayStartValue[slot] = value(exposure.netQty(slot), mark(slot));
            flowSinceDayStart[slot] = 0;
            entryPnl[slot] = 0;
        }
        Arrays.fill(accountPnl, 0);
    }

    /**
     * @param slot the account's entry in the symbol.
     * @return the price it is valued at: its symbol's reference price, else the price of its last execution, or
     * {@link FixedPoint#NULL_VALUE} when it has neither.
     */
    public long mark(final int slot)
    {
        final long reference = prices.price(exposure.symbol(slot));
        return reference != FixedPoint.NULL_VALUE ? reference : exposure.lastPx(slot);
    }

    /**
     * @param account account index.
     * @return its P&amp;L for the trading day: negative is a loss.
     */
    public long dayPnl(final int account)
    {
        return account >= 0 && account < accountPnl.length ? accountPnl[account] : 0;
    }

    /**
     * @param slot the account's entry in the symbol.
     * @return the entry's P&amp;L for the trading day.
     */
    public long entryPnl(final int slot)
    {
        return entryPnl[slot];
    }

    /**
     * @param netQty a position, signed.
     * @param px     a price, or {@link FixedPoint#NULL_VALUE}.
     * @return its signed notional at the price (0 when flat or without a price), saturating.
     */
    static long value(final long netQty, final long px)
    {
        if (netQty == 0 || px == FixedPoint.NULL_VALUE)
        {
            return 0;
        }
        final long notional = ExposureBook.notional(Math.abs(netQty), px);
        return netQty < 0 ? -notional : notional;
    }

    /**
     * Keep amounts within {@code ±Long.MAX_VALUE}, so every one can be negated.
     */
    private static long clamp(final long amount)
    {
        return amount == Long.MIN_VALUE ? -Long.MAX_VALUE : amount;
    }
}
