package io.bastion.oms;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntHashIndexTest
{
    @Test
    void shouldFindEveryValueStoredUnderAHashAndNothingElse()
    {
        final IntHashIndex index = new IntHashIndex(8);
        index.put(42, 1);
        index.put(42, 2);
        index.put(7, 3);

        assertEquals(Set.of(1, 2), valuesUnder(index, 42));
        assertEquals(Set.of(3), valuesUnder(index, 7));
        assertEquals(IntHashIndex.MISSING, index.first(8));
        assertEquals(3, index.size());
    }

    @Test
    void shouldRemoveOnlyTheExactPair()
    {
        final IntHashIndex index = new IntHashIndex(8);
        index.put(42, 1);
        index.put(42, 2);

        assertFalse(index.remove(42, 3));
        assertFalse(index.remove(41, 1));
        assertTrue(index.remove(42, 1));
        assertFalse(index.remove(42, 1));

        assertEquals(Set.of(2), valuesUnder(index, 42));
        assertEquals(1, index.size());
    }

    @Test
    void shouldStoreValueZero()
    {
        final IntHashIndex index = new IntHashIndex(2);
        index.put(0, 0);

        assertEquals(0, index.first(0));
        assertTrue(index.remove(0, 0));
        assertEquals(IntHashIndex.MISSING, index.first(0));
    }

    @Test
    void shouldRefuseAnEntryBeyondItsCapacity()
    {
        final IntHashIndex index = new IntHashIndex(2);
        index.put(1, 1);
        index.put(2, 2);

        assertThrows(IllegalStateException.class, () -> index.put(3, 3));
    }

    /**
     * Random adds and removes against a reference map, with hashes drawn from a small range so that equal hashes,
     * collisions of home slots and clusters that wrap round the end of the array are the common case; after every
     * step every live pair must be found under its hash and nothing else.
     */
    @Test
    void shouldAgreeWithAReferenceMapUnderRandomAddsAndRemoves()
    {
        for (final long seed : new long[] {1L, 2L, 3L})
        {
            final Random random = new Random(seed);
            final int capacity = 64;
            final IntHashIndex index = new IntHashIndex(capacity);
            final Map<Integer, Set<Integer>> expected = new HashMap<>();
            final List<int[]> live = new ArrayList<>();
            int nextValue = 0;

            for (int step = 0; step < 20_000; step++)
            {
                if (live.size() < capacity && (live.isEmpty() || random.nextInt(100) < 55))
                {
                    final int hash = random.nextInt(40) - 20 + (random.nextBoolean() ? Integer.MIN_VALUE : 0);
                    final int value = nextValue++;
                    index.put(hash, value);
                    expected.computeIfAbsent(hash, (h) -> new HashSet<>()).add(value);
                    live.add(new int[] {hash, value});
                }
                else
                {
                    final int[] pair = live.remove(random.nextInt(live.size()));
                    assertTrue(index.remove(pair[0], pair[1]), "seed " + seed + " step " + step);
                    expected.get(pair[0]).remove(pair[1]);
                }

                assertEquals(live.size(), index.size());
                for (final Map.Entry<Integer, Set<Integer>> entry : expected.entrySet())
                {
                    assertEquals(entry.getValue(), valuesUnder(index, entry.getKey()),
                        "seed " + seed + " step " + step + " hash " + entry.getKey());
                }
            }
        }
    }

    private static Set<Integer> valuesUnder(final IntHashIndex index, final int hash)
    {
        final Set<Integer> values = new HashSet<>();
        for (int value = index.first(hash); value != IntHashIndex.MISSING; value = index.next())
        {
            assertTrue(values.add(value), "value " + value + " found twice");
        }
        return values;
    }
}
