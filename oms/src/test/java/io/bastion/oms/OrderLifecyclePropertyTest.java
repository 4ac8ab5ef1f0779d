package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.oms.OmsHarness.VenueReplace;
import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Int128;
import io.bastion.risk.PreTradeRisk;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random lives of many orders at once: new orders, acknowledgements, fills on the current or a replaced venue
 * ClOrdID, cancels and replaces that the venue accepts or refuses, busts and corrections of any standing execution,
 * in random order. After every report the OMS sends, the invariants of the order state change matrices hold, and at
 * the end the position equals the executions that stand.
 */
class OrderLifecyclePropertyTest
{
    private static final int STEPS = 1_500;
    private static final int MAX_LIVE = 6;

    /**
     * What the test, playing client and venue, knows of one order.
     */
    private static final class Model
    {
        final String clOrdId;
        String currentClOrdId;
        long venueClOrdId;
        final List<Long> venueClOrdIds = new ArrayList<>();
        long orderQty;
        long cumQty;
        long leavesQty;
        OrdStatus ordStatus = OrdStatus.PENDING_NEW;
        boolean acked;
        boolean venueDone;
        VenueCancel pendingCancel;
        VenueReplace pendingReplace;
        String pendingReplaceClOrdId;
        final Map<Long, long[]> standing = new LinkedHashMap<>();
        final Map<Long, String> venueExecIdByExecId = new LinkedHashMap<>();
        int requests;

        Model(final String clOrdId, final long orderQty)
        {
            this.clOrdId = clOrdId;
            this.currentClOrdId = clOrdId;
            this.orderQty = orderQty;
        }
    }

