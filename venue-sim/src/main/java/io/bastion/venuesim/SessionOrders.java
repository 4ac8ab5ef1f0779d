package io.bastion.venuesim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session's orders by ClOrdID, every ClOrdID of a cancel/replace chain included: all working ones, and the most
 * recently finished ones up to a bound, so a late cancel is answered "too late" and a reused ClOrdID is refused.
 */
final class SessionOrders
{
    private final Map<String, FixOrder> workingByClOrdId = new HashMap<>();
    private final Map<String, FixOrder> doneByClOrdId;

    SessionOrders(final int doneRetention)
    {
        doneByClOrdId = new LinkedHashMap<>(16, 0.75f, false)
        {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, FixOrder> eldest)
            {
                return size() > doneRetention;
            }
        };
    }

    FixOrder find(final String clOrdId)
    {
        final FixOrder working = workingByClOrdId.get(clOrdId);
        return working != null ? working : doneByClOrdId.get(clOrdId);
    }

    boolean isKnown(final String clOrdId)
    {
        return workingByClOrdId.containsKey(clOrdId) || doneByClOrdId.containsKey(clOrdId);
    }

    void add(final FixOrder order)
    {
        workingByClOrdId.put(order.clOrdId, order);
    }

    void remove(final FixOrder order)
    {
        workingByClOrdId.remove(order.clOrdId);
    }

    /**
     * A cancel or replace request gives a working order a new ClOrdID; the old ones stay known.
     */
    void rename(final FixOrder order, final String newClOrdId)
    {
        order.renameTo(newClOrdId);
        workingByClOrdId.put(newClOrdId, order);
    }

    /**
     * Undo {@link #rename(FixOrder, String)} after the engine refused the request.
     */
    void undoRename(final FixOrder order)
    {
        workingByClOrdId.remove(order.clOrdId);
        order.undoRename();
    }

    void finish(final FixOrder order)
    {
        for (final String clOrdId : order.clOrdIds)
        {
            workingByClOrdId.remove(clOrdId);
            doneByClOrdId.put(clOrdId, order);
        }
    }
}
