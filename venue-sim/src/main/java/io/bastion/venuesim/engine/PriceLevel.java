package io.bastion.venuesim.engine;

/**
 * The orders resting at one price, oldest first, as an intrusive doubly linked list.
 */
final class PriceLevel
{
    long priceMantissa;
    long quantityMantissa;
    int orderCount;
    Order head;
    Order tail;

    void init(final long priceMantissa)
    {
        this.priceMantissa = priceMantissa;
        quantityMantissa = 0;
        orderCount = 0;
        head = null;
        tail = null;
    }

    boolean isEmpty()
    {
        return head == null;
    }

    void addLast(final Order order)
    {
        order.level = this;
        order.previous = tail;
        order.next = null;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        quantityMantissa += order.leavesQuantity();
        orderCount++;
    }

    /**
     * Unlink an order; {@code leavesQuantityMantissa} is what the order still contributes to the level total.
     */
    void remove(final Order order, final long leavesQuantityMantissa)
    {
        final Order previous = order.previous;
        final Order next = order.next;
        if (previous == null)
        {
            head = next;
        }
        else
        {
            previous.next = next;
        }
        if (next == null)
        {
            tail = previous;
        }
        else
        {
            next.previous = previous;
        }
        order.level = null;
        order.previous = null;
        order.next = null;
        quantityMantissa -= leavesQuantityMantissa;
        orderCount--;
    }
}
