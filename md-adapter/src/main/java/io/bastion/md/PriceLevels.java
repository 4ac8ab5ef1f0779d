package io.bastion.md;

import java.util.Arrays;

/**
 * A reusable list of {@code [price, quantity]} levels as fixed-point mantissas, in the order the venue sent them.
 * The arrays grow while warming up and are reused afterwards, so refilling allocates nothing.
 */
public final class PriceLevels
{
    private static final int INITIAL_CAPACITY = 64;

    private long[] prices = new long[INITIAL_CAPACITY];
    private long[] quantities = new long[INITIAL_CAPACITY];
    private int size;

    /**
     * Number of levels held.
     *
     * @return the number of levels.
     */
    public int size()
    {
        return size;
    }

    /**
     * Price of a level.
     *
     * @param index from 0 to {@link #size()} - 1, in the order received.
     * @return the price mantissa.
     */
    public long priceMantissa(final int index)
    {
        checkIndex(index);
        return prices[index];
    }

    /**
     * Quantity of a level; 0 removes the level from a book.
     *
     * @param index from 0 to {@link #size()} - 1, in the order received.
     * @return the quantity mantissa.
     */
    public long quantityMantissa(final int index)
    {
        checkIndex(index);
        return quantities[index];
    }

    /**
     * Remove every level.
     */
    public void clear()
    {
        size = 0;
    }

    /**
     * Append a level.
     *
     * @param priceMantissa    price.
     * @param quantityMantissa quantity, 0 to remove the level.
     */
    public void add(final long priceMantissa, final long quantityMantissa)
    {
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
        }
        prices[size] = priceMantissa;
        quantities[size] = quantityMantissa;
        size++;
    }

    long[] prices()
    {
        return prices;
    }

    long[] quantities()
    {
        return quantities;
    }

    private void checkIndex(final int index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException(index);
        }
    }
}
