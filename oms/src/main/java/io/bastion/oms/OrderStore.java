package io.bastion.oms;

import org.agrona.BitUtil;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2ObjectHashMap;

/**
 * Every order the OMS knows, with its requests and executions, from pools allocated at start. Indexed by client
 * ClOrdID (every one an order has used), venue ClOrdID (every one sent) and venue ExecID.
 * Working orders are also on a list, for end-of-day, expiry and venue-disconnect sweeps.
 * <p>
 * Finished orders stay findable (status requests, duplicate ClOrdIDs, late venue reports) until a pool runs out,
 * then the oldest finished ones are recycled first. When nothing finished is left to recycle the allocators return
 * null and the OMS refuses the request rather than grow without bound.
 */
final class OrderStore
{
    private final Order[] freeOrders;
    private int freeOrderCount;
    private final Request[] freeRequests;
    private int freeRequestCount;
    private final Fill[] freeFills;
    private int freeFillCount;

    private final Order[] retired;
    private int retiredHead;
    private int retiredCount;

    private final Object2ObjectHashMap<ClOrdKey, Request> byClOrdKey;
    private final Request[] venueRing;
    private final int venueRingMask;
    private final Long2ObjectHashMap<Request> venueOverflow;
    private final Object2ObjectHashMap<Fill, Fill> fillsByExecId;
    private final ClOrdKey probe = new ClOrdKey();
    private final Fill fillProbe = new Fill();

    private Order workingHead;
    private int workingCount;

    OrderStore(final int capacity)
    {
        final int requestCapacity = capacity * 4;
        final int fillCapacity = capacity * 4;
        freeOrders = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeOrders[i] = new Order();
            freeOrders[i].reset();
        }
        freeOrderCount = capacity;
        freeRequests = new Request[requestCapacity];
        for (int i = 0; i < requestCapacity; i++)
        {
            freeRequests[i] = new Request();
            freeRequests[i].reset();
        }
        freeRequestCount = requestCapacity;
        freeFills = new Fill[fillCapacity];
        for (int i = 0; i < fillCapacity; i++)
        {
            freeFills[i] = new Fill();
            freeFills[i].reset();
        }
        freeFillCount = fillCapacity;
        retired = new Order[capacity];

