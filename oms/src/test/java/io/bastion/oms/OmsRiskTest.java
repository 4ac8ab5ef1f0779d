package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.LimitsResult;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.protocol.FixedPoint;
import io.bastion.risk.ExposureBook;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OMS applies pre-trade risk to every new order and replace: accounts, session default accounts, reference prices
 * from market data, and the reason code and text of each rejection. The controls themselves are tested one by one in
 * the risk module.
 */
class OmsRiskTest
{
    private static final int NO_DEFAULT_SESSION = 2;

    private OmsHarness oms;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldGiveAnOrderWithoutAccountItsSessionsDefaultAccount()
    {
        oms.newLimit("C1", Side.BUY, units(1), px("10"), "AAPL", "");
        oms.drain();

        assertEquals("DEFAULT", oms.next(VenueOrder.class).account());
    }

    @Test
    void shouldRejectAnOrderWithoutAccountFromASessionWithoutDefaultAccount()
    {
        oms.newOrderFrom(NO_DEFAULT_SESSION, "C1", Side.BUY, OrdType.LIMIT, units(1), px("10"), "AAPL", "");
        oms.drain();

        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(NO_DEFAULT_SESSION, reject.sessionId());
        assertEquals(ExecType.REJECTED, reject.execType());
        assertEquals(OrdRejReason.UNKNOWN_ACCOUNT, reject.ordRejReason());
        assertEquals("UNKNOWN_ACCOUNT: no Account (1), and the session has no DefaultAccount", reject.text());
        oms.assertNothingMore();
    }

