package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.oms.OmsHarness.VenueReplace;
import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Int128;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueCommandType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The FIX order state change matrices (FIX 4.4 Volume 4, Appendix D), scenario by scenario, as Bastion plays the
 * sell side towards its client while a venue plays the sell side towards Bastion. Each test is named after its
 * scenario; every report is checked field by field, and after every report the invariants hold: LeavesQty =
 * OrderQty - CumQty while the order works and 0 when it is done, CumQty never falls except on a bust or correction,
 * AvgPx = sum of LastQty * LastPx / CumQty over the executions that stand.
 */
class OrderStateChangeMatricesTest
{
    private static final long PX = units(100);
    private OmsHarness oms;
    private final Map<Long, long[]> standingExecutions = new LinkedHashMap<>();
    private long lastCumQty;

    @AfterEach
    void tearDown()
    {
        if (oms != null)
        {
            oms.close();
        }
    }

    private void start(final Consumer<OmsContext> configure) throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(),
            context -> configure.accept(context.limits(TestLimits.wide(context.symbols(), context.venueNames(), "20000", "10000000"))));
    }

    private VenueOrder newOrder(final String clOrdId, final long qty) throws Exception
    {
        return newOrder(clOrdId, qty, TimeInForce.DAY);
    }

    private VenueOrder newOrder(final String clOrdId, final long qty, final TimeInForce tif) throws Exception
    {
        if (oms == null)
        {
            start(context -> {});
        }
        oms.newOrder(clOrdId, Side.BUY, OrdType.LIMIT, tif, units(qty), PX, FixedPoint.NULL_VALUE, 0, "AAPL", "",
            "ACME", false);
        oms.drain();
        return oms.next(VenueOrder.class);
    }

    private VenueOrder acked(final String clOrdId, final long qty) throws Exception
    {
        final VenueOrder order = newOrder(clOrdId, qty);
        oms.ack(order);
        oms.drain();
        expect(ExecType.NEW, OrdStatus.NEW, qty, 0, qty, 0, 0, clOrdId, "");
        return order;
    }

    private void venue(
        final long venueClOrdId, final ExecType execType, final long lastQty, final long lastPx, final String execId,
        final String execRefId)
    {
        oms.venueExecution(SIM, venueClOrdId, 0, execType, OrdStatus.NEW, units(lastQty), lastPx, "V1", execId,
            execRefId, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.NULL_VAL, false, "");
        oms.drain();
    }

    private void fill(final long venueClOrdId, final long qty, final String execId)
    {
        venue(venueClOrdId, ExecType.TRADE, qty, PX, execId, "");
    }

    private void venueSays(final long venueClOrdId, final ExecType execType)
    {
        venue(venueClOrdId, execType, 0, 0, "E" + System.nanoTime(), "");
    }

    private ExecReport expect(
        final ExecType execType, final OrdStatus ordStatus, final long orderQty, final long cumQty,
        final long leavesQty, final long lastQty, final long lastPx, final String clOrdId, final String origClOrdId)
    {
        final ExecReport report = oms.next(ExecReport.class);
        final String where = execType + "/" + ordStatus + " " + report;
        assertEquals(execType, report.execType(), where);
        assertEquals(ordStatus, report.ordStatus(), where);
        assertEquals(units(orderQty), report.orderQty(), where);
        assertEquals(units(cumQty), report.cumQty(), where);
        assertEquals(units(leavesQty), report.leavesQty(), where);
        assertEquals(units(lastQty), report.lastQty(), where);
        assertEquals(lastPx, report.lastPx(), where);
        assertEquals(clOrdId, report.clOrdId(), where);
        assertEquals(origClOrdId, report.origClOrdId(), where);
        assertEquals(Side.BUY, report.side(), where);
        assertEquals("AAPL", report.symbol(), where);
        assertEquals("ACME", report.account(), where);
        checkInvariants(report);
        return report;
    }

    private void checkInvariants(final ExecReport report)
    {
        switch (report.execType())
        {
            case TRADE -> standingExecutions.put(report.execId(), new long[]{report.lastQty(), report.lastPx()});
            case TRADE_CANCEL -> standingExecutions.remove(report.execRefId());
            case TRADE_CORRECT ->
            {
                standingExecutions.remove(report.execRefId());
                standingExecutions.put(report.execId(), new long[]{report.lastQty(), report.lastPx()});
            }
            default -> { }
        }
        final boolean done = switch (report.ordStatus())
        {
            case FILLED, CANCELED, REJECTED, EXPIRED, DONE_FOR_DAY -> true;
            default -> false;
        };
        if (done)
        {
            assertEquals(0, report.leavesQty(), "LeavesQty is 0 once done: " + report);
        }
        else
        {
            assertEquals(Math.max(0, report.orderQty() - report.cumQty()), report.leavesQty(),
                "LeavesQty = OrderQty - CumQty while working: " + report);
        }
        if (report.execType() != ExecType.TRADE_CANCEL && report.execType() != ExecType.TRADE_CORRECT)
        {
            assertEquals(true, report.cumQty() >= lastCumQty, "CumQty fell without a bust: " + report);
        }
        lastCumQty = report.cumQty();

        long high = 0;
        long low = 0;
        long qty = 0;
        for (final long[] execution : standingExecutions.values())
        {
            high = Int128.addProductHigh(high, low, execution[0], execution[1]);
            low = Int128.addProductLow(low, execution[0], execution[1]);
            qty += execution[0];
        }
        assertEquals(qty, report.cumQty(), "CumQty = sum of standing executions: " + report);
        assertEquals(qty == 0 ? 0 : Int128.divide(high, low, qty), report.avgPx(), "AvgPx: " + report);
    }

    private CancelReject expectCancelReject(
        final OrdStatus ordStatus, final CxlRejResponseTo responseTo, final CxlRejReason reason,
        final String clOrdId, final String origClOrdId)
    {
        final CancelReject reject = oms.next(CancelReject.class);
        assertEquals(ordStatus, reject.ordStatus(), reject.toString());
        assertEquals(responseTo, reject.responseTo(), reject.toString());
        assertEquals(reason, reject.reason(), reject.toString());
        assertEquals(clOrdId, reject.clOrdId(), reject.toString());
        assertEquals(origClOrdId, reject.origClOrdId(), reject.toString());
        return reject;
    }

    // A.1.a
    @Test
    void a1aFilledOrder() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 2000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 2000, 8000, 2000, PX, "X", "");
        fill(order.venueClOrdId(), 1000, "F2");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 3000, 7000, 1000, PX, "X", "");
        fill(order.venueClOrdId(), 7000, "F3");
        final ExecReport last = expect(ExecType.TRADE, OrdStatus.FILLED, 10000, 10000, 0, 7000, PX, "X", "");
        assertEquals("SIM", last.lastMkt());
        oms.assertNothingMore();
        assertEquals(0, oms.oms.orderManager().workingOrders());
    }

    // A.1.b
    @Test
    void a1bPartFilledDayOrderDoneForDay() throws Exception
    {
        start(context -> context.tradingDayEnd(LocalTime.of(22, 0)).tradingZone(ZoneOffset.UTC));
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 2000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 2000, 8000, 2000, PX, "X", "");

        oms.nowNs = endOfDayAfter(oms.nowNs);
        oms.drain();
        final VenueCancel offVenue = oms.next(VenueCancel.class);
        assertEquals(order.venueClOrdId(), offVenue.origVenueClOrdId());
        oms.assertNothingMore();

        venueSays(offVenue.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.DONE_FOR_DAY, OrdStatus.DONE_FOR_DAY, 10000, 2000, 0, 0, 0, "X", "");
        oms.assertNothingMore();
    }

    private static long endOfDayAfter(final long nowNs)
    {
        final java.time.Instant now = java.time.Instant.ofEpochSecond(0, nowNs);
        java.time.ZonedDateTime end = now.atZone(ZoneOffset.UTC).with(LocalTime.of(22, 0));
        if (!end.toInstant().isAfter(now))
        {
            end = end.plusDays(1);
        }
        return end.toEpochSecond() * 1_000_000_000L;
    }

    // B.1.a
    @Test
    void b1aCancelRequestIssuedForAZeroFilledOrder() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.cancel("Y", "X", "AAPL");
        oms.drain();
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueCancel venueCancel = oms.next(VenueCancel.class);
        assertEquals(order.venueClOrdId(), venueCancel.origVenueClOrdId());
        assertEquals("V" + order.venueClOrdId(), venueCancel.venueOrderId());

        venueSays(venueCancel.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 0, 0, 0, 0, "Y", "X");
        oms.assertNothingMore();
    }

    // B.1.b
    @Test
    void b1bCancelRequestForAPartFilledOrderWithExecutionsWhileTheCancelIsActive() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 2000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 2000, 8000, 2000, PX, "X", "");
        oms.cancel("Y", "X", "AAPL");
        oms.drain();
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, 10000, 2000, 8000, 0, 0, "Y", "X");
        final VenueCancel venueCancel = oms.next(VenueCancel.class);

        fill(order.venueClOrdId(), 1000, "F2");
        expect(ExecType.TRADE, OrdStatus.PENDING_CANCEL, 10000, 3000, 7000, 1000, PX, "X", "");
        venueSays(venueCancel.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 3000, 0, 0, 0, "Y", "X");
        oms.assertNothingMore();
    }

    // B.1.c
    @Test
    void b1cCancelRequestForAnOrderThatBecomesFilledBeforeTheCancelIsAccepted() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 5000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 5000, 5000, 5000, PX, "X", "");
        oms.cancel("Y", "X", "AAPL");
        oms.drain();
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, 10000, 5000, 5000, 0, 0, "Y", "X");
        final VenueCancel venueCancel = oms.next(VenueCancel.class);

        fill(order.venueClOrdId(), 5000, "F2");
        expect(ExecType.TRADE, OrdStatus.PENDING_CANCEL, 10000, 10000, 0, 5000, PX, "X", "");
        oms.venueCancelReject(SIM, venueCancel.venueClOrdId(), order.venueClOrdId(), "too late");
        oms.drain();
        expectCancelReject(OrdStatus.FILLED, CxlRejResponseTo.CANCEL, CxlRejReason.TOO_LATE_TO_CANCEL, "Y", "X");
        oms.assertNothingMore();
        assertEquals(0, oms.oms.orderManager().workingOrders());
    }

    // B.1.e
    @Test
    void b1eCancelRequestForAnOrderNotYetAcknowledged() throws Exception
    {
        final VenueOrder order = newOrder("X", 10000);
        oms.cancel("Y", "X", "AAPL");
        oms.drain();
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueCancel venueCancel = oms.next(VenueCancel.class);

        oms.ack(order);
        oms.drain();
        expect(ExecType.NEW, OrdStatus.PENDING_CANCEL, 10000, 0, 10000, 0, 0, "X", "");
        venueSays(venueCancel.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 0, 0, 0, 0, "Y", "X");
        oms.assertNothingMore();
    }

    // B.1.f
    @Test
    void b1fCancelRequestForAnUnknownOrder() throws Exception
    {
        start(context -> {});
        oms.cancel("Y", "X", "AAPL");
        oms.drain();
        final CancelReject reject =
            expectCancelReject(OrdStatus.REJECTED, CxlRejResponseTo.CANCEL, CxlRejReason.UNKNOWN_ORDER, "Y", "X");
        assertEquals(0, reject.orderId(), "OrderID NONE");
        oms.assertNothingMore();
    }

    // C.1.a
    @Test
    void c1aZeroFilledOrderReplacedToIncreaseQuantity() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(11000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace venueReplace = oms.next(VenueReplace.class);
        assertEquals(order.venueClOrdId(), venueReplace.origVenueClOrdId());
        assertEquals(units(11000), venueReplace.orderQty());
        assertEquals("ACME", venueReplace.account());

        venueSays(venueReplace.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.NEW, 11000, 0, 11000, 0, 0, "Y", "X");
        fill(venueReplace.venueClOrdId(), 11000, "F1");
        expect(ExecType.TRADE, OrdStatus.FILLED, 11000, 11000, 0, 11000, PX, "Y", "");
        oms.assertNothingMore();
    }

    // C.1.b
    @Test
    void c1bPartFilledOrderReplacedToIncreaseQuantityWithAnExecutionWhilePendingReplace() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        oms.replace("Y", "X", units(12000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 1000, 9000, 0, 0, "Y", "X");
        final VenueReplace venueReplace = oms.next(VenueReplace.class);

        fill(order.venueClOrdId(), 1000, "F2");
        expect(ExecType.TRADE, OrdStatus.PENDING_REPLACE, 10000, 2000, 8000, 1000, PX, "X", "");
        venueSays(venueReplace.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.PARTIALLY_FILLED, 12000, 2000, 10000, 0, 0, "Y", "X");
        oms.assertNothingMore();
    }

    // C.2.a
    @Test
    void c2aReplaceNotForQuantityChangeRejectedAsAFillHasOccurred() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        oms.replace("Y", "X", units(10000), units(101));
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 1000, 9000, 0, 0, "Y", "X");
        final VenueReplace venueReplace = oms.next(VenueReplace.class);
        assertEquals(units(101), venueReplace.price());

        fill(order.venueClOrdId(), 9000, "F2");
        expect(ExecType.TRADE, OrdStatus.PENDING_REPLACE, 10000, 10000, 0, 9000, PX, "X", "");
        oms.venueCancelReject(SIM, venueReplace.venueClOrdId(), order.venueClOrdId(),
            CxlRejResponseTo.CANCEL_REPLACE, "filled");
        oms.drain();
        expectCancelReject(OrdStatus.FILLED, CxlRejResponseTo.CANCEL_REPLACE, CxlRejReason.TOO_LATE_TO_CANCEL,
            "Y", "X");
        oms.assertNothingMore();
    }

    // C.3.a
    @Test
    void c3aReplaceToDecreaseQuantityAboveCumQtyReplacedThenFilled() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(8000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace venueReplace = oms.next(VenueReplace.class);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.TRADE, OrdStatus.PENDING_REPLACE, 10000, 1000, 9000, 1000, PX, "X", "");
        venueSays(venueReplace.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.PARTIALLY_FILLED, 8000, 1000, 7000, 0, 0, "Y", "X");
        fill(venueReplace.venueClOrdId(), 7000, "F2");
        expect(ExecType.TRADE, OrdStatus.FILLED, 8000, 8000, 0, 7000, PX, "Y", "");
        oms.assertNothingMore();
    }

    // C.3.b
    @Test
    void c3bReplaceToDecreaseQuantityToCumQtyLeavesTheOrderFilled() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(7000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace venueReplace = oms.next(VenueReplace.class);
        fill(order.venueClOrdId(), 7000, "F1");
        expect(ExecType.TRADE, OrdStatus.PENDING_REPLACE, 10000, 7000, 3000, 7000, PX, "X", "");
        venueSays(venueReplace.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.FILLED, 7000, 7000, 0, 0, 0, "Y", "X");
        oms.assertNothingMore();
        assertEquals(0, oms.oms.orderManager().workingOrders());
    }

    // C.3.c
    @Test
    void c3cReplaceToDecreaseQuantityBelowCumQtyAmendsTheQuantityToCumQty() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(7000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace venueReplace = oms.next(VenueReplace.class);
        fill(order.venueClOrdId(), 8000, "F1");
        expect(ExecType.TRADE, OrdStatus.PENDING_REPLACE, 10000, 8000, 2000, 8000, PX, "X", "");
        venueSays(venueReplace.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.FILLED, 8000, 8000, 0, 0, 0, "Y", "X");
        oms.assertNothingMore();
    }

    // D.1.a
    @Test
    void d1aOneReplaceAcceptedThenAnotherAcceptedOrigClOrdIdIsTheLastAccepted() throws Exception
    {
        acked("X", 10000);
        oms.replace("Y", "X", units(11000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace first = oms.next(VenueReplace.class);
        venueSays(first.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.NEW, 11000, 0, 11000, 0, 0, "Y", "X");

        oms.replace("Z", "Y", units(12000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 11000, 0, 11000, 0, 0, "Z", "Y");
        final VenueReplace second = oms.next(VenueReplace.class);
        assertEquals(first.venueClOrdId(), second.origVenueClOrdId(), "the venue chain follows the last accepted");
        venueSays(second.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.NEW, 12000, 0, 12000, 0, 0, "Z", "Y");
        oms.statusRequest("Z");
        oms.drain();
        expect(ExecType.ORDER_STATUS, OrdStatus.NEW, 12000, 0, 12000, 0, 0, "Z", "");
        oms.assertNothingMore();
    }

    // D.1.b
    @Test
    void d1bOneReplaceRejectedThenAnotherAccepted() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(11000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace first = oms.next(VenueReplace.class);
        oms.venueCancelReject(SIM, first.venueClOrdId(), order.venueClOrdId(), CxlRejResponseTo.CANCEL_REPLACE,
            "no");
        oms.drain();
        expectCancelReject(OrdStatus.NEW, CxlRejResponseTo.CANCEL_REPLACE, CxlRejReason.TOO_LATE_TO_CANCEL, "Y", "X");

        oms.replace("Z", "X", units(12000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Z", "X");
        final VenueReplace second = oms.next(VenueReplace.class);
        venueSays(second.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.NEW, 12000, 0, 12000, 0, 0, "Z", "X");
        oms.assertNothingMore();
    }

    // D.2.a
    @Test
    void d2aSecondReplaceWhileTheFirstIsPendingIsRejected() throws Exception
    {
        acked("X", 10000);
        oms.replace("Y", "X", units(11000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace first = oms.next(VenueReplace.class);

        oms.replace("Z", "Y", units(12000), PX);
        oms.drain();
        final CancelReject reject = expectCancelReject(OrdStatus.PENDING_REPLACE, CxlRejResponseTo.CANCEL_REPLACE,
            CxlRejReason.ALREADY_PENDING, "Z", "Y");
        assertEquals("A cancel/replace is already pending", reject.text());
        oms.assertNothingMore();

        venueSays(first.venueClOrdId(), ExecType.REPLACED);
        expect(ExecType.REPLACED, OrdStatus.NEW, 11000, 0, 11000, 0, 0, "Y", "X");
    }

    @Test
    void pendingCancelTakesPrecedenceOverPendingReplace() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(11000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace replace = oms.next(VenueReplace.class);
        oms.cancel("Z", "X", "AAPL");
        oms.drain();
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, 10000, 0, 10000, 0, 0, "Z", "X");
        final VenueCancel cancel = oms.next(VenueCancel.class);
        assertEquals(order.venueClOrdId(), cancel.origVenueClOrdId());

        venueSays(cancel.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 0, 0, 0, 0, "Z", "X");
        expectCancelReject(OrdStatus.CANCELED, CxlRejResponseTo.CANCEL_REPLACE, CxlRejReason.TOO_LATE_TO_CANCEL,
            "Y", "X");
        oms.venueCancelReject(SIM, replace.venueClOrdId(), order.venueClOrdId(), CxlRejResponseTo.CANCEL_REPLACE,
            "order gone");
        oms.drain();
        oms.assertNothingMore();
    }

    // E.1.a
    @Test
    void e1aUnsolicitedCancelOfAPartFilledOrder() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, "V1", "E9", "",
            FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.CANCEL_ON_TRADING_HALT, false, "halted");
        oms.drain();
        final ExecReport cancelled = expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 1000, 0, 0, 0, "X", "");
        assertEquals(ExecRestatementReason.CANCEL_ON_TRADING_HALT, cancelled.restatementReason());
        assertEquals("Cancelled by venue SIM: halted", cancelled.text());
        assertEquals(1, oms.oms.orderManager().counters().unsolicitedCancels());
        oms.assertNothingMore();
    }

    // E.1.b
    @Test
    void e1bUnsolicitedReplacementOfAPartFilledOrderIsRestated() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.REPLACED, OrdStatus.PARTIALLY_FILLED, 0, 0, "V1",
            "E9", "", units(9000), units(99), FixedPoint.NULL_VALUE, ExecRestatementReason.REPRICING, false, "");
        oms.drain();
        final ExecReport restated = expect(ExecType.RESTATED, OrdStatus.PARTIALLY_FILLED, 9000, 1000, 8000, 0, 0,
            "X", "");
        assertEquals(ExecRestatementReason.REPRICING, restated.restatementReason());
        assertEquals(units(99), restated.price());
        oms.assertNothingMore();
    }

    // E.1.c
    @Test
    void e1cUnsolicitedReductionOfOrderQuantityBySellSide() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.RESTATED, OrdStatus.NEW, 0, 0, "V1", "E9", "",
            FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, units(6000), ExecRestatementReason.PARTIAL_DECLINE, false,
            "");
        oms.drain();
        final ExecReport restated = expect(ExecType.RESTATED, OrdStatus.NEW, 6000, 0, 6000, 0, 0, "X", "");
        assertEquals(ExecRestatementReason.PARTIAL_DECLINE, restated.restatementReason());
        oms.assertNothingMore();
    }

    // F.1.a and F.1.b
    @Test
    void f1DuplicateClOrdIdIsRejectedButAPossResendGetsTheOrderStatus() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.newLimit("X", Side.BUY, units(5), PX, "AAPL");
        oms.drain();
        final ExecReport duplicate = oms.next(ExecReport.class);
        assertEquals(ExecType.REJECTED, duplicate.execType());
        assertEquals(OrdRejReason.DUPLICATE_ORDER, duplicate.ordRejReason());
        assertEquals("Duplicate ClOrdID (11) X", duplicate.text());

        oms.newOrder("X", Side.BUY, OrdType.LIMIT, units(10000), PX, "AAPL", "", "ACME", true);
        oms.drain();
        expect(ExecType.ORDER_STATUS, OrdStatus.NEW, 10000, 0, 10000, 0, 0, "X", "");
        oms.assertNothingMore();
        fill(order.venueClOrdId(), 1, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1, 9999, 1, PX, "X", "");
    }

    // G.1.a and G.1.c
    @Test
    void g1OrderStatusRequestsForLiveDoneAndUnknownOrders() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.statusRequest("X");
        oms.drain();
        expect(ExecType.ORDER_STATUS, OrdStatus.NEW, 10000, 0, 10000, 0, 0, "X", "");
        fill(order.venueClOrdId(), 10000, "F1");
        expect(ExecType.TRADE, OrdStatus.FILLED, 10000, 10000, 0, 10000, PX, "X", "");
        oms.statusRequest("X");
        oms.drain();
        expect(ExecType.ORDER_STATUS, OrdStatus.FILLED, 10000, 10000, 0, 0, 0, "X", "");
        oms.statusRequest("NOPE");
        oms.drain();
        final ExecReport unknown = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.UNKNOWN_ORDER, unknown.ordRejReason());
        assertEquals(OrdStatus.REJECTED, unknown.ordStatus());
        oms.assertNothingMore();
    }

    // H.1.a
    @Test
    void h1aGtcOrderPartiallyFilledRestatedAndFilledTheFollowingDay() throws Exception
    {
        start(context -> context.tradingDayEnd(LocalTime.of(22, 0)).tradingZone(ZoneOffset.UTC));
        final VenueOrder order = newOrder("X", 10000, TimeInForce.GTC);
        oms.ack(order);
        oms.drain();
        expect(ExecType.NEW, OrdStatus.NEW, 10000, 0, 10000, 0, 0, "X", "");
        fill(order.venueClOrdId(), 2000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 2000, 8000, 2000, PX, "X", "");

        oms.nowNs = endOfDayAfter(oms.nowNs);
        oms.drain();
        final ExecReport renewed = expect(ExecType.RESTATED, OrdStatus.PARTIALLY_FILLED, 10000, 2000, 8000, 0, 0,
            "X", "");
        assertEquals(ExecRestatementReason.GT_RENEWAL, renewed.restatementReason());
        oms.assertNothingMore();
        fill(order.venueClOrdId(), 8000, "F2");
        expect(ExecType.TRADE, OrdStatus.FILLED, 10000, 10000, 0, 8000, PX, "X", "");
    }

    // I.1.a
    @Test
    void i1aIocOrderPartiallyFilledRemainderCancelled() throws Exception
    {
        final VenueOrder order = newOrder("X", 10000, TimeInForce.IOC);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.NEW, OrdStatus.NEW, 10000, 0, 10000, 0, 0, "X", "");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        venueSays(order.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 1000, 0, 0, 0, "X", "");
        oms.assertNothingMore();
    }

    @Test
    void gtdOrderExpiresAtItsExpireTime() throws Exception
    {
        start(context -> {});
        final long expireNs = oms.nowNs + 60_000_000_000L;
        oms.newOrder("X", Side.BUY, OrdType.LIMIT, TimeInForce.GTD, units(100), PX, FixedPoint.NULL_VALUE, expireNs,
            "AAPL", "", "ACME", false);
        oms.drain();
        final VenueOrder order = oms.next(VenueOrder.class);
        oms.ack(order);
        oms.drain();
        final ExecReport ack = expect(ExecType.NEW, OrdStatus.NEW, 100, 0, 100, 0, 0, "X", "");
        assertEquals(expireNs, ack.expireTimeNs());

        oms.nowNs = expireNs - 1;
        oms.drain();
        oms.assertNothingMore();
        oms.nowNs = expireNs;
        oms.drain();
        final VenueCancel offVenue = oms.next(VenueCancel.class);
        venueSays(offVenue.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.EXPIRED, OrdStatus.EXPIRED, 100, 0, 0, 0, 0, "X", "");
        oms.assertNothingMore();
    }

    @Test
    void gtdOrderWithAnExpireTimeInThePastIsRejected() throws Exception
    {
        start(context -> {});
        oms.newOrder("X", Side.BUY, OrdType.LIMIT, TimeInForce.GTD, units(100), PX, FixedPoint.NULL_VALUE,
            oms.nowNs - 1, "AAPL", "", "ACME", false);
        oms.drain();
        final ExecReport reject = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.STALE_ORDER, reject.ordRejReason());
        assertEquals("ExpireTime (126) is in the past", reject.text());
    }

    // J.1.a
    @Test
    void j1aFilledOrderFollowedByCorrectionAndCancellationOfExecutions() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 1000, "C");
        final ExecReport c = expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        venue(order.venueClOrdId(), ExecType.TRADE, 9000, units(110), "D", "");
        final ExecReport d = expect(ExecType.TRADE, OrdStatus.FILLED, 10000, 10000, 0, 9000, units(110), "X", "");
        assertEquals(0, oms.oms.orderManager().workingOrders());

        venue(order.venueClOrdId(), ExecType.TRADE_CANCEL, 0, 0, "E", "C");
        final ExecReport e = expect(ExecType.TRADE_CANCEL, OrdStatus.PARTIALLY_FILLED, 10000, 9000, 1000, 0, 0, "X",
            "");
        assertEquals(c.execId(), e.execRefId());
        assertEquals(1, oms.oms.orderManager().workingOrders(), "the bust reopens the order");

        venue(order.venueClOrdId(), ExecType.TRADE_CORRECT, 9000, PX, "F", "D");
        final ExecReport f = expect(ExecType.TRADE_CORRECT, OrdStatus.PARTIALLY_FILLED, 10000, 9000, 1000, 9000, PX,
            "X", "");
        assertEquals(d.execId(), f.execRefId());

        venue(order.venueClOrdId(), ExecType.TRADE, 1000, units(120), "G", "");
        expect(ExecType.TRADE, OrdStatus.FILLED, 10000, 10000, 0, 1000, units(120), "X", "");
        venue(order.venueClOrdId(), ExecType.TRADE_CORRECT, 9000, units(120), "H", "F");
        final ExecReport h = expect(ExecType.TRADE_CORRECT, OrdStatus.FILLED, 10000, 10000, 0, 9000, units(120),
            "X", "");
        assertEquals(f.execId(), h.execRefId(), "a correction of a correction refers to the correction");
        assertEquals(units(120), h.avgPx());
        oms.assertNothingMore();
        assertEquals(0, oms.oms.orderManager().counters().positionAdjustmentsUnmatched());
        final Position position = oms.oms.positions().read("ACME", "AAPL");
        assertEquals(units(10000), position.netQty(), position.toString());
        assertEquals(units(120), position.avgCost(), position.toString());
        assertEquals(2, position.fillCount(), "C busted; D (corrected twice) and G stand");
        assertEquals(0, oms.oms.orderManager().workingOrders());
    }

    // J.1.b
    @Test
    void j1bCancelledOrderFollowedByABustedExecutionAndANewExecution() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 5000, "B");
        final ExecReport b = expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 5000, 5000, 5000, PX, "X",
            "");
        oms.cancel("Y", "X", "AAPL");
        oms.drain();
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, 10000, 5000, 5000, 0, 0, "Y", "X");
        final VenueCancel venueCancel = oms.next(VenueCancel.class);
        venueSays(venueCancel.venueClOrdId(), ExecType.CANCELED);
        expect(ExecType.CANCELED, OrdStatus.CANCELED, 10000, 5000, 0, 0, 0, "Y", "X");

        venue(order.venueClOrdId(), ExecType.TRADE_CANCEL, 0, 0, "E", "B");
        final ExecReport bust = expect(ExecType.TRADE_CANCEL, OrdStatus.CANCELED, 10000, 0, 0, 0, 0, "X", "");
        assertEquals(b.execId(), bust.execRefId());
        venue(order.venueClOrdId(), ExecType.TRADE, 4000, units(101), "F", "");
        expect(ExecType.TRADE, OrdStatus.CANCELED, 10000, 4000, 0, 4000, units(101), "X", "");
        assertEquals(1, oms.oms.orderManager().counters().lateFills());
        oms.assertNothingMore();
    }

    @Test
    void aResentExecutionIsNotAppliedTwice() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        fill(order.venueClOrdId(), 1000, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 10000, 1000, 9000, 1000, PX, "X", "");
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, units(1000), PX,
            "V1", "F1", "", FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.NULL_VAL, true, "");
        oms.drain();
        oms.assertNothingMore();
        assertEquals(1, oms.oms.orderManager().counters().duplicateExecutions());
    }

    @Test
    void aFillBeforeTheAcknowledgementActsAsTheAcknowledgement() throws Exception
    {
        final VenueOrder order = newOrder("X", 100);
        venue(order.venueClOrdId(), ExecType.FILL, 100, PX, "F1", "");
        expect(ExecType.NEW, OrdStatus.NEW, 100, 0, 100, 0, 0, "X", "");
        expect(ExecType.TRADE, OrdStatus.FILLED, 100, 100, 0, 100, PX, "X", "");
        oms.ack(order);
        oms.drain();
        oms.assertNothingMore();
    }

    @Test
    void anAcknowledgementSentAsATradeWithoutQuantityIsAnAcknowledgementWhateverOrderIdItCarries() throws Exception
    {
        final VenueOrder order = newOrder("X", 100);
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.TRADE, OrdStatus.NEW, 0, 0, "ORDER-A", "");
        oms.drain();
        expect(ExecType.NEW, OrdStatus.NEW, 100, 0, 100, 0, 0, "X", "");
        oms.venueExecution(SIM, order.venueClOrdId(), 0, ExecType.TRADE, OrdStatus.FILLED, units(100), PX, "ORDER-B",
            "");
        oms.drain();
        expect(ExecType.TRADE, OrdStatus.FILLED, 100, 100, 0, 100, PX, "X", "");
        oms.assertNothingMore();
        assertEquals(0, oms.oms.orderManager().counters().ignoredVenueReports());
    }

    @Test
    void aVenueBusinessRejectOfAReplaceBecomesAnOrderCancelReject() throws Exception
    {
        acked("X", 10000);
        oms.replace("Y", "X", units(11000), PX);
        oms.drain();
        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE, 10000, 0, 10000, 0, 0, "Y", "X");
        final VenueReplace replace = oms.next(VenueReplace.class);
        oms.venueCommandRejected(SIM, replace.venueClOrdId(), VenueCommandType.REPLACE,
            CommandRejectSource.BUSINESS_REJECT, "Unsupported Message Type");
        oms.drain();
        final CancelReject reject = expectCancelReject(OrdStatus.NEW, CxlRejResponseTo.CANCEL_REPLACE,
            CxlRejReason.BROKER_OPTION, "Y", "X");
        assertEquals("Venue SIM business reject: Unsupported Message Type", reject.text());
        oms.assertNothingMore();
    }

    @Test
    void anOrderTheVenueSessionCouldNotSendIsRejected() throws Exception
    {
        final VenueOrder order = newOrder("X", 100);
        oms.venueCommandRejected(SIM, order.venueClOrdId(), VenueCommandType.NEW_ORDER, CommandRejectSource.NOT_SENT,
            "session not logged on");
        oms.drain();
        final ExecReport reject = expect(ExecType.REJECTED, OrdStatus.REJECTED, 100, 0, 0, 0, 0, "X", "");
        assertEquals(OrdRejReason.EXCHANGE_CLOSED, reject.ordRejReason());
        assertEquals("Venue SIM not reached: session not logged on", reject.text());
    }

    @Test
    void aReplaceToAVenueWithoutCancelReplaceIsRejectedAtOnce() throws Exception
    {
        start(context -> context.venueRules("SIM", new VenueRules(EnumSet.of(OrdType.LIMIT),
            EnumSet.of(TimeInForce.DAY), false, false)));
        acked("X", 100);
        oms.replace("Y", "X", units(200), PX);
        oms.drain();
        final CancelReject reject = expectCancelReject(OrdStatus.NEW, CxlRejResponseTo.CANCEL_REPLACE,
            CxlRejReason.BROKER_OPTION, "Y", "X");
        assertEquals("Venue SIM does not support cancel/replace; cancel and re-enter", reject.text());
        oms.assertNothingMore();
    }

    @Test
    void stopOrdersGoToVenuesThatTakeThemAndAreRefusedClearlyElsewhere() throws Exception
    {
        start(context -> context.venueRules("OTHER", new VenueRules(EnumSet.allOf(OrdType.class),
            EnumSet.allOf(TimeInForce.class), true, false)));
        oms.newOrder("S1", Side.BUY, OrdType.STOP, TimeInForce.DAY, units(10), FixedPoint.NULL_VALUE, units(105), 0,
            "AAPL", "", "ACME", false);
        oms.drain();
        final ExecReport refused = oms.next(ExecReport.class);
        assertEquals(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC, refused.ordRejReason());
        assertEquals("Unsupported OrdType (40) 3: venue SIM does not accept it", refused.text());

        oms.newOrder("S2", Side.BUY, OrdType.STOP_LIMIT, TimeInForce.DAY, units(10), units(106), units(105), 0,
            "AAPL", "OTHER", "ACME", false);
        oms.drain();
        final VenueOrder routed = oms.next(VenueOrder.class);
        assertEquals(OrdType.STOP_LIMIT, routed.ordType());
        assertEquals(units(106), routed.price());
    }

    @Test
    void aVenueThatCancelsOnDisconnectHasItsWorkingOrdersReportedCancelled() throws Exception
    {
        start(context -> context.venueRules("SIM", new VenueRules(EnumSet.of(OrdType.LIMIT),
            EnumSet.of(TimeInForce.DAY), true, true)));
        final VenueOrder order = acked("X", 100);
        fill(order.venueClOrdId(), 40, "F1");
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 100, 40, 60, 40, PX, "X", "");
        oms.sessionStatus(OmsHarness.VENUE_SESSION, SIM, SessionRole.VENUE, SessionState.LOGGED_OUT);
        oms.drain();
        final ExecReport cancelled = expect(ExecType.CANCELED, OrdStatus.CANCELED, 100, 40, 0, 0, 0, "X", "");
        assertEquals(ExecRestatementReason.CANCEL_ON_SYSTEM_FAILURE, cancelled.restatementReason());
        oms.assertNothingMore();
    }

    @Test
    void aReplaceAboveTheRiskLimitIsRejectedAndTheOrderWorksOn() throws Exception
    {
        final VenueOrder order = acked("X", 10000);
        oms.replace("Y", "X", units(20001), PX);
        oms.drain();
        final CancelReject reject = expectCancelReject(OrdStatus.NEW, CxlRejResponseTo.CANCEL_REPLACE,
            CxlRejReason.BROKER_OPTION, "Y", "X");
        assertEquals("MAX_ORDER_QTY: 20,001 > 20,000 (account ACME)", reject.text());
        oms.assertNothingMore();
        fill(order.venueClOrdId(), 10000, "F1");
        expect(ExecType.TRADE, OrdStatus.FILLED, 10000, 10000, 0, 10000, PX, "X", "");
    }

    @Test
    void aReportForAnOrderBastionDoesNotKnowIsCountedAndChangesNothing() throws Exception
    {
        acked("X", 100);
        oms.venueExecution(SIM, 999_999_999L, 0, ExecType.TRADE, OrdStatus.FILLED, units(100), PX, "V9", "");
        oms.drain();
        oms.assertNothingMore();
        assertEquals(1, oms.oms.orderManager().counters().unknownVenueReports());
        assertEquals(1, oms.oms.orderManager().workingOrders());
    }
}
