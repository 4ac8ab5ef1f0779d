package io.bastion.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * The outcome of a {@link RoundTripBenchmark} run: one {@link PathResult} per route, Bastion's fault count and the
 * garbage collections seen while recording.
 */
public final class BenchmarkResult
{
    private final Map<Route, PathResult> paths = new EnumMap<>(Route.class);
    private long bastionFaults;
    private long gcCount;
    private long gcTimeMs;
    private String abortReason;

    BenchmarkResult(final long highestTrackableNs)
    {
        for (final Route route : Route.values())
        {
            paths.put(route, new PathResult(route, highestTrackableNs));
        }
    }

    void bastionFaults(final long faults)
    {
        bastionFaults = faults;
    }

    void gc(final long count, final long timeMs)
    {
        gcCount = count;
        gcTimeMs = timeMs;
    }

    void abort(final String reason)
    {
        abortReason = reason;
    }

    /**
     * @param route a route.
     * @return its result.
     */
    public PathResult path(final Route route)
    {
        return paths.get(route);
    }

    /**
     * @return faults Bastion's agents and media driver reported.
     */
    public long bastionFaults()
    {
        return bastionFaults;
    }

    /**
     * @return garbage collections while recording.
     */
    public long gcCount()
    {
        return gcCount;
    }

    /**
     * @return milliseconds the collectors reported for them.
     */
    public long gcTimeMs()
    {
        return gcTimeMs;
    }

    /**
     * @return why the run stopped early, or null when it ran every block.
     */
    public String abortReason()
    {
        return abortReason;
    }

    /**
     * @return errors on both routes plus Bastion's faults, plus one if the run stopped early.
     */
    public long errors()
    {
        long errors = bastionFaults + (abortReason == null ? 0 : 1);
        for (final PathResult path : paths.values())
        {
            errors += path.errors();
        }
        return errors;
    }

    /**
     * Through Bastion over direct at a percentile.
     *
     * @param percentile 0 to 100; 100 compares the maxima.
     * @return the ratio, or NaN when a route has no recorded ack.
     */
    public double ratio(final double percentile)
    {
        final PathResult bastion = paths.get(Route.THROUGH_BASTION);
        final PathResult direct = paths.get(Route.DIRECT);
        if (bastion.latencyNs().getTotalCount() == 0 || direct.latencyNs().getTotalCount() == 0)
        {
            return Double.NaN;
        }
        return (double)bastion.latencyNs().getValueAtPercentile(percentile) /
            direct.latencyNs().getValueAtPercentile(percentile);
    }
}
