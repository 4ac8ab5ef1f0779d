package io.bastion.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for points on a schedule without taking a core from the system under test: it parks until shortly before
 * the point, then yields until it. How early to wake is learnt from how far parking overshoots (on a virtual
 * machine with the default 50 us timer slack, {@code parkNanos} sleeps 60-100 us longer than asked): the estimate
 * tracks the 75th percentile of the overshoot, step by step, so that a stall (a GC pause, a busy CPU) does not
 * turn the sender into a spinner that competes with the system under test for the cores.
 */
final class Pacer
{
    static final long CUSHION_NS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long MIN_OVERSHOOT_NS = TimeUnit.MICROSECONDS.toNanos(5);
    private static final long MAX_OVERSHOOT_NS = TimeUnit.MICROSECONDS.toNanos(250);
    private static final long STEP_NS = 500;
    private static final int UP_STEPS = 3;

    private long overshootNs = TimeUnit.MICROSECONDS.toNanos(100);

    /**
     * Return at or just after a time.
     *
     * @param timeNs a {@link System#nanoTime()} value.
     */
    void awaitTime(final long timeNs)
    {
        long nowNs = System.nanoTime();
        final long earlyNs = overshootNs + CUSHION_NS;
        if (timeNs - nowNs > earlyNs)
        {
            final long requestedNs = timeNs - nowNs - earlyNs;
            LockSupport.parkNanos(requestedNs);
            final long afterNs = System.nanoTime();
            final long observedNs = afterNs - nowNs - requestedNs;
            overshootNs += observedNs > overshootNs ? UP_STEPS * STEP_NS : -STEP_NS;
            overshootNs = Math.min(MAX_OVERSHOOT_NS, Math.max(MIN_OVERSHOOT_NS, overshootNs));
            nowNs = afterNs;
        }
        while (timeNs - nowNs > 0)
        {
            Thread.yield();
            nowNs = System.nanoTime();
        }
    }

    /**
     * @return how much parking overshoots, as learnt so far, in nanoseconds.
     */
    long overshootNs()
    {
        return overshootNs;
    }
}
