package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Map;

import java.util.SortedMap;

/**
 * One version of every risk limit, as the OMS applies it: immutable, so swapping one set for the next is atomic
 * between two messages, and readers on other threads see a whole version. Built and validated by
 * {@link LimitSetParser}; see there for the settings.
 * <p>
 * A numeric limit is resolved in two steps. The account's own value: set for the account and symbol, else for the
 * account, else the global default. Then the instrument's and the venue's values, which cap every account: the
 * tightest of the three applies. So an account may be given more or less room than the default, but never more than
 * its instrument or venue allows. A limit nothing sets is {@link FixedPoint#NULL_VALUE}, and the control then rejects
 * (risk fails closed). Lookups allocate nothing.
 */
public final class LimitSet
{
    private final long version;
    private final NameIndex accounts;
    private final boolean[] knownAccounts;
    private final NameIndex symbols;
    private final NameIndex venues;
    private final long[] global;
    private final long[][] byAccount;
    private final long[][] bySymbol;
    private final long[][] byVenue;
    private final Long2ObjectHashMap<long[]> byAccountSymbol;
    private final Int2ObjectHashMap<long[]> bySession;
    private final NameIndex traders;
    private final long[][] byTrader;
    private final Map<Integer, String> sessionNames;
    private final long[] tickSizes;
    private final long[] referencePrices;
    private final boolean[] restricted;
    private final boolean[][] restrictedByAccount;
    private final boolean[][] permittedByAccount;
    private final TradingCalendar[] venueCalendars;
    private final SelfMatchMode[] selfMatchModes;
    private final int[] selfMatchGroupOf;
    private final int[][] selfMatchGroupMembers;
    private final String[] selfMatchGroupNames;
    private final TradingCalendar[] symbolCalendars;
    private final SortedMap<String, String> settings;

    LimitSet(
        final long version,
        final NameIndex accounts,
        final boolean[] knownAccounts,
        final NameIndex symbols,
        final NameIndex venues,
        final long[] global,
        final long[][] byAccount,
        final long[][] bySymbol,
        final long[][] byVenue,
        final Long2ObjectHashMap<long[]> byAccountSymbol,
        final Int2ObjectHashMap<long[]> bySession,
        final NameIndex traders,
        final long[][] byTrader,
        final Map<Integer, String> sessionNames,
        final long[] tickSizes,
        final long[] referencePrices,
        final boolean[] restricted,
        final boolean[][] restrictedByAccount,
        final boolean[][] permittedByAccount,
        final TradingCalendar[] venueCalendars,
        final SelfMatchMode[] selfMatchModes,
        final int[] selfMatchGroupOf,
        final int[][] selfMatchGroupMembers,
        final String[] selfMatchGroupNames,
        final TradingCalendar[] symbolCalendars,
        final SortedMap<String, String> settings)
    {
        this.version = version;
        this.accounts = accounts;
        this.knownAccounts = knownAccounts;
        this.symbols = symbols;
        this.venues = venues;
        this.global = global;
        this.byAccount = byAccount;
        this.bySymbol = bySymbol;
        this.byVenue = byVenue;
        this.byAccountSymbol = byAccountSymbol;
        this.bySession = bySession;
        this.traders = traders;
        this.byTrader = byTrader;
        this.sessionNames = sessionNames;
        this.tickSizes = tickSizes;
        this.referencePrices = referencePrices;
        this.restricted = restricted;
        this.restrictedByAccount = restrictedByAccount;
        this.permittedByAccount = permittedByAccount;
        this.venueCalendars = venueCalendars;
        this.selfMatchModes = selfMatchModes;
        this.selfMatchGroupOf = selfMatchGroupOf;
        this.selfMatchGroupMembers = selfMatchGroupMembers;
        this.selfMatchGroupNames = selfMatchGroupNames;
        this.symbolCalendars = symbolCalendars;
        this.settings = settings;
    }

    /**
     * @param account account index.
     * @return what self-match prevention does for the account's incoming orders.
     */
    public SelfMatchMode selfMatchMode(final int account)
    {
        return selfMatchModes[account];
    }

    /**
     * @param account account index.
     * @return the self-match group the account is in: its own, unless {@code selfMatchGroup} puts it in a named one.
     */
    public int selfMatchGroup(final int account)
    {
        return selfMatchGroupOf[account];
    }

    /**
     * @param group a group from {@link #selfMatchGroup}.
     * @return the accounts in it (do not modify).
     */
    public int[] selfMatchGroupMembers(final int group)
    {
        return selfMatchGroupMembers[group];
    }

