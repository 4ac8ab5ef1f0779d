package io.bastion.gateway;

import io.aeron.Publication;
import io.bastion.sbe.ClientCancelEncoder;
import io.bastion.sbe.ClientNewOrderEncoder;
import io.bastion.sbe.ClientReplaceEncoder;
import io.bastion.sbe.ClientStatusRequestEncoder;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.MessageHeaderEncoder;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.SessionStatusEncoder;
import io.bastion.sbe.VenueCancelRejectEncoder;
import io.bastion.sbe.VenueCommandRejectedEncoder;
import io.bastion.sbe.VenueCommandType;
import io.bastion.sbe.VenueExecutionEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes SBE messages for the OMS inbound stream into its own buffer and offers them to the shared
 * {@link Publication}, retrying for a bounded time on back pressure. Not thread safe: each FIX role has its own,
 * used under that role's lock, and the agent has its own for the venue commands it cannot send.
 */
final class InboundPublisher
{
    private static final int BUFFER_LENGTH = 4096;
    private static final int SPINS = 100;

    private final Publication publication;
    private final long offerTimeoutNs;
    private final FixGatewayCounters counters;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[BUFFER_LENGTH]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ClientNewOrderEncoder clientNewOrder = new ClientNewOrderEncoder();
    private final ClientCancelEncoder clientCancel = new ClientCancelEncoder();
    private final ClientReplaceEncoder clientReplace = new ClientReplaceEncoder();
    private final ClientStatusRequestEncoder clientStatusRequest = new ClientStatusRequestEncoder();
    private final VenueExecutionEncoder venueExecution = new VenueExecutionEncoder();
    private final VenueCancelRejectEncoder venueCancelReject = new VenueCancelRejectEncoder();
    private final SessionStatusEncoder sessionStatus = new SessionStatusEncoder();
    private final VenueCommandRejectedEncoder venueCommandRejected = new VenueCommandRejectedEncoder();
    private final Runnable onPublished;
    private long lastOfferResult;

    InboundPublisher(
        final Publication publication,
        final long offerTimeoutNs,
        final FixGatewayCounters counters,
        final Runnable onPublished)
    {
        this.onPublished = onPublished;
        this.publication = publication;
        this.offerTimeoutNs = offerTimeoutNs;
        this.counters = counters;
    }

    ClientNewOrderEncoder clientNewOrder()
    {
        return clientNewOrder.wrapAndApplyHeader(buffer, 0, headerEncoder);
    }

    ClientCancelEncoder clientCancel()
    {
        return clientCancel.wrapAndApplyHeader(buffer, 0, headerEncoder);
    }

    ClientReplaceEncoder clientReplace()
    {
        return clientReplace.wrapAndApplyHeader(buffer, 0, headerEncoder);
    }

    ClientStatusRequestEncoder clientStatusRequest()
    {
        return clientStatusRequest.wrapAndApplyHeader(buffer, 0, headerEncoder);
    }

    VenueExecutionEncoder venueExecution()
    {
        return venueExecution.wrapAndApplyHeader(buffer, 0, headerEncoder);
    }

    VenueCancelRejectEncoder venueCancelReject()
    {
        return venueCancelReject.wrapAndApplyHeader(buffer, 0, headerEncoder);
    }

    /**
     * Encode and offer a SessionStatus.
     *
     * @return true when the stream accepted it.
     */
    boolean sessionStatus(
        final int sessionId, final int venueId, final SessionRole role, final SessionState state, final long nowNs)
    {
        sessionStatus.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .sessionId(sessionId)
            .venueId(venueId)
            .role(role)
            .state(state)
            .timestampNs(nowNs);
        return offer(sessionStatus.encodedLength());
    }

    /**
     * Encode and offer a VenueCommandRejected.
     *
     * @param text why, cut to {@link FixGatewayConfiguration#MAX_TEXT_LENGTH}.
     * @return true when the stream accepted it.
     */
    boolean venueCommandRejected(
        final int venueId,
        final long venueClOrdId,
        final VenueCommandType commandType,
        final CommandRejectSource source,
        final String text)
    {
        venueCommandRejected.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .venueId(venueId)
            .venueClOrdId(venueClOrdId)
            .commandType(commandType)
            .source(source)
            .text(text.length() > FixGatewayConfiguration.MAX_TEXT_LENGTH ?
                text.substring(0, FixGatewayConfiguration.MAX_TEXT_LENGTH) : text);
        return offer(venueCommandRejected.encodedLength());
    }

    /**
     * Offer the message last encoded, retrying on back pressure, admin action or no subscriber until the offer
     * timeout has passed.
     *
     * @param encodedLength the encoder's {@code encodedLength()}, without the header.
     * @return true when the stream accepted it.
     */
    boolean offer(final int encodedLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encodedLength;
        long deadlineNs = 0;
        int attempts = 0;
        while (true)
        {
            final long result = publication.offer(buffer, 0, length);
            if (result > 0)
            {
                counters.onInboundPublished();
                onPublished.run();
                return true;
            }

            lastOfferResult = result;
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                break;
            }

            final long nowNs = System.nanoTime();
            if (0 == attempts)
            {
                deadlineNs = nowNs + offerTimeoutNs;
            }
            else if (nowNs - deadlineNs >= 0)
            {
                break;
            }

            if (++attempts < SPINS)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }

        counters.onInboundNotAccepted();
        return false;
    }

    /**
     * @return why the last failed offer failed, as text.
     */
    String lastOfferFailure()
    {
        return Publication.errorString(lastOfferResult);
    }
}
