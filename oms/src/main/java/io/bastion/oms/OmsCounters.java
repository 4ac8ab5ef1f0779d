package io.bastion.oms;

/**
 * What the OMS has done, counted on its own thread. Plain fields: readers on other threads see eventually
 * consistent values, which is enough for summaries; exported metrics come later through Agrona counters.
 */
public final class OmsCounters
{
    long newOrders;
    long routed;
    long rejects;
    long fills;
    long cancelRequests;
    long cancelRejects;
    long replaceRequests;
    long statusRequests;
    long possResends;
    long venueExecutions;
    long unknownVenueReports;
    long ignoredVenueReports;

    /** @return client NewOrderSingles received. */
    public long newOrders()
    {
        return newOrders;
    }

    /** @return orders sent to a venue. */
    public long routed()
    {
        return routed;
    }

    /** @return orders rejected, by Bastion or a venue. */
    public long rejects()
    {
        return rejects;
    }

    /** @return fills applied. */
    public long fills()
    {
        return fills;
    }

    /** @return client cancel requests. */
    public long cancelRequests()
    {
        return cancelRequests;
    }

    /** @return cancel rejects sent to clients. */
    public long cancelRejects()
    {
        return cancelRejects;
    }

    /** @return client cancel/replace requests. */
    public long replaceRequests()
    {
        return replaceRequests;
    }

    /** @return client status requests. */
    public long statusRequests()
    {
        return statusRequests;
    }

    /** @return PossResend orders answered with a status report. */
    public long possResends()
    {
        return possResends;
    }

    /** @return venue execution reports received. */
    public long venueExecutions()
    {
        return venueExecutions;
    }

    /** @return venue reports for orders the OMS does not know. */
    public long unknownVenueReports()
    {
        return unknownVenueReports;
    }

    /** @return venue reports that did not change an order (duplicates, late, unsupported types). */
    public long ignoredVenueReports()
    {
        return ignoredVenueReports;
    }
}