    /**
     * @param group a group from {@link #selfMatchGroup}.
     * @return its name, or null for an account's own group.
     */
    public String selfMatchGroupName(final int group)
    {
        return selfMatchGroupNames[group];
    }

    /**
     * @param venue venue index.
     * @return the venue's trading hours, or null when it has none configured (always open).
     */
    public TradingCalendar venueCalendar(final int venue)
    {
        return venueCalendars[venue];
    }

    /**
     * @param symbol symbol index.
     * @return the instrument's own trading hours, or null when it has none configured (its venue's apply).
     */
    public TradingCalendar symbolCalendar(final int symbol)
    {
        return symbolCalendars[symbol];
    }

    /**
     * @return the version: 1 for the limits loaded at start, one more for each update that took effect.
     */
    public long version()
    {
        return version;
    }

    /**
     * Every account this set or an earlier one knew, in a stable order: an account keeps its index across versions
     * (orders refer to it), and one removed from the configuration stays in the index as not {@link #isKnown known}.
     *
     * @return the accounts.
     */
    public NameIndex accounts()
    {
        return accounts;
    }

    /**
     * @param account an index from {@link #accounts()}, or {@link NameIndex#MISSING}.
     * @return true when the account is configured in this version.
     */
    public boolean isKnown(final int account)
    {
        return account >= 0 && knownAccounts[account];
    }

    /**
     * @return the instruments, in the OMS's order.
     */
    public NameIndex symbols()
    {
        return symbols;
    }

    /**
     * @return the venues, in venue-id order.
     */
    public NameIndex venues()
    {
        return venues;
    }

    /**
     * The limit that applies to an order: the account's value (account and symbol, else account, else global default)
     * capped by the symbol's and the venue's.
     *
     * @param type    the limit.
     * @param account account index.
     * @param symbol  symbol index.
     * @param venue   venue index.
     * @return the limit, or {@link FixedPoint#NULL_VALUE} when no scope sets it.
     */
    public long limit(final LimitType type, final int account, final int symbol, final int venue)
    {
        return limit(type, account, symbol, venue, accountSymbolLimits(account, symbol));
    }

    /**
     * The limits set for an account in one symbol, to look up once for several {@link #limit} calls.
     *
     * @param account account index.
     * @param symbol  symbol index.
     * @return the row, or null when none is set for the pair.
     */
    public long[] accountSymbolLimits(final int account, final int symbol)
    {
        return byAccountSymbol.get(key(account, symbol));
    }

    /**
     * As {@link #limit(LimitType, int, int, int)}, with the account-and-symbol row already looked up.
     *
     * @param type     the limit.
     * @param account  account index.
     * @param symbol   symbol index.
     * @param venue    venue index.
     * @param override {@link #accountSymbolLimits} of the account and symbol.
     * @return the limit, or {@link FixedPoint#NULL_VALUE} when no scope sets it.
     */
    public long limit(final LimitType type, final int account, final int symbol, final int venue, final long[] override)
    {
        final int i = type.ordinal();
        long limit = override == null ? FixedPoint.NULL_VALUE : override[i];
        if (limit == FixedPoint.NULL_VALUE)
        {
            limit = byAccount[account][i];
            if (limit == FixedPoint.NULL_VALUE)
            {
                limit = global[i];
            }
        }
        return tighter(tighter(limit, bySymbol[symbol][i]), byVenue[venue][i]);
    }

    /**
     * As {@link #limit(LimitType, int, int, int, long[])}, also capped by the client session's and the trader's values
     * (per-order limits only: {@link LimitType#isPerOrder}).
     *
     * @param type        the limit.
     * @param account     account index.
     * @param symbol      symbol index.
     * @param venue       venue index.
     * @param override    {@link #accountSymbolLimits} of the account and symbol.
     * @param sessionCaps {@link #sessionCaps} of the order's client session.
     * @param traderCaps  {@link #traderCaps} of the order's trader.
     * @return the limit, or {@link FixedPoint#NULL_VALUE} when no scope sets it.
     */
    public long limit(
        final LimitType type,
        final int account,
        final int symbol,
        final int venue,
        final long[] override,
        final long[] sessionCaps,
        final long[] traderCaps)
    {
        long limit = limit(type, account, symbol, venue, override);
        final int i = type.ordinal();
        if (sessionCaps != null && type.isPerOrder())
        {
            limit = tighter(limit, sessionCaps[i]);
        }
        if (traderCaps != null)
        {
            limit = tighter(limit, traderCaps[i]);
        }
        return limit;
    }

