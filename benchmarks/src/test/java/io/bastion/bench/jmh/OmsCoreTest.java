package io.bastion.bench.jmh;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@link OmsCoreBenchmark} measures: every order goes through its whole life, also once the OMS recycles
 * finished orders, and the OMS core allocates nothing per order after warm-up. Asserts counts and bytes, never
 * timings.
 */
class OmsCoreTest
{
    private static final int WARM_UP_ORDERS = 100_000;
    private static final int MEASURED_ORDERS = 10_000;
    private static final int CLEAN_WINDOWS_REQUIRED = 3;
    private static final int MAX_WINDOWS = 12;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void shouldTakeEveryOrderThroughItsLifeWhileRecyclingFinishedOrders()
    {
        try (OmsCore core = new OmsCore(64))
        {
            for (int i = 0; i < 500; i++)
            {
                core.newAckFill();
                core.newAckPartialFillCancel();
            }

            core.verify();
            assertEquals(0, core.unexpected());
            assertEquals(1000, core.completedOrders());
            assertEquals(1000, core.output().venueNewOrders());
            assertEquals(500, core.output().venueCancels());
            assertEquals(500 * 2 + 500 * 4, core.output().executionReports());
            assertEquals(1000, core.counters().fills());
            assertEquals(500, core.counters().cancelRequests());
        }
    }

    @Test
    void shouldNotAllocatePerOrderAfterWarmUp()
    {
        try (OmsCore core = new OmsCore(4096))
        {
            run(core, WARM_UP_ORDERS);

            // A steady per-order allocation shows in every window; a one-off (class loading, a JIT deoptimisation)
            // does not repeat. Pass only on consecutive clean windows.
            final List<Long> windows = new ArrayList<>();
            int cleanInARow = 0;
            while (cleanInARow < CLEAN_WINDOWS_REQUIRED && windows.size() < MAX_WINDOWS)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                run(core, MEASURED_ORDERS);
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                windows.add(allocated);
                cleanInARow = allocated == 0 ? cleanInARow + 1 : 0;
            }

            assertEquals(CLEAN_WINDOWS_REQUIRED, cleanInARow,
                "bytes allocated by the OMS core per window of " + MEASURED_ORDERS + " orders: " + windows);
            core.verify();
        }
    }

    private static void run(final OmsCore core, final int orders)
    {
        for (int i = 0; i < orders; i += 2)
        {
            core.newAckFill();
            core.newAckPartialFillCancel();
        }
    }
}
