package io.bastion.app;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins briefly, yields a few times, then parks until {@link #wake()} is called or the park period ends. Producers
 * on other threads call {@link #wake()} after publishing, so an idle agent reacts in the time it takes to unpark a
 * thread instead of sleeping out a back-off period, and costs no CPU while nothing happens. A wake that arrives
 * before the agent parks is not lost: it leaves the thread's permit set and the next park returns at once.
 */
public final class WakeableIdleStrategy implements IdleStrategy
{
    private final int maxSpins;
    private final int maxYields;
    private final long maxParkNs;
    private volatile Thread owner;
    private int spins;
    private int yields;

    /**
     * @param maxSpins  spins before yielding.
     * @param maxYields yields before parking.
     * @param maxParkNs longest park without a wake.
     */
    public WakeableIdleStrategy(final int maxSpins, final int maxYields, final long maxParkNs)
    {
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.maxParkNs = maxParkNs;
    }

    /**
     * Wake the agent thread if it is parked, or make its next park return at once. Thread safe.
     */
    public void wake()
    {
        final Thread thread = owner;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void idle()
    {
        if (spins < maxSpins)
        {
            spins++;
            Thread.onSpinWait();
        }
        else if (yields < maxYields)
        {
            yields++;
            Thread.yield();
        }
        else
        {
            if (null == owner)
            {
                owner = Thread.currentThread();
            }
            LockSupport.parkNanos(this, maxParkNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
        spins = 0;
        yields = 0;
    }

    /**
     * {@inheritDoc}
     */
    public String alias()
    {
        return "wakeable";
    }
}
