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
    long replaceRejects;
    long replaced;
    long busts;
    long corrections;
    long unknownExecRefs;
    long duplicateExecutions;
    long unrecordedFills;
    long lateFills;
    long overfills;
    long restatements;
    long unsolicitedCancels;
    long doneForDay;
    long expired;
    long venueCommandRejects;
    long venueInformationalReports;
    long positionAdjustmentsUnmatched;
    long ignoredReferencePrices;
    long killSwitchCancels;
    long disconnectCancels;
    long selfMatchCancels;
    long dailyLossTrips;

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

    /** @return working orders cancelled because a kill switch was engaged. */
    public long killSwitchCancels()
    {
        return killSwitchCancels;
    }

    /** @return working orders cancelled by self-match prevention (another order of theirs would have traded with them). */
    public long selfMatchCancels()
    {
        return selfMatchCancels;
    }

    /** @return working orders cancelled because their client session disconnected (cancel-on-disconnect). */
    public long disconnectCancels()
    {
        return disconnectCancels;
    }

    /**
     * @return times an account's loss for the day passed its daily loss limit (each disables the account, unless its
     * kill switch was engaged already).
     */
    public long dailyLossTrips()
    {
        return dailyLossTrips;
    }

    /** @return reference prices ignored: unknown symbol, not a positive price, or older than the one held. */
    public long ignoredReferencePrices()
    {
        return ignoredReferencePrices;
    }

    /** @return venue reports that did not change an order (duplicates, late, unsupported types). */
    public long ignoredVenueReports()
    {
        return ignoredVenueReports;
    }

    /**
     * @return replace requests refused, by Bastion or the venue.
     */
    public long replaceRejects()
    {
        return replaceRejects;
    }

    /**
     * @return replaces confirmed by venues.
     */
    public long replaced()
    {
        return replaced;
    }

    /**
     * @return executions busted (ExecType H).
     */
    public long busts()
    {
        return busts;
    }

    /**
     * @return executions corrected (ExecType G).
     */
    public long corrections()
    {
        return corrections;
    }

    /**
     * @return busts and corrections naming an execution Bastion does not know.
     */
    public long unknownExecRefs()
    {
        return unknownExecRefs;
    }

    /**
     * @return executions received again (same venue ExecID) and not applied twice.
     */
    public long duplicateExecutions()
    {
        return duplicateExecutions;
    }

    /**
     * @return executions applied to the order and position but not kept, because every pooled execution was held by a
     * working order: a resend of one would be applied again, and a bust or correction of one is not found. Should be 0;
     * raise {@code oms.orderCapacity} if not.
     */
    public long unrecordedFills()
    {
        return unrecordedFills;
    }

    /**
     * @return executions received for orders already finished, applied and reported.
     */
    public long lateFills()
    {
        return lateFills;
    }

    /**
     * @return executions that took CumQty above OrderQty.
     */
    public long overfills()
    {
        return overfills;
    }

    /**
     * @return restatements reported to clients (venue-driven and GTC renewals).
     */
    public long restatements()
    {
        return restatements;
    }

    /**
     * @return cancels a venue made without a client request.
     */
    public long unsolicitedCancels()
    {
        return unsolicitedCancels;
    }

    /**
     * @return orders reported done for day.
     */
    public long doneForDay()
    {
        return doneForDay;
    }

    /**
     * @return orders reported expired.
     */
    public long expired()
    {
        return expired;
    }

    /**
     * @return venue commands not sent or refused with a session or business reject.
     */
    public long venueCommandRejects()
    {
        return venueCommandRejects;
    }

    /**
     * @return venue pending-new/pending-cancel/pending-replace/status reports, which change nothing.
     */
    public long venueInformationalReports()
    {
        return venueInformationalReports;
    }

    /**
     * @return busts and corrections whose fill the position store could not find (should stay 0).
     */
    public long positionAdjustmentsUnmatched()
    {
        return positionAdjustmentsUnmatched;
    }
}
