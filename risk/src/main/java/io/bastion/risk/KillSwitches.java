package io.bastion.risk;

import io.bastion.sbe.KillSwitchScope;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kill switches engaged, by scope: global, venue, account, client session, symbol. An engaged switch blocks new
 * orders in its scope (or, if it allows them, lets through only orders that reduce the position) until it is
 * explicitly released. Looking up the switch that covers an order allocates nothing. Owned by the OMS thread.
 */
public final class KillSwitches
{
    /** Longest reason kept, in characters. */
    public static final int MAX_REASON_LENGTH = 200;

    /**
     * One engaged switch.
     *
     * @param scope             its scope.
     * @param name              the venue, account or symbol it covers, the session number, or "" for global.
     * @param index             the index of what it covers (venue id, account or symbol index, session number; 0).
     * @param allowRiskReducing whether orders that reduce the position may still pass.
     * @param reason            why it was engaged.
     * @param engagedBy         who engaged it.
     * @param timeNs            when, epoch nanoseconds.
     */
    public record Engagement(
        KillSwitchScope scope,
        String name,
        int index,
        boolean allowRiskReducing,
        String reason,
        String engagedBy,
        long timeNs)
    {
        /**
         * @return the scope and name for texts: {@code global}, {@code account ACME}, {@code session 3}.
         */
        public String describe()
        {
            return scope == KillSwitchScope.GLOBAL ? "global" : scopeWord(scope) + " " + name;
        }
    }

    private static final String[] SCOPE_WORDS = {"", "global", "venue", "account", "session", "symbol"};

    private Engagement global;
    private Engagement[] byVenue = new Engagement[0];
    private Engagement[] byAccount = new Engagement[0];
    private Engagement[] bySymbol = new Engagement[0];
    private final Int2ObjectHashMap<Engagement> bySession = new Int2ObjectHashMap<>();
    private int engagedCount;

    /**
     * The switch that stops an order, if any: global first, then venue, account, session and symbol.
     *
     * @param account account index.
     * @param symbol  symbol index.
     * @param venue   venue index.
     * @param session client session number.
     * @return the engaged switch covering the order, or null.
     */
    public Engagement covering(final int account, final int symbol, final int venue, final int session)
    {
        if (engagedCount == 0)
        {
            return null;
        }
        if (global != null)
        {
            return global;
        }
        Engagement found = at(byVenue, venue);
        if (found == null)
        {
            found = at(byAccount, account);
        }
        if (found == null)
        {
            found = bySession.get(session);
        }
        return found != null ? found : at(bySymbol, symbol);
    }

    /**
     * Engage a switch, or replace the terms of one already engaged.
     *
     * @param engagement the switch.
     * @return the one it replaced, or null.
     */
    public Engagement engage(final Engagement engagement)
    {
        final Engagement previous = set(engagement.scope(), engagement.index(), engagement);
        if (previous == null)
        {
            engagedCount++;
        }
        return previous;
    }

    /**
     * Release a switch.
     *
     * @param scope its scope.
     * @param index what it covers.
     * @return the switch released, or null when it was not engaged.
     */
    public Engagement release(final KillSwitchScope scope, final int index)
    {
        final Engagement previous = set(scope, index, null);
        if (previous != null)
        {
            engagedCount--;
        }
        return previous;
    }

    /**
     * @param scope a scope.
     * @param index what it covers.
     * @return the switch engaged there, or null.
     */
    public Engagement engaged(final KillSwitchScope scope, final int index)
    {
        return switch (scope)
        {
            case GLOBAL -> global;
            case VENUE -> at(byVenue, index);
            case ACCOUNT -> at(byAccount, index);
            case SESSION -> bySession.get(index);
            case SYMBOL -> at(bySymbol, index);
            default -> null;
        };
    }

    /**
     * @return every engaged switch.
     */
    public List<Engagement> all()
    {
        final List<Engagement> all = new ArrayList<>();
        if (global != null)
        {
            all.add(global);
        }
        for (final Engagement[] scope : List.of(byVenue, byAccount, bySymbol))
        {
            for (final Engagement engagement : scope)
            {
                if (engagement != null)
                {
                    all.add(engagement);
                }
            }
        }
        all.addAll(bySession.values());
        return all;
    }

    private Engagement set(final KillSwitchScope scope, final int index, final Engagement engagement)
    {
        final Engagement previous;
        switch (scope)
        {
            case GLOBAL ->
            {
                previous = global;
                global = engagement;
            }
            case VENUE ->
            {
                byVenue = grow(byVenue, index);
                previous = byVenue[index];
                byVenue[index] = engagement;
            }
            case ACCOUNT ->
            {
                byAccount = grow(byAccount, index);
                previous = byAccount[index];
                byAccount[index] = engagement;
            }
            case SESSION -> previous = engagement == null ? bySession.remove(index) : bySession.put(index, engagement);
            case SYMBOL ->
            {
                bySymbol = grow(bySymbol, index);
                previous = bySymbol[index];
                bySymbol[index] = engagement;
            }
            default -> throw new IllegalArgumentException("no such scope: " + scope);
        }
        return previous;
    }

    /**
     * @param scope a scope.
     * @return its name in texts, in lower case; allocation free.
     */
    public static String scopeWord(final KillSwitchScope scope)
    {
        return SCOPE_WORDS[scope.value()];
    }

    private static Engagement at(final Engagement[] engagements, final int index)
    {
        return index >= 0 && index < engagements.length ? engagements[index] : null;
    }

    private static Engagement[] grow(final Engagement[] engagements, final int index)
    {
        if (index < 0)
        {
            throw new IllegalArgumentException("no such index: " + index);
        }
        return index < engagements.length ? engagements : Arrays.copyOf(engagements, index + 1);
    }
}
