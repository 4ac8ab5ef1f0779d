package io.bastion.risk;

import java.util.Arrays;

/**
 * Messages counted per key (a client session number, an account index) over a sliding window, in ten buckets of a
 * tenth of the window each: the count is that of the last ten buckets, so it is exact to a tenth of the window.
 * Allocation free once a key has been seen. Owned by the OMS thread.
 */
public final class MessageThrottle
{
    private static final int BUCKETS = 10;

    private long[] counts = new long[0];
    private long[] lastBucket = new long[0];
    private long[] windowNs = new long[0];
    private long[] total = new long[0];

    /**
     * Count one message and return how many the key has sent within the window, this one included.
     *
     * @param key      the key, 0 or more.
     * @param window   the window, nanoseconds, positive.
     * @param nowNs    the clock.
     * @return messages in the window.
     */
    public long count(final int key, final long window, final long nowNs)
    {
        ensure(key);
        final long bucketNs = Math.max(1, window / BUCKETS);
        final long bucket = nowNs / bucketNs;
        final int base = key * BUCKETS;
        if (windowNs[key] != window || bucket - lastBucket[key] >= BUCKETS)
        {
            Arrays.fill(counts, base, base + BUCKETS, 0);
            total[key] = 0;
            windowNs[key] = window;
        }
        else
        {
            for (long b = lastBucket[key] + 1; b <= bucket; b++)
            {
                final int slot = base + (int)(b % BUCKETS);
                total[key] -= counts[slot];
                counts[slot] = 0;
            }
        }
        if (bucket > lastBucket[key])
        {
            lastBucket[key] = bucket;
        }
        counts[base + (int)(lastBucket[key] % BUCKETS)]++;
        return ++total[key];
    }

    private void ensure(final int key)
    {
        if (key >= total.length)
        {
            final int keys = Math.max(key + 1, total.length * 2);
            counts = Arrays.copyOf(counts, keys * BUCKETS);
            lastBucket = Arrays.copyOf(lastBucket, keys);
            windowNs = Arrays.copyOf(windowNs, keys);
            total = Arrays.copyOf(total, keys);
        }
    }
}
