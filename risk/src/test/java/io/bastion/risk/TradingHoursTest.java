package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trading hours and halts in the check chain: the first and last minute of a window accepted, the minute before the
 * opening and the closing itself rejected, weekends, holidays, lunch breaks and overnight sessions, an instrument's
 * hours within its venue's, halts of a venue, an instrument and an instrument at one venue, and bad settings.
 */
class TradingHoursTest
{
    private static final String NEW_YORK = "America/New_York";
    private static final int ACME = 0;
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final int XNAS = 0;
    private static final int ARCA = 1;
    private static final long QTY = FixedPoint.ofUnits(10);
    private static final long PX = FixedPoint.ofUnits(100);

    private PreTradeRisk risk;
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldAcceptWithinTheWindowAndRejectOutsideIt()
    {
        use("risk.venue.XNAS.tradingHours", "09:30-16:00", "risk.venue.XNAS.timeZone", NEW_YORK);
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-23T09:29:59.999999999"));
        assertEquals("TRADING_HOURS: venue XNAS is closed (hours 09:30-16:00 MON-FRI America/New_York; opens " +
            "Mon 2026-11-23 09:30)", lastText());
        assertEquals(OrdRejReason.EXCHANGE_CLOSED, RiskControl.TRADING_HOURS.ordRejReason());
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T09:30"));
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T15:59:59.999999999"));
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-23T16:00"), "the close is exclusive");
        assertEquals("TRADING_HOURS: venue XNAS is closed (hours 09:30-16:00 MON-FRI America/New_York; opens " +
            "Tue 2026-11-24 09:30)", lastText());
        assertEquals(RiskControl.NONE, check(ARCA, AAPL, "2026-11-23T16:00"), "ARCA has no hours: always open");
        assertEquals(2, risk.rejectCount(RiskControl.TRADING_HOURS));
    }

    @Test
    void shouldStayClosedOverWeekendsAndHolidays()
    {
        use("risk.venue.XNAS.tradingHours", "09:30-16:00", "risk.venue.XNAS.timeZone", NEW_YORK,
            "risk.venue.XNAS.holidays", "2026-11-26, 2026-12-25");
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-21T12:00"), "Saturday");
        assertTrue(lastText().endsWith("opens Mon 2026-11-23 09:30)"), lastText());
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-26T12:00"), "Thanksgiving");
        assertTrue(lastText().endsWith("opens Fri 2026-11-27 09:30)"), lastText());
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-27T12:00"));
    }

    @Test
    void shouldFollowTheZoneAcrossDaylightSavingTime()
    {
        use("risk.venue.XNAS.tradingHours", "09:30-16:00", "risk.venue.XNAS.timeZone", NEW_YORK);
        assertEquals(RiskControl.NONE, checkUtc(XNAS, AAPL, "2026-07-01T13:30Z"), "EDT: 09:30 is 13:30 UTC");
        assertEquals(RiskControl.TRADING_HOURS, checkUtc(XNAS, AAPL, "2026-12-01T13:30Z"), "EST: 08:30 local");
        assertEquals(RiskControl.NONE, checkUtc(XNAS, AAPL, "2026-12-01T14:30Z"));
    }

    @Test
    void shouldCloseForALunchBreak()
    {
        use("risk.venue.XNAS.tradingHours", "09:00-11:30, 12:30-15:00", "risk.venue.XNAS.timeZone", "Asia/Tokyo");
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-24T11:29", "Asia/Tokyo"));
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-24T11:30", "Asia/Tokyo"));
        assertTrue(lastText().endsWith("opens Tue 2026-11-24 12:30)"), lastText());
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-24T12:30", "Asia/Tokyo"));
    }

    @Test
    void shouldRunAnOvernightSessionIntoTheNextDay()
    {
        use("risk.venue.XNAS.tradingHours", "18:00-17:00", "risk.venue.XNAS.timeZone", "America/Chicago",
            "risk.venue.XNAS.tradingDays", "SUN-THU");
        final String chicago = "America/Chicago";
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-22T17:59", chicago), "Sunday before");
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-22T18:00", chicago), "Sunday evening");
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T03:00", chicago), "Monday night");
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-23T17:30", chicago), "daily break");
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-27T16:59", chicago), "Thursday's session");
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-27T18:00", chicago), "Friday evening");
        assertTrue(lastText().endsWith("opens Sun 2026-11-29 18:00)"), lastText());
    }

