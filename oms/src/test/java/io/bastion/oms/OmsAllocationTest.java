package io.bastion.oms;

import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OmsAllocationTest
{
    private static final int WARM_UP_ORDERS = 60_000;
    private static final int MEASURED_ORDERS = 10_000;
    private static final int CLEAN_WINDOWS_REQUIRED = 3;
    private static final int MAX_WINDOWS = 12;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void shouldNotAllocateOnTheOrderPathAfterWarmUp() throws Exception
    {
        // Self-match prevention on: every sell is checked against the PROBE buy resting below it.
        try (OmsHarness oms = new OmsHarness(OmsHarness.tempDir(), context -> context.orderCapacity(4096)
            .limits(TestLimits.wide(List.of("AAPL", "MSFT", "IBM"), List.of("SIM", "OTHER"), "10000", "5000000",
            "risk.selfMatch=cancelIncoming"))))
        {
            oms.newLimit("PROBE", Side.BUY, units(1), units(1), "AAPL");
            oms.drain();
            oms.next(VenueOrder.class);

            run(oms, 1, WARM_UP_ORDERS);

            // A steady per-message allocation shows in every window; a one-off (class loading, a JIT
            // deoptimisation) does not repeat. Pass only on consecutive clean windows.
            final List<Long> windows = new ArrayList<>();
            int cleanInARow = 0;
            int next = 1 + WARM_UP_ORDERS;
            while (cleanInARow < CLEAN_WINDOWS_REQUIRED && windows.size() < MAX_WINDOWS)
            {
                final long allocated = run(oms, next, MEASURED_ORDERS);
                next += MEASURED_ORDERS;
                windows.add(allocated);
                cleanInARow = allocated == 0 ? cleanInARow + 1 : 0;
            }

            assertEquals(CLEAN_WINDOWS_REQUIRED, cleanInARow,
                "bytes allocated by the OMS per window of " + MEASURED_ORDERS + " orders: " + windows);
            assertTrue(oms.oms.orderManager().counters().fills() >= 2L * (next - 1));
            assertEquals(0, oms.oms.orderManager().counters().ignoredReferencePrices(), "every price taken");
        }
    }

    @Test
    void shouldNotAllocateOnReplaceBustAndCancelAfterWarmUp() throws Exception
    {
        try (OmsHarness oms = new OmsHarness(OmsHarness.tempDir(), context -> context.orderCapacity(4096)))
        {
            runAmended(oms, 1, WARM_UP_ORDERS / 2);

            final List<Long> windows = new ArrayList<>();
            int cleanInARow = 0;
            int next = 1 + WARM_UP_ORDERS / 2;
            while (cleanInARow < CLEAN_WINDOWS_REQUIRED && windows.size() < MAX_WINDOWS)
            {
                final long allocated = runAmended(oms, next, MEASURED_ORDERS);
                next += MEASURED_ORDERS;
                windows.add(allocated);
                cleanInARow = allocated == 0 ? cleanInARow + 1 : 0;
            }

            assertEquals(CLEAN_WINDOWS_REQUIRED, cleanInARow,
                "bytes allocated by the OMS per window of " + MEASURED_ORDERS + " amended orders: " + windows);
            final OmsCounters counters = oms.oms.orderManager().counters();
            assertTrue(counters.replaced() >= next - 1, "every order was replaced: " + counters.replaced());
            assertTrue(counters.busts() >= next - 1, "every order had a fill busted: " + counters.busts());
            assertEquals(0, oms.oms.orderManager().workingOrders(), "every order ended cancelled");
        }
    }

    /**
     * Each order: new order, venue ack, client replace, venue replaced, a fill, its bust, client cancel, venue
     * cancelled.
     */
    private long runAmended(final OmsHarness oms, final int first, final int count)
    {
        long allocated = 0;
        for (int i = first; i < first + count; i++)
        {
            final String clOrdId = clOrdId(i);
            oms.newLimit(clOrdId, Side.BUY, units(10), units(100), "AAPL");
            allocated += work(oms);
            final long venueClOrdId = oms.lastVenueClOrdId;
            oms.venueExecution(SIM, venueClOrdId, 0, ExecType.NEW, OrdStatus.NEW, 0, 0, "V1", "");
            allocated += work(oms);
            oms.replace(clOrdId + "R", clOrdId, units(20), units(100));
            allocated += work(oms);
            final long replaceVenueClOrdId = oms.lastReplaceVenueClOrdId;
            oms.venueExecution(SIM, replaceVenueClOrdId, venueClOrdId, ExecType.REPLACED, OrdStatus.NEW, 0, 0, "V1",
                "");
            final String execId = "F" + i;
            oms.venueExecution(SIM, replaceVenueClOrdId, 0, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, units(5),
                units(100), "V1", execId, "", FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
                ExecRestatementReason.NULL_VAL, false, "");
            oms.venueExecution(SIM, replaceVenueClOrdId, 0, ExecType.TRADE_CANCEL, OrdStatus.NEW, 0, 0, "V1",
                "B" + i, execId, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
                ExecRestatementReason.NULL_VAL, false, "");
            allocated += work(oms);
            oms.cancel(clOrdId + "C", clOrdId + "R", "AAPL");
            allocated += work(oms);
            oms.venueExecution(SIM, oms.lastCancelVenueClOrdId, replaceVenueClOrdId, ExecType.CANCELED,
                OrdStatus.CANCELED, 0, 0, "V1", "");
            allocated += work(oms);
        }
        return allocated;
    }

    /**
     * Each order: new order, venue ack, two partial fills (the position and the day's P&amp;L updated twice), a
     * reference price (the day's P&amp;L of the accounts holding the symbol valued again). Only the OMS's doWork calls
     * are measured; the test's own encoding and decoding happen outside the measured windows.
     */
    private long run(final OmsHarness oms, final int first, final int count)
    {
        long allocated = 0;
        for (int i = first; i < first + count; i++)
        {
            oms.newLimit(clOrdId(i), (i & 1) == 0 ? Side.BUY : Side.SELL, units(10), units(100), "AAPL");
            allocated += work(oms);
            final long venueClOrdId = oms.lastVenueClOrdId;
            oms.venueExecution(SIM, venueClOrdId, 0, ExecType.NEW, OrdStatus.NEW, 0, 0, "V1", "");
            oms.venueExecution(SIM, venueClOrdId, 0, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, units(4), units(100),
                "V1", "");
            oms.venueExecution(SIM, venueClOrdId, 0, ExecType.TRADE, OrdStatus.FILLED, units(6), units(101), "V1", "");
            oms.referencePrice("AAPL", units(1000 + (i & 7)), OmsHarness.NOW_NS + i);
            allocated += work(oms);
        }
        return allocated;
    }

    private final String[] ids = new String[64 * 1024];

    private String clOrdId(final int i)
    {
        final int slot = i % ids.length;
        if (ids[slot] == null || !ids[slot].equals("O" + i))
        {
            ids[slot] = "O" + i;
        }
        return ids[slot];
    }

    private long work(final OmsHarness oms)
    {
        long allocated = 0;
        final long deadline = System.nanoTime() + 5_000_000_000L;
        int idle = 0;
        while (idle < 50 && System.nanoTime() < deadline)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            final int work = oms.doWork();
            allocated += threads.getCurrentThreadAllocatedBytes() - before;
            final int out = oms.pollOutboundRecordingVenueIds();
            idle = work + out == 0 ? idle + 1 : 0;
        }
        return allocated;
    }
}
