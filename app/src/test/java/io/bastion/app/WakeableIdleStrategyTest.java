package io.bastion.app;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

class WakeableIdleStrategyTest
{
    private static final long ONE_HOUR_NS = TimeUnit.HOURS.toNanos(1);

    private final WakeableIdleStrategy idle = new WakeableIdleStrategy(0, 0, ONE_HOUR_NS);

    @Test
    void shouldReturnFromAnHourLongParkWhenWoken() throws Exception
    {
        final CountDownLatch returned = new CountDownLatch(1);
        start(() ->
        {
            idle.idle();
            returned.countDown();
        });

        wakeUntil(returned);

        assertTrue(returned.await(0, TimeUnit.SECONDS), "woken out of an hour-long park");
    }

    @Test
    void shouldNotLoseAWakeThatArrivesBeforeThePark() throws Exception
    {
        final CountDownLatch firstParkOver = new CountDownLatch(1);
        final CountDownLatch readyForSecond = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicBoolean wokenEarly = new java.util.concurrent.atomic.AtomicBoolean();
        final CountDownLatch returned = new CountDownLatch(1);
        start(() ->
        {
            idle.idle();
            firstParkOver.countDown();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            readyForSecond.countDown();
            while (!wokenEarly.get())
            {
                Thread.onSpinWait(); // spin, not block: blocking would park and consume the permit under test
            }
            idle.idle();
            returned.countDown();
        });
        wakeUntil(firstParkOver);
        assertTrue(readyForSecond.await(10, TimeUnit.SECONDS));

        idle.wake();
        wokenEarly.set(true);

        assertTrue(returned.await(10, TimeUnit.SECONDS), "a wake before the park makes the park return at once");
    }

    private void wakeUntil(final CountDownLatch latch) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latch.getCount() > 0 && System.nanoTime() < deadline)
        {
            idle.wake();
            latch.await(5, TimeUnit.MILLISECONDS);
        }
    }

    private static void start(final Runnable body)
    {
        final Thread thread = new Thread(body, "agent-under-test");
        thread.setDaemon(true);
        thread.start();
    }
}