        byClOrdKey = new Object2ObjectHashMap<>(requestCapacity * 2, 0.65f);
        venueRing = new Request[BitUtil.findNextPositivePowerOfTwo(requestCapacity)];
        venueRingMask = venueRing.length - 1;
        venueOverflow = new Long2ObjectHashMap<>(64, 0.65f);
        fillsByExecId = new Object2ObjectHashMap<>(fillCapacity * 2, 0.65f);
        fillProbe.reset();
    }

    /**
     * @return a blank order, or null when every order in the pool is still working.
     */
    Order allocateOrder()
    {
        if (freeOrderCount == 0 && !recycleOldest(null))
        {
            return null;
        }
        final Order order = freeOrders[--freeOrderCount];
        freeOrders[freeOrderCount] = null;
        return order;
    }

    /**
     * A blank request owned by an order (and indexed with it from now on), or null when the pool is exhausted.
     */
    Request allocateRequest(final Order owner, final byte type)
    {
        if (freeRequestCount == 0 && !recycleOldest(owner))
        {
            return null;
        }
        final Request request = freeRequests[--freeRequestCount];
        freeRequests[freeRequestCount] = null;
        request.type = type;
        request.order = owner;
        request.nextOfOrder = owner.requests;
        owner.requests = request;
        return request;
    }

    /**
     * A blank execution owned by an order, or null when the pool is exhausted.
     */
    Fill allocateFill(final Order owner)
    {
        if (freeFillCount == 0 && !recycleOldest(owner))
        {
            return null;
        }
        final Fill fill = freeFills[--freeFillCount];
        freeFills[freeFillCount] = null;
        fill.order = owner;
        fill.nextOfOrder = owner.fills;
        owner.fills = fill;
        return fill;
    }

    /**
     * Give back an order that was never indexed, with its requests.
     */
    void release(final Order order)
    {
        freeRequestsOf(order);
        order.reset();
        freeOrders[freeOrderCount++] = order;
    }

    /**
     * Put a new order on the working list.
     */
    void add(final Order order)
    {
        linkWorking(order);
    }

    private void linkWorking(final Order order)
    {
        order.prevWorking = null;
        order.nextWorking = workingHead;
        if (workingHead != null)
        {
            workingHead.prevWorking = order;
        }
        workingHead = order;
        workingCount++;
    }

    /**
     * Index a request's client ClOrdID; the caller has made sure no other request holds it.
     */
    void indexClOrdId(final Request request)
    {
        byClOrdKey.put(request.key, request);
        request.keyIndexed = true;
    }

    /**
     * Index a request's venue ClOrdID. Venue ClOrdIDs come from one counter, so a ring indexed by the id finds them
     * with one array access; a slot still held by a request of a long-lived order sends the newcomer to a small
     * overflow map instead.
     */
    void indexVenueClOrdId(final Request request)
    {
        final int slot = (int)request.venueClOrdId & venueRingMask;
        final Request occupant = venueRing[slot];
        if (occupant == null || occupant.venueClOrdId == 0 || !occupant.venueIndexed)
        {
            venueRing[slot] = request;
        }
        else
        {
            venueOverflow.put(request.venueClOrdId, request);
        }
        request.venueIndexed = true;
    }

    /**
     * Index an execution under its venue and venue ExecID.
     */
    void indexFill(final Fill fill)
    {
        fillsByExecId.put(fill, fill);
        fill.indexed = true;
    }

    /**
     * Record that an order has finished: off the working list, and a candidate for recycling, oldest first.
     */
    void retire(final Order order)
    {
        if (order.retired)
        {
            return;
        }
        order.retired = true;
        if (order.prevWorking != null)
        {
            order.prevWorking.nextWorking = order.nextWorking;
        }
        else
        {
            workingHead = order.nextWorking;
        }
        if (order.nextWorking != null)
        {
            order.nextWorking.prevWorking = order.prevWorking;
        }
        order.prevWorking = null;
        order.nextWorking = null;
        workingCount--;

        if (!order.inRetiredRing)
        {
            order.inRetiredRing = true;
            final int tail = (retiredHead + retiredCount) % retired.length;
            retired[tail] = order;
            retiredCount++;
        }
    }

    /**
     * Put a finished order back to work (a bust reopened it). It keeps its place in the recycling ring but is
     * skipped there while it works.
     */
    void unretire(final Order order)
    {
        if (!order.retired)
        {
            return;
        }
        order.retired = false;
        linkWorking(order);
    }

    Request byClOrdId(final int sessionId, final AsciiId clOrdId)
    {
        probe.set(sessionId, clOrdId);
        return byClOrdKey.get(probe);
    }

    Order orderByClOrdId(final int sessionId, final AsciiId clOrdId)
    {
        final Request request = byClOrdId(sessionId, clOrdId);
        return request == null ? null : request.order;
    }

    Request byVenueClOrdId(final long venueClOrdId)
    {
        final Request inRing = venueRing[(int)venueClOrdId & venueRingMask];
        if (inRing != null && inRing.venueIndexed && inRing.venueClOrdId == venueClOrdId)
        {
            return inRing;
        }
        return venueOverflow.isEmpty() ? null : venueOverflow.get(venueClOrdId);
    }

    Fill fillByExecId(final int venueId, final AsciiId venueExecId)
    {
        fillProbe.venueId = venueId;
        fillProbe.venueExecId.set(venueExecId);
        return fillsByExecId.get(fillProbe);
    }

    /**
     * @return the first working order; follow {@link Order#nextWorking}.
     */
    Order firstWorking()
    {
        return workingHead;
    }

    int workingCount()
    {
        return workingCount;
    }

    private boolean recycleOldest(final Order inUse)
    {
        Order oldest = null;
        while (retiredCount > 0 && oldest == null)
        {
            final Order candidate = retired[retiredHead];
            if (candidate == inUse)
            {
                return false;
            }
            retired[retiredHead] = null;
            retiredHead = (retiredHead + 1) % retired.length;
            retiredCount--;
            candidate.inRetiredRing = false;
            if (candidate.retired)
            {
                oldest = candidate;
            }
        }
        if (oldest == null)
        {
            return false;
        }

        freeRequestsOf(oldest);
        for (Fill fill = oldest.fills; fill != null; )
        {
            final Fill next = fill.nextOfOrder;
            if (fill.indexed)
            {
                fillsByExecId.remove(fill);
            }
            fill.reset();
            freeFills[freeFillCount++] = fill;
            fill = next;
        }
        oldest.reset();
        freeOrders[freeOrderCount++] = oldest;
        return true;
    }

    private void freeRequestsOf(final Order order)
    {
        for (Request request = order.requests; request != null; )
        {
            final Request next = request.nextOfOrder;
            if (request.keyIndexed)
            {
                byClOrdKey.remove(request.key);
            }
            if (request.venueIndexed)
            {
                final int slot = (int)request.venueClOrdId & venueRingMask;
                if (venueRing[slot] == request)
                {
                    venueRing[slot] = null;
                }
                else
                {
                    venueOverflow.remove(request.venueClOrdId);
                }
            }
            request.reset();
            freeRequests[freeRequestCount++] = request;
            request = next;
        }
        order.requests = null;
    }
}
