package io.bastion.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What happened to every order of one route, by order index: the intended and actual send times, written by the
 * sending thread, and the answer, written by the FIX receiving thread. The sending thread reads the answers once a
 * block is drained; the atomics make the receiver's writes visible to it.
 */
final class OrderLog
{
    static final int PENDING = 0;
    static final int ACKED = 1;
    static final int REJECTED = 2;
    static final int NOT_SENT = 3;

    private final Route route;
    private final long[] intendedNs;
    private final long[] sentNs;
    private final AtomicLongArray ackNs;
    private final AtomicIntegerArray state;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private volatile String firstProblem;

    OrderLog(final Route route, final int capacity)
    {
        this.route = route;
        intendedNs = new long[capacity];
        sentNs = new long[capacity];
        ackNs = new AtomicLongArray(capacity);
        state = new AtomicIntegerArray(capacity);
    }

    Route route()
    {
        return route;
    }

    int capacity()
    {
        return intendedNs.length;
    }

    void onSent(final int index, final long intendedNs, final long sentNs)
    {
        this.intendedNs[index] = intendedNs;
        this.sentNs[index] = sentNs;
    }

    void onNotSent(final int index, final long intendedNs, final String problem)
    {
        this.intendedNs[index] = intendedNs;
        state.set(index, NOT_SENT);
        problem(problem);
        answered.incrementAndGet();
    }

    /**
     * An ExecutionReport with ExecType 0 arrived.
     */
    void onAck(final int index, final long nowNs)
    {
        if (!isValid(index))
        {
            unexpected("ack for an order never sent: index " + index);
            return;
        }
        if (state.get(index) != PENDING)
        {
            duplicates.incrementAndGet();
            problem(route.label() + ": second answer for order " + route.prefix() + index);
            return;
        }
        ackNs.set(index, nowNs);
        state.set(index, ACKED);
        answered.incrementAndGet();
    }

    /**
     * A reject of an order arrived: ExecutionReport with ExecType 8 or a BusinessMessageReject.
     */
    void onReject(final int index, final String text)
    {
        rejects.incrementAndGet();
        problem(route.label() + ": order " + route.prefix() + index + " rejected: " + text);
        if (isValid(index) && state.compareAndSet(index, PENDING, REJECTED))
        {
            answered.incrementAndGet();
        }
    }

    /**
     * A reject that names no order of ours, e.g. a session-level Reject.
     */
    void onUncorrelatedReject(final String text)
    {
        rejects.incrementAndGet();
        problem(route.label() + ": " + text);
    }

    void unexpected(final String text)
    {
        unexpected.incrementAndGet();
        problem(route.label() + ": " + text);
    }

    long answered()
    {
        return answered.get();
    }

    int state(final int index)
    {
        return state.get(index);
    }

    long intendedNs(final int index)
    {
        return intendedNs[index];
    }

    long sentNs(final int index)
    {
        return sentNs[index];
    }

    long ackNs(final int index)
    {
        return ackNs.get(index);
    }

    long rejects()
    {
        return rejects.get();
    }

    long duplicates()
    {
        return duplicates.get();
    }

    long unexpected()
    {
        return unexpected.get();
    }

    String firstProblem()
    {
        return firstProblem;
    }

    private boolean isValid(final int index)
    {
        return index >= 0 && index < intendedNs.length;
    }

    private void problem(final String text)
    {
        if (firstProblem == null)
        {
            firstProblem = text;
        }
    }
}