    @Test
    void shouldApplyAnInstrumentsHoursWithinItsVenues()
    {
        use("risk.venue.XNAS.tradingHours", "04:00-20:00", "risk.venue.XNAS.timeZone", NEW_YORK,
            "risk.symbol.MSFT.tradingHours", "09:30-16:00", "risk.symbol.MSFT.timeZone", NEW_YORK);
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T05:00"));
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, MSFT, "2026-11-23T05:00"));
        assertEquals("TRADING_HOURS: MSFT is closed (hours 09:30-16:00 MON-FRI America/New_York; opens " +
            "Mon 2026-11-23 09:30)", lastText());
        assertEquals(RiskControl.NONE, check(XNAS, MSFT, "2026-11-23T09:30"));
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, MSFT, "2026-11-23T03:00"), "venue closed first");
        assertTrue(lastText().startsWith("TRADING_HOURS: venue XNAS is closed"), lastText());
    }

    @Test
    void shouldTakeNewHoursFromANewLimitVersion()
    {
        use("risk.venue.XNAS.tradingHours", "09:30-16:00", "risk.venue.XNAS.timeZone", NEW_YORK);
        assertEquals(RiskControl.TRADING_HOURS, check(XNAS, AAPL, "2026-11-23T08:00"));
        risk.limits(new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS", "ARCA"))
            .update(risk.limits(), Map.of("risk.venue.XNAS.tradingHours", "04:00-20:00"), Set.of()));
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T08:00"));
    }

    @Test
    void shouldRejectOrdersInAHaltedVenueOrInstrument()
    {
        use();
        final TradingHalts halts = risk.halts();
        halts.halt(new TradingHalts.Halt(TradingHalts.ALL_VENUES, MSFT, "", "MSFT", "news pending", "officer1", 1));
        assertEquals(RiskControl.TRADING_HALT, check(XNAS, MSFT, "2026-11-23T10:00"));
        assertEquals("TRADING_HALT: MSFT halted by officer1: news pending", lastText());
        assertEquals(RiskControl.TRADING_HALT, check(ARCA, MSFT, "2026-11-23T10:00"), "everywhere");
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T10:00"));

        halts.halt(new TradingHalts.Halt(ARCA, AAPL, "ARCA", "AAPL", "LULD pause", "md", 2));
        assertEquals(RiskControl.TRADING_HALT, check(ARCA, AAPL, "2026-11-23T10:00"));
        assertEquals("TRADING_HALT: AAPL at ARCA halted by md: LULD pause", lastText());
        assertEquals(RiskControl.NONE, check(XNAS, AAPL, "2026-11-23T10:00"), "only at ARCA");

        halts.halt(new TradingHalts.Halt(XNAS, TradingHalts.ALL_SYMBOLS, "XNAS", "", "systems issue", "ops", 3));
        assertEquals(RiskControl.TRADING_HALT, check(XNAS, AAPL, "2026-11-23T10:00"));
        assertEquals("TRADING_HALT: venue XNAS halted by ops: systems issue", lastText());
        assertEquals(3, halts.all().size());

        assertEquals("MSFT", halts.resume(TradingHalts.ALL_VENUES, MSFT).describe());
        assertNull(halts.resume(TradingHalts.ALL_VENUES, MSFT), "not halted any more");
        assertEquals(RiskControl.NONE, check(ARCA, MSFT, "2026-11-23T10:00"));
        halts.resume(XNAS, TradingHalts.ALL_SYMBOLS);
        halts.resume(ARCA, AAPL);
        assertEquals(RiskControl.NONE, check(ARCA, AAPL, "2026-11-23T10:00"));
        assertTrue(halts.all().isEmpty());
    }

    @Test
    void shouldRefuseBadTradingHoursSettings()
    {
        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class, () -> use(
            "risk.venue.XNAS.tradingHours", "9:30-16:00",
            "risk.venue.ARCA.tradingHours", "09:30-16:00",
            "risk.venue.ARCA.timeZone", "Mars/Olympus",
            "risk.venue.ARCA.tradingDays", "MON-FUN",
            "risk.venue.ARCA.holidays", "2026-13-01",
            "risk.symbol.AAPL.timeZone", "UTC",
            "risk.symbol.MSFT.tradingHours", "12:00-11:00, 13:00-14:00",
            "risk.symbol.MSFT.timeZone", "UTC"));
        final List<String> expected = new ArrayList<>(List.of(
            "risk.symbol.AAPL.timeZone: needs risk.symbol.AAPL.tradingHours",
            "risk.symbol.MSFT.tradingHours: windows must be in order, apart, and within one day when there are several",
            "risk.venue.ARCA.holidays: 2026-13-01 is not a date such as 2026-12-25",
            "risk.venue.ARCA.timeZone: Mars/Olympus is not a time zone (e.g. UTC, Europe/London, America/New_York)",
            "risk.venue.ARCA.tradingDays: MON-FUN is not a day or range of days (MON, TUE, WED, THU, FRI, SAT, SUN; " +
                "e.g. MON-FRI)",
            "risk.venue.XNAS.timeZone: missing (the time zone of the trading hours, e.g. America/New_York)",
            "risk.venue.XNAS.tradingHours: 9:30-16:00 is not a window of local time such as 09:30-16:00"));
        final List<String> actual = new ArrayList<>(ex.errors());
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual);
    }

    @Test
    void shouldDescribeCalendars()
    {
        final List<String> errors = new ArrayList<>();
        assertEquals("00:00-24:00 MON-SUN UTC",
            TradingCalendar.parse(errors, "k.", "00:00-24:00", "UTC", "MON-SUN", null).describe());
        assertEquals("08:00-12:00 MON,WED,SAT Europe/London",
            TradingCalendar.parse(errors, "k.", "08:00-12:00", "Europe/London", "SAT,MON,WED", "").describe());
        assertEquals(List.of(), errors);
        assertEquals(true, TradingCalendar.parse(errors, "k.", "00:00-24:00", "UTC", "MON-SUN", null)
            .stateAt(0).open());
        assertNull(TradingCalendar.parse(errors, "k.", "10:00-10:00", "UTC", null, null));
        assertEquals(List.of("k.tradingHours: 10:00-10:00 is empty (a whole day is 00:00-24:00)"), errors);
    }

    private RiskControl check(final int venue, final int symbol, final String localTime)
    {
        return check(venue, symbol, localTime, NEW_YORK);
    }

    private RiskControl check(final int venue, final int symbol, final String localTime, final String zone)
    {
        return checkAt(venue, symbol, LocalDateTime.parse(localTime).atZone(ZoneId.of(zone)));
    }

    private RiskControl checkUtc(final int venue, final int symbol, final String utcTime)
    {
        return checkAt(venue, symbol, ZonedDateTime.parse(utcTime));
    }

    private RiskControl checkAt(final int venue, final int symbol, final ZonedDateTime time)
    {
        final long nowNs = time.toEpochSecond() * 1_000_000_000L + time.getNano();
        return risk.checkOrder(ACME, symbol, venue, 1, Side.BUY, QTY, QTY, PX, FixedPoint.NULL_VALUE, 0, 0, nowNs);
    }

    private void use(final String... overrides)
    {
        final String[] all = Arrays.copyOf(new String[] {"risk.collarPercent", "100", "risk.maxReferenceAgeMs",
            "3153600000000"}, 4 + overrides.length);
        System.arraycopy(overrides, 0, all, 4, overrides.length);
        final Map<String, String> settings = PassingSettings.with(all);
        final LimitSet limits = new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS", "ARCA")).parse(settings);
        final ReferencePrices prices = new ReferencePrices(2);
        prices.takeConfigured(limits, null, 0);
        risk = new PreTradeRisk(limits, prices, new ExposureBook(8, 1));
    }

    private String lastText()
    {
        return text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0));
    }
}
