package io.bastion.risk;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a venue or an instrument trades: one or more windows of local time ({@code 09:30-16:00}, or
 * {@code 09:00-11:30,12:30-15:00} with a lunch break), on the trading days of the week, except holidays, in a time
 * zone. A window whose end is not after its start runs past midnight into the next day ({@code 18:00-17:00}); it
 * belongs to the trading day it starts on. {@code 24:00} ends a window at midnight. Immutable.
 * <p>
 * The questions it answers allocate: {@link OpenHours} asks once per opening and closing and caches the answer, so
 * checking an order costs two comparisons.
 */
public final class TradingCalendar
{
    /** Trading days when none are configured: Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final long NS_PER_SECOND = 1_000_000_000L;
    private static final int DAYS_SEARCHED = 400;
    private static final LocalTime[] NO_TIMES = new LocalTime[0];
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String[] DAY_NAMES = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    private final ZoneId zone;
    private final LocalTime[] opens;
    private final LocalTime[] closes;
    private final boolean[] endsAtMidnight;
    private final Set<DayOfWeek> days;
    private final Set<LocalDate> holidays;
    private final String description;

    /**
     * Whether the calendar is open at a moment, and until when that holds.
     *
     * @param open       true when trading.
     * @param untilNs    when this changes next, epoch nanoseconds ({@link Long#MAX_VALUE}: never within a year).
     * @param nextOpenNs when closed: when it opens next, epoch nanoseconds, or {@link Long#MAX_VALUE}; when open, the
     *                   same as {@code untilNs}.
     * @param nextOpen   when closed: the next opening in the calendar's zone ({@code Mon 2026-11-23 09:30}), or
     *                   null when there is none within a year.
     */
    public record State(boolean open, long untilNs, long nextOpenNs, String nextOpen)
    {
    }

    private TradingCalendar(
        final ZoneId zone,
        final LocalTime[] opens,
        final LocalTime[] closes,
        final boolean[] endsAtMidnight,
        final Set<DayOfWeek> days,
        final Set<LocalDate> holidays,
        final String description)
    {
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.endsAtMidnight = endsAtMidnight;
        this.days = days;
        this.holidays = holidays;
        this.description = description;
    }

    /**
     * Build a calendar from its settings' values, adding a message to {@code errors} for each bad one.
     *
     * @param errors   where problems go, each prefixed with the key it concerns.
     * @param keyBase  the settings' common prefix, e.g. {@code risk.venue.SIM.}, for the messages.
     * @param hours    the windows, e.g. {@code 09:30-16:00}; required.
     * @param timeZone a time zone id, e.g. {@code America/New_York}; required.
     * @param days     trading days ({@code MON-FRI}, {@code SUN-THU}, {@code MON,WED}), or null for Monday to Friday.
     * @param holidays dates without trading ({@code 2026-12-25,2027-01-01}), or null for none.
     * @return the calendar, or null when any value was bad.
     */
    public static TradingCalendar parse(
        final List<String> errors,
        final String keyBase,
        final String hours,
        final String timeZone,
        final String days,
        final String holidays)
    {
        final int errorsBefore = errors.size();
        final ZoneId zone = zone(errors, keyBase + "timeZone", timeZone);
        final List<LocalTime> opens = new ArrayList<>();
        final List<LocalTime> closes = new ArrayList<>();
        final List<Boolean> midnight = new ArrayList<>();
        windows(errors, keyBase + "tradingHours", hours, opens, closes, midnight);
        final Set<DayOfWeek> tradingDays = days == null ? WEEKDAYS : days(errors, keyBase + "tradingDays", days);
        final Set<LocalDate> closedDates = holidays == null ? Set.of() :
            holidays(errors, keyBase + "holidays", holidays);
        if (errors.size() > errorsBefore)
        {
            return null;
        }
        final boolean[] endsAtMidnight = new boolean[midnight.size()];
        for (int i = 0; i < endsAtMidnight.length; i++)
        {
            endsAtMidnight[i] = midnight.get(i);
        }
        final StringBuilder description = new StringBuilder(hours.strip()).append(' ');
        appendDays(description, tradingDays);
        description.append(' ').append(zone.getId());
        return new TradingCalendar(zone, opens.toArray(NO_TIMES), closes.toArray(NO_TIMES), endsAtMidnight,
            tradingDays, closedDates, description.toString());
    }

    /**
     * @return its time zone.
     */
    public ZoneId zone()
    {
        return zone;
    }

    /**
     * @return the windows, days and zone, e.g. {@code 09:30-16:00 MON-FRI America/New_York}.
     */
    public String describe()
    {
        return description;
    }