    /**
     * The values a client session sets ({@code risk.session.<CompID>.<limit>}): its message throttle, and caps on the
     * per-order limits of every order it sends.
     *
     * @param session client session number.
     * @return the row, or null when the session sets none.
     */
    public long[] sessionCaps(final int session)
    {
        return bySession.get(session);
    }

    /**
     * Every trader a setting of this set or an earlier one named ({@code risk.trader.<TRADER>.*}), in a stable order.
     *
     * @return the traders.
     */
    public NameIndex traders()
    {
        return traders;
    }

    /**
     * The caps a trader's orders get on the per-order limits ({@code risk.trader.<TRADER>.<limit>}).
     *
     * @param trader an index from {@link #traders()}, or {@link NameIndex#MISSING}.
     * @return the row, or null when the trader has none.
     */
    public long[] traderCaps(final int trader)
    {
        return trader >= 0 && trader < byTrader.length ? byTrader[trader] : null;
    }

    /**
     * A limit of an account alone (the message throttle): its own value, else the global default.
     *
     * @param type    the limit.
     * @param account account index.
     * @return the limit, or {@link FixedPoint#NULL_VALUE}.
     */
    public long accountLimit(final LimitType type, final int account)
    {
        final long own = byAccount[account][type.ordinal()];
        return own != FixedPoint.NULL_VALUE ? own : global[type.ordinal()];
    }

    /**
     * A limit of a client session (the message throttle): its own value ({@code risk.session.<CompID>.<limit>}), else
     * the global default.
     *
     * @param type    the limit.
     * @param session client session number.
     * @return the limit, or {@link FixedPoint#NULL_VALUE}.
     */
    public long sessionLimit(final LimitType type, final int session)
    {
        final long[] own = bySession.get(session);
        final long value = own == null ? FixedPoint.NULL_VALUE : own[type.ordinal()];
        return value != FixedPoint.NULL_VALUE ? value : global[type.ordinal()];
    }

    /**
     * @return client session number to the client's CompID, as the limits were built with.
     */
    public Map<Integer, String> sessionNames()
    {
        return sessionNames;
    }

    /**
     * @param session client session number.
     * @return its name (the client's CompID), or null when the limits were not given it.
     */
    public String sessionName(final int session)
    {
        return sessionNames.get(session);
    }

    /**
     * @param symbol symbol index.
     * @return its tick size, or {@link FixedPoint#NULL_VALUE} when not configured.
     */
    public long tickSize(final int symbol)
    {
        return tickSizes[symbol];
    }

    /**
     * @param symbol symbol index.
     * @return its configured start-of-day reference price (typically the previous close), or
     * {@link FixedPoint#NULL_VALUE}.
     */
    public long referencePrice(final int symbol)
    {
        return referencePrices[symbol];
    }

    /**
     * @param symbol symbol index.
     * @return true when the symbol is on the global restricted list.
     */
    public boolean isRestricted(final int symbol)
    {
        return restricted[symbol];
    }

    /**
     * @param account account index.
     * @param symbol  symbol index.
     * @return true when the symbol is on the account's own restricted list.
     */
    public boolean isRestrictedFor(final int account, final int symbol)
    {
        final boolean[] list = restrictedByAccount[account];
        return list != null && list[symbol];
    }

    /**
     * @param account account index.
     * @return true when the account has instrument permissions configured (its own or the default).
     */
    public boolean hasPermissions(final int account)
    {
        return permittedByAccount[account] != null;
    }

    /**
     * @param account account index.
     * @param symbol  symbol index.
     * @return true when the account may trade the symbol.
     */
    public boolean isPermitted(final int account, final int symbol)
    {
        final boolean[] permitted = permittedByAccount[account];
        return permitted != null && permitted[symbol];
    }

    /**
     * @return the settings this version was built from ({@code risk.*} properties, sorted), to report or to change.
     */
    public SortedMap<String, String> settings()
    {
        return settings;
    }

    /**
     * @param key a setting.
     * @return its value in this version, or null.
     */
    public String setting(final String key)
    {
        return settings.get(key);
    }

    /**
     * @return a description for logs.
     */
    public String toString()
    {
        return "LimitSet{version=" + version + ", accounts=" + accounts.size() + ", settings=" + settings.size() + "}";
    }

    static long key(final int account, final int symbol)
    {
        return ((long)account << 32) | (symbol & 0xFFFF_FFFFL);
    }

    private static long tighter(final long a, final long b)
    {
        if (a == FixedPoint.NULL_VALUE)
        {
            return b;
        }
        return b == FixedPoint.NULL_VALUE ? a : Math.min(a, b);
    }
}
