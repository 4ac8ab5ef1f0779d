package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Once its pools are warm, the engine allocates nothing per order: enter, match, rest, replace and cancel.
 */
class MatchingEngineAllocationTest
{
    private static final String SYMBOL = "ALLOC";
    private static final long TICK = FixedPoint.SCALE / 100;
    private static final long REFERENCE = 50 * FixedPoint.SCALE;
    private static final long QUANTITY = 10 * FixedPoint.SCALE;

    private final MatchingEventListener listener = new MatchingEventListener()
    {
        @Override
        public void onAccepted(final Order order)
        {
        }

        @Override
        public void onRejected(final long orderId, final RejectReason reason)
        {
        }

        @Override
        public void onTrade(
            final long tradeId,
            final Order aggressor,
            final Order passive,
            final long priceMantissa,
            final long quantityMantissa)
        {
        }

        @Override
        public void onCanceled(final Order order, final CancelReason reason, final long canceledQuantityMantissa)
        {
        }

        @Override
        public void onReplaced(final Order order)
        {
        }
    };

    private final MatchingEngine engine = new MatchingEngine(listener, true);
    private long nextOrderId = 1;

    /**
     * A steady allocation shows in every round. A round may still see a one-off of a few dozen bytes while C2
     * compiles and deoptimises (observed with C2 only, never with C1), so one clean round out of five is the bar.
     */
    @Test
    void shouldNotAllocateOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        engine.seed(SYMBOL, REFERENCE, TICK, 10, 100 * QUANTITY);
        for (int i = 0; i < 50_000; i++)
        {
            cycle();
        }

        final List<Long> bytesPerRound = new ArrayList<>();
        threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 5; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++)
            {
                cycle();
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(before > 0, "allocation measurement is supported");
            if (allocated == 0)
            {
                assertTrue(engine.tradeCount() > 100_000, "cycles trade");
                return;
            }
            bytesPerRound.add(allocated);
        }
        fail("bytes allocated by each round of 10,000 cycles: " + bytesPerRound);
    }

    private void cycle()
    {
        final long restingId = nextOrderId++;
        engine.submit(restingId, SYMBOL, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, REFERENCE - 20 * TICK, QUANTITY);
        engine.replace(restingId, REFERENCE - 19 * TICK, QUANTITY * 2);
        engine.submit(nextOrderId++, SYMBOL, Side.BUY, OrderType.MARKET, TimeInForce.IMMEDIATE_OR_CANCEL, 0,
            QUANTITY * 150);
        engine.submit(nextOrderId++, SYMBOL, Side.SELL, OrderType.LIMIT, TimeInForce.FILL_OR_KILL,
            REFERENCE - 5 * TICK, QUANTITY);
        engine.cancel(restingId);
    }
}