    @Test
    void shouldRejectAnAccountTheLimitsDoNotKnow()
    {
        oms.newLimit("C1", Side.BUY, units(1), px("10"), "AAPL", "GHOST");
        oms.drain();

        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.UNKNOWN_ACCOUNT, reject.ordRejReason());
        assertEquals("UNKNOWN_ACCOUNT: not configured (account GHOST)", reject.text());
        assertEquals("GHOST", reject.account());
        assertEquals(1, oms.oms.orderManager().risk().rejectCount(RiskControl.UNKNOWN_ACCOUNT));
        oms.assertNothingMore();
    }

    @Test
    void shouldValueMarketOrdersAtTheLatestReferencePrice()
    {
        oms.newOrder("M1", Side.BUY, OrdType.MARKET, units(6_000), FixedPoint.NULL_VALUE, "AAPL", "", "ACME", false);
        oms.drain();
        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.ORDER_EXCEEDS_LIMIT, reject.ordRejReason());
        assertEquals("MAX_ORDER_NOTIONAL: 6,000,000.00 > 5,000,000.00 (account ACME)", reject.text());

        oms.referencePrice("AAPL", px("833.33"), oms.nowNs);
        oms.newOrder("M2", Side.BUY, OrdType.MARKET, units(6_000), FixedPoint.NULL_VALUE, "AAPL", "", "ACME", false);
        oms.drain();
        assertEquals(units(6_000), oms.next(VenueOrder.class).orderQty());
        oms.assertNothingMore();
    }

    @Test
    void shouldIgnoreReferencePricesForUnknownSymbolsOrOlderThanTheOneHeld()
    {
        oms.referencePrice("AAPL", px("400"), oms.nowNs);
        oms.referencePrice("AAPL", px("900"), oms.nowNs - 1);
        oms.referencePrice("TSLA", px("900"), oms.nowNs);
        oms.referencePrice("AAPL", 0, oms.nowNs);
        oms.newLimit("C1", Side.BUY, units(1), px("800"), "AAPL", "ACME");
        oms.newLimit("C2", Side.BUY, units(1), px("800.00000001"), "AAPL", "ACME");
        oms.drain();

        assertEquals(px("800"), oms.next(VenueOrder.class).price());
        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND, reject.ordRejReason());
        assertEquals("PRICE_COLLAR: 800.00000001 outside 0.00 to 800.00 (reference 400.00) (account ACME)",
            reject.text());
        assertEquals(3, oms.oms.orderManager().counters().ignoredReferencePrices());
    }

    @Test
    void shouldRejectLimitOrdersWhenTheReferencePriceIsStale()
    {
        oms.restartOms(context -> context.limits(TestLimits.wide(context.symbols(), context.venueNames(), "10000",
            "5000000", "risk.maxReferenceAgeMs=1000")));
        oms.referencePrice("AAPL", px("100"), oms.nowNs);
        oms.nowNs += 1_001_000_000L;
        oms.newLimit("C1", Side.BUY, units(1), px("100"), "AAPL", "ACME");
        oms.drain();

        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND, reject.ordRejReason());
        assertEquals("PRICE_COLLAR: reference price for AAPL is 1,001 ms old > 1,000 ms (account ACME)", reject.text());

        oms.referencePrice("AAPL", px("100"), oms.nowNs);
        oms.newLimit("C2", Side.BUY, units(1), px("100"), "AAPL", "ACME");
        oms.drain();
        assertEquals(px("100"), oms.next(VenueOrder.class).price());
    }

    @Test
    void shouldCheckAReplaceAgainstTheLimitsWithItsNewTerms()
    {
        oms.newLimit("C1", Side.BUY, units(100), px("10"), "AAPL", "ACME");
        oms.drain();
        oms.ack(oms.next(VenueOrder.class));
        oms.drain();
        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());

        oms.replace("C2", "C1", units(10_001), px("10"));
        oms.drain();
        final CancelReject qty = oms.next(CancelReject.class);
        assertEquals(CxlRejReason.BROKER_OPTION, qty.reason());
        assertEquals(OrdStatus.NEW, qty.ordStatus());
        assertEquals("MAX_ORDER_QTY: 10,001 > 10,000 (account ACME)", qty.text());

        oms.replace("C3", "C1", units(100), px("2000.01"));
        oms.drain();
        assertEquals("PRICE_COLLAR: 2,000.01 outside 0.00 to 2,000.00 (reference 1,000.00) (account ACME)",
            oms.next(CancelReject.class).text());
        oms.assertNothingMore();
    }

    @Test
    void shouldValueAStopOrderAtItsStopPrice()
    {
        oms.restartOms(context -> context.venueRules("SIM", new VenueRules(EnumSet.allOf(OrdType.class),
            VenueRules.DEFAULT.timeInForces(), true, false)));
        oms.newOrder("S1", Side.BUY, OrdType.STOP, TimeInForce.DAY, units(10_000), FixedPoint.NULL_VALUE,
            px("500.01"), 0, "AAPL", "", "ACME", false);
        oms.drain();

        assertEquals("MAX_ORDER_NOTIONAL: 5,000,100.00 > 5,000,000.00 (account ACME)",
            oms.next(ExecReport.class).text());
    }

    @Test
    void shouldApplyALimitsUpdateBetweenTwoMessagesAndReportTheVersion()
    {
        oms.newLimit("C1", Side.BUY, units(10_001), px("10"), "AAPL", "ACME");
        oms.riskLimitsUpdate(7, 1, "officer1", "risk.account.ACME.maxOrderQty=20000");
        oms.newLimit("C2", Side.BUY, units(10_001), px("10"), "AAPL", "ACME");
        oms.newLimit("C3", Side.BUY, units(10_001), px("10"), "AAPL", "BETA");
        oms.drain();

        assertEquals("MAX_ORDER_QTY: 10,001 > 10,000 (account ACME)", oms.next(ExecReport.class).text());
        assertEquals(new LimitsResult(7, true, 2, ""), oms.next(LimitsResult.class));
        assertEquals(units(10_001), oms.next(VenueOrder.class).orderQty());
        assertEquals("MAX_ORDER_QTY: 10,001 > 10,000 (account BETA)", oms.next(ExecReport.class).text());
        assertEquals(2, oms.oms.orderManager().risk().limits().version());
        oms.assertNothingMore();
    }

    @Test
    void shouldRefuseAnInvalidLimitsUpdateWholeAndKeepTheVersionInForce()
    {
        oms.riskLimitsUpdate(8, 1, "officer1", "risk.maxOrderQty=20000", "risk.collarPercent=500",
            "risk.account.NOBODY.maxOrderQty=5");
        oms.newLimit("C1", Side.BUY, units(10_001), px("10"), "AAPL", "ACME");
        oms.drain();

        final LimitsResult result = oms.next(LimitsResult.class);
        assertEquals(8, result.requestId());
        assertEquals(false, result.accepted());
        assertEquals(1, result.version());
        assertEquals("risk.account.NOBODY.maxOrderQty: account NOBODY is not in risk.accounts; " +
            "risk.collarPercent: 500 is more than 100 percent", result.reason());
        assertEquals("MAX_ORDER_QTY: 10,001 > 10,000 (account ACME)", oms.next(ExecReport.class).text());
        oms.assertNothingMore();
    }

    @Test
    void shouldRefuseALimitsUpdateMadeAgainstAnotherVersion()
    {
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.maxOrderQty=20000");
        oms.riskLimitsUpdate(2, 1, "officer2", "risk.maxOrderQty=5");
        oms.drain();

        assertEquals(new LimitsResult(1, true, 2, ""), oms.next(LimitsResult.class));
        assertEquals(new LimitsResult(2, false, 2, "stale: made against version 1, version 2 is in force"),
            oms.next(LimitsResult.class));
        oms.assertNothingMore();
    }

    @Test
    void shouldTakeAccountsRemovalsAndReferencePricesFromAnUpdate()
    {
        oms.riskLimitsUpdate(1, 0, "officer1", "risk.accounts=ACME,BETA,DEFAULT,NEWCO", "-risk.maxOrderNotional",
            "risk.symbol.AAPL.referencePrice=10");
        oms.newLimit("C1", Side.BUY, units(1), px("20"), "AAPL", "NEWCO");
        oms.drain();

        assertEquals(new LimitsResult(1, true, 2, ""), oms.next(LimitsResult.class));
        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals("MAX_ORDER_NOTIONAL: no limit configured (account NEWCO)", reject.text());

        oms.riskLimitsUpdate(2, 2, "officer1", "risk.maxOrderNotional=1000");
        oms.newLimit("C2", Side.BUY, units(1), px("20"), "AAPL", "NEWCO");
        oms.newLimit("C3", Side.BUY, units(1), px("20.01"), "AAPL", "NEWCO");
        oms.drain();
        assertEquals(new LimitsResult(2, true, 3, ""), oms.next(LimitsResult.class));
        assertEquals("NEWCO", oms.next(VenueOrder.class).account());
        assertEquals("PRICE_COLLAR: 20.01 outside 0.00 to 20.00 (reference 10.00) (account NEWCO)",
            oms.next(ExecReport.class).text());
        oms.assertNothingMore();
    }

    @Test
    void shouldHoldCreditFromAcceptanceAndReleaseItWhenTheVenueRejects()
    {
        restartWith("risk.creditLimit=3000", "risk.symbol.AAPL.referencePrice=10");
        oms.newLimit("A", Side.BUY, units(100), px("10"), "AAPL", "ACME");
        oms.newLimit("B", Side.BUY, units(150), px("10"), "AAPL", "ACME");
        oms.newLimit("C", Side.BUY, units(60), px("10"), "AAPL", "ACME");
        oms.drain();

        final VenueOrder a = oms.next(VenueOrder.class);
        oms.next(VenueOrder.class);
        final ExecReport credit = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.ORDER_EXCEEDS_LIMIT, credit.ordRejReason());
        assertEquals("CREDIT_LIMIT: 3,100.00 > 3,000.00 (positions 0.00, working orders 2,500.00, this order 600.00) " +
            "(account ACME)", credit.text());
        assertEquals(units(250), exposure().workingBuyQty(slot()));

        oms.venueExecution(SIM, a.venueClOrdId(), 0, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, "", "no");
        oms.newLimit("C2", Side.BUY, units(60), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(ExecType.REJECTED, oms.next(ExecReport.class).execType());
        assertEquals(units(60), oms.next(VenueOrder.class).orderQty());
        assertEquals(units(210), exposure().workingBuyQty(slot()));
        assertEquals(px("2100"), exposure().workingNotional(account()));
    }

    @Test
    void shouldMoveCreditFromWorkingOrdersToPositionsOnFillsAndReleaseItOnCancel()
    {
        restartWith("risk.creditLimit=3000", "risk.symbol.AAPL.referencePrice=10");
        oms.newLimit("A", Side.BUY, units(200), px("10"), "AAPL", "ACME");
        oms.drain();
        final VenueOrder a = oms.next(VenueOrder.class);
        oms.ack(a);
        oms.fill(a, units(50), px("10"));
        oms.drain();
        oms.next(ExecReport.class);
        oms.next(ExecReport.class);
        assertEquals(units(150), exposure().workingBuyQty(slot()));
        assertEquals(units(50), exposure().netQty(slot()));
        assertEquals(px("1500"), exposure().workingNotional(account()));

        oms.cancel("A-C", "A", "AAPL");
        oms.drain();
        assertEquals(ExecType.PENDING_CANCEL, oms.next(ExecReport.class).execType());
        final OmsHarness.VenueCancel cancel = oms.next(OmsHarness.VenueCancel.class);
        oms.venueExecution(SIM, cancel.venueClOrdId(), a.venueClOrdId(), ExecType.CANCELED,
            OrdStatus.CANCELED, 0, 0, "V" + a.venueClOrdId(), "");
        oms.newLimit("B", Side.BUY, units(250), px("10"), "AAPL", "ACME");
        oms.newLimit("C", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(ExecType.CANCELED, oms.next(ExecReport.class).execType());
        assertEquals(units(250), oms.next(VenueOrder.class).orderQty());
        assertEquals("CREDIT_LIMIT: 3,010.00 > 3,000.00 (positions 500.00, working orders 2,500.00, this order 10.00) " +
            "(account ACME)", oms.next(ExecReport.class).text());
    }

    @Test
    void shouldLimitTheLongAndShortPositionsEveryWorkingOrderWouldMake()
    {
        restartWith("risk.maxLongQty=300", "risk.maxShortQty=50", "risk.maxNetQty=1000");
        oms.newLimit("B1", Side.BUY, units(200), px("10"), "AAPL", "ACME");
        oms.newLimit("B2", Side.BUY, units(101), px("10"), "AAPL", "ACME");
        oms.drain();
        final VenueOrder b1 = oms.next(VenueOrder.class);
        assertEquals("MAX_LONG_QTY: 301 > 300 (position 0, working buys 200, this order 101) (account ACME)",
            oms.next(ExecReport.class).text());

        oms.ack(b1);
        oms.fill(b1, units(200), px("10"));
        oms.newLimit("B3", Side.BUY, units(101), px("10"), "AAPL", "ACME");
        oms.newLimit("S1", Side.SELL, units(250), px("10"), "AAPL", "ACME");
        oms.newLimit("S2", Side.SELL, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        oms.next(ExecReport.class);
        oms.next(ExecReport.class);
        assertEquals("MAX_LONG_QTY: 301 > 300 (position 200, working buys 0, this order 101) (account ACME)",
            oms.next(ExecReport.class).text());
        assertEquals(units(250), oms.next(VenueOrder.class).orderQty());
        assertEquals("MAX_SHORT_QTY: 51 > 50 (position 200, working sells 250, this order 1) (account ACME)",
            oms.next(ExecReport.class).text());
        oms.assertNothingMore();
    }

    @Test
    void shouldLetARiskReducingOrderThroughWhenTheNetPositionIsOverItsLimit()
    {
        restartWith("risk.maxNetQty=100");
        oms.newLimit("B1", Side.BUY, units(100), px("10"), "AAPL", "ACME");
        oms.newLimit("B2", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        final VenueOrder b1 = oms.next(VenueOrder.class);
        assertEquals("MAX_NET_QTY: 101 > 100 (position 0, working buys 100, this order 1) (account ACME)",
            oms.next(ExecReport.class).text());

        oms.ack(b1);
        oms.fill(b1, units(100), px("10"));
        oms.riskLimitsUpdate(1, 0, "officer1", "risk.maxNetQty=50");
        oms.newLimit("S1", Side.SELL, units(30), px("10"), "AAPL", "ACME");
        oms.drain();
        oms.next(ExecReport.class);
        oms.next(ExecReport.class);
        oms.next(LimitsResult.class);
        assertEquals(units(30), oms.next(VenueOrder.class).orderQty());
    }

    @Test
    void shouldCountAReplacedOrdersOwnReservationOnlyOnce()
    {
        restartWith("risk.maxLongQty=300");
        oms.newLimit("A", Side.BUY, units(200), px("10"), "AAPL", "ACME");
        oms.drain();
        oms.ack(oms.next(VenueOrder.class));
        oms.drain();
        oms.next(ExecReport.class);

        oms.replace("A2", "A", units(300), px("10"));
        oms.drain();
        assertEquals(ExecType.PENDING_REPLACE, oms.next(ExecReport.class).execType());
        assertEquals(units(300), oms.next(OmsHarness.VenueReplace.class).orderQty());
        assertEquals(units(300), exposure().workingBuyQty(slot()), "the larger terms while the replace is pending");

        oms.newLimit("B", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("MAX_LONG_QTY: 301 > 300 (position 0, working buys 300, this order 1) (account ACME)",
            oms.next(ExecReport.class).text());
    }

    @Test
    void shouldCountPositionsCarriedOverARestart()
    {
        restartWith("risk.maxLongQty=300");
        oms.newLimit("A", Side.BUY, units(200), px("10"), "AAPL", "ACME");
        oms.drain();
        final VenueOrder a = oms.next(VenueOrder.class);
        oms.ack(a);
        oms.fill(a, units(200), px("10"));
        oms.drain();
        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());
        assertEquals(ExecType.TRADE, oms.next(ExecReport.class).execType());

        restartWith("risk.maxLongQty=300");
        oms.newLimit("B", Side.BUY, units(101), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("MAX_LONG_QTY: 301 > 300 (position 200, working buys 0, this order 101) (account ACME)",
            oms.next(ExecReport.class).text());
    }

    @Test
    void shouldRefuseTheSameOrderAgainWithinTheDuplicateWindow()
    {
        restartWith("risk.duplicateWindowMs=500");
        oms.newLimit("D1", Side.BUY, units(5), px("10"), "AAPL", "ACME");
        oms.newLimit("D2", Side.BUY, units(5), px("10"), "AAPL", "ACME");
        oms.drain();
        oms.next(VenueOrder.class);
        final ExecReport duplicate = oms.next(ExecReport.class);
        assertEquals("D2", duplicate.clOrdId());
        assertEquals(OrdRejReason.DUPLICATE_ORDER, duplicate.ordRejReason());
        assertEquals("DUPLICATE_ORDER: same side, symbol, quantity and price as an order 0 ms ago (window 500 ms) " +
            "(account ACME)", duplicate.text());

        oms.nowNs += 501_000_000L;
        oms.newLimit("D3", Side.BUY, units(5), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(units(5), oms.next(VenueOrder.class).orderQty(), "accepted after the window");
    }

    private void restartWith(final String... settings)
    {
        oms.restartOms(context -> context.limits(TestLimits.wide(context.symbols(), context.venueNames(), "10000",
            "5000000", settings)));
    }

    private ExposureBook exposure()
    {
        return oms.oms.orderManager().risk().exposure();
    }

    private int account()
    {
        return oms.oms.orderManager().risk().limits().accounts().find("ACME");
    }

    private int slot()
    {
        return exposure().find(account(), oms.oms.orderManager().risk().limits().symbols().find("AAPL"));
    }
}
