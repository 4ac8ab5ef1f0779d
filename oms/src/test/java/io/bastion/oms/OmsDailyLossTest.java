package io.bastion.oms;

import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.KillResult;
import io.bastion.oms.OmsHarness.LimitsResult;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.protocol.FixedPoint;
import io.bastion.risk.KillSwitches;
import io.bastion.risk.PreTradeRisk;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static io.bastion.sbe.KillSwitchAction.RELEASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily loss limit in the OMS: ACME may lose 100.00 a day (AAPL's reference price is 10). A fill, a bust or a
 * reference price that takes its loss past that disables it (kill switch engaged by DAILY_LOSS, working orders
 * cancelled) while orders that reduce its position still pass; the day's P&amp;L survives a restart and starts again
 * at 0 when the trading day ends.
 */
class OmsDailyLossTest
{
    private static final String TRIPPED = "DAILY_LOSS: account ACME lost 101.00 today > 100.00";
    private static final long SECOND_NS = 1_000_000_000L;

    private OmsHarness oms;
    private File switches;
    private Consumer<OmsContext> configure;
    private int execIds;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
        switches = oms.dir.resolve("killswitches.state").toFile();
        start(context -> {});
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldDisableTheAccountWhenAFillTakesItsLossPastTheLimit()
    {
        final VenueOrder resting = working("W", Side.BUY, "10", "9");
        bought("B1", "100", "11");
        assertEquals(px("-100"), dayPnl(), "100 bought at 11, marked at 10: a loss of exactly the limit");
        assertNull(accountSwitch());
        oms.assertNothingMore();

        final VenueOrder last = working("B2", Side.BUY, "1", "11");
        oms.fill(last, units(1), px("11"));
        oms.drain();

        assertEquals(ExecType.TRADE, oms.next(ExecReport.class).execType(), "the fill stands");
        final VenueCancel cancel = oms.next(VenueCancel.class);
        assertEquals(resting.venueClOrdId(), cancel.origVenueClOrdId(), "the working order is cancelled");
        oms.assertNothingMore();
        assertEquals(px("-101"), dayPnl());
        final KillSwitches.Engagement engaged = accountSwitch();
        assertNotNull(engaged);
        assertEquals("DAILY_LOSS", engaged.engagedBy());
        assertTrue(engaged.allowRiskReducing(), "the account may still flatten");
        assertEquals(TRIPPED, engaged.reason());
        assertEquals(1, oms.oms.orderManager().counters().dailyLossTrips());
        assertEquals(dayPnl(), position().dayPnl(px("10")), "the positions file gives the same figure");

        oms.venueExecution(SIM, cancel.venueClOrdId(), cancel.origVenueClOrdId(), ExecType.CANCELED,
            OrdStatus.CANCELED, 0, 0, cancel.venueOrderId(), "");
        oms.drain();
        final ExecReport cancelled = oms.next(ExecReport.class);
        assertEquals("W", cancelled.clOrdId());
        assertEquals(ExecType.CANCELED, cancelled.execType());
        assertEquals("KILL_SWITCH: cancelled, account ACME engaged by DAILY_LOSS: " + TRIPPED, cancelled.text());
        assertTrue(switches.exists(), "kept across restarts");
    }

    @Test
    void shouldDisableTheAccountWhenAReferencePriceTakesItsLossPastTheLimit()
    {
        bought("B1", "100", "10");
        final VenueOrder resting = working("W", Side.BUY, "10", "8");
        sold("S1", "BETA", "50", "10");

        price("9");
        oms.assertNothingMore();
        assertEquals(px("-100"), dayPnl());
        assertEquals(px("50"), oms.oms.orderManager().risk().dayPnl(1), "BETA is short: a gain");

        price("8.99");
        assertEquals(resting.venueClOrdId(), oms.next(VenueCancel.class).origVenueClOrdId());
        oms.assertNothingMore();
        assertEquals(px("-101"), dayPnl());
        assertEquals(TRIPPED, accountSwitch().reason());
        assertNull(oms.oms.orderManager().risk().killSwitches().engaged(KillSwitchScope.ACCOUNT, 1), "BETA trades on");
    }

    @Test
    void shouldLetOnlyOrdersThatReduceThePositionThroughUntilReleased()
    {
        bought("B1", "100", "10");
        price("8.99");

        oms.newLimit("UP", Side.BUY, units(1), px("9"), "AAPL", "ACME");
        oms.newLimit("DOWN", Side.SELL, units(50), px("9"), "AAPL", "ACME");
        oms.drain();
        final ExecReport rejected = oms.next(ExecReport.class);
        assertEquals("UP", rejected.clOrdId());
        assertEquals(OrdRejReason.BROKER_OPTION, rejected.ordRejReason());
        assertEquals(TRIPPED + " (account ACME)", rejected.text());
        assertEquals(Side.SELL, oms.next(VenueOrder.class).side(), "the reducing order passes");
        oms.assertNothingMore();

        price("9.5");
        oms.newLimit("UP2", Side.BUY, units(1), px("9"), "AAPL", "ACME");
        oms.drain();
        assertEquals("KILL_SWITCH: account ACME engaged by DAILY_LOSS: " + TRIPPED + " (account ACME)",
            oms.next(ExecReport.class).text(), "back within the limit, still disabled until released");

        oms.killSwitch(1, RELEASE, KillSwitchScope.ACCOUNT, "ACME", 0, false, "reviewed");
        oms.newLimit("UP3", Side.BUY, units(1), px("9"), "AAPL", "ACME");
        oms.drain();
        assertEquals(new KillResult(1, true, 0, ""), oms.next(KillResult.class));
        assertEquals(Side.BUY, oms.next(VenueOrder.class).side(), "released: trading again");
        oms.assertNothingMore();
        assertEquals(1, risk().rejectCount(RiskControl.DAILY_LOSS));
        assertEquals(1, risk().rejectCount(RiskControl.KILL_SWITCH));
    }

    @Test
    void shouldNotLetAReleaseEscapeTheLimitWhileTheLossIsPastIt()
    {
        bought("B1", "100", "10");
        price("8");
        oms.killSwitch(1, RELEASE, KillSwitchScope.ACCOUNT, "ACME", 0, false, "released too early");
        oms.newLimit("UP", Side.BUY, units(1), px("8"), "AAPL", "ACME");
        oms.newLimit("DOWN", Side.SELL, units(100), px("8"), "AAPL", "ACME");
        oms.drain();

        assertEquals(new KillResult(1, true, 0, ""), oms.next(KillResult.class));
        assertEquals("DAILY_LOSS: account ACME lost 200.00 today > 100.00 (account ACME)",
            oms.next(ExecReport.class).text());
        assertEquals(Side.SELL, oms.next(VenueOrder.class).side());
        oms.assertNothingMore();

        oms.riskLimitsUpdate(7, 0, "officer1", "risk.account.ACME.maxDailyLoss=250");
        oms.newLimit("UP2", Side.BUY, units(1), px("8"), "AAPL", "ACME");
        oms.drain();
        assertEquals(new LimitsResult(7, true, 2, ""), oms.next(LimitsResult.class));
        assertEquals(Side.BUY, oms.next(VenueOrder.class).side(), "a higher limit lets it trade");
        oms.assertNothingMore();
    }

    @Test
    void shouldRejectTheOrdersOfAnAccountWithoutADailyLossLimit()
    {
        start(context -> context.limits(TestLimits.wide(context.symbols(), context.venueNames(), "10000", "5000000",
            "risk.maxDailyLoss", "risk.account.BETA.maxDailyLoss=100")));
        oms.newLimit("A1", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("B1", Side.BUY, units(1), px("10"), "AAPL", "BETA");
        oms.drain();

        final ExecReport rejected = oms.next(ExecReport.class);
        assertEquals(ExecType.REJECTED, rejected.execType());
        assertEquals(OrdRejReason.BROKER_OPTION, rejected.ordRejReason());
        assertEquals("DAILY_LOSS: no limit configured (maxDailyLoss) (account ACME)", rejected.text());
        assertEquals("BETA", oms.next(VenueOrder.class).account());
        oms.assertNothingMore();
    }

    @Test
    void shouldStartEveryAccountAtZeroWhenTheTradingDayEnds()
    {
        start(context -> context.tradingDayEnd(LocalTime.of(17, 0)).tradingZone(ZoneOffset.UTC));
        bought("B1", "100", "10");
        price("9.4");
        assertEquals(px("-60"), dayPnl());
        final long today = position().dayStartDay();
        assertEquals(LocalDate.of(2023, 11, 15).toEpochDay(), today, "the day ending 2023-11-15 17:00 UTC");

        oms.nowNs = Instant.parse("2023-11-15T17:00:01Z").getEpochSecond() * SECOND_NS;
        oms.drain();

        assertEquals(0, dayPnl());
        final Position snapshot = position();
        assertEquals(today + 1, snapshot.dayStartDay());
        assertEquals(units(100), snapshot.dayStartNetQty());
        assertEquals(px("9.4"), snapshot.dayStartPx());
        assertEquals(px("1000"), snapshot.dayStartBoughtNotional());
        price("8.9");
        assertEquals(px("-50"), dayPnl(), "yesterday's 60 no longer counts");
        assertNull(accountSwitch());
        price("8.39");
        assertEquals(px("-101"), dayPnl());
        assertEquals(TRIPPED, accountSwitch().reason());
    }

    @Test
    void shouldEndTheDayAtMidnightWhenNoEndIsConfigured()
    {
        bought("B1", "100", "10");
        price("9.4");

        oms.nowNs = Instant.parse("2023-11-15T00:00:00Z").getEpochSecond() * SECOND_NS;
        oms.drain();

        assertEquals(0, dayPnl());
        assertEquals(LocalDate.of(2023, 11, 15).toEpochDay(), position().dayStartDay());
    }

    @Test
    void shouldKeepTheDaysLossAcrossARestart()
    {
        bought("B1", "100", "10");
        sold("S1", "ACME", "100", "9.4");
        bought("B2", "50", "10");
        price("9.8");
        assertEquals(px("-70"), dayPnl(), "60 realised, 10 on the 50 held");

        oms.restartOms(configure);
        assertEquals(px("-60"), dayPnl(), "realised, from the positions file; the 50 held at the configured 10");
        price("9.8");
        assertEquals(px("-70"), dayPnl());

        price("9.18");
        assertEquals(TRIPPED, accountSwitch().reason(), "60 + 50 x 0.82");
    }

    @Test
    void shouldStartTheNewDayAtStartWhenTheOmsWasDownWhenTheDayEnded()
    {
        bought("B1", "100", "10");
        price("9.4");

        oms.nowNs = Instant.parse("2023-11-15T08:00:00Z").getEpochSecond() * SECOND_NS;
        oms.restartOms(configure);

        assertEquals(0, dayPnl(), "held at the configured 10: nothing lost today");
        final Position snapshot = position();
        assertEquals(LocalDate.of(2023, 11, 15).toEpochDay(), snapshot.dayStartDay());
        assertEquals(units(100), snapshot.dayStartNetQty());
        assertEquals(px("10"), snapshot.dayStartPx());
    }

    @Test
    void shouldTakeTheLossBackWhenTheFillIsBusted()
    {
        bought("B1", "100", "10");
        final VenueOrder sale = working("S1", Side.SELL, "100", "9.5");
        oms.venueExecution(SIM, sale.venueClOrdId(), 0, ExecType.TRADE, OrdStatus.FILLED, units(100), px("9.5"),
            "V" + sale.venueClOrdId(), "SALE1", "", FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.NULL_VAL, false, "");
        oms.drain();
        oms.next(ExecReport.class);
        assertEquals(px("-50"), dayPnl());

        oms.venueExecution(SIM, sale.venueClOrdId(), 0, ExecType.TRADE_CANCEL, OrdStatus.NEW, 0, 0,
            "V" + sale.venueClOrdId(), "BUST1", "SALE1", FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.NULL_VAL, false, "");
        oms.drain();

        assertEquals(ExecType.TRADE_CANCEL, oms.next(ExecReport.class).execType());
        assertEquals(0, dayPnl(), "the sale never happened");
        assertEquals(units(100), position().netQty());
        assertEquals(dayPnl(), position().dayPnl(px("10")));

        price("9");
        assertEquals(px("-100"), dayPnl(), "the position is long again");
    }

    private void start(final Consumer<OmsContext> more)
    {
        configure = context ->
        {
            context.killSwitchFile(switches).limits(TestLimits.wide(context.symbols(), context.venueNames(), "10000",
                "5000000", "risk.account.ACME.maxDailyLoss=100", "risk.symbol.AAPL.referencePrice=10"));
            more.accept(context);
        };
        oms.restartOms(configure);
    }

    private VenueOrder working(final String clOrdId, final Side side, final String qty, final String price)
    {
        return working(clOrdId, "ACME", side, qty, price);
    }

    private VenueOrder working(
        final String clOrdId, final String account, final Side side, final String qty, final String price)
    {
        oms.newLimit(clOrdId, side, FixedPoint.parse(qty), px(price), "AAPL", account);
        oms.drain();
        final VenueOrder order = oms.next(VenueOrder.class);
        oms.ack(order);
        oms.drain();
        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());
        return order;
    }

    private void bought(final String clOrdId, final String qty, final String price)
    {
        filled(working(clOrdId, Side.BUY, qty, price), qty, price);
    }

    private void sold(final String clOrdId, final String account, final String qty, final String price)
    {
        filled(working(clOrdId, account, Side.SELL, qty, price), qty, price);
    }

    private void filled(final VenueOrder order, final String qty, final String price)
    {
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.TRADE, OrdStatus.FILLED, FixedPoint.parse(qty),
            px(price), "V" + order.venueClOrdId(), "E" + ++execIds, "", FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            FixedPoint.NULL_VALUE, ExecRestatementReason.NULL_VAL, false, "");
        oms.drain();
        assertEquals(ExecType.TRADE, oms.next(ExecReport.class).execType());
    }

    private void price(final String price)
    {
        oms.nowNs += SECOND_NS;
        oms.referencePrice("AAPL", px(price), oms.nowNs);
        oms.drain();
    }

    private PreTradeRisk risk()
    {
        return oms.oms.orderManager().risk();
    }

    private long dayPnl()
    {
        return risk().dayPnl(risk().limits().accounts().find("ACME"));
    }

    private KillSwitches.Engagement accountSwitch()
    {
        return risk().killSwitches().engaged(KillSwitchScope.ACCOUNT, risk().limits().accounts().find("ACME"));
    }

    private Position position()
    {
        return oms.oms.positions().read("ACME", "AAPL");
    }
}
