package io.bastion.risk;

import java.util.List;

/**
 * A fixed set of names (accounts, symbols, venues, sessions), each with its position in the list, found by any
 * {@link CharSequence} with the same characters without allocating. Immutable, so a {@link LimitSet} can be shared
 * with readers on other threads.
 */
public final class NameIndex
{
    /** Returned by {@link #find} for a name that is not in the index. */
    public static final int MISSING = -1;

    private final String[] names;
    private final int[] slots;
    private final int mask;

    /**
     * @param names distinct names; a name's index is its position in the list.
     * @throws IllegalArgumentException if a name repeats.
     */
    public NameIndex(final List<String> names)
    {
        this.names = names.toArray(new String[0]);
        int capacity = 2;
        while (capacity < this.names.length * 2)
        {
            capacity <<= 1;
        }
        slots = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < this.names.length; i++)
        {
            if (find(this.names[i]) != MISSING)
            {
                throw new IllegalArgumentException("name repeats: " + this.names[i]);
            }
            int slot = hash(this.names[i]) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    /**
     * @param name a name.
     * @return its index, or {@link #MISSING}.
     */
    public int find(final CharSequence name)
    {
        int slot = hash(name) & mask;
        int entry;
        while ((entry = slots[slot]) != 0)
        {
            if (contentEquals(names[entry - 1], name))
            {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    /**
     * @param index an index.
     * @return the name at it.
     */
    public String name(final int index)
    {
        return names[index];
    }

    /**
     * @return how many names.
     */
    public int size()
    {
        return names.length;
    }

    /**
     * @return the names, in index order.
     */
    public List<String> names()
    {
        return List.of(names);
    }

    private static int hash(final CharSequence name)
    {
        int hash = 0;
        for (int i = 0, length = name.length(); i < length; i++)
        {
            hash = 31 * hash + name.charAt(i);
        }
        return hash ^ (hash >>> 16);
    }

    private static boolean contentEquals(final String name, final CharSequence other)
    {
        final int length = name.length();
        if (other.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (name.charAt(i) != other.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
