package io.bastion.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sliding window of the message throttles: ten buckets of a tenth of the window.
 */
class MessageThrottleTest
{
    private static final long WINDOW_NS = 1_000_000_000L;
    private static final long START_NS = 1_700_000_000_000_000_000L;

    private final MessageThrottle throttle = new MessageThrottle();

    @Test
    void shouldCountMessagesWithinTheWindowPerKey()
    {
        assertEquals(1, throttle.count(3, WINDOW_NS, START_NS));
        assertEquals(2, throttle.count(3, WINDOW_NS, START_NS + 1));
        assertEquals(1, throttle.count(7, WINDOW_NS, START_NS + 2), "another key counts alone");
        assertEquals(3, throttle.count(3, WINDOW_NS, START_NS + 999_000_000L));
    }

    @Test
    void shouldForgetMessagesOlderThanTheWindowBucketByBucket()
    {
        for (int i = 0; i < 10; i++)
        {
            throttle.count(0, WINDOW_NS, START_NS + i * 100_000_000L);
        }
        assertEquals(11, throttle.count(0, WINDOW_NS, START_NS + 999_999_999L), "all ten buckets still in the window");
        assertEquals(11, throttle.count(0, WINDOW_NS, START_NS + 1_000_000_000L), "12, less the first bucket's one");
        assertEquals(1, throttle.count(0, WINDOW_NS, START_NS + 5_000_000_000L), "a quiet window empties it");
    }

    @Test
    void shouldStartAfreshWhenTheWindowChanges()
    {
        throttle.count(0, WINDOW_NS, START_NS);
        throttle.count(0, WINDOW_NS, START_NS);
        assertEquals(1, throttle.count(0, 2 * WINDOW_NS, START_NS));
    }
}