    /**
     * @param timeNs a moment, epoch nanoseconds.
     * @return whether trading is open then, until when that holds, and when it opens next.
     */
    public State stateAt(final long timeNs)
    {
        final Instant now = Instant.ofEpochSecond(Math.floorDiv(timeNs, NS_PER_SECOND),
            Math.floorMod(timeNs, NS_PER_SECOND));
        final LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate date = today.minusDays(1); !date.isAfter(today.plusDays(DAYS_SEARCHED)); date = date.plusDays(1))
        {
            if (!isTradingDay(date))
            {
                continue;
            }
            for (int w = 0; w < opens.length; w++)
            {
                final ZonedDateTime start = date.atTime(opens[w]).atZone(zone);
                final ZonedDateTime end = end(date, w);
                if (!end.toInstant().isAfter(now))
                {
                    continue;
                }
                if (!start.toInstant().isAfter(now))
                {
                    final long untilNs = nanos(end.toInstant());
                    return new State(true, untilNs, untilNs, null);
                }
                final long startNs = nanos(start.toInstant());
                return new State(false, startNs, startNs, WHEN.format(start));
            }
        }
        return new State(false, Long.MAX_VALUE, Long.MAX_VALUE, null);
    }

    private boolean isTradingDay(final LocalDate date)
    {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private ZonedDateTime end(final LocalDate date, final int window)
    {
        if (endsAtMidnight[window])
        {
            return date.plusDays(1).atStartOfDay(zone);
        }
        final LocalDate endDate = closes[window].isAfter(opens[window]) ? date : date.plusDays(1);
        return endDate.atTime(closes[window]).atZone(zone);
    }

    private static long nanos(final Instant instant)
    {
        return instant.getEpochSecond() * NS_PER_SECOND + instant.getNano();
    }

    private static ZoneId zone(final List<String> errors, final String key, final String value)
    {
        if (value == null)
        {
            errors.add(key + ": missing (the time zone of the trading hours, e.g. America/New_York)");
            return null;
        }
        try
        {
            return ZoneId.of(value.strip());
        }
        catch (final DateTimeException ex)
        {
            errors.add(key + ": " + value + " is not a time zone (e.g. UTC, Europe/London, America/New_York)");
            return null;
        }
    }

    private static void windows(
        final List<String> errors,
        final String key,
        final String value,
        final List<LocalTime> opens,
        final List<LocalTime> closes,
        final List<Boolean> endsAtMidnight)
    {
        for (final String window : value.split(",", -1))
        {
            final String[] times = window.strip().split("-", -1);
            final LocalTime open = times.length == 2 ? time(times[0], false) : null;
            final LocalTime close = times.length == 2 ? time(times[1], true) : null;
            if (open == null || close == null)
            {
                errors.add(key + ": " + window.strip() + " is not a window of local time such as 09:30-16:00");
                return;
            }
            if (open.equals(close) && !isMidnight(times[1]))
            {
                errors.add(key + ": " + window.strip() + " is empty (a whole day is 00:00-24:00)");
                return;
            }
            opens.add(open);
            closes.add(close);
            endsAtMidnight.add(isMidnight(times[1]));
        }
        final int windows = opens.size();
        if (windows > 1)
        {
            for (int i = 0; i < windows; i++)
            {
                final boolean wraps = endsAtMidnight.get(i) || !closes.get(i).isAfter(opens.get(i));
                final boolean ordered = i == 0 || opens.get(i).compareTo(closes.get(i - 1)) >= 0;
                if (wraps || !ordered)
                {
                    errors.add(key + ": windows must be in order, apart, and within one day when there are several");
                    return;
                }
            }
        }
    }

    private static boolean isMidnight(final String text)
    {
        return text.strip().equals("24:00");
    }

    private static LocalTime time(final String text, final boolean allowMidnight)
    {
        final String trimmed = text.strip();
        if (allowMidnight && trimmed.equals("24:00"))
        {
            return LocalTime.MIDNIGHT;
        }
        if (trimmed.length() != 5)
        {
            return null;
        }
        try
        {
            return LocalTime.parse(trimmed);
        }
        catch (final DateTimeParseException ex)
        {
            return null;
        }
    }

    private static Set<DayOfWeek> days(final List<String> errors, final String key, final String value)
    {
        final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (final String item : value.split(",", -1))
        {
            final String[] range = item.strip().split("-", -1);
            final int first = range.length <= 2 ? day(range[0]) : -1;
            final int last = range.length == 2 ? day(range[1]) : first;
            if (first < 0 || last < 0)
            {
                errors.add(key + ": " + item.strip() + " is not a day or range of days (MON, TUE, WED, THU, FRI, " +
                    "SAT, SUN; e.g. MON-FRI)");
                return days;
            }
            for (int d = first; ; d = (d + 1) % 7)
            {
                days.add(DayOfWeek.of(d + 1));
                if (d == last)
                {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(final String text)
    {
        return Arrays.asList(DAY_NAMES).indexOf(text.strip().toUpperCase(Locale.ROOT));
    }

    private static Set<LocalDate> holidays(final List<String> errors, final String key, final String value)
    {
        final Set<LocalDate> dates = new TreeSet<>();
        for (final String item : value.split(","))
        {
            if (item.isBlank())
            {
                continue;
            }
            try
            {
                dates.add(LocalDate.parse(item.strip()));
            }
            catch (final DateTimeParseException ex)
            {
                errors.add(key + ": " + item.strip() + " is not a date such as 2026-12-25");
            }
        }
        return Set.copyOf(dates);
    }

    private static void appendDays(final StringBuilder text, final Set<DayOfWeek> days)
    {
        if (days.equals(WEEKDAYS))
        {
            text.append("MON-FRI");
            return;
        }
        if (days.size() == 7)
        {
            text.append("MON-SUN");
            return;
        }
        String separator = "";
        for (final DayOfWeek day : days)
        {
            text.append(separator).append(DAY_NAMES[day.ordinal()]);
            separator = ",";
        }
    }
}
