package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a {@link LimitSet} from {@code risk.*} settings, all or nothing: every bad setting is reported, and a set
 * with any is refused whole ({@link InvalidLimitsException}).
 * <pre>
 * risk.accounts=ACME,DEMO                          the accounts Bastion accepts orders for; any other is rejected
 * risk.&lt;limit&gt;=v                                   default of every account
 * risk.account.&lt;account&gt;.&lt;limit&gt;=v                 an account's own, instead of the default
 * risk.account.&lt;account&gt;.symbol.&lt;symbol&gt;.&lt;limit&gt;=v  an account's own in one symbol
 * risk.symbol.&lt;symbol&gt;.&lt;limit&gt;=v                   a cap on every account in the symbol
 * risk.venue.&lt;venue&gt;.&lt;limit&gt;=v                     a cap on every account at the venue
 * risk.session.&lt;CompID&gt;.&lt;limit&gt;=v                  a client session's own message throttle, or a cap on its orders
 * risk.trader.&lt;trader&gt;.&lt;limit&gt;=v                   a cap on the orders of a trader (SenderSubID)
 * (maxDailyLoss is set only as a default and per account)
 * risk.symbol.&lt;symbol&gt;.tickSize=0.01              the instrument's tick (for collarTicks)
 * risk.symbol.&lt;symbol&gt;.referencePrice=190.00      start-of-day reference price (typically the previous close)
 * risk.permittedSymbols=* | AAPL,MSFT              instrument permissions of accounts without their own
 * risk.account.&lt;account&gt;.permittedSymbols=...     an account's own permissions
 * risk.restrictedSymbols=GME                       global restricted list
 * risk.account.&lt;account&gt;.restrictedSymbols=...    an account's own restricted list
 * risk.selfMatch=cancelIncoming                    self-match prevention of accounts without their own (default off)
 * risk.account.&lt;account&gt;.selfMatch=...            an account's own: off, cancelIncoming, cancelResting, cancelBoth
 * risk.account.&lt;account&gt;.selfMatchGroup=DESK1     accounts in one group are one for self-match prevention
 * risk.venue.&lt;venue&gt;.tradingHours=09:30-16:00      when the venue trades (with timeZone; tradingDays, holidays)
 * risk.symbol.&lt;symbol&gt;.tradingHours=09:30-16:00    when the instrument trades, within its venue's hours
 * </pre>
 * {@code <limit>} is a {@link LimitType#property()}. Account and venue names cannot contain dots; a symbol may.
 */
public final class LimitSetParser
{
    /** Prefix of every risk setting. */
    public static final String PREFIX = "risk.";
    /** The accounts setting. */
    public static final String ACCOUNTS = PREFIX + "accounts";
    /** Longest account name (the SBE Account field). */
    public static final int MAX_ACCOUNT_LENGTH = 32;

    private static final String PERMITTED = "permittedSymbols";
    private static final String RESTRICTED = "restrictedSymbols";
    private static final String TICK_SIZE = "tickSize";
    private static final String SELF_MATCH = "selfMatch";
    private static final String SELF_MATCH_GROUP = "selfMatchGroup";
    private static final String REFERENCE_PRICE = "referencePrice";
    private static final String ALL = "*";
    private static final String PER_ORDER = Arrays.stream(LimitType.values()).filter(LimitType::isPerOrder)
        .map(LimitType::property).toList().toString().replace("[", "per-order limits (").replace("]", ")");
    private static final Set<String> CALENDAR_SETTINGS = Set.of("tradingHours", "timeZone", "tradingDays", "holidays");
    private static final String MAX_DECIMAL = FixedPoint.toString(Long.MAX_VALUE / FixedPoint.SCALE * FixedPoint.SCALE);

    private final List<String> symbols;
    private final List<String> venues;
    private final Map<Integer, String> sessions;

    /**
     * @param symbols the instruments the OMS trades, in its order.
     * @param venues  the venues, in venue-id order.
     */
    public LimitSetParser(final List<String> symbols, final List<String> venues)
    {
        this(symbols, venues, Map.of());
    }

    /**
     * @param symbols  the instruments the OMS trades, in its order.
     * @param venues   the venues, in venue-id order.
     * @param sessions client sessions: number to CompID, for {@code risk.session.<CompID>.*}.
     */
    public LimitSetParser(final List<String> symbols, final List<String> venues, final Map<Integer, String> sessions)
    {
        this.symbols = List.copyOf(symbols);
        this.venues = List.copyOf(venues);
        this.sessions = Map.copyOf(sessions);
    }

    /**
     * Build the first version.
     *
     * @param settings {@code risk.*} settings; other keys are ignored.
     * @return version 1.
     * @throws InvalidLimitsException if any setting is bad.
     */
    public LimitSet parse(final Map<String, String> settings)
    {
        return build(riskSettings(settings), 1, null);
    }

    /**
     * Build the next version from the current one and a change: every setting not named stays as it is.
     *
     * @param current  the version in force.
     * @param changes  settings to set, with their new values (a null value is refused).
     * @param removals settings to remove (a removed limit no longer applies at that scope).
     * @return the next version.
     * @throws InvalidLimitsException if the result would have any bad setting, or the change names no setting.
     */
    public LimitSet update(final LimitSet current, final Map<String, String> changes, final Set<String> removals)
    {
        final List<String> errors = new ArrayList<>();
        for (final Map.Entry<String, String> change : changes.entrySet())
        {
            final String key = change.getKey();
            if (!key.startsWith(PREFIX))
            {
                errors.add(key + ": not a risk setting (risk.*)");
            }
            if (change.getValue() == null)
            {
                errors.add(key + ": no value");
            }
            if (removals.contains(key))
            {
                errors.add(key + ": both set and removed");
            }
        }
        for (final String key : removals)
        {
            if (!current.settings().containsKey(key))
            {
                errors.add(key + ": cannot remove, not set");
            }
        }
        if (changes.isEmpty() && removals.isEmpty())
        {
            errors.add("no change");
        }
        if (!errors.isEmpty())
        {
            throw new InvalidLimitsException(errors);
        }

        final SortedMap<String, String> next = new TreeMap<>(current.settings());
        changes.forEach((key, value) -> next.put(key, value.strip()));
        next.keySet().removeAll(removals);
        return build(next, current.version() + 1, current);
    }

    private static SortedMap<String, String> riskSettings(final Map<String, String> settings)
    {
        final SortedMap<String, String> risk = new TreeMap<>();
        for (final Map.Entry<String, String> entry : settings.entrySet())
        {
            if (entry.getKey().startsWith(PREFIX))
            {
                risk.put(entry.getKey(), entry.getValue().strip());
            }
        }
        return risk;
    }

    private LimitSet build(final SortedMap<String, String> settings, final long version, final LimitSet previous)
    {
        final List<String> errors = new ArrayList<>();
        final NameIndex symbolIndex = new NameIndex(symbols);
        final NameIndex venueIndex = new NameIndex(venues);

        final Set<String> configured = new LinkedHashSet<>();
        final String accountList = settings.get(ACCOUNTS);
        if (accountList == null)
        {
            errors.add(ACCOUNTS + ": missing (the accounts Bastion accepts orders for)");
        }
        else
        {
            for (final String account : list(accountList))
            {
                if (validAccount(errors, account) && !configured.add(account))
                {
                    errors.add(ACCOUNTS + ": " + account + " repeats");
                }
            }
        }
        final List<String> accountNames = new ArrayList<>(previous == null ? List.of() : previous.accounts().names());
        for (final String account : configured)
        {
            if (!accountNames.contains(account))
            {
                accountNames.add(account);
            }
        }
        final NameIndex accountIndex = new NameIndex(accountNames);
        final boolean[] known = new boolean[accountNames.size()];
        for (final String account : configured)
        {
            known[accountIndex.find(account)] = true;
        }

        final int limits = LimitType.count();
        final long[] global = nulls(limits);
        final long[][] byAccount = rows(accountNames.size(), limits);
        final long[][] bySymbol = rows(symbols.size(), limits);
        final long[][] byVenue = rows(venues.size(), limits);
        final Long2ObjectHashMap<long[]> byAccountSymbol = new Long2ObjectHashMap<>();
        final Int2ObjectHashMap<long[]> bySession = new Int2ObjectHashMap<>();
        final List<String> traderNames = new ArrayList<>(previous == null ? List.of() : previous.traders().names());
        final Map<String, long[]> traderRows = new HashMap<>();
        final Map<String, Integer> sessionByName = new HashMap<>();
        sessions.forEach((number, name) -> sessionByName.put(name, number));
        final long[] tickSizes = nulls(symbols.size());
        final long[] referencePrices = nulls(symbols.size());
        final boolean[] restricted = new boolean[symbols.size()];
        final boolean[][] restrictedByAccount = new boolean[accountNames.size()][];
        final boolean[][] permittedByAccount = new boolean[accountNames.size()][];
        boolean[] defaultPermitted = null;
        SelfMatchMode defaultSelfMatch = SelfMatchMode.OFF;
        final SelfMatchMode[] selfMatchModes = new SelfMatchMode[accountNames.size()];
        final String[] selfMatchGroupNameOf = new String[accountNames.size()];
        final Map<Integer, Map<String, String>> venueCalendarSettings = new TreeMap<>();
        final Map<Integer, Map<String, String>> symbolCalendarSettings = new TreeMap<>();

        for (final Map.Entry<String, String> entry : settings.entrySet())
        {
            final String key = entry.getKey();
            final String value = entry.getValue();
            final String rest = key.substring(PREFIX.length());
            if (key.equals(ACCOUNTS))
            {
                continue;
            }
            if (rest.equals(PERMITTED))
            {
                defaultPermitted = symbolSet(errors, key, value, symbolIndex, true);
            }
            else if (rest.equals(SELF_MATCH))
            {
                defaultSelfMatch = selfMatchMode(errors, key, value);
            }
            else if (rest.equals(RESTRICTED))
            {
                final boolean[] set = symbolSet(errors, key, value, symbolIndex, false);
                if (set != null)
                {
                    System.arraycopy(set, 0, restricted, 0, set.length);
                }
            }
            else if (rest.startsWith("account."))
            {
                final String afterAccount = rest.substring("account.".length());
                final int dot = afterAccount.indexOf('.');
                final String account = dot < 0 ? afterAccount : afterAccount.substring(0, dot);
                final int accountId = accountIndex.find(account);
                if (dot < 0 || accountId == NameIndex.MISSING || !known[accountId])
                {
                    errors.add(key + ": " + (dot < 0 ? "incomplete" : "account " + account + " is not in " +
                        ACCOUNTS));
                    continue;
                }
                final String name = afterAccount.substring(dot + 1);
                if (name.equals(PERMITTED))
                {
                    permittedByAccount[accountId] = symbolSet(errors, key, value, symbolIndex, true);
                }
                else if (name.equals(SELF_MATCH))
                {
                    selfMatchModes[accountId] = selfMatchMode(errors, key, value);
                }
                else if (name.equals(SELF_MATCH_GROUP))
                {
                    if (validName(errors, key, "self-match group", value))
                    {
                        selfMatchGroupNameOf[accountId] = value;
                    }
                }
                else if (name.equals(RESTRICTED))
                {
                    restrictedByAccount[accountId] = symbolSet(errors, key, value, symbolIndex, false);
                }
                else if (name.startsWith("symbol."))
                {
                    final String symbolAndLimit = name.substring("symbol.".length());
                    final int symbolId = symbolOf(errors, key, symbolAndLimit, symbolIndex);
                    if (symbolId == NameIndex.MISSING)
                    {
                        continue;
                    }
                    if (isAccountOnly(errors, key, lastPart(symbolAndLimit)))
                    {
                        continue;
                    }
                    final long[] row = byAccountSymbol.computeIfAbsent(
                        LimitSet.key(accountId, symbolId), (k) -> nulls(limits));
                    setLimit(errors, key, lastPart(symbolAndLimit), value, row);
                }
                else
                {
                    setLimit(errors, key, name, value, byAccount[accountId]);
                }
            }
            else if (rest.startsWith("symbol."))
            {
                final String symbolAndName = rest.substring("symbol.".length());
                final int symbolId = symbolOf(errors, key, symbolAndName, symbolIndex);
                if (symbolId == NameIndex.MISSING)
                {
                    continue;
                }
                final String name = lastPart(symbolAndName);
                if (name.equals(TICK_SIZE))
                {
                    tickSizes[symbolId] = positiveDecimal(errors, key, value);
                }
                else if (name.equals(REFERENCE_PRICE))
                {
                    referencePrices[symbolId] = positiveDecimal(errors, key, value);
                }
                else if (CALENDAR_SETTINGS.contains(name))
                {
                    symbolCalendarSettings.computeIfAbsent(symbolId, (k) -> new HashMap<>()).put(name, value);
                }
                else if (!isAccountOnly(errors, key, name))
                {
                    setLimit(errors, key, name, value, bySymbol[symbolId]);
                }
            }
            else if (rest.startsWith("session."))
            {
                final String afterSession = rest.substring("session.".length());
                final int dot = afterSession.indexOf('.');
                final Integer session = dot < 0 ? null : sessionByName.get(afterSession.substring(0, dot));
                if (session == null)
                {
                    errors.add(key + ": " + (dot < 0 ? "incomplete" : "unknown client session " +
                        afterSession.substring(0, dot) + " (sessions: " + new TreeMap<>(sessions).values() + ")"));
                    continue;
                }
                final String name = afterSession.substring(dot + 1);
                final LimitType type = LimitType.ofProperty(name);
                if (type != null && !isThrottle(type) && !type.isPerOrder())
                {
                    errors.add(key + ": a session sets only its message throttle (throttleWindowMs, maxMessages, " +
                        "maxMessagesBeforeLogout) and caps on " + PER_ORDER);
                    continue;
                }
                setLimit(errors, key, name, value, bySession.computeIfAbsent(session, (k) -> nulls(limits)));
            }
            else if (rest.startsWith("trader."))
            {
                final String afterTrader = rest.substring("trader.".length());
                final int dot = afterTrader.indexOf('.');
                final String trader = dot < 0 ? "" : afterTrader.substring(0, dot);
                if (dot < 0 || !validName(errors, key, "trader", trader))
                {
                    if (dot < 0)
                    {
                        errors.add(key + ": incomplete");
                    }
                    continue;
                }
                final String name = afterTrader.substring(dot + 1);
                final LimitType type = LimitType.ofProperty(name);
                if (type != null && !type.isPerOrder())
                {
                    errors.add(key + ": a trader sets only caps on " + PER_ORDER);
                    continue;
                }
                if (!traderNames.contains(trader))
                {
                    traderNames.add(trader);
                }
                setLimit(errors, key, name, value, traderRows.computeIfAbsent(trader, (k) -> nulls(limits)));
            }
            else if (rest.startsWith("venue."))
            {
                final String afterVenue = rest.substring("venue.".length());
                final int dot = afterVenue.indexOf('.');
                final int venueId = dot < 0 ? NameIndex.MISSING : venueIndex.find(afterVenue.substring(0, dot));
                if (venueId == NameIndex.MISSING)
                {
                    errors.add(key + ": " + (dot < 0 ? "incomplete" : "unknown venue " +
                        afterVenue.substring(0, dot) + " (venues: " + venues + ")"));
                    continue;
                }
                final String name = afterVenue.substring(dot + 1);
                if (CALENDAR_SETTINGS.contains(name))
                {
                    venueCalendarSettings.computeIfAbsent(venueId, (k) -> new HashMap<>()).put(name, value);
                }
                else if (!isAccountOnly(errors, key, name))
                {
                    setLimit(errors, key, name, value, byVenue[venueId]);
                }
            }
            else
            {
                setLimit(errors, key, rest, value, global);
            }
        }

        for (int account = 0; account < accountNames.size(); account++)
        {
            if (permittedByAccount[account] == null && defaultPermitted != null)
            {
                permittedByAccount[account] = defaultPermitted;
            }
        }
        checkTicks(errors, settings, symbolIndex, tickSizes);
        for (int account = 0; account < accountNames.size(); account++)
        {
            if (selfMatchModes[account] == null)
            {
                selfMatchModes[account] = defaultSelfMatch == null ? SelfMatchMode.OFF : defaultSelfMatch;
            }
        }
        final int[] selfMatchGroupOf = new int[accountNames.size()];
        final List<String> selfMatchGroupNames = new ArrayList<>();
        final List<List<Integer>> selfMatchMembers = new ArrayList<>();
        final Map<String, Integer> namedGroups = new HashMap<>();
        for (int account = 0; account < accountNames.size(); account++)
        {
            final String groupName = selfMatchGroupNameOf[account];
            Integer group = groupName == null ? null : namedGroups.get(groupName);
            if (group == null)
            {
                group = selfMatchGroupNames.size();
                selfMatchGroupNames.add(groupName);
                selfMatchMembers.add(new ArrayList<>());
                if (groupName != null)
                {
                    namedGroups.put(groupName, group);
                }
            }
            selfMatchGroupOf[account] = group;
            selfMatchMembers.get(group).add(account);
        }
        final int[][] selfMatchGroupMembers = new int[selfMatchMembers.size()][];
        for (int group = 0; group < selfMatchGroupMembers.length; group++)
        {
            selfMatchGroupMembers[group] = selfMatchMembers.get(group).stream().mapToInt(Integer::intValue).toArray();
        }
        final TradingCalendar[] venueCalendars = calendars(errors, "venue.", venueIndex, venueCalendarSettings);
        final TradingCalendar[] symbolCalendars = calendars(errors, "symbol.", symbolIndex, symbolCalendarSettings);

        if (!errors.isEmpty())
        {
            throw new InvalidLimitsException(errors);
        }
        final NameIndex traderIndex = new NameIndex(traderNames);
        final long[][] byTrader = new long[traderNames.size()][];
        traderRows.forEach((trader, row) -> byTrader[traderIndex.find(trader)] = row);
        return new LimitSet(version, accountIndex, known, symbolIndex, venueIndex, global, byAccount, bySymbol,
            byVenue, byAccountSymbol, bySession, traderIndex, byTrader, sessions, tickSizes, referencePrices, restricted, restrictedByAccount, permittedByAccount,
            venueCalendars, selfMatchModes, selfMatchGroupOf, selfMatchGroupMembers,
            selfMatchGroupNames.toArray(new String[0]), symbolCalendars, Collections.unmodifiableSortedMap(new TreeMap<>(settings)));
    }

    /**
     * The trading hours of venues or instruments: {@code tradingHours} and {@code timeZone} are required together,
     * {@code tradingDays} and {@code holidays} are optional.
     */
    private static TradingCalendar[] calendars(
        final List<String> errors,
        final String scope,
        final NameIndex names,
        final Map<Integer, Map<String, String>> settingsByIndex)
    {
        final TradingCalendar[] calendars = new TradingCalendar[names.size()];
        settingsByIndex.forEach((index, values) ->
        {
            final String keyBase = PREFIX + scope + names.name(index) + ".";
            if (!values.containsKey("tradingHours"))
            {
                values.keySet().forEach((name) -> errors.add(keyBase + name + ": needs " + keyBase + "tradingHours"));
                return;
            }
            calendars[index] = TradingCalendar.parse(errors, keyBase, values.get("tradingHours"),
                values.get("timeZone"), values.get("tradingDays"), values.get("holidays"));
        });
        return calendars;
    }

    /**
     * The symbol of {@code SYMBOL.name} (a symbol may hold dots; the name after the last one is the setting).
     *
     * @return its index, or {@link NameIndex#MISSING} with the error added.
     */
    private static int symbolOf(
        final List<String> errors, final String key, final String symbolAndName, final NameIndex symbols)
    {
        final int last = symbolAndName.lastIndexOf('.');
        final int symbolId = last < 0 ? NameIndex.MISSING : symbols.find(symbolAndName.substring(0, last));
        if (symbolId == NameIndex.MISSING)
        {
            errors.add(key + ": " + (last < 0 ? "incomplete" : "unknown symbol " + symbolAndName.substring(0, last)));
        }
        return symbolId;
    }

    private static String lastPart(final String symbolAndName)
    {
        return symbolAndName.substring(symbolAndName.lastIndexOf('.') + 1);
    }

    /**
     * A collar in ticks needs the tick of every symbol it can apply to.
     */
    private static void checkTicks(
        final List<String> errors,
        final SortedMap<String, String> settings,
        final NameIndex symbols,
        final long[] tickSizes)
    {
        final String suffix = "." + LimitType.COLLAR_TICKS.property();
        for (final String key : settings.keySet())
        {
            if (!key.endsWith(suffix) && !key.equals(PREFIX + LimitType.COLLAR_TICKS.property()))
            {
                continue;
            }
            for (int symbol = 0; symbol < symbols.size(); symbol++)
            {
                final String name = symbols.name(symbol);
                final boolean applies = !key.contains(".symbol.") || key.endsWith(".symbol." + name + suffix);
                if (applies && tickSizes[symbol] == FixedPoint.NULL_VALUE)
                {
                    errors.add(key + ": needs " + PREFIX + "symbol." + name + "." + TICK_SIZE);
                }
            }
        }
    }

    private static void setLimit(
        final List<String> errors, final String key, final String name, final String value, final long[] row)
    {
        final LimitType type = LimitType.ofProperty(name);
        if (type == null)
        {
            errors.add(key + ": unknown setting " + name + " (limits: " + Arrays.stream(LimitType.values())
                .map(LimitType::property).toList() + ")");
            return;
        }
        switch (type.unit())
        {
            case COUNT, MILLISECONDS -> row[type.ordinal()] = positiveWhole(errors, key, value);
            case PERCENT ->
            {
                final long percent = positiveDecimal(errors, key, value);
                if (percent != FixedPoint.NULL_VALUE && percent > FixedPoint.ofUnits(100))
                {
                    errors.add(key + ": " + value + " is more than 100 percent");
                }
                row[type.ordinal()] = percent;
            }
            default -> row[type.ordinal()] = positiveDecimal(errors, key, value);
        }
    }

    /**
     * A daily loss limit applies to an account as a whole: set for a symbol, a venue or an account in one symbol it
     * would mean nothing, so it is refused there.
     *
     * @return true when the setting is such a limit, with the error added.
     */
    private static boolean isAccountOnly(final List<String> errors, final String key, final String name)
    {
        if (LimitType.ofProperty(name) != LimitType.MAX_DAILY_LOSS)
        {
            return false;
        }
        errors.add(key + ": " + name + " is set per account only (" + PREFIX + name + ", " + PREFIX +
            "account.<ACCOUNT>." + name + ")");
        return true;
    }

    private static boolean isThrottle(final LimitType type)
    {
        return type == LimitType.THROTTLE_WINDOW_MS || type == LimitType.MAX_MESSAGES ||
            type == LimitType.MAX_MESSAGES_BEFORE_LOGOUT;
    }

    private static long positiveDecimal(final List<String> errors, final String key, final String value)
    {
        final long mantissa = FixedPoint.parse(value);
        if (mantissa == FixedPoint.INVALID)
        {
            errors.add(key + ": " + value + " is not a decimal number of at most 8 decimal places and at most " +
                MAX_DECIMAL);
            return FixedPoint.NULL_VALUE;
        }
        if (mantissa <= 0)
        {
            errors.add(key + ": " + value + " must be positive");
            return FixedPoint.NULL_VALUE;
        }
        return mantissa;
    }

    private static long positiveWhole(final List<String> errors, final String key, final String value)
    {
        try
        {
            final long whole = Long.parseLong(value);
            if (whole > 0)
            {
                return whole;
            }
            errors.add(key + ": " + value + " must be positive");
        }
        catch (final NumberFormatException ex)
        {
            errors.add(key + ": " + value + " is not a whole number");
        }
        return FixedPoint.NULL_VALUE;
    }

    private static boolean[] symbolSet(
        final List<String> errors, final String key, final String value, final NameIndex symbols, final boolean allowAll)
    {
        final boolean[] set = new boolean[symbols.size()];
        if (allowAll && value.equals(ALL))
        {
            Arrays.fill(set, true);
            return set;
        }
        for (final String symbol : list(value))
        {
            final int id = symbols.find(symbol);
            if (id == NameIndex.MISSING)
            {
                errors.add(key + ": unknown symbol " + symbol + (symbol.equals(ALL) ? " (* stands alone)" : ""));
            }
            else
            {
                set[id] = true;
            }
        }
        return set;
    }

    private static SelfMatchMode selfMatchMode(final List<String> errors, final String key, final String value)
    {
        final SelfMatchMode mode = SelfMatchMode.ofSetting(value);
        if (mode == null)
        {
            errors.add(key + ": " + value + " is not a self-match mode (off, cancelIncoming, cancelResting, " +
                "cancelBoth)");
        }
        return mode;
    }

    private static boolean validAccount(final List<String> errors, final String account)
    {
        return validName(errors, ACCOUNTS, "account", account);
    }

    /**
     * Account and trader names: 1 to 32 printable ASCII characters without spaces, dots, commas or '='.
     */
    private static boolean validName(final List<String> errors, final String key, final String what, final String name)
    {
        if (name.isEmpty() || name.length() > MAX_ACCOUNT_LENGTH)
        {
            errors.add(key + ": " + what + " names are 1 to " + MAX_ACCOUNT_LENGTH + " characters: " + name);
            return false;
        }
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (c <= ' ' || c > '~' || c == '.' || c == ',' || c == '=')
            {
                errors.add(key + ": " + what + " " + name + " may hold only printable ASCII without spaces, " +
                    "dots, commas or '='");
                return false;
            }
        }
        return true;
    }

    private static List<String> list(final String value)
    {
        final List<String> items = new ArrayList<>();
        for (final String item : value.split(","))
        {
            if (!item.isBlank())
            {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static long[] nulls(final int length)
    {
        final long[] values = new long[length];
        Arrays.fill(values, FixedPoint.NULL_VALUE);
        return values;
    }

    private static long[][] rows(final int count, final int length)
    {
        final long[][] rows = new long[count][];
        for (int i = 0; i < count; i++)
        {
            rows[i] = nulls(length);
        }
        return rows;
    }
}
