package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.bastion.oms.OmsHarness.NOW_NS;
import static io.bastion.oms.OmsHarness.OTHER_VENUE;
import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class OrderManagerTest
{
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
    void shouldRouteLimitOrderToItsSymbolsVenueAndReportNewWhenTheVenueAcks()
    {
        oms.newLimit("C1", Side.BUY, units(100), px("190.25"), "AAPL");
        oms.drain();

        final VenueOrder routed = oms.next(VenueOrder.class);
        assertEquals(new VenueOrder(SIM, routed.venueClOrdId(), Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
            units(100), px("190.25"), "ACME", "AAPL"), routed);
        oms.assertNothingMore();

        oms.ack(routed);
        oms.drain();

        final ExecReport ack = oms.next(ExecReport.class);
        assertEquals(ExecType.NEW, ack.execType());
        assertEquals(OrdStatus.NEW, ack.ordStatus());
        assertEquals("C1", ack.clOrdId());
        assertEquals("", ack.origClOrdId());
        assertEquals(Side.BUY, ack.side());
        assertEquals(units(100), ack.orderQty());
        assertEquals(px("190.25"), ack.price());
        assertEquals(0, ack.cumQty());
        assertEquals(units(100), ack.leavesQty());
        assertEquals(0, ack.avgPx());
        assertEquals(0, ack.lastQty());
        assertEquals(0, ack.lastPx());
        assertEquals("ACME", ack.account());
        assertEquals("AAPL", ack.symbol());
        assertEquals(OrdRejReason.NULL_VAL, ack.ordRejReason());
        assertEquals(NOW_NS, ack.transactTimeNs());
        assertEquals(OmsHarness.CLIENT_SESSION, ack.sessionId());
        oms.assertNothingMore();
    }

    @Test
    void shouldRouteByExDestinationBeforeTheSymbolTableAndUnroutedSymbolsToTheDefaultVenue()
    {
        oms.newOrder("C1", Side.BUY, OrdType.LIMIT, units(1), units(10), "AAPL", "OTHER", "ACME", false);
        oms.newLimit("C2", Side.BUY, units(1), units(10), "MSFT");
        oms.newLimit("C3", Side.BUY, units(1), units(10), "IBM");
        oms.drain();

        assertEquals(OTHER_VENUE, oms.next(VenueOrder.class).venueId());
        assertEquals(OTHER_VENUE, oms.next(VenueOrder.class).venueId());
        assertEquals(SIM, oms.next(VenueOrder.class).venueId());
    }

    @Test
    void shouldReportTwoPartialFillsAsTradesWithCumQtyLeavesQtyAndExactAvgPx()
    {
        oms.newLimit("C1", Side.BUY, units(300), px("10.03"), "AAPL");
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        oms.ack(routed);
        oms.fill(routed, units(100), px("10.01"));
        oms.fill(routed, units(200), px("10.02"));
        oms.drain();

        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());

        final ExecReport first = oms.next(ExecReport.class);
        assertEquals(ExecType.TRADE, first.execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, first.ordStatus());
        assertEquals(units(100), first.lastQty());
        assertEquals(px("10.01"), first.lastPx());
        assertEquals(units(100), first.cumQty());
        assertEquals(units(200), first.leavesQty());
        assertEquals(px("10.01"), first.avgPx());
        assertEquals("SIM", first.lastMkt());

        final ExecReport second = oms.next(ExecReport.class);
        assertEquals(ExecType.TRADE, second.execType());
        assertEquals(OrdStatus.FILLED, second.ordStatus());
        assertEquals(units(200), second.lastQty());
        assertEquals(px("10.02"), second.lastPx());
        assertEquals(units(300), second.cumQty());
        assertEquals(0, second.leavesQty());
        assertEquals(FixedPoint.parse("10.01666666"), second.avgPx());
        assertNotEquals(first.execId(), second.execId());
        assertEquals(first.orderId(), second.orderId());
        oms.assertNothingMore();
    }

    @Test
    void shouldUpdatePositionsOnEveryFillAndKeepThemAcrossARestart()
    {
        oms.newLimit("B1", Side.BUY, units(300), px("10"), "AAPL");
        oms.newLimit("S1", Side.SELL, units(50), px("12"), "AAPL");
        oms.drain();
        final VenueOrder buy = oms.next(VenueOrder.class);
        final VenueOrder sell = oms.next(VenueOrder.class);
        oms.fill(buy, units(100), px("10"));
        oms.fill(buy, units(200), px("11"));
        oms.fill(sell, units(50), px("12"));
        oms.drain();

        final Position expected = new Position("ACME", "AAPL", units(250), px("10.66666667"), px("66.6666665"),
            px("12"), units(300), units(50), units(3_200), units(600), 3, 0, NOW_NS,
            LocalDate.of(2023, 11, 14).toEpochDay(), 0, FixedPoint.NULL_VALUE, 0, 0);
        assertEquals(expected, oms.oms.positions().read("ACME", "AAPL"), "opened today: an empty day-start snapshot");

        oms.restartOms(context -> {});

        assertEquals(expected, oms.oms.positions().read("ACME", "AAPL"));
    }

    @Test
    void shouldTreatAFillBeforeTheAckAsAnImplicitAck()
    {
        oms.newLimit("C1", Side.SELL, units(10), px("5"), "AAPL");
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        oms.fill(routed, units(10), px("5"));
        oms.drain();

        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());
        final ExecReport fill = oms.next(ExecReport.class);
        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        assertEquals(0, fill.leavesQty());
    }

    @Test
    void shouldRejectUnknownSymbolWithReasonOneAndText()
    {
        assertRejected("ZZZZ", OrdType.LIMIT, units(1), units(1), "", OrdRejReason.UNKNOWN_SYMBOL,
            "Unknown symbol ZZZZ");
    }

    @Test
    void shouldRejectUnknownExDestination()
    {
        assertRejected("AAPL", OrdType.LIMIT, units(1), units(1), "NOWHERE", OrdRejReason.OTHER,
            "Unknown venue: ExDestination (100) NOWHERE");
    }

    @Test
    void shouldRejectZeroAndNegativeQuantity()
    {
        assertRejected("AAPL", OrdType.LIMIT, 0, units(1), "", OrdRejReason.INCORRECT_QUANTITY,
            "OrderQty (38) must be positive: 0");
        assertRejected("AAPL", OrdType.LIMIT, -units(5), units(1), "", OrdRejReason.INCORRECT_QUANTITY,
            "OrderQty (38) must be positive: -5");
    }

    @Test
    void shouldRejectLimitOrderWithoutPrice()
    {
        assertRejected("AAPL", OrdType.LIMIT, units(1), FixedPoint.NULL_VALUE, "", OrdRejReason.OTHER,
            "Price (44) is required for a limit order");
    }

    @Test
    void shouldRejectLimitOrderWithNonPositivePrice()
    {
        assertRejected("AAPL", OrdType.LIMIT, units(1), -px("1.5"), "", OrdRejReason.OTHER,
            "Price (44) must be positive: -1.5");
    }

    @Test
    void shouldRejectUnsupportedOrderTypes()
    {
        assertRejected("AAPL", OrdType.STOP, units(1), units(1), "", OrdRejReason.OTHER,
            "StopPx (99) is required and must be positive for a stop order");
        assertRejected("AAPL", OrdType.OTHER, units(1), units(1), "", OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
            "Unsupported OrdType (40) Z: market (1), limit (2), stop (3) and stop limit (4) are accepted");
    }

    @Test
    void shouldRejectOrdersOverTheRiskLimitNamingTheControl()
    {
        assertRejected("AAPL", OrdType.LIMIT, units(10_001), units(1), "", OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_QTY: 10,001 > 10,000 (account ACME)");
        assertRejected("AAPL", OrdType.LIMIT, units(10_000), px("500.01"), "", OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: 5,000,100.00 > 5,000,000.00 (account ACME)");
    }

    @Test
    void shouldRejectEveryOrderWhenNoRiskLimitIsConfigured()
    {
        oms.restartOms(context -> context.limits(TestLimits.wide(context.symbols(), context.venueNames(), "1", "1",
            "risk.maxOrderQty", "risk.maxOrderNotional")));

        assertRejected("AAPL", OrdType.LIMIT, units(1), units(1), "", OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_QTY: no limit configured (account ACME)");
    }

    @Test
    void shouldRejectOrdersForAVenueThatIsNotLoggedOn()
    {
        oms.sessionStatus(OmsHarness.VENUE_SESSION, SIM, SessionRole.VENUE, SessionState.LOGGED_OUT);

        assertRejected("AAPL", OrdType.LIMIT, units(1), units(1), "", OrdRejReason.EXCHANGE_CLOSED,
            "Venue SIM not connected");
    }

    @Test
    void shouldGiveOrdersWithoutAccountTheDefaultAccount()
    {
        oms.newOrder("C1", Side.BUY, OrdType.MARKET, units(1), FixedPoint.NULL_VALUE, "AAPL", "", "", false);
        oms.drain();

        final VenueOrder routed = oms.next(VenueOrder.class);
        assertEquals("DEFAULT", routed.account());
        assertEquals(OrdType.MARKET, routed.ordType());
        assertEquals(FixedPoint.NULL_VALUE, routed.price());
    }

    @Test
    void shouldRejectDuplicateClOrdIdWithReasonSixAndKeepTheOriginalOrder()
    {
        oms.newLimit("C1", Side.BUY, units(1), units(1), "AAPL");
        oms.newLimit("C1", Side.BUY, units(2), units(1), "AAPL");
        oms.drain();

        final VenueOrder routed = oms.next(VenueOrder.class);
        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(ExecType.REJECTED, reject.execType());
        assertEquals(OrdRejReason.DUPLICATE_ORDER, reject.ordRejReason());
        assertEquals("Duplicate ClOrdID (11) C1", reject.text());
        oms.assertNothingMore();

        oms.ack(routed);
        oms.drain();
        final ExecReport ack = oms.next(ExecReport.class);
        assertEquals(units(1), ack.orderQty());
    }

    @Test
    void shouldAnswerPossResendOfAKnownOrderWithAStatusReportAndRouteNothing()
    {
        oms.newLimit("C1", Side.BUY, units(1), units(1), "AAPL");
        oms.drain();
        oms.ack(oms.next(VenueOrder.class));
        oms.drain();
        oms.next(ExecReport.class);

        oms.newOrder("C1", Side.BUY, OrdType.LIMIT, units(1), units(1), "AAPL", "", "ACME", true);
        oms.drain();

        final ExecReport status = oms.next(ExecReport.class);
        assertEquals(ExecType.ORDER_STATUS, status.execType());
        assertEquals(OrdStatus.NEW, status.ordStatus());
        oms.assertNothingMore();
    }

    @Test
    void shouldCancelAWorkingOrderThroughPendingCancelWithBothClOrdIds()
    {
        oms.newLimit("C1", Side.BUY, units(100), units(10), "AAPL");
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        oms.ack(routed);
        oms.fill(routed, units(40), units(10));
        oms.drain();
        oms.next(ExecReport.class);
        oms.next(ExecReport.class);

        oms.cancel("C2", "C1", "AAPL");
        oms.drain();

        final ExecReport pending = oms.next(ExecReport.class);
        assertEquals(ExecType.PENDING_CANCEL, pending.execType());
        assertEquals(OrdStatus.PENDING_CANCEL, pending.ordStatus());
        assertEquals("C2", pending.clOrdId());
        assertEquals("C1", pending.origClOrdId());
        assertEquals(units(60), pending.leavesQty());
        final VenueCancel venueCancel = oms.next(VenueCancel.class);
        assertEquals(routed.venueClOrdId(), venueCancel.origVenueClOrdId());
        assertEquals("V" + routed.venueClOrdId(), venueCancel.venueOrderId());

        oms.venueExecution(SIM, venueCancel.venueClOrdId(), routed.venueClOrdId(), ExecType.CANCELED,
            OrdStatus.CANCELED, 0, 0, "", "");
        oms.drain();

        final ExecReport canceled = oms.next(ExecReport.class);
        assertEquals(ExecType.CANCELED, canceled.execType());
        assertEquals(OrdStatus.CANCELED, canceled.ordStatus());
        assertEquals("C2", canceled.clOrdId());
        assertEquals("C1", canceled.origClOrdId());
        assertEquals(units(40), canceled.cumQty());
        assertEquals(0, canceled.leavesQty());
        assertEquals(units(10), canceled.avgPx());
        oms.assertNothingMore();
    }

    @Test
    void shouldShowPendingCancelOverFilledUntilTheVenueRejectsTheCancel()
    {
        oms.newLimit("C1", Side.BUY, units(100), units(10), "AAPL");
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        oms.ack(routed);
        oms.drain();
        oms.received.clear();
        oms.cancel("C2", "C1", "AAPL");
        oms.drain();
        oms.next(ExecReport.class);
        final VenueCancel venueCancel = oms.next(VenueCancel.class);

        oms.fill(routed, units(100), units(10));
        oms.drain();
        final ExecReport fill = oms.next(ExecReport.class);
        assertEquals(ExecType.TRADE, fill.execType());
        assertEquals(OrdStatus.PENDING_CANCEL, fill.ordStatus());
        assertEquals(0, fill.leavesQty());
        assertEquals("C1", fill.clOrdId());

        oms.venueCancelReject(SIM, venueCancel.venueClOrdId(), routed.venueClOrdId(), "order is filled");
        oms.drain();
        final CancelReject reject = oms.next(CancelReject.class);
        assertEquals(new CancelReject(OmsHarness.CLIENT_SESSION, fill.orderId(), OrdStatus.FILLED,
            CxlRejResponseTo.CANCEL, CxlRejReason.TOO_LATE_TO_CANCEL, "C2", "C1",
            "Venue SIM refused the request: order is filled"), reject);
        oms.assertNothingMore();
    }

    @Test
    void shouldShowPendingCancelOnAPartialFillThatArrivesWhileTheCancelIsPending()
    {
        oms.newLimit("C1", Side.BUY, units(100), units(10), "AAPL");
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        oms.ack(routed);
        oms.cancel("C2", "C1", "AAPL");
        oms.drain();
        oms.received.clear();

        oms.fill(routed, units(30), units(10));
        oms.drain();

        final ExecReport fill = oms.next(ExecReport.class);
        assertEquals(ExecType.TRADE, fill.execType());
        assertEquals(OrdStatus.PENDING_CANCEL, fill.ordStatus());
        assertEquals(units(70), fill.leavesQty());
    }

    @Test
    void shouldRejectCancelOfUnknownOrderWithOrderIdNone()
    {
        oms.cancel("C9", "NOPE", "AAPL");
        oms.drain();

        final CancelReject reject = oms.next(CancelReject.class);
        assertEquals(new CancelReject(OmsHarness.CLIENT_SESSION, 0, OrdStatus.REJECTED, CxlRejResponseTo.CANCEL,
            CxlRejReason.UNKNOWN_ORDER, "C9", "NOPE", "Unknown order: OrigClOrdID (41) NOPE"), reject);
    }

    @Test
    void shouldRejectCancelOfAFilledOrderAsTooLate()
    {
        oms.newLimit("C1", Side.BUY, units(1), units(1), "AAPL");
        oms.drain();
        oms.fill(oms.next(VenueOrder.class), units(1), units(1));
        oms.drain();
        oms.received.clear();

        oms.cancel("C2", "C1", "AAPL");
        oms.drain();

        final CancelReject reject = oms.next(CancelReject.class);
        assertEquals(CxlRejReason.TOO_LATE_TO_CANCEL, reject.reason());
        assertEquals(OrdStatus.FILLED, reject.ordStatus());
        assertEquals("Too late to cancel: order is FILLED", reject.text());
    }

    @Test
    void shouldRejectReplaceOfAnUnknownOrderWithOrderIdNone()
    {
        oms.replace("C2", "C1", units(1), units(1));
        oms.drain();

        assertEquals(new CancelReject(OmsHarness.CLIENT_SESSION, 0, OrdStatus.REJECTED,
            CxlRejResponseTo.CANCEL_REPLACE, CxlRejReason.UNKNOWN_ORDER, "C2", "C1",
            "Unknown order: OrigClOrdID (41) C1"), oms.next(CancelReject.class));
        oms.assertNothingMore();
    }

    @Test
    void shouldPassOnAVenueRejectWithTheVenuesText()
    {
        oms.newLimit("C1", Side.BUY, units(1), units(1), "AAPL");
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        oms.venueExecution(SIM, routed.venueClOrdId(), 0, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, "",
            "no such instrument");
        oms.drain();

        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(ExecType.REJECTED, reject.execType());
        assertEquals(OrdRejReason.UNKNOWN_SYMBOL, reject.ordRejReason());
        assertEquals("Rejected by venue SIM: no such instrument", reject.text());
        assertEquals(0, reject.leavesQty());
    }

    @Test
    void shouldCountAndIgnoreReportsForUnknownOrders()
    {
        oms.venueExecution(SIM, 424242, 0, ExecType.TRADE, OrdStatus.FILLED, units(1), units(1), "X", "");
        oms.drain();

        oms.assertNothingMore();
        assertEquals(1, oms.oms.orderManager().counters().unknownVenueReports());
    }

    @Test
    void shouldAnswerStatusRequestsForKnownAndUnknownOrders()
    {
        oms.newLimit("C1", Side.BUY, units(5), units(1), "AAPL");
        oms.drain();
        oms.ack(oms.next(VenueOrder.class));
        oms.drain();
        oms.next(ExecReport.class);

        oms.statusRequest("C1");
        oms.statusRequest("NOPE");
        oms.drain();

        final ExecReport known = oms.next(ExecReport.class);
        assertEquals(ExecType.ORDER_STATUS, known.execType());
        assertEquals(OrdStatus.NEW, known.ordStatus());
        assertEquals(units(5), known.leavesQty());
        final ExecReport unknown = oms.next(ExecReport.class);
        assertEquals(ExecType.ORDER_STATUS, unknown.execType());
        assertEquals(OrdStatus.REJECTED, unknown.ordStatus());
        assertEquals(OrdRejReason.UNKNOWN_ORDER, unknown.ordRejReason());
        assertEquals("Unknown order: ClOrdID (11) NOPE", unknown.text());
    }

    @Test
    void shouldRecycleFinishedOrdersWhenThePoolIsFull()
    {
        oms.restartOms(context -> context.orderCapacity(2));
        for (int i = 0; i < 5; i++)
        {
            oms.newLimit("F" + i, Side.BUY, units(1), units(1), "AAPL");
            oms.drain();
            oms.fill(oms.next(VenueOrder.class), units(1), units(1));
            oms.drain();
            oms.received.clear();
        }
        oms.newLimit("W1", Side.BUY, units(1), units(1), "AAPL");
        oms.newLimit("W2", Side.BUY, units(1), units(1), "AAPL");
        oms.newLimit("W3", Side.BUY, units(1), units(1), "AAPL");
        oms.drain();

        assertNotNull(oms.next(VenueOrder.class));
        assertNotNull(oms.next(VenueOrder.class));
        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals("W3", reject.clOrdId());
        assertEquals("OMS order capacity exhausted", reject.text());
    }

    @Test
    void shouldApplyButCountAnExecutionItHasNoRoomToKeep()
    {
        oms.restartOms(context -> context.orderCapacity(1));
        oms.newLimit("BIG", Side.BUY, units(100), units(1), "AAPL");
        oms.drain();
        final VenueOrder venueOrder = oms.next(VenueOrder.class);
        oms.ack(venueOrder);
        oms.drain();
        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());
        final int kept = OmsConfiguration.FILLS_PER_ORDER;
        for (int i = 0; i <= kept; i++)
        {
            oms.fill(venueOrder, units(1), units(1));
        }
        oms.drain();

        ExecReport last = null;
        for (int i = 0; i <= kept; i++)
        {
            last = oms.next(ExecReport.class);
        }
        assertEquals(units(kept + 1), last.cumQty(), "every execution applied");
        assertEquals(OrdStatus.PARTIALLY_FILLED, last.ordStatus());
        final OmsCounters counters = oms.oms.orderManager().counters();
        assertEquals(1, counters.unrecordedFills());
        assertEquals(0, counters.ignoredVenueReports());
    }

    private void assertRejected(
        final String symbol, final OrdType ordType, final long qty, final long price, final String exDestination,
        final OrdRejReason reason, final String text)
    {
        final String clOrdId = "R" + System.nanoTime();
        oms.newOrder(clOrdId, Side.BUY, ordType, qty, price, symbol, exDestination, "ACME", false);
        oms.drain();

        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(ExecType.REJECTED, reject.execType());
        assertEquals(OrdStatus.REJECTED, reject.ordStatus());
        assertEquals(reason, reject.ordRejReason());
        assertEquals(text, reject.text());
        assertEquals(clOrdId, reject.clOrdId());
        assertEquals(0, reject.cumQty());
        assertEquals(0, reject.leavesQty());
        assertEquals(qty, reject.orderQty());
        oms.assertNothingMore();
    }
}
