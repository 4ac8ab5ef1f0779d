package io.bastion.compliance;

import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditJournalAllocationTest
{
    private static final int MESSAGES_PER_STREAM_PER_ROUND = 16;
    private static final int MESSAGES_PER_ROUND = 2 * MESSAGES_PER_STREAM_PER_ROUND + 1;
    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int MEASURED_ROUNDS = 300;
    private static final int CLEAN_WINDOWS_REQUIRED = 3;
    private static final int MAX_WINDOWS = 12;
    private static final String LONG_TEXT = "r".repeat(3000);

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(AuditDurability.class)
    void shouldNotAllocatePerMessageAfterWarmUp(final AuditDurability durability)
    {
        try (JournalHarness harness = new JournalHarness())
        {
            harness.keepSent = false;
            harness.start((context) -> context
                .durability(durability)
                .segmentLength(AuditJournalConfiguration.SEGMENT_LENGTH_MAX));

            run(harness, WARM_UP_ROUNDS);

            // A steady per-message allocation shows in every window; a one-off (class loading, a JIT
            // deoptimisation) does not repeat. Pass only on consecutive clean windows.
            final List<Long> windows = new ArrayList<>();
            int cleanInARow = 0;
            while (cleanInARow < CLEAN_WINDOWS_REQUIRED && windows.size() < MAX_WINDOWS)
            {
                final long allocated = run(harness, MEASURED_ROUNDS);
                windows.add(allocated);
                cleanInARow = allocated == 0 ? cleanInARow + 1 : 0;
            }

            assertEquals(CLEAN_WINDOWS_REQUIRED, cleanInARow, "bytes allocated by the journal (" + durability +
                ") per window of " + MEASURED_ROUNDS * MESSAGES_PER_ROUND + " messages: " + windows);
            assertEquals(harness.agent.recordsAppended(), harness.agent.lastSequence());
        }
    }

    /**
     * Each round: new orders on the inbound stream, execution reports on the outbound one and a report long enough
     * to be fragmented. Only the agent's doWork calls are measured; publishing happens outside.
     */
    private long run(final JournalHarness harness, final int rounds)
    {
        long allocated = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < MESSAGES_PER_STREAM_PER_ROUND; i++)
            {
                harness.newOrder("ORDER", Side.BUY, "10", "100.5", "AAPL");
                harness.executionReport("ORDER", round, i, ExecType.NEW, OrdStatus.NEW, "10", "100.5", "0", "0", "0",
                    "10", "0", "");
            }
            harness.executionReport("ORDER", round, -1, ExecType.REJECTED, OrdStatus.REJECTED, "10", "100.5", "0",
                "0", "0", "0", "0", LONG_TEXT);

            final long target = harness.agent.lastSequence() + MESSAGES_PER_ROUND;
            final long deadlineNs = System.nanoTime() + 10_000_000_000L;
            while (harness.agent.lastSequence() < target)
            {
                if (System.nanoTime() > deadlineNs)
                {
                    throw new AssertionError("journal stuck at " + harness.agent.lastSequence());
                }
                final long before = threads.getCurrentThreadAllocatedBytes();
                harness.agent.doWork();
                allocated += threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        return allocated;
    }
}
