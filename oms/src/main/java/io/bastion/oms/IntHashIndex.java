package io.bastion.oms;

import org.agrona.BitUtil;

/**
 * An open-addressing multimap from a 32-bit key hash to an int (a pool index), in one {@code long[]}: each slot holds
 * the hash and the value side by side. The keys themselves stay with their owners; a lookup returns the values whose
 * stored hash equals the probe's and the caller compares keys, so a probe reads one cache line of this array and
 * dereferences an owner only on a full 32-bit hash match. Removal names the exact (hash, value) pair and closes the
 * gap by moving later entries back (no tombstones), using the stored hashes only.
 * <p>
 * Nothing here holds a reference, so storing into it costs no GC write barrier. Sized once: at most
 * {@code capacity} entries, at a load factor of one half or less. Not thread-safe.
 */
final class IntHashIndex
{
    /** Returned by {@link #first} and {@link #next} when there is no (further) candidate. */
    static final int MISSING = -1;

    private static final long EMPTY = 0L;

    private final long[] slots;
    private final int mask;
    private final int shift;
    private final int capacity;
    private int size;
    private int cursor;
    private int cursorHash;

    /**
     * @param capacity most entries it will hold.
     */
    IntHashIndex(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        final int length = BitUtil.findNextPositivePowerOfTwo(Math.max(4, capacity * 2));
        slots = new long[length];
        mask = length - 1;
        shift = Integer.numberOfLeadingZeros(mask);
        this.capacity = capacity;
    }

    /**
     * The first value stored under this hash, and the start of a scan for more with {@link #next}.
     *
     * @param hash key hash.
     * @return a value, or {@link #MISSING}.
     */
    int first(final int hash)
    {
        cursorHash = hash;
        cursor = home(hash);
        return scan();
    }

    /**
     * The next value stored under the hash given to the last {@link #first}; only valid while nothing was added or
     * removed since.
     *
     * @return a value, or {@link #MISSING}.
     */
    int next()
    {
        cursor = (cursor + 1) & mask;
        return scan();
    }

    /**
     * Add an entry. The caller has made sure its key is not already present.
     *
     * @param hash  key hash.
     * @param value value, 0 or more.
     * @throws IllegalStateException when full.
     */
    void put(final int hash, final int value)
    {
        if (size == capacity)
        {
            throw new IllegalStateException("index full at " + capacity + " entries");
        }
        int i = home(hash);
        while (slots[i] != EMPTY)
        {
            i = (i + 1) & mask;
        }
        slots[i] = entry(hash, value);
        size++;
    }

    /**
     * Remove one entry.
     *
     * @param hash  key hash it was added with.
     * @param value its value.
     * @return true when it was there.
     */
    boolean remove(final int hash, final int value)
    {
        final long wanted = entry(hash, value);
        int i = home(hash);
        long current;
        while ((current = slots[i]) != wanted)
        {
            if (current == EMPTY)
            {
                return false;
            }
            i = (i + 1) & mask;
        }
        closeGap(i);
        size--;
        return true;
    }

    /**
     * @return entries held.
     */
    int size()
    {
        return size;
    }

    /**
     * @return most entries it holds.
     */
    int capacity()
    {
        return capacity;
    }

    private int scan()
    {
        final long[] slots = this.slots;
        int i = cursor;
        long current;
        while ((current = slots[i]) != EMPTY)
        {
            if ((int)(current >>> 32) == cursorHash)
            {
                cursor = i;
                return (int)current - 1;
            }
            i = (i + 1) & mask;
        }
        cursor = i;
        return MISSING;
    }

    /**
     * Backward-shift deletion: move each following entry of the cluster into the gap when the gap lies between its
     * home slot and its slot (cyclically), so every entry stays reachable from its home without tombstones.
     */
    private void closeGap(final int removed)
    {
        final long[] slots = this.slots;
        int gap = removed;
        int i = (removed + 1) & mask;
        long current;
        while ((current = slots[i]) != EMPTY)
        {
            final int home = home((int)(current >>> 32));
            if (((i - home) & mask) >= ((i - gap) & mask))
            {
                slots[gap] = current;
                gap = i;
            }
            i = (i + 1) & mask;
        }
        slots[gap] = EMPTY;
    }

    private int home(final int hash)
    {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private static long entry(final int hash, final int value)
    {
        return ((long)hash << 32) | ((value + 1L) & 0xFFFF_FFFFL);
    }
}
