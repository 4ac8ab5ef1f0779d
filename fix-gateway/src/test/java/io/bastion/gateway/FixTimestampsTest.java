package io.bastion.gateway;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixTimestampsTest
{
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSSSSSSSS");

    @Test
    void shouldParseEveryPrecision()
    {
        final long seconds = LocalDateTime.of(2024, 3, 15, 13, 45, 7).toEpochSecond(ZoneOffset.UTC);
        final long secondsNs = TimeUnit.SECONDS.toNanos(seconds);

        assertEquals(secondsNs, FixTimestamps.parseNs("20240315-13:45:07"));
        assertEquals(secondsNs + 123_000_000L, FixTimestamps.parseNs("20240315-13:45:07.123"));
        assertEquals(secondsNs + 123_456_000L, FixTimestamps.parseNs("20240315-13:45:07.123456"));
        assertEquals(secondsNs + 123_456_789L, FixTimestamps.parseNs("20240315-13:45:07.123456789"));
    }

    @Test
    void shouldTakeTheEndOfADateAsAUtcDay()
    {
        final long nextDayNs = TimeUnit.SECONDS.toNanos(
            LocalDateTime.of(2024, 3, 1, 0, 0).toEpochSecond(ZoneOffset.UTC));

        assertEquals(nextDayNs - 1, FixTimestamps.endOfUtcDayNs("20240229"));
        assertEquals(FixTimestamps.NULL_NS, FixTimestamps.endOfUtcDayNs("20230229"));
        assertEquals(FixTimestamps.NULL_NS, FixTimestamps.endOfUtcDayNs("2024-03-01"));
        assertEquals(FixTimestamps.NULL_NS, FixTimestamps.endOfUtcDayNs("202403"));
    }

    @Test
    void shouldFormatEveryPrecision()
    {
        final long ns = FixTimestamps.parseNs("20240229-23:59:59.987654321");

        assertEquals("20240229-23:59:59", FixTimestamps.format(ns, 0));
        assertEquals("20240229-23:59:59.987", FixTimestamps.format(ns, 3));
        assertEquals("20240229-23:59:59.987654", FixTimestamps.format(ns, 6));
        assertEquals("20240229-23:59:59.987654321", FixTimestamps.format(ns, 9));
    }

    @Test
    void shouldAgreeWithJavaTimeOverCenturies()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final long minSecond = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        final long maxSecond = LocalDateTime.of(2200, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 10_000; i++)
        {
            final long second = random.nextLong(minSecond, maxSecond);
            final int nano = random.nextInt(1_000_000_000);
            final String text = LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC).format(NANOS);
            final long epochNs = second * 1_000_000_000L + nano;

            assertEquals(epochNs, FixTimestamps.parseNs(text), text);
            assertEquals(text, FixTimestamps.format(epochNs, 9));
        }
    }

    @Test
    void shouldRefuseMalformedTimestamps()
    {
        for (final String text : new String[]
            {
                "", "20240315", "20240315-13:45", "20240315 13:45:07", "20241315-13:45:07", "20240230-13:45:07",
                "20230229-13:45:07", "20240315-24:00:00", "20240315-13:60:00", "20240315-13:45:07.",
                "20240315-13:45:07.1234567890", "2024031x-13:45:07", "20240315-13:45:07,123"
            })
        {
            assertEquals(FixTimestamps.NULL_NS, FixTimestamps.parseNs(text), text);
        }
    }
}
