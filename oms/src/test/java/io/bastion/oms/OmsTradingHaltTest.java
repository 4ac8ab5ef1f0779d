package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.HaltResult;
import io.bastion.oms.OmsHarness.LimitsResult;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.time.ZonedDateTime;

import static io.bastion.oms.OmsHarness.OTHER_VENUE;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static io.bastion.sbe.TradingHaltAction.HALT;
import static io.bastion.sbe.TradingHaltAction.RESUME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trading halts and trading hours in the OMS: a halt blocks new orders and replaces in its venue or instrument (cancels
 * pass, working orders stay), is lifted by a resume, outlives a restart, and bad commands are refused with a reason;
 * trading hours set at run time reject orders outside them and let them through inside.
 */
class OmsTradingHaltTest
{
    private OmsHarness oms;
    private File halts;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
        halts = oms.dir.resolve("halts.state").toFile();
        oms.restartOms(context -> context.tradingHaltFile(halts));
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldBlockNewOrdersAndReplacesOfAHaltedInstrumentButLetCancelsThrough()
    {
        final VenueOrder working = oms.working("W1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.tradingHalt(1, HALT, "", "AAPL", "news pending");
        oms.newLimit("N1", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("N2", Side.BUY, units(1), px("10"), "MSFT", "ACME");
        oms.replace("R1", "W1", units(50), px("10"));
        oms.drain();
        assertEquals(new HaltResult(1, true, ""), oms.next(HaltResult.class));
        final ExecReport rejected = oms.next(ExecReport.class);
        assertEquals("N1", rejected.clOrdId());
        assertEquals(ExecType.REJECTED, rejected.execType());
        assertEquals(OrdRejReason.EXCHANGE_CLOSED, rejected.ordRejReason());
        assertEquals("TRADING_HALT: AAPL halted by officer1: news pending (account ACME)", rejected.text());
        assertEquals("MSFT", oms.next(VenueOrder.class).symbol(), "other instruments trade");
        final CancelReject refused = oms.next(CancelReject.class);
        assertEquals("R1", refused.clOrdId());
        assertEquals("TRADING_HALT: AAPL halted by officer1: news pending (account ACME)", refused.text());
        oms.assertNothingMore();
        assertEquals(2, oms.oms.orderManager().risk().rejectCount(RiskControl.TRADING_HALT));
        assertEquals(2, oms.oms.orderManager().workingOrders(), "W1 stays working, N2 went out");

        oms.cancel("C1", "W1", "AAPL");
        oms.drain();
        assertEquals(ExecType.PENDING_CANCEL, oms.next(ExecReport.class).execType());
        assertEquals(working.venueClOrdId(), oms.next(VenueCancel.class).origVenueClOrdId(), "a cancel passes");

        oms.tradingHalt(2, RESUME, "", "AAPL", "news out");
        oms.newLimit("N3", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(new HaltResult(2, true, ""), oms.next(HaltResult.class));
        assertEquals("AAPL", oms.next(VenueOrder.class).symbol());
        oms.assertNothingMore();
    }

    @Test
    void shouldHaltAWholeVenueOrAnInstrumentAtOneVenue()
    {
        oms.tradingHalt(1, HALT, "SIM", "", "systems issue");
        oms.tradingHalt(2, HALT, "OTHER", "IBM", "LULD pause");
        oms.newLimit("A1", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("M1", Side.BUY, units(1), px("10"), "MSFT", "ACME");
        oms.newOrder("I1", Side.BUY, OrdType.LIMIT, units(1), px("10"), "IBM", "OTHER", "ACME", false);
        oms.drain();
        assertEquals(new HaltResult(1, true, ""), oms.next(HaltResult.class));
        assertEquals(new HaltResult(2, true, ""), oms.next(HaltResult.class));
        assertEquals("TRADING_HALT: venue SIM halted by officer1: systems issue (account ACME)",
            oms.next(ExecReport.class).text());
        assertEquals(OTHER_VENUE, oms.next(VenueOrder.class).venueId(), "MSFT is routed to OTHER: not halted");
        assertEquals("TRADING_HALT: IBM at OTHER halted by officer1: LULD pause (account ACME)",
            oms.next(ExecReport.class).text());
        oms.assertNothingMore();
    }

    @Test
    void shouldRefuseBadHaltCommandsWithAReason()
    {
        oms.tradingHalt(1, HALT, "NASDAQ", "", "x");
        oms.tradingHalt(2, HALT, "", "TSLA", "x");
        oms.tradingHalt(3, HALT, "", "", "x");
        oms.tradingHalt(4, HALT, "", "AAPL", " ");
        oms.tradingHalt(5, RESUME, "SIM", "AAPL", "x");
        oms.drain();
        assertEquals(new HaltResult(1, false, "unknown venue 'NASDAQ'"), oms.next(HaltResult.class));
        assertEquals(new HaltResult(2, false, "unknown symbol 'TSLA'"), oms.next(HaltResult.class));
        assertEquals(new HaltResult(3, false, "name a venue, an instrument, or both"), oms.next(HaltResult.class));
        assertEquals(new HaltResult(4, false, "a reason is required to halt trading"), oms.next(HaltResult.class));
        assertEquals(new HaltResult(5, false, "AAPL at SIM is not halted"), oms.next(HaltResult.class));
        oms.assertNothingMore();
        assertFalse(halts.exists(), "nothing took effect, nothing saved");
    }

    @Test
    void shouldKeepAHaltAcrossARestartUntilResumed() throws Exception
    {
        oms.tradingHalt(1, HALT, "", "AAPL", "regulatory halt");
        oms.drain();
        assertEquals(new HaltResult(1, true, ""), oms.next(HaltResult.class));
        assertTrue(Files.readString(halts.toPath()).contains("regulatory halt"));

        oms.restartOms(context -> context.tradingHaltFile(halts));
        oms.newLimit("N1", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("TRADING_HALT: AAPL halted by officer1: regulatory halt (account ACME)",
            oms.next(ExecReport.class).text());

        oms.tradingHalt(2, RESUME, "", "AAPL", "resumed");
        oms.drain();
        assertEquals(new HaltResult(2, true, ""), oms.next(HaltResult.class));
        oms.restartOms(context -> context.tradingHaltFile(halts));
        oms.newLimit("N2", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("AAPL", oms.next(VenueOrder.class).symbol());
        oms.assertNothingMore();
    }

    @Test
    void shouldRejectOrdersOutsideTradingHoursSetAtRunTime()
    {
        oms.nowNs = nanos("2026-11-23T09:29:59-05:00[America/New_York]");
        oms.riskLimitsUpdate(1, 0, "officer1", "risk.venue.SIM.tradingHours=09:30-16:00",
            "risk.venue.SIM.timeZone=America/New_York");
        oms.newLimit("EARLY", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());
        final ExecReport early = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.EXCHANGE_CLOSED, early.ordRejReason());
        assertEquals("TRADING_HOURS: venue SIM is closed (hours 09:30-16:00 MON-FRI America/New_York; opens " +
            "Mon 2026-11-23 09:30) (account ACME)", early.text());

        oms.nowNs = nanos("2026-11-23T09:30:00-05:00[America/New_York]");
        oms.newLimit("OPEN", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("OTHER", Side.BUY, units(1), px("10"), "MSFT", "ACME");
        oms.drain();
        assertEquals("AAPL", oms.next(VenueOrder.class).symbol(), "OPEN went out");
        assertEquals("MSFT", oms.next(VenueOrder.class).symbol());
        oms.assertNothingMore();
    }

    private static long nanos(final String time)
    {
        final ZonedDateTime t = ZonedDateTime.parse(time);
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
