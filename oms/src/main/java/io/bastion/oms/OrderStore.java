package io.bastion.oms;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2ObjectHashMap;

/**
 * Every order the OMS knows, from a pool allocated at start, indexed by client key, Bastion order id and venue
 * ClOrdID. Finished orders stay findable (status requests, duplicate ClOrdIDs) until the pool runs out, then the
 * oldest finished ones are recycled first. When every order is still working, {@link #allocate()} returns null and
 * the OMS rejects new orders rather than grow without bound.
 */
final class OrderStore
{
    private final Order[] free;
    private int freeCount;
    private final Order[] retired;
    private int retiredHead;
    private int retiredCount;

    private final Object2ObjectHashMap<ClOrdKey, Order> byClOrdKey;
    private final Long2ObjectHashMap<Order> byOrderId;
    private final Long2ObjectHashMap<Order> byVenueClOrdId;
    private final ClOrdKey probe = new ClOrdKey();

    OrderStore(final int capacity)
    {
        free = new Order[capacity];
        retired = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            final Order order = new Order();
            order.reset();
            free[i] = order;
        }
        freeCount = capacity;

        final int indexCapacity = capacity * 4;
        byClOrdKey = new Object2ObjectHashMap<>(indexCapacity, 0.65f);
        byOrderId = new Long2ObjectHashMap<>(indexCapacity, 0.65f);
        byVenueClOrdId = new Long2ObjectHashMap<>(indexCapacity, 0.65f);
    }

    /**
     * @return a blank order, recycling the oldest finished one if the pool is empty, or null when every order in
     * the pool is still working.
     */
    Order allocate()
    {
        if (freeCount == 0)
        {
            if (retiredCount == 0)
            {
                return null;
            }
            final Order oldest = retired[retiredHead];
            retired[retiredHead] = null;
            retiredHead = (retiredHead + 1) % retired.length;
            retiredCount--;
            unindex(oldest);
            oldest.reset();
            return oldest;
        }
        final Order order = free[--freeCount];
        free[freeCount] = null;
        return order;
    }

    /**
     * Give back an order that was never indexed.
     */
    void release(final Order order)
    {
        order.reset();
        free[freeCount++] = order;
    }

    /**
     * Index a new order under its client key and order id.
     */
    void add(final Order order)
    {
        byClOrdKey.put(order.key, order);
        byOrderId.put(order.orderId, order);
    }

    /**
     * Index a routed order under its venue ClOrdID.
     */
    void addVenueClOrdId(final Order order)
    {
        byVenueClOrdId.put(order.venueClOrdId, order);
    }

    /**
     * Index a cancel request's ClOrdID and venue ClOrdID as belonging to the order.
     */
    void addCancel(final Order order)
    {
        if (order.cancelKeyIndexed)
        {
            byClOrdKey.remove(order.cancelKey);
        }
        byClOrdKey.put(order.cancelKey, order);
        order.cancelKeyIndexed = true;
        byVenueClOrdId.put(order.cancelVenueClOrdId, order);
    }

    /**
     * Record that an order has finished; it becomes a candidate for recycling, oldest first.
     */
    void retire(final Order order)
    {
        final int tail = (retiredHead + retiredCount) % retired.length;
        retired[tail] = order;
        retiredCount++;
    }

    Order byClOrdId(final int sessionId, final AsciiId clOrdId)
    {
        probe.sessionId = sessionId;
        probe.clOrdId.set(clOrdId);
        return byClOrdKey.get(probe);
    }

    Order byOrderId(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    Order byVenueClOrdId(final long venueClOrdId)
    {
        return byVenueClOrdId.get(venueClOrdId);
    }

    int workingCount()
    {
        return free.length - freeCount - retiredCount;
    }

    private void unindex(final Order order)
    {
        byClOrdKey.remove(order.key);
        if (order.cancelKeyIndexed)
        {
            byClOrdKey.remove(order.cancelKey);
        }
        byOrderId.remove(order.orderId);
        if (order.venueClOrdId != 0)
        {
            byVenueClOrdId.remove(order.venueClOrdId);
        }
        if (order.cancelVenueClOrdId != 0)
        {
            byVenueClOrdId.remove(order.cancelVenueClOrdId);
        }
    }
}
