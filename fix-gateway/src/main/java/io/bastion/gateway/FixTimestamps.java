package io.bastion.gateway;

/**
 * FIX UTCTimestamp ({@code YYYYMMDD-HH:MM:SS[.sss[sss[sss]]]}) to and from nanoseconds since the Unix epoch, by
 * plain arithmetic: no {@code java.time}, no {@code double}.
 */
final class FixTimestamps
{
    /** Returned by {@link #parseNs(CharSequence)} for text that is not a UTCTimestamp. */
    static final long NULL_NS = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int DATE_LENGTH = 8;
    private static final int DATE_TIME_LENGTH = 17;
    private static final int MAX_FRACTION_DIGITS = 9;

    private FixTimestamps()
    {
    }

    /**
     * Parse a FIX UTCTimestamp.
     *
     * @param text such as {@code 20240315-13:45:07.123}.
     * @return nanoseconds since the epoch, or {@link #NULL_NS} when the text is not a UTCTimestamp.
     */
    static long parseNs(final CharSequence text)
    {
        final int length = text.length();
        if (length < DATE_TIME_LENGTH || text.charAt(8) != '-' || text.charAt(11) != ':' || text.charAt(14) != ':')
        {
            return NULL_NS;
        }

        final int year = digits(text, 0, 4);
        final int month = digits(text, 4, 2);
        final int day = digits(text, 6, 2);
        final int hour = digits(text, 9, 2);
        final int minute = digits(text, 12, 2);
        final int second = digits(text, 15, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
            hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        {
            return NULL_NS;
        }

        long fractionNs = 0;
        if (length > DATE_TIME_LENGTH)
        {
            final int fractionDigits = length - DATE_TIME_LENGTH - 1;
            if (text.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS)
            {
                return NULL_NS;
            }
            final int fraction = digits(text, DATE_TIME_LENGTH + 1, fractionDigits);
            if (fraction < 0)
            {
                return NULL_NS;
            }
            fractionNs = fraction;
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++)
            {
                fractionNs *= 10;
            }
        }

        final long epochSecond =
            daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return epochSecond * NANOS_PER_SECOND + fractionNs;
    }

    /**
     * The last nanosecond of a day given as a FIX date ({@code YYYYMMDD}, e.g. LocalMktDate or UTCDateOnly), taken as
     * a UTC day.
     *
     * @param text such as {@code 20240315}.
     * @return nanoseconds since the epoch of {@code 23:59:59.999999999} that day, or {@link #NULL_NS} when the text is
     * not a date.
     */
    static long endOfUtcDayNs(final CharSequence text)
    {
        if (text.length() != DATE_LENGTH)
        {
            return NULL_NS;
        }

        final int year = digits(text, 0, 4);
        final int month = digits(text, 4, 2);
        final int day = digits(text, 6, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        {
            return NULL_NS;
        }

        return (daysFromCivil(year, month, day) + 1) * SECONDS_PER_DAY * NANOS_PER_SECOND - 1;
    }

    /**
     * Format nanoseconds since the epoch as a FIX UTCTimestamp.
     *
     * @param epochNs        nanoseconds since the epoch.
     * @param fractionDigits 0 (seconds), 3 (milliseconds), 6 (microseconds) or 9 (nanoseconds).
     * @return the timestamp text.
     */
    static String format(final long epochNs, final int fractionDigits)
    {
        final long epochSecond = Math.floorDiv(epochNs, NANOS_PER_SECOND);
        final long nanoOfSecond = Math.floorMod(epochNs, NANOS_PER_SECOND);
        final long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        final int secondOfDay = (int)Math.floorMod(epochSecond, SECONDS_PER_DAY);

        final char[] chars = new char[DATE_TIME_LENGTH + (fractionDigits > 0 ? fractionDigits + 1 : 0)];
        civilFromDays(epochDay, chars);
        chars[8] = '-';
        putDigits(chars, 9, 2, secondOfDay / 3600);
        chars[11] = ':';
        putDigits(chars, 12, 2, (secondOfDay / 60) % 60);
        chars[14] = ':';
        putDigits(chars, 15, 2, secondOfDay % 60);
        if (fractionDigits > 0)
        {
            chars[DATE_TIME_LENGTH] = '.';
            long fraction = nanoOfSecond;
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++)
            {
                fraction /= 10;
            }
            putDigits(chars, DATE_TIME_LENGTH + 1, fractionDigits, fraction);
        }

        return new String(chars);
    }

    private static int digits(final CharSequence text, final int offset, final int count)
    {
        int value = 0;
        for (int i = offset, limit = offset + count; i < limit; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void putDigits(final char[] chars, final int offset, final int count, final long value)
    {
        long remaining = value;
        for (int i = offset + count - 1; i >= offset; i--)
        {
            chars[i] = (char)('0' + remaining % 10);
            remaining /= 10;
        }
    }

    private static int daysInMonth(final int year, final int month)
    {
        switch (month)
        {
            case 2:
                final boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    // Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian calendar).
    private static long daysFromCivil(final int year, final int month, final int day)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static void civilFromDays(final long epochDay, final char[] chars)
    {
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        putDigits(chars, 0, 4, year);
        putDigits(chars, 4, 2, month);
        putDigits(chars, 6, 2, day);
    }
}
