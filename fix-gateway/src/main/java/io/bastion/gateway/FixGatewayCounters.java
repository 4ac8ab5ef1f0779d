package io.bastion.gateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of what the gateway did and refused, for status pages and tests. Written by the FIX threads and the agent;
 * readable from any thread.
 */
public final class FixGatewayCounters
{
    private final AtomicLong inboundPublished = new AtomicLong();
    private final AtomicLong inboundNotAccepted = new AtomicLong();
    private final AtomicLong clientMessagesRejected = new AtomicLong();
    private final AtomicLong logonsRejected = new AtomicLong();
    private final AtomicLong venueMessagesIgnored = new AtomicLong();
    private final AtomicLong outboundSent = new AtomicLong();
    private final AtomicLong outboundUnknownSession = new AtomicLong();
    private final AtomicLong outboundNotLoggedOn = new AtomicLong();
    private final AtomicLong outboundFaults = new AtomicLong();
    private final AtomicLong outboundIgnored = new AtomicLong();
    private final AtomicLong venueCommandsNotSent = new AtomicLong();
    private final AtomicLong venueCommandsRejected = new AtomicLong();
    private final AtomicLong venueRejectsUncorrelated = new AtomicLong();

    FixGatewayCounters()
    {
    }

    /**
     * @return SBE messages published to the OMS inbound stream.
     */
    public long inboundPublished()
    {
        return inboundPublished.get();
    }

    /**
     * @return messages the OMS inbound stream did not accept in time (back pressure, not connected, closed); client
     * messages among them were answered with BusinessMessageReject (Application not available).
     */
    public long inboundNotAccepted()
    {
        return inboundNotAccepted.get();
    }

    /**
     * @return client messages refused by the gateway itself with a session Reject (field too long, bad number).
     */
    public long clientMessagesRejected()
    {
        return clientMessagesRejected.get();
    }

    /**
     * @return client Logons refused for a missing or wrong password.
     */
    public long logonsRejected()
    {
        return logonsRejected.get();
    }

    /**
     * @return messages from venues that the OMS has no message for (e.g. a BusinessMessageReject of something other
     * than an order command).
     */
    public long venueMessagesIgnored()
    {
        return venueMessagesIgnored.get();
    }

    /**
     * @return FIX messages sent for SBE messages from the OMS outbound stream.
     */
    public long outboundSent()
    {
        return outboundSent.get();
    }

    /**
     * @return OMS messages for a session or venue that is not configured; not sent.
     */
    public long outboundUnknownSession()
    {
        return outboundUnknownSession.get();
    }

    /**
     * @return OMS messages for a session that was not logged on: not sent to a venue; queued for resend to a client.
     */
    public long outboundNotLoggedOn()
    {
        return outboundNotLoggedOn.get();
    }

    /**
     * @return OMS messages that could not be translated (malformed, or a fault while sending).
     */
    public long outboundFaults()
    {
        return outboundFaults.get();
    }

    /**
     * @return messages on the OMS outbound stream that are not for the gateway.
     */
    public long outboundIgnored()
    {
        return outboundIgnored.get();
    }

    /**
     * @return venue commands from the OMS that could not be sent (venue not configured, session not logged on);
     * each was answered with VenueCommandRejected (NOT_SENT).
     */
    public long venueCommandsNotSent()
    {
        return venueCommandsNotSent.get();
    }

    /**
     * @return venue session Rejects (35=3) and BusinessMessageRejects (35=j) traced to a command and published as
     * VenueCommandRejected.
     */
    public long venueCommandsRejected()
    {
        return venueCommandsRejected.get();
    }

    /**
     * @return venue rejects that may refer to a command but could not be traced to one (no numeric
     * BusinessRejectRefID, RefSeqNum unknown or too old); logged, not published.
     */
    public long venueRejectsUncorrelated()
    {
        return venueRejectsUncorrelated.get();
    }

    void onInboundPublished()
    {
        inboundPublished.incrementAndGet();
    }

    void onInboundNotAccepted()
    {
        inboundNotAccepted.incrementAndGet();
    }

    void onClientMessageRejected()
    {
        clientMessagesRejected.incrementAndGet();
    }

    void onLogonRejected()
    {
        logonsRejected.incrementAndGet();
    }

    void onVenueMessageIgnored()
    {
        venueMessagesIgnored.incrementAndGet();
    }

    void onOutboundSent()
    {
        outboundSent.incrementAndGet();
    }

    void onOutboundUnknownSession()
    {
        outboundUnknownSession.incrementAndGet();
    }

    void onOutboundNotLoggedOn()
    {
        outboundNotLoggedOn.incrementAndGet();
    }

    void onOutboundFault()
    {
        outboundFaults.incrementAndGet();
    }

    void onOutboundIgnored()
    {
        outboundIgnored.incrementAndGet();
    }

    void onVenueCommandNotSent()
    {
        venueCommandsNotSent.incrementAndGet();
    }

    void onVenueCommandRejected()
    {
        venueCommandsRejected.incrementAndGet();
    }

    void onVenueRejectUncorrelated()
    {
        venueRejectsUncorrelated.incrementAndGet();
    }

    public String toString()
    {
        return "FixGatewayCounters{" +
            "inboundPublished=" + inboundPublished +
            ", inboundNotAccepted=" + inboundNotAccepted +
            ", clientMessagesRejected=" + clientMessagesRejected +
            ", logonsRejected=" + logonsRejected +
            ", venueMessagesIgnored=" + venueMessagesIgnored +
            ", outboundSent=" + outboundSent +
            ", outboundUnknownSession=" + outboundUnknownSession +
            ", outboundNotLoggedOn=" + outboundNotLoggedOn +
            ", outboundFaults=" + outboundFaults +
            ", outboundIgnored=" + outboundIgnored +
            ", venueCommandsNotSent=" + venueCommandsNotSent +
            ", venueCommandsRejected=" + venueCommandsRejected +
            ", venueRejectsUncorrelated=" + venueRejectsUncorrelated +
            '}';
    }
}
