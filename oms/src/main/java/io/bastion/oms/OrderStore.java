package io.bastion.oms;

import org.agrona.BitUtil;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Every order the OMS knows, with its requests and executions, from pools allocated at start. Indexed by client
 * ClOrdID (every one an order has used) and venue ClOrdID (every one sent); an order's executions are found by venue
 * ExecID ({@link #fillOf}).
 * Working orders are also on a list, for end-of-day, expiry and venue-disconnect sweeps.
 * <p>
 * Finished orders stay findable (status requests, duplicate ClOrdIDs, late venue reports) until a pool runs out,
 * then the oldest finished ones are recycled first. When nothing finished is left to recycle the allocators return
 * null and the OMS refuses the request rather than grow without bound.
 * <p>
 * Orders, requests and executions are numbered by their place in their pool, and every structure here beyond the
 * pools themselves holds those numbers, not references: the hash indexes ({@link IntHashIndex}) keep a key's hash next
 * to its number, so a probe touches one cache line and reads an owner only on a full hash match, and storing numbers
 * costs none of the GC write barriers that storing references into long-lived arrays does.
 */
final class OrderStore
{
    /** Executions of one order found by walking its list before they go into the store-wide index. */
    static final int FILLS_SCANNED = 16;

    private static final int NONE = -1;

    private final Order[] orderPool;
    private final Request[] requestPool;
    private final Fill[] fillPool;

    private final int[] freeOrders;
    private int freeOrderCount;
    private final int[] freeRequests;
    private int freeRequestCount;
    private final int[] freeFills;
    private int freeFillCount;

    private final int[] retired;
    private int retiredHead;
    private int retiredCount;

    private final IntHashIndex byClOrdKey;
    private final int[] venueRing;
    private final int venueRingMask;
    private final Long2ObjectHashMap<Request> venueOverflow;
    private final IntHashIndex fillsByExecId;

    private Order workingHead;
    private int workingCount;

    OrderStore(final int capacity)
    {
        this(capacity, capacity * OmsConfiguration.REQUESTS_PER_ORDER, capacity * OmsConfiguration.FILLS_PER_ORDER);
    }

    OrderStore(final int capacity, final int requestCapacity, final int fillCapacity)
    {
        orderPool = new Order[capacity];
        freeOrders = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            orderPool[i] = new Order();
            orderPool[i].reset();
            orderPool[i].index = i;
            freeOrders[i] = capacity - 1 - i;
        }
        freeOrderCount = capacity;
        requestPool = new Request[requestCapacity];
        freeRequests = new int[requestCapacity];
        for (int i = 0; i < requestCapacity; i++)
        {
            requestPool[i] = new Request(i);
            requestPool[i].reset();
            freeRequests[i] = requestCapacity - 1 - i;
        }
        freeRequestCount = requestCapacity;
        fillPool = new Fill[fillCapacity];
        freeFills = new int[fillCapacity];
        for (int i = 0; i < fillCapacity; i++)
        {
            fillPool[i] = new Fill(i);
            fillPool[i].reset();
            freeFills[i] = fillCapacity - 1 - i;
        }
        freeFillCount = fillCapacity;
        retired = new int[capacity];

        byClOrdKey = new IntHashIndex(requestCapacity);
        venueRing = new int[BitUtil.findNextPositivePowerOfTwo(requestCapacity)];
        venueRingMask = venueRing.length - 1;
        venueOverflow = new Long2ObjectHashMap<>(64, 0.65f);
        fillsByExecId = new IntHashIndex(fillCapacity);
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
        return orderPool[freeOrders[--freeOrderCount]];
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
        final Request request = requestPool[freeRequests[--freeRequestCount]];
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
        final Fill fill = fillPool[freeFills[--freeFillCount]];
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
        freeOrders[freeOrderCount++] = order.index;
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
        byClOrdKey.put(request.key.hash(), request.index);
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
        final int occupant = venueRing[slot] - 1;
        if (occupant == NONE || !requestPool[occupant].venueIndexed)
        {
            venueRing[slot] = request.index + 1;
        }
        else
        {
            venueOverflow.put(request.venueClOrdId, request);
        }
        request.venueIndexed = true;
    }

    /**
     * Make an execution of an order findable by its venue ExecID ({@link #fillOf}). An order's first
     * {@link #FILLS_SCANNED} executions are found by walking its own list, which is in cache while the order trades;
     * beyond that its executions go into the store-wide index, so an order with thousands of fills is not walked.
     */
    void indexFill(final Fill fill)
    {
        final Order order = fill.order;
        fill.execIdHash = Fill.hash(fill.venueId, fill.venueExecId);
        fill.indexed = true;
        order.indexedFills++;
        if (order.fillsInIndex)
        {
            fillsByExecId.put(fill.execIdHash, fill.index);
        }
        else if (order.indexedFills > FILLS_SCANNED)
        {
            order.fillsInIndex = true;
            for (Fill each = order.fills; each != null; each = each.nextOfOrder)
            {
                if (each.indexed)
                {
                    fillsByExecId.put(each.execIdHash, each.index);
                }
            }
        }
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
            retired[tail] = order.index;
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
        final int hash = ClOrdKey.hash(sessionId, clOrdId);
        for (int i = byClOrdKey.first(hash); i != IntHashIndex.MISSING; i = byClOrdKey.next())
        {
            final Request request = requestPool[i];
            if (request.key.matches(sessionId, clOrdId))
            {
                return request;
            }
        }
        return null;
    }

    Order orderByClOrdId(final int sessionId, final AsciiId clOrdId)
    {
        final Request request = byClOrdId(sessionId, clOrdId);
        return request == null ? null : request.order;
    }

    Request byVenueClOrdId(final long venueClOrdId)
    {
        final int inRing = venueRing[(int)venueClOrdId & venueRingMask] - 1;
        if (inRing != NONE)
        {
            final Request request = requestPool[inRing];
            if (request.venueIndexed && request.venueClOrdId == venueClOrdId)
            {
                return request;
            }
        }
        return venueOverflow.isEmpty() ? null : venueOverflow.get(venueClOrdId);
    }

    /**
     * The execution of an order with a venue ExecID: one that stands if there is one (a venue may give a correction
     * the ExecID of the execution it corrects), else a busted one.
     *
     * @return the execution, or null when the order has none with this ExecID.
     */
    Fill fillOf(final Order order, final AsciiId venueExecId)
    {
        final int hash = Fill.hash(order.venueId, venueExecId);
        Fill busted = null;
        if (order.fillsInIndex)
        {
            for (int i = fillsByExecId.first(hash); i != IntHashIndex.MISSING; i = fillsByExecId.next())
            {
                final Fill fill = fillPool[i];
                if (fill.order == order && fill.venueExecId.equals(venueExecId))
                {
                    if (!fill.busted)
                    {
                        return fill;
                    }
                    busted = fill;
                }
            }
            return busted;
        }
        for (Fill fill = order.fills; fill != null; fill = fill.nextOfOrder)
        {
            if (fill.indexed && fill.execIdHash == hash && fill.venueExecId.equals(venueExecId))
            {
                if (!fill.busted)
                {
                    return fill;
                }
                busted = fill;
            }
        }
        return busted;
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
            final Order candidate = orderPool[retired[retiredHead]];
            if (candidate == inUse)
            {
                return false;
            }
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
            if (fill.indexed && oldest.fillsInIndex)
            {
                fillsByExecId.remove(fill.execIdHash, fill.index);
            }
            fill.reset();
            freeFills[freeFillCount++] = fill.index;
            fill = next;
        }
        oldest.reset();
        freeOrders[freeOrderCount++] = oldest.index;
        return true;
    }

    private void freeRequestsOf(final Order order)
    {
        for (Request request = order.requests; request != null; )
        {
            final Request next = request.nextOfOrder;
            if (request.keyIndexed)
            {
                byClOrdKey.remove(request.key.hash(), request.index);
            }
            if (request.venueIndexed)
            {
                final int slot = (int)request.venueClOrdId & venueRingMask;
                if (venueRing[slot] == request.index + 1)
                {
                    venueRing[slot] = 0;
                }
                else
                {
                    venueOverflow.remove(request.venueClOrdId);
                }
            }
            request.reset();
            freeRequests[freeRequestCount++] = request.index;
            request = next;
        }
        order.requests = null;
    }
}
