package io.bastion.bench;

import org.HdrHistogram.Histogram;

/**
 * The recorded (post warm-up) orders of one {@link Route}: round-trip latencies from intended send time to ack,
 * how late the sender was against its schedule, and every kind of error.
 */
public final class PathResult
{
    private final Route route;
    private final Histogram latencyNs;
    private final Histogram senderLatenessNs;
    private final Histogram fromSendNs;
    private long timeouts;
    private long notSent;
    private long rejects;
    private long duplicates;
    private long unexpected;
    private long scheduleIntervals;
    private long scheduleSpanNs;
    private long cpuNs;
    private long wallNs;
    private String firstProblem;

    PathResult(final Route route, final long highestTrackableNs)
    {
        this.route = route;
        latencyNs = new Histogram(highestTrackableNs, 3);
        senderLatenessNs = new Histogram(highestTrackableNs, 3);
        fromSendNs = new Histogram(highestTrackableNs, 3);
    }

    void onAck(final long roundTripNs, final long senderLatenessNs)
    {
        latencyNs.recordValue(roundTripNs);
        final long latenessNs = Math.min(Math.max(0, senderLatenessNs), roundTripNs);
        this.senderLatenessNs.recordValue(latenessNs);
        fromSendNs.recordValue(roundTripNs - latenessNs);
    }

    void onTimeout()
    {
        timeouts++;
    }

    void onNotSent()
    {
        notSent++;
    }

    void onBlockSent(final int orders, final long spanNs)
    {
        scheduleIntervals += orders - 1;
        scheduleSpanNs += spanNs;
    }

    void onBlockDone(final long cpuNs, final long wallNs)
    {
        this.cpuNs += cpuNs;
        this.wallNs += wallNs;
    }

    void answers(final OrderLog log)
    {
        rejects = log.rejects();
        duplicates = log.duplicates();
        unexpected = log.unexpected();
        firstProblem = log.firstProblem();
    }

    /**
     * @return the route.
     */
    public Route route()
    {
        return route;
    }

    /**
     * @return round trips in nanoseconds, intended send time to ack, of the acked recorded orders.
     */
    public Histogram latencyNs()
    {
        return latencyNs;
    }

    /**
     * @return round trips in nanoseconds from the actual send: not corrected for coordinated omission, so never the
     * headline, but it separates the system's own delay from the sender's lateness.
     */
    public Histogram fromSendNs()
    {
        return fromSendNs;
    }

    /**
     * @return nanoseconds by which each recorded order was sent after its intended time.
     */
    public Histogram senderLatenessNs()
    {
        return senderLatenessNs;
    }

    /**
     * @return orders sent per second while sending, over the recorded blocks.
     */
    public double achievedRate()
    {
        return scheduleSpanNs <= 0 ? 0 : scheduleIntervals * 1e9 / scheduleSpanNs;
    }

    /**
     * @return CPU time of the whole process per recorded ack, in nanoseconds, while this route's blocks ran (idle
     * and spinning threads included); negative when the JVM does not measure process CPU time.
     */
    public double cpuNsPerOrder()
    {
        final long count = latencyNs.getTotalCount();
        return count == 0 || cpuNs < 0 ? -1 : (double)cpuNs / count;
    }

    /**
     * @return average number of cores the process kept busy while this route's blocks ran.
     */
    public double coresBusy()
    {
        return wallNs <= 0 || cpuNs < 0 ? 0 : (double)cpuNs / wallNs;
    }

    /**
     * @return orders, warm-up included, not acked within the timeout.
     */
    public long timeouts()
    {
        return timeouts;
    }

    /**
     * @return orders, warm-up included, QuickFIX/J refused to send.
     */
    public long notSent()
    {
        return notSent;
    }

    /**
     * @return rejects of any kind on the route, warm-up included.
     */
    public long rejects()
    {
        return rejects;
    }

    /**
     * @return second acks or rejects of one order.
     */
    public long duplicates()
    {
        return duplicates;
    }

    /**
     * @return messages that fit no order: unknown ClOrdIDs, fills, other message types.
     */
    public long unexpected()
    {
        return unexpected;
    }

    /**
     * @return all errors on the route.
     */
    public long errors()
    {
        return timeouts + notSent + rejects + duplicates + unexpected;
    }

    /**
     * @return a description of the first error, or null.
     */
    public String firstProblem()
    {
        return firstProblem;
    }
}