    private OmsHarness oms;
    private final Map<Long, Model> byOrderId = new LinkedHashMap<>();
    private final Map<String, Model> byClOrdId = new LinkedHashMap<>();
    private final List<Model> models = new ArrayList<>();
    private final Map<String, String> pendingVenueExecs = new LinkedHashMap<>();
    private int nextVenueExec;
    private String lastVenueExecId;

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L})
    void invariantsHoldThroughRandomOrderLives(final long seed) throws Exception
    {
        final Random random = new Random(seed);
        oms = new OmsHarness(OmsHarness.tempDir(),
            context -> context.limits(TestLimits.wide(context.symbols(), context.venueNames(), "1000000", "10000000000")));
        try
        {
            for (int step = 0; step < STEPS; step++)
            {
                act(random, step);
                oms.drain(1_000_000L);
                consumeOutput();
                assertExposureMatchesWorkingOrders(step);
            }
            assertPositionsMatchStandingExecutions();
        }
        finally
        {
            oms.close();
        }
    }

    private void act(final Random random, final int step)
    {
        final List<Model> live = new ArrayList<>();
        for (final Model model : models)
        {
            if (!model.venueDone)
            {
                live.add(model);
            }
        }
        final int choice = random.nextInt(10);
        if (live.size() < MAX_LIVE && (live.isEmpty() || choice == 0))
        {
            final String clOrdId = "O" + step;
            final Model model = new Model(clOrdId, units(10 + random.nextInt(90)));
            models.add(model);
            byClOrdId.put(clOrdId, model);
            oms.newOrder(clOrdId, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, model.orderQty, units(100),
                FixedPoint.NULL_VALUE, 0, "AAPL", "", "ACME", false);
            return;
        }
        if (live.isEmpty())
        {
            return;
        }
        final Model model = live.get(random.nextInt(live.size()));
        switch (choice)
        {
            case 1, 2 ->
            {
                if (!model.acked && model.venueClOrdId != 0)
                {
                    model.acked = true;
                    venueSays(model.venueClOrdId, ExecType.NEW, 0, 0, "");
                }
                else if (model.venueClOrdId != 0)
                {
                    fill(random, model);
                }
            }
            case 3, 4 -> fill(random, model);
            case 5 -> bustOrCorrect(random, model);
            case 6 ->
            {
                if (model.acked && model.pendingCancel == null && model.pendingReplace == null &&
                    model.pendingReplaceClOrdId == null)
                {
                    oms.cancel(model.clOrdId + "-C" + model.requests++, model.currentClOrdId, "AAPL");
                }
            }
            case 7 ->
            {
                if (model.acked && model.pendingCancel == null && model.pendingReplace == null &&
                    model.pendingReplaceClOrdId == null)
                {
                    model.pendingReplaceClOrdId = model.clOrdId + "-R" + model.requests++;
                    oms.replace(model.pendingReplaceClOrdId, model.currentClOrdId, units(5 + random.nextInt(120)),
                        units(100));
                }
            }
            default -> answerPending(random, model);
        }
    }

    private void fill(final Random random, final Model model)
    {
        final long venueLeaves = model.orderQty - model.cumQty;
        if (!model.acked || venueLeaves <= 0 || model.venueDone)
        {
            return;
        }
        final long qty = units(1 + random.nextInt((int)Math.min(venueLeaves / units(1), 30)));
        final long px = units(99) + random.nextInt(300) * 1_000_000L;
        final long onId = model.venueClOrdIds.get(random.nextInt(model.venueClOrdIds.size()));
        venueSays(onId, ExecType.TRADE, qty, px, "");
        pendingVenueExecs.put(lastVenueExecId, model.clOrdId);
    }

    private void bustOrCorrect(final Random random, final Model model)
    {
        if (model.standing.isEmpty())
        {
            return;
        }
        final List<Long> execIds = new ArrayList<>(model.standing.keySet());
        final long execId = execIds.get(random.nextInt(execIds.size()));
        final String venueExecId = model.venueExecIdByExecId.get(execId);
        if (random.nextBoolean())
        {
            venueSays(model.venueClOrdId, ExecType.TRADE_CANCEL, 0, 0, venueExecId);
        }
        else
        {
            final long qty = Math.max(units(1), model.standing.get(execId)[0] - units(random.nextInt(3)));
            venueSays(model.venueClOrdId, ExecType.TRADE_CORRECT, qty, units(98), venueExecId);
            pendingVenueExecs.put(lastVenueExecId, model.clOrdId);
        }
    }

    private void answerPending(final Random random, final Model model)
    {
        if (model.pendingCancel != null)
        {
            final VenueCancel cancel = model.pendingCancel;
            model.pendingCancel = null;
            if (model.cumQty < model.orderQty && random.nextInt(4) > 0)
            {
                model.venueDone = true;
                venueSays(cancel.venueClOrdId(), ExecType.CANCELED, 0, 0, "");
            }
            else
            {
                oms.venueCancelReject(SIM, cancel.venueClOrdId(), model.venueClOrdId, "refused");
            }
        }
        else if (model.pendingReplace != null)
        {
            final VenueReplace replace = model.pendingReplace;
            model.pendingReplace = null;
            if (random.nextInt(4) > 0 && model.cumQty < model.orderQty)
            {
                model.venueClOrdId = replace.venueClOrdId();
                model.venueClOrdIds.add(replace.venueClOrdId());
                model.orderQty = Math.max(replace.orderQty(), model.cumQty);
                venueSays(replace.venueClOrdId(), ExecType.REPLACED, 0, 0, "");
            }
            else
            {
                oms.venueCancelReject(SIM, replace.venueClOrdId(), model.venueClOrdId, CxlRejResponseTo.CANCEL_REPLACE,
                    "refused");
            }
        }
    }

    private void venueSays(
        final long venueClOrdId, final ExecType execType, final long lastQty, final long lastPx, final String refId)
    {
        lastVenueExecId = "VX" + (++nextVenueExec);
        oms.venueExecution(SIM, venueClOrdId, 0, execType, OrdStatus.NEW, lastQty, lastPx, "V", lastVenueExecId,
            refId, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.NULL_VAL, false, "");
    }

    private void consumeOutput()
    {
        Object message;
        while ((message = oms.received.poll()) != null)
        {
            if (message instanceof VenueOrder order)
            {
                final Model model = lastNewModel();
                model.venueClOrdId = order.venueClOrdId();
                model.venueClOrdIds.add(order.venueClOrdId());
            }
            else if (message instanceof VenueCancel cancel)
            {
                findByVenueId(cancel.origVenueClOrdId()).pendingCancel = cancel;
            }
            else if (message instanceof VenueReplace replace)
            {
                findByVenueId(replace.origVenueClOrdId()).pendingReplace = replace;
            }
            else if (message instanceof ExecReport report)
            {
                onReport(report);
            }
            else if (message instanceof CancelReject reject)
            {
                final Model model = byOrderId.get(reject.orderId());
                if (model != null && reject.clOrdId().equals(model.pendingReplaceClOrdId))
                {
                    model.pendingReplaceClOrdId = null;
                }
            }
        }
    }

    private Model lastNewModel()
    {
        for (int i = models.size() - 1; i >= 0; i--)
        {
            if (models.get(i).venueClOrdId == 0)
            {
                return models.get(i);
            }
        }
        throw new AssertionError("a venue order nobody asked for");
    }

    private Model findByVenueId(final long venueClOrdId)
    {
        for (final Model model : models)
        {
            if (model.venueClOrdIds.contains(venueClOrdId))
            {
                return model;
            }
        }
        throw new AssertionError("unknown venue ClOrdID " + venueClOrdId);
    }

    private void onReport(final ExecReport report)
    {
        final Model model = byOrderId.computeIfAbsent(report.orderId(), id -> byClOrdId.get(report.clOrdId()));
        if (model == null)
        {
            fail("a report for an order nobody sent: " + report);
        }
        switch (report.execType())
        {
            case TRADE ->
            {
                model.standing.put(report.execId(), new long[]{report.lastQty(), report.lastPx()});
                model.venueExecIdByExecId.put(report.execId(), lastVenueExecIdFor(model));
            }
            case TRADE_CORRECT ->
            {
                assertTrue(model.standing.containsKey(report.execRefId()), "corrects a standing fill: " + report);
                model.standing.remove(report.execRefId());
                model.venueExecIdByExecId.remove(report.execRefId());
                model.standing.put(report.execId(), new long[]{report.lastQty(), report.lastPx()});
                model.venueExecIdByExecId.put(report.execId(), lastVenueExecIdFor(model));
            }
            case TRADE_CANCEL ->
            {
                assertTrue(model.standing.containsKey(report.execRefId()), "busts a standing fill: " + report);
                model.standing.remove(report.execRefId());
                model.venueExecIdByExecId.remove(report.execRefId());
            }
            case REPLACED ->
            {
                model.currentClOrdId = report.clOrdId();
                model.pendingReplaceClOrdId = null;
            }
            default -> { }
        }
        if (report.execType() != ExecType.TRADE_CANCEL && report.execType() != ExecType.TRADE_CORRECT)
        {
            assertTrue(report.cumQty() >= model.cumQty, "CumQty fell without a bust: " + report);
        }
        model.cumQty = report.cumQty();
        model.leavesQty = report.leavesQty();
        model.ordStatus = report.ordStatus();

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
        long high = 0;
        long low = 0;
        long qty = 0;
        for (final long[] execution : model.standing.values())
        {
            high = Int128.addProductHigh(high, low, execution[0], execution[1]);
            low = Int128.addProductLow(low, execution[0], execution[1]);
            qty += execution[0];
        }
        assertEquals(qty, report.cumQty(), "CumQty = standing executions: " + report);
        assertEquals(qty == 0 ? 0 : Int128.divide(high, low, qty), report.avgPx(), "AvgPx: " + report);
    }

    private String lastVenueExecIdFor(final Model model)
    {
        String found = null;
        for (final Map.Entry<String, String> entry : pendingVenueExecs.entrySet())
        {
            if (entry.getValue().equals(model.clOrdId))
            {
                found = entry.getKey();
            }
        }
        if (found == null)
        {
            fail("no venue execution pending for " + model.clOrdId);
        }
        pendingVenueExecs.remove(found);
        return found;
    }

    /**
     * Risk's exposure book holds exactly what the working orders leave to fill (the larger of old and new terms while
     * a replace is pending) and the position the standing executions make: reserved once, released once.
     */
    private void assertExposureMatchesWorkingOrders(final int step)
    {
        long working = 0;
        long standing = 0;
        for (final Model model : models)
        {
            for (final long[] execution : model.standing.values())
            {
                standing += execution[0];
            }
            final boolean done = switch (model.ordStatus)
            {
                case FILLED, CANCELED, REJECTED, EXPIRED, DONE_FOR_DAY -> true;
                default -> model.cumQty >= model.orderQty;
            };
            if (!done)
            {
                long open = Math.max(0, model.orderQty - model.cumQty);
                if (model.pendingReplace != null)
                {
                    open = Math.max(open, Math.max(0, model.pendingReplace.orderQty() - model.cumQty));
                }
                working += open;
            }
        }
        final PreTradeRisk risk = oms.oms.orderManager().risk();
        final int slot = risk.exposure().find(risk.limits().accounts().find("ACME"), risk.limits().symbols().find("AAPL"));
        assertEquals(working, risk.exposure().workingBuyQty(slot), "working buys at step " + step);
        assertEquals(standing, risk.exposure().netQty(slot), "net position at step " + step);
    }

    private void assertPositionsMatchStandingExecutions()
    {
        long qty = 0;
        for (final Model model : models)
        {
            for (final long[] execution : model.standing.values())
            {
                qty += execution[0];
            }
        }
        final Position position = oms.oms.positions().read("ACME", "AAPL");
        assertEquals(qty, position == null ? 0 : position.netQty(), "net position = standing executions");
        assertEquals(0, oms.oms.orderManager().counters().positionAdjustmentsUnmatched());
        assertEquals(0, oms.oms.orderManager().counters().unknownVenueReports());
        assertEquals(0, oms.oms.orderManager().counters().unknownExecRefs());

        final OmsCounters counters = oms.oms.orderManager().counters();
        final String seen = "fills=" + counters.fills() + " busts=" + counters.busts() + " corrections=" +
            counters.corrections() + " replaced=" + counters.replaced() + " replaceRejects=" + counters.replaceRejects() +
            " cancelRejects=" + counters.cancelRejects() + " orders=" + models.size();
        System.out.println(seen);
        assertTrue(counters.fills() > 100 && counters.busts() > 10 && counters.corrections() > 10 &&
            counters.replaced() > 10 && counters.replaceRejects() > 5 && counters.cancelRejects() > 5, seen);
    }
}
