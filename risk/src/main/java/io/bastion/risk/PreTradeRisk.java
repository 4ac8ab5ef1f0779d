package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The pre-trade check chain, called synchronously on the OMS thread for every new order and replace, against one
 * {@link LimitSet} version and the {@link ReferencePrices}. A check returns the control that failed as a value (never
 * an exception) and writes a text naming the control, the limit and the offending value, such as
 * {@code MAX_ORDER_NOTIONAL: 1,250,000.00 > 1,000,000.00}. Rejections are counted per control. Allocation free.
 * <p>
 * The chain, in order: account known, repeated-execution throttle and daily loss limit configured, daily loss within
 * its limit (or the order reduces the position), no kill switch engaged, no trading halt, within trading hours,
 * instrument permitted, not restricted, quantity, notional, price collar, credit,
 * long, short and net position. The credit and position limits count what the {@link ExposureBook} holds: the
 * caller reserves an accepted order's quantity and notional there and releases it as the order fills or ends.
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
    private final ExposureBook exposure;
    private final KillSwitches killSwitches = new KillSwitches();
    private final TradingHalts halts = new TradingHalts();
    private final OpenHours openHours = new OpenHours();
    private final MessageThrottle sessionThrottle = new MessageThrottle();
    private final MessageThrottle accountThrottle = new MessageThrottle();
    private final MessageThrottle fillThrottle = new MessageThrottle();
    private final DailyPnl dailyPnl;
    private boolean[] pastDailyLoss = new boolean[0];
    private static final int RECENT_ORDERS = 8;
    private long[] recentKey = new long[0];
    private long[] recentQty = new long[0];
    private long[] recentPx = new long[0];
    private long[] recentTimeNs = new long[0];
    private int[] recentNext = new int[0];
    private KillSwitchScope lastTrip = KillSwitchScope.NULL_VAL;
    private LimitSet limits;
    private long lastValuationPx = FixedPoint.NULL_VALUE;
    private int lastSlot = ExposureBook.NONE;
    private long[] accountSymbolLimits;
    private long[] sessionCaps;
    private long[] traderCaps;
    private RiskControl lastControl = RiskControl.NONE;
    private int textLength;

    /**
     * @param limits   the limits to apply.
     * @param prices   reference prices, indexed like the limit set's symbols.
     * @param exposure working orders and positions, indexed like the limit set's accounts and symbols.
     */
    public PreTradeRisk(final LimitSet limits, final ReferencePrices prices, final ExposureBook exposure)
    {
        this.limits = limits;
        this.prices = prices;
        this.exposure = exposure;
        this.dailyPnl = new DailyPnl(exposure, prices);
        ensureAccounts(limits.accounts().size());
        halts.size(limits.venues().size(), limits.symbols().size());
        openHours.limits(limits);
    }

    /**
     * Replace the limits; the next check uses them.
     *
     * @param limits the new version.
     */
    public void limits(final LimitSet limits)
    {
        ensureAccounts(limits.accounts().size());
        openHours.limits(limits);
        this.limits = limits;
    }

    private void ensureAccounts(final int accounts)
    {
        exposure.ensureAccounts(accounts);
        dailyPnl.ensureAccounts(accounts);
        if (accounts > pastDailyLoss.length)
        {
            pastDailyLoss = Arrays.copyOf(pastDailyLoss, accounts);
        }
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
     * @return the working orders and positions the credit and position limits count.
     */
    public ExposureBook exposure()
    {
        return exposure;
    }

    /**
     * @return each account's P&amp;L for the trading day, which the daily loss limit counts.
     */
    public DailyPnl dailyPnl()
    {
        return dailyPnl;
    }

    /**
     * @param account account index.
     * @return its P&amp;L for the trading day, realised plus the change of unrealised; negative is a loss.
     */
    public long dayPnl(final int account)
    {
        return dailyPnl.dayPnl(account);
    }

    /**
     * Check an account's P&amp;L for the day against its {@code maxDailyLoss}, after the caller changed it (an
     * execution, bust or correction, a reference price, a new day, new limits). When the loss has just passed the limit
     * (a loss of exactly the limit has not), the caller disables the account: engages its kill switch, with the text of
     * {@link #formatLastRejection} as the reason. A loss that stays past the limit trips once; it trips again only
     * after coming back within it.
     *
     * @param account account index.
     * @return true when the loss passed the limit since the last check of the account.
     */
    public boolean checkDailyLoss(final int account)
    {
        final LimitSet limits = this.limits;
        if (!limits.isKnown(account))
        {
            return false;
        }
        final long maxLoss = limits.accountLimit(LimitType.MAX_DAILY_LOSS, account);
        final boolean past = isPastDailyLoss(account, maxLoss);
        final boolean trips = past && !pastDailyLoss[account];
        pastDailyLoss[account] = past;
        if (trips)
        {
            dailyLossText(account, maxLoss);
            lastControl = RiskControl.DAILY_LOSS;
        }
        return trips;
    }

    private boolean isPastDailyLoss(final int account, final long maxLoss)
    {
        return maxLoss != FixedPoint.NULL_VALUE && dailyPnl.dayPnl(account) < -maxLoss;
    }

    private void dailyLossText(final int account, final long maxLoss)
    {
        start(RiskControl.DAILY_LOSS);
        append("account ");
        append(limits.accounts().name(account));
        append(" lost ");
        decimal(-dailyPnl.dayPnl(account), 2);
        append(" today > ");
        decimal(maxLoss, 2);
    }

    /**
     * @return the kill switches engaged.
     */
    public KillSwitches killSwitches()
    {
        return killSwitches;
    }

    /**
     * @return the trading halts in force.
     */
    public TradingHalts halts()
    {
        return halts;
    }

    /**
     * Count a new order, replace or cancel against the message throttles of its client session and its account. Above
     * {@code maxMessages} within {@code throttleWindowMs} the message is rejected; above {@code maxMessagesBeforeLogout}
     * the throttle trips too ({@link #lastTrip()}): the caller logs the session out and engages the kill switch of the
     * session or account, which stays engaged until released. With no throttle configured new orders and replaces are
     * rejected (risk fails closed); cancels pass, since they only take risk away.
     *
     * @param account account index, or {@link NameIndex#MISSING} (then only the session counts).
     * @param session client session number.
     * @param cancel  true for a cancel request.
     * @param nowNs   the OMS's clock.
     * @return {@link RiskControl#NONE} or {@link RiskControl#THROTTLE}.
     */
    public RiskControl checkMessage(final int account, final int session, final boolean cancel, final long nowNs)
    {
        lastTrip = KillSwitchScope.NULL_VAL;
        final LimitSet limits = this.limits;
        if (throttled(sessionThrottle, session, KillSwitchScope.SESSION, cancel, nowNs,
            limits.sessionLimit(LimitType.THROTTLE_WINDOW_MS, session), limits.sessionLimit(LimitType.MAX_MESSAGES,
            session), limits.sessionLimit(LimitType.MAX_MESSAGES_BEFORE_LOGOUT, session)))
        {
            return RiskControl.THROTTLE;
        }
        if (limits.isKnown(account) && throttled(accountThrottle, account, KillSwitchScope.ACCOUNT, cancel, nowNs,
            limits.accountLimit(LimitType.THROTTLE_WINDOW_MS, account), limits.accountLimit(LimitType.MAX_MESSAGES,
            account), limits.accountLimit(LimitType.MAX_MESSAGES_BEFORE_LOGOUT, account)))
        {
            return RiskControl.THROTTLE;
        }
        lastControl = RiskControl.NONE;
        return RiskControl.NONE;
    }

    /**
     * The optional duplicate check of a new order: refused when the account sent one with the same side, symbol,
     * quantity and price within {@code duplicateWindowMs} (off when that is not set). Only orders passed to
     * {@link #recordOrder} count.
     *
     * @param account account index, known.
     * @param symbol  symbol index.
     * @param side    side.
     * @param qty     quantity.
     * @param limitPx limit price or {@link FixedPoint#NULL_VALUE}.
     * @param nowNs   the OMS's clock.
     * @return {@link RiskControl#NONE} or {@link RiskControl#DUPLICATE_ORDER}.
     */
    public RiskControl checkDuplicate(
        final int account, final int symbol, final Side side, final long qty, final long limitPx, final long nowNs)
    {
        final long windowMs = limits.accountLimit(LimitType.DUPLICATE_WINDOW_MS, account);
        if (windowMs == FixedPoint.NULL_VALUE || account * RECENT_ORDERS >= recentKey.length)
        {
            return RiskControl.NONE;
        }
        final long key = recentKey(symbol, side);
        for (int i = account * RECENT_ORDERS, end = i + RECENT_ORDERS; i < end; i++)
        {
            final long ageNs = nowNs - recentTimeNs[i];
            if (recentKey[i] == key && recentQty[i] == qty && recentPx[i] == limitPx && ageNs <= windowMs * NS_PER_MS)
            {
                start(RiskControl.DUPLICATE_ORDER);
                append("same side, symbol, quantity and price as an order ");
                whole(ageNs / NS_PER_MS);
                append(" ms ago (window ");
                whole(windowMs);
                return reject(RiskControl.DUPLICATE_ORDER, " ms)");
            }
        }
        return RiskControl.NONE;
    }

    /**
     * Remember a new order the account sent, for {@link #checkDuplicate}: the last eight per account.
     *
     * @param account account index, known.
     * @param symbol  symbol index.
     * @param side    side.
     * @param qty     quantity.
     * @param limitPx limit price or {@link FixedPoint#NULL_VALUE}.
     * @param nowNs   the OMS's clock.
     */
    public void recordOrder(
        final int account, final int symbol, final Side side, final long qty, final long limitPx, final long nowNs)
    {
        if (limits.accountLimit(LimitType.DUPLICATE_WINDOW_MS, account) == FixedPoint.NULL_VALUE)
        {
            return;
        }
        if (account >= recentNext.length)
        {
            final int accounts = Math.max(account + 1, limits.accounts().size());
            recentKey = Arrays.copyOf(recentKey, accounts * RECENT_ORDERS);
            recentQty = Arrays.copyOf(recentQty, accounts * RECENT_ORDERS);
            recentPx = Arrays.copyOf(recentPx, accounts * RECENT_ORDERS);
            recentTimeNs = Arrays.copyOf(recentTimeNs, accounts * RECENT_ORDERS);
            recentNext = Arrays.copyOf(recentNext, accounts);
        }
        final int i = account * RECENT_ORDERS + recentNext[account];
        recentNext[account] = (recentNext[account] + 1) % RECENT_ORDERS;
        recentKey[i] = recentKey(symbol, side);
        recentQty[i] = qty;
        recentPx[i] = limitPx;
        recentTimeNs[i] = nowNs;
    }

    private static long recentKey(final int symbol, final Side side)
    {
        return ((long)(symbol + 1) << 8) | (side.value() & 0xFF);
    }

    /**
     * Count a fill against the account's repeated-execution throttle. More than {@code maxFills} within
     * {@code fillWindowMs} trips it: the caller engages the account's kill switch, with the text of
     * {@link #formatLastRejection} as the reason. The fill itself stands (it has happened).
     *
     * @param account account index.
     * @param nowNs   the OMS's clock.
     * @return true when this fill tripped the throttle.
     */
    public boolean countFill(final int account, final long nowNs)
    {
        final LimitSet limits = this.limits;
        final long windowMs = limits.accountLimit(LimitType.FILL_WINDOW_MS, account);
        final long maxFills = limits.accountLimit(LimitType.MAX_FILLS, account);
        if (!limits.isKnown(account) || windowMs == FixedPoint.NULL_VALUE || maxFills == FixedPoint.NULL_VALUE)
        {
            return false;
        }
        final long fills = fillThrottle.count(account, windowMs * NS_PER_MS, nowNs);
        if (fills <= maxFills)
        {
            return false;
        }
        start(RiskControl.FILL_THROTTLE);
        append("account ");
        append(limits.accounts().name(account));
        append(" had ");
        whole(fills);
        append(" fills in ");
        whole(windowMs);
        append(" ms > ");
        whole(maxFills);
        lastControl = RiskControl.FILL_THROTTLE;
        return true;
    }

    /**
     * Refuse an order that would trade with a working order of its own account or self-match group (the OMS finds
     * the working order): writes the text, counts the rejection, and returns {@link RiskControl#SELF_MATCH}.
     *
     * @param restingOrderId the OrderID of the working order it would trade with.
     * @param restingAccount that order's account index.
     * @return {@link RiskControl#SELF_MATCH}.
     */
    public RiskControl rejectSelfMatch(final long restingOrderId, final int restingAccount)
    {
        start(RiskControl.SELF_MATCH);
        append("would trade with order ");
        textLength += text.putLongAscii(textLength, restingOrderId);
        append(" of account ");
        append(limits.accounts().name(restingAccount));
        final String group = limits.selfMatchGroupName(limits.selfMatchGroup(restingAccount));
        if (group != null)
        {
            append(" (self-match group ");
            append(group);
            append(")");
        }
        return reject(RiskControl.SELF_MATCH, "");
    }

    /**
     * @return the throttle the last {@link #checkMessage} tripped past its logout threshold: SESSION, ACCOUNT, or
     * NULL_VAL when none did.
     */
    public KillSwitchScope lastTrip()
    {
        return lastTrip;
    }

    private boolean throttled(
        final MessageThrottle throttle,
        final int key,
        final KillSwitchScope scope,
        final boolean cancel,
        final long nowNs,
        final long windowMs,
        final long maxMessages,
        final long logoutMessages)
    {
        if (windowMs == FixedPoint.NULL_VALUE || maxMessages == FixedPoint.NULL_VALUE ||
            logoutMessages == FixedPoint.NULL_VALUE)
        {
            if (cancel)
            {
                return false;
            }
            start(RiskControl.THROTTLE);
            throttleSubject(scope, key);
            reject(RiskControl.THROTTLE, " has no throttle configured (throttleWindowMs, maxMessages, " +
                "maxMessagesBeforeLogout)");
            return true;
        }
        final long count = throttle.count(key, windowMs * NS_PER_MS, nowNs);
        if (count <= maxMessages && count <= logoutMessages)
        {
            return false;
        }
        start(RiskControl.THROTTLE);
        throttleSubject(scope, key);
        append(" sent ");
        whole(count);
        append(" messages in ");
        whole(windowMs);
        append(" ms > ");
        if (count > logoutMessages)
        {
            lastTrip = scope;
            whole(logoutMessages);
            reject(RiskControl.THROTTLE, ": tripped, logged out");
        }
        else
        {
            whole(maxMessages);
            reject(RiskControl.THROTTLE, "");
        }
        return true;
    }

    private void throttleSubject(final KillSwitchScope scope, final int key)
    {
        if (scope == KillSwitchScope.SESSION)
        {
            append("session ");
            final String name = limits.sessionName(key);
            if (name != null)
            {
                append(name);
            }
            else
            {
                whole(key);
            }
        }
        else
        {
            append("account ");
            append(limits.accounts().name(key));
        }
    }

    /**
     * @return the price the last passing check valued the order at (limit, stop or reference price), to reserve it by.
     */
    public long lastValuationPx()
    {
        return lastValuationPx;
    }

    /**
     * @return the {@link ExposureBook} entry of the account in the symbol of the last passing check.
     */
    public int lastSlot()
    {
        return lastSlot;
    }

    /**
     * Check an order (a new one, or the terms a replace asks for).
     *
     * @param account      account index in {@link LimitSet#accounts()}, or {@link NameIndex#MISSING}.
     * @param symbol       symbol index in {@link LimitSet#symbols()}.
     * @param venue        venue index.
     * @param session      client session number.
     * @param side         side.
     * @param orderQty     quantity mantissa, positive.
     * @param openQty      what the order would leave to fill: its quantity, or for a replace the new quantity less what
     *                     is already filled; the credit and position limits count this.
     * @param limitPx      limit price mantissa, or {@link FixedPoint#NULL_VALUE} for market and stop orders.
     * @param stopPx       stop price mantissa of a stop order, else {@link FixedPoint#NULL_VALUE}.
     * @param heldQty      quantity the order already holds in the exposure book (a replace), else 0.
     * @param heldNotional notional the order already holds in the exposure book (a replace), else 0.
     * @param nowNs        the OMS's clock, epoch nanoseconds.
     * @return {@link RiskControl#NONE} when the order passes, else the control that rejected it.
     */
    public RiskControl checkOrder(
        final int account,
        final int symbol,
        final int venue,
        final int session,
        final Side side,
        final long orderQty,
        final long openQty,
        final long limitPx,
        final long stopPx,
        final long heldQty,
        final long heldNotional,
        final long nowNs)
    {
        return checkOrder(account, symbol, venue, session, NameIndex.MISSING, side, orderQty, openQty, limitPx, stopPx,
            heldQty, heldNotional, nowNs);
    }

    /**
     * Check an order (a new one, or the terms a replace asks for) of a trader: as
     * {@link #checkOrder(int, int, int, int, Side, long, long, long, long, long, long, long)}, with the per-order
     * limits also capped by the trader's ({@code risk.trader.<TRADER>.<limit>}).
     *
     * @param account      account index in {@link LimitSet#accounts()}, or {@link NameIndex#MISSING}.
     * @param symbol       symbol index in {@link LimitSet#symbols()}.
     * @param venue        venue index.
     * @param session      client session number.
     * @param trader       trader index in {@link LimitSet#traders()}, or {@link NameIndex#MISSING} when the order
     *                     names none or one without caps.
     * @param side         side.
     * @param orderQty     quantity mantissa, positive.
     * @param openQty      what the order would leave to fill.
     * @param limitPx      limit price mantissa, or {@link FixedPoint#NULL_VALUE}.
     * @param stopPx       stop price mantissa, or {@link FixedPoint#NULL_VALUE}.
     * @param heldQty      quantity the order already holds in the exposure book (a replace), else 0.
     * @param heldNotional notional the order already holds in the exposure book (a replace), else 0.
     * @param nowNs        the OMS's clock, epoch nanoseconds.
     * @return {@link RiskControl#NONE} when the order passes, else the control that rejected it.
     */
    public RiskControl checkOrder(
        final int account,
        final int symbol,
        final int venue,
        final int session,
        final int trader,
        final Side side,
        final long orderQty,
        final long openQty,
        final long limitPx,
        final long stopPx,
        final long heldQty,
        final long heldNotional,
        final long nowNs)
    {
        final LimitSet limits = this.limits;
        if (!limits.isKnown(account))
        {
            start(RiskControl.UNKNOWN_ACCOUNT);
            return reject(RiskControl.UNKNOWN_ACCOUNT, "not configured");
        }
        accountSymbolLimits = limits.accountSymbolLimits(account, symbol);
        sessionCaps = limits.sessionCaps(session);
        traderCaps = limits.traderCaps(trader);
        if (limits.accountLimit(LimitType.FILL_WINDOW_MS, account) == FixedPoint.NULL_VALUE ||
            limits.accountLimit(LimitType.MAX_FILLS, account) == FixedPoint.NULL_VALUE)
        {
            start(RiskControl.FILL_THROTTLE);
            return reject(RiskControl.FILL_THROTTLE, "no limit configured (fillWindowMs, maxFills)");
        }
        final long maxDailyLoss = limits.accountLimit(LimitType.MAX_DAILY_LOSS, account);
        if (maxDailyLoss == FixedPoint.NULL_VALUE)
        {
            start(RiskControl.DAILY_LOSS);
            return reject(RiskControl.DAILY_LOSS, "no limit configured (maxDailyLoss)");
        }
        if (isPastDailyLoss(account, maxDailyLoss) && !reducesPosition(account, symbol, side, openQty, heldQty))
        {
            dailyLossText(account, maxDailyLoss);
            return reject(RiskControl.DAILY_LOSS, "");
        }
        final KillSwitches.Engagement kill = killSwitches.covering(account, symbol, venue, session);
        if (kill != null && !(kill.allowRiskReducing() && reducesPosition(account, symbol, side, openQty, heldQty)))
        {
            start(RiskControl.KILL_SWITCH);
            if (kill.scope() == KillSwitchScope.GLOBAL)
            {
                append("global");
            }
            else
            {
                append(KillSwitches.scopeWord(kill.scope()));
                append(" ");
                append(kill.name());
            }
            append(" engaged by ");
            append(kill.engagedBy());
            append(": ");
            return reject(RiskControl.KILL_SWITCH, kill.reason());
        }
        if (checkTradingHalt(venue, symbol) != RiskControl.NONE ||
            checkTradingHours(venue, symbol, nowNs) != RiskControl.NONE)
        {
            return lastControl;
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

        final long maxQty = limit(LimitType.MAX_ORDER_QTY, account, symbol, venue);
        if (maxQty == FixedPoint.NULL_VALUE)
        {
            return noLimit(RiskControl.MAX_ORDER_QTY);
        }
        if (orderQty > maxQty)
        {
            return overLimit(RiskControl.MAX_ORDER_QTY, orderQty, maxQty, 0);
        }

        final long maxNotional = limit(LimitType.MAX_ORDER_NOTIONAL, account, symbol, venue);
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
        final long notional = ExposureBook.notional(orderQty, valuationPx);
        if (notional > maxNotional)
        {
            return overLimit(RiskControl.MAX_ORDER_NOTIONAL, notional, maxNotional, 2);
        }

        if (limitPx != FixedPoint.NULL_VALUE &&
            checkCollar(account, symbol, venue, limitPx, nowNs) != RiskControl.NONE)
        {
            return lastControl;
        }

        final int slot = exposure.acquire(account, symbol);
        if (slot == ExposureBook.NONE)
        {
            start(RiskControl.RISK_CAPACITY);
            append("no room to track ");
            append(limits.accounts().name(account));
            append("/");
            append(limits.symbols().name(symbol));
            return reject(RiskControl.RISK_CAPACITY, "");
        }
        final long openNotional = openQty == orderQty ? notional : ExposureBook.notional(openQty, valuationPx);
        if (checkCredit(account, symbol, venue, openNotional, heldNotional) != RiskControl.NONE ||
            checkPosition(account, symbol, venue, side, slot, openQty, heldQty) != RiskControl.NONE)
        {
            return lastControl;
        }

        lastValuationPx = valuationPx;
        lastSlot = slot;
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

    private RiskControl checkTradingHalt(final int venue, final int symbol)
    {
        final TradingHalts.Halt halt = halts.covering(venue, symbol);
        if (halt == null)
        {
            return RiskControl.NONE;
        }
        start(RiskControl.TRADING_HALT);
        if (halt.symbol() == TradingHalts.ALL_SYMBOLS)
        {
            append("venue ");
            append(halt.venueName());
        }
        else
        {
            append(halt.symbolName());
            if (halt.venue() != TradingHalts.ALL_VENUES)
            {
                append(" at ");
                append(halt.venueName());
            }
        }
        append(" halted by ");
        append(halt.haltedBy());
        append(": ");
        return reject(RiskControl.TRADING_HALT, halt.reason());
    }

    private RiskControl checkTradingHours(final int venue, final int symbol, final long nowNs)
    {
        final boolean venueOpen = openHours.isVenueOpen(venue, nowNs);
        if (venueOpen && openHours.isSymbolOpen(symbol, nowNs))
        {
            return RiskControl.NONE;
        }
        start(RiskControl.TRADING_HOURS);
        final TradingCalendar calendar;
        final String nextOpen;
        if (!venueOpen)
        {
            append("venue ");
            append(limits.venues().name(venue));
            calendar = limits.venueCalendar(venue);
            nextOpen = openHours.venueNextOpen(venue);
        }
        else
        {
            append(limits.symbols().name(symbol));
            calendar = limits.symbolCalendar(symbol);
            nextOpen = openHours.symbolNextOpen(symbol);
        }
        append(" is closed (hours ");
        append(calendar.describe());
        if (nextOpen != null)
        {
            append("; opens ");
            append(nextOpen);
        }
        return reject(RiskControl.TRADING_HOURS, ")");
    }

    /**
     * @return true when the order can only bring the position closer to flat, even if every working order on its side
     * filled first.
     */
    private boolean reducesPosition(
        final int account, final int symbol, final Side side, final long openQty, final long heldQty)
    {
        final int slot = exposure.find(account, symbol);
        final long net = exposure.netQty(slot);
        if (side == Side.BUY)
        {
            return net < 0 && net + exposure.workingBuyQty(slot) - heldQty + openQty <= 0;
        }
        return net > 0 && net - (exposure.workingSellQty(slot) - heldQty) - openQty >= 0;
    }

    private RiskControl checkCredit(
        final int account, final int symbol, final int venue, final long notional, final long heldNotional)
    {
        final long creditLimit = limit(LimitType.CREDIT_LIMIT, account, symbol, venue);
        if (creditLimit == FixedPoint.NULL_VALUE)
        {
            return noLimit(RiskControl.CREDIT_LIMIT);
        }
        final long positions = exposure.positionNotional(account, prices);
        final long working = exposure.workingNotional(account) - heldNotional;
        final long total = ExposureBook.saturatingAdd(ExposureBook.saturatingAdd(positions, working), notional);
        if (total > creditLimit)
        {
            start(RiskControl.CREDIT_LIMIT);
            decimal(total, 2);
            append(" > ");
            decimal(creditLimit, 2);
            append(" (positions ");
            decimal(positions, 2);
            append(", working orders ");
            decimal(working, 2);
            append(", this order ");
            decimal(notional, 2);
            return reject(RiskControl.CREDIT_LIMIT, ")");
        }
        return RiskControl.NONE;
    }

    private RiskControl checkPosition(
        final int account,
        final int symbol,
        final int venue,
        final Side side,
        final int slot,
        final long orderQty,
        final long heldQty)
    {
        final boolean buy = side == Side.BUY;
        final long net = exposure.netQty(slot);
        final long workingBuys = exposure.workingBuyQty(slot) - (buy ? heldQty : 0);
        final long workingSells = exposure.workingSellQty(slot) - (buy ? 0 : heldQty);
        if (buy)
        {
            final long maxLong = limit(LimitType.MAX_LONG_QTY, account, symbol, venue);
            if (maxLong == FixedPoint.NULL_VALUE)
            {
                return noLimit(RiskControl.MAX_LONG_QTY);
            }
            final long potentialLong = net + workingBuys + orderQty;
            if (potentialLong > maxLong)
            {
                return overPosition(RiskControl.MAX_LONG_QTY, potentialLong, maxLong, net, " working buys ",
                    workingBuys, orderQty);
            }
        }
        else
        {
            final long maxShort = limit(LimitType.MAX_SHORT_QTY, account, symbol, venue);
            if (maxShort == FixedPoint.NULL_VALUE)
            {
                return noLimit(RiskControl.MAX_SHORT_QTY);
            }
            final long potentialShort = workingSells + orderQty - net;
            if (potentialShort > maxShort)
            {
                return overPosition(RiskControl.MAX_SHORT_QTY, potentialShort, maxShort, net, " working sells ",
                    workingSells, orderQty);
            }
        }

        final long maxNet = limit(LimitType.MAX_NET_QTY, account, symbol, venue);
        if (maxNet == FixedPoint.NULL_VALUE)
        {
            return noLimit(RiskControl.MAX_NET_QTY);
        }
        final long before = Math.abs(net + workingBuys - workingSells);
        final long after = Math.abs(net + workingBuys - workingSells + (buy ? orderQty : -orderQty));
        if (after > maxNet && after > before)
        {
            return overPosition(RiskControl.MAX_NET_QTY, after, maxNet, net, buy ? " working buys " :
                " working sells ", buy ? workingBuys : workingSells, orderQty);
        }
        return RiskControl.NONE;
    }

    private RiskControl overPosition(
        final RiskControl control,
        final long potential,
        final long limit,
        final long net,
        final String working,
        final long workingQty,
        final long orderQty)
    {
        start(control);
        decimal(potential, 0);
        append(" > ");
        decimal(limit, 0);
        append(" (position ");
        decimal(net, 0);
        append(",");
        append(working);
        decimal(workingQty, 0);
        append(", this order ");
        decimal(orderQty, 0);
        return reject(control, ")");
    }

    private RiskControl checkCollar(
        final int account, final int symbol, final int venue, final long limitPx, final long nowNs)
    {
        final long percent = limit(LimitType.COLLAR_PERCENT, account, symbol, venue);
        final long ticks = limit(LimitType.COLLAR_TICKS, account, symbol, venue);
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
        final long maxAgeMs = limit(LimitType.MAX_REFERENCE_AGE_MS, account, symbol, venue);
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
            whole(ageMs);
            append(" ms old > ");
            whole(maxAgeMs);
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

    private long limit(final LimitType type, final int account, final int symbol, final int venue)
    {
        return limits.limit(type, account, symbol, venue, accountSymbolLimits, sessionCaps, traderCaps);
    }

    private void whole(final long value)
    {
        textLength += GroupedDecimal.formatWhole(value, text, textLength);
    }

    private RiskControl reject(final RiskControl control, final String end)
    {
        append(end);
        rejectCounts[control.ordinal()]++;
        lastControl = control;
        return control;
    }
}
