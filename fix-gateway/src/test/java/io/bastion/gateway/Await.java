package io.bastion.gateway;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

/**
 * Polling with a deadline: tests wait for a condition, never for a fixed time.
 */
final class Await
{
    static final long DEFAULT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(15);

    private Await()
    {
    }

    static void until(final String description, final BooleanSupplier condition)
    {
        until(description, condition, DEFAULT_TIMEOUT_NS);
    }

    static void until(final String description, final BooleanSupplier condition, final long timeoutNs)
    {
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out waiting for " + description);
            }
            idle.idle();
        }
    }

    static <T> T value(final String description, final Supplier<T> supplier)
    {
        final Object[] holder = new Object[1];
        until(description, () ->
        {
            holder[0] = supplier.get();
            return null != holder[0];
        });
        @SuppressWarnings("unchecked")
        final T value = (T)holder[0];
        return value;
    }
}
