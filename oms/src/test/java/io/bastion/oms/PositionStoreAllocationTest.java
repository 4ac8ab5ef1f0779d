package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fills, busts (in the ledger and before it), corrections and marks of existing positions allocate nothing once warm.
 */
class PositionStoreAllocationTest
{
    private static final int WARM_UP_CYCLES = 30_000;
    private static final int MEASURED_CYCLES = 5_000;
    private static final int CLEAN_WINDOWS_REQUIRED = 3;
    private static final int MAX_WINDOWS = 12;
    private static final long SCALE = FixedPoint.SCALE;
    private static final String[] ACCOUNTS = {"ACME", "BETA"};
    private static final String SYMBOL = "AAPL";

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final int[] outcomes = new int[PositionAdjustment.values().length];

    @TempDir
    Path dir;

    @Test
    void shouldNotAllocateOnFillsBustsCorrectionsOrMarksOfExistingPositions()
    {
        try (PositionStore store = new PositionStore(dir.resolve("positions.cmap").toFile(), 100))
        {
            run(store, 0, WARM_UP_CYCLES);

            // A steady per-operation allocation shows in every window; a one-off (class loading, a JIT
            // deoptimisation) does not repeat. Pass only on consecutive clean windows.
            final List<Long> windows = new ArrayList<>();
            int cleanInARow = 0;
            int next = WARM_UP_CYCLES;
            while (cleanInARow < CLEAN_WINDOWS_REQUIRED && windows.size() < MAX_WINDOWS)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                run(store, next, MEASURED_CYCLES);
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                next += MEASURED_CYCLES;
                windows.add(allocated);
                cleanInARow = allocated == 0 ? cleanInARow + 1 : 0;
            }

            assertEquals(CLEAN_WINDOWS_REQUIRED, cleanInARow,
                "bytes allocated per window of " + MEASURED_CYCLES + " cycles: " + windows);
            assertTrue(outcomes[PositionAdjustment.REPLAYED.ordinal()] >= 3 * next, "busts and corrections replayed");
            assertTrue(outcomes[PositionAdjustment.APPLIED_BEFORE_LEDGER.ordinal()] >= next, "busts before the ledger");
            assertTrue(store.read(ACCOUNTS[0], SYMBOL).fillCount() > PositionValue.LEDGER_CAPACITY);
        }
    }

    /**
     * Each cycle, on each account: three fills, a bust of the middle one (a replay of the whole ledger), a correction,
     * a bust of a fill that has left the ledger and a mark. The ledger stays full, so every fill folds one out.
     */
    private void run(final PositionStore store, final int first, final int count)
    {
        for (int i = first; i < first + count; i++)
        {
            final long qty = (1 + i % 7) * SCALE;
            final long price = (100 + i % 13) * SCALE;
            for (final String account : ACCOUNTS)
            {
                store.applyFill(account, SYMBOL, Side.BUY, qty, price, i);
                store.applyFill(account, SYMBOL, Side.SELL, qty, price + SCALE, i);
                store.applyFill(account, SYMBOL, Side.BUY, 2 * qty, price - SCALE, i);
                outcomes[store.applyBust(account, SYMBOL, Side.SELL, qty, price + SCALE, i).ordinal()]++;
                outcomes[store.applyCorrection(
                    account, SYMBOL, Side.BUY, 2 * qty, price - SCALE, qty, price, i).ordinal()]++;
                outcomes[store.applyBust(account, SYMBOL, Side.BUY, SCALE / 2, price, i).ordinal()]++;
                store.mark(account, SYMBOL, price, i);
            }
        }
    }
}
