package io.bastion.risk;

import java.util.Arrays;

/**
 * Whether each venue and each instrument of a {@link LimitSet} is within its trading hours now. Each calendar's answer
 * is cached until its next opening or closing, so a check costs two comparisons and allocates nothing; only crossing
 * an opening or a closing (a few times a day) asks the {@link TradingCalendar} again. Owned by the OMS thread.
 */
public final class OpenHours
{
    private LimitSet limits;
    private TradingCalendar[] calendars = new TradingCalendar[0];
    private long[] validFromNs = new long[0];
    private long[] validUntilNs = new long[0];
    private boolean[] open = new boolean[0];
    private String[] nextOpen = new String[0];

    /**
     * Take the calendars of a limit set (forgetting what was cached for the previous one).
     *
     * @param limits the limits in force.
     */
    public void limits(final LimitSet limits)
    {
        if (limits == this.limits)
        {
            return;
        }
        this.limits = limits;
        final int venues = limits.venues().size();
        final int count = venues + limits.symbols().size();
        calendars = new TradingCalendar[count];
        for (int venue = 0; venue < venues; venue++)
        {
            calendars[venue] = limits.venueCalendar(venue);
        }
        for (int symbol = 0; symbol < limits.symbols().size(); symbol++)
        {
            calendars[venues + symbol] = limits.symbolCalendar(symbol);
        }
        validFromNs = new long[count];
        validUntilNs = new long[count];
        Arrays.fill(validFromNs, Long.MAX_VALUE);
        open = new boolean[count];
        nextOpen = new String[count];
    }

    /**
     * @param venue venue index.
     * @param nowNs the OMS's clock, epoch nanoseconds.
     * @return true when the venue has no trading hours configured or is within them.
     */
    public boolean isVenueOpen(final int venue, final long nowNs)
    {
        return isOpen(venue, nowNs);
    }

    /**
     * @param symbol symbol index.
     * @param nowNs  the OMS's clock, epoch nanoseconds.
     * @return true when the instrument has no trading hours of its own or is within them.
     */
    public boolean isSymbolOpen(final int symbol, final long nowNs)
    {
        return isOpen(limits.venues().size() + symbol, nowNs);
    }

    /**
     * @param venue venue index, closed at the last {@link #isVenueOpen} call.
     * @return when it opens next in its zone ({@code Mon 2026-11-23 09:30}), or null when not within a year.
     */
    public String venueNextOpen(final int venue)
    {
        return nextOpen[venue];
    }

    /**
     * @param symbol symbol index, closed at the last {@link #isSymbolOpen} call.
     * @return when it opens next in its zone, or null when not within a year.
     */
    public String symbolNextOpen(final int symbol)
    {
        return nextOpen[limits.venues().size() + symbol];
    }

    private boolean isOpen(final int slot, final long nowNs)
    {
        final TradingCalendar calendar = calendars[slot];
        if (calendar == null)
        {
            return true;
        }
        if (nowNs < validFromNs[slot] || nowNs >= validUntilNs[slot])
        {
            final TradingCalendar.State state = calendar.stateAt(nowNs);
            validFromNs[slot] = nowNs;
            validUntilNs[slot] = state.untilNs();
            open[slot] = state.open();
            nextOpen[slot] = state.nextOpen();
        }
        return open[slot];
    }
}
