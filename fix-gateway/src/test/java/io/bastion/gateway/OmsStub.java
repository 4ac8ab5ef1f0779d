package io.bastion.gateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.bastion.protocol.Streams;
import io.bastion.sbe.ClientCancelDecoder;
import io.bastion.sbe.ClientCancelRejectEncoder;
import io.bastion.sbe.ClientExecutionReportEncoder;
import io.bastion.sbe.ClientSessionCommandEncoder;
import io.bastion.sbe.ClientNewOrderDecoder;
import io.bastion.sbe.ClientReplaceDecoder;
import io.bastion.sbe.ClientStatusRequestDecoder;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.MessageHeaderEncoder;
import io.bastion.sbe.SessionStatusDecoder;
import io.bastion.sbe.VenueCancelEncoder;
import io.bastion.sbe.VenueCancelRejectDecoder;
import io.bastion.sbe.VenueCommandRejectedDecoder;
import io.bastion.sbe.VenueExecutionDecoder;
import io.bastion.sbe.VenueNewOrderEncoder;
import io.bastion.sbe.VenueReplaceEncoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Plays the OMS: subscribes to the gateway's inbound stream and publishes on its outbound stream, with the real SBE
 * codecs. Driven by the test's thread.
 */
final class OmsStub implements AutoCloseable
{
    private final Subscription inbound;
    private final Publication outbound;
    private final List<UnsafeBuffer> received = new ArrayList<>();
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

    OmsStub(final Aeron aeron, final int inboundStreamId, final int outboundStreamId)
    {
        inbound = aeron.addSubscription(Streams.IPC_CHANNEL, inboundStreamId);
        outbound = aeron.addPublication(Streams.IPC_CHANNEL, outboundStreamId);
    }

    OmsStub(final Aeron aeron)
    {
        this(aeron, Streams.OMS_INBOUND_STREAM_ID, Streams.OMS_OUTBOUND_STREAM_ID);
    }

    void awaitInboundConnected()
    {
        Await.until("gateway publication connected", inbound::isConnected);
    }

    void awaitOutboundConnected()
    {
        Await.until("gateway subscription connected", outbound::isConnected);
    }

    /**
     * Once the gateway's streams reach this stub, start the gateway and run its agent on a thread of its own.
     *
     * @param gateway     a gateway built on this stub's Aeron client.
     * @param agentErrors where the agent's errors go.
     * @return the runner, to close.
     */
    AgentRunner startGateway(final FixGateway gateway, final List<Throwable> agentErrors)
    {
        awaitInboundConnected();
        awaitOutboundConnected();
        gateway.start();
        final AgentRunner runner = new AgentRunner(
            new BackoffIdleStrategy(1, 1, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1)),
            agentErrors::add,
            null,
            gateway.agent());
        AgentRunner.startOnThread(runner);
        return runner;
    }

    ClientNewOrderDecoder awaitClientNewOrder(final Predicate<ClientNewOrderDecoder> match)
    {
        return await(ClientNewOrderDecoder.TEMPLATE_ID, buffer ->
            new ClientNewOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    ClientCancelDecoder awaitClientCancel(final Predicate<ClientCancelDecoder> match)
    {
        return await(ClientCancelDecoder.TEMPLATE_ID, buffer ->
            new ClientCancelDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    ClientReplaceDecoder awaitClientReplace(final Predicate<ClientReplaceDecoder> match)
    {
        return await(ClientReplaceDecoder.TEMPLATE_ID, buffer ->
            new ClientReplaceDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    ClientStatusRequestDecoder awaitClientStatusRequest(final Predicate<ClientStatusRequestDecoder> match)
    {
        return await(ClientStatusRequestDecoder.TEMPLATE_ID, buffer ->
            new ClientStatusRequestDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    VenueExecutionDecoder awaitVenueExecution(final Predicate<VenueExecutionDecoder> match)
    {
        return await(VenueExecutionDecoder.TEMPLATE_ID, buffer ->
            new VenueExecutionDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    VenueCancelRejectDecoder awaitVenueCancelReject(final Predicate<VenueCancelRejectDecoder> match)
    {
        return await(VenueCancelRejectDecoder.TEMPLATE_ID, buffer ->
            new VenueCancelRejectDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    VenueCommandRejectedDecoder awaitVenueCommandRejected(final Predicate<VenueCommandRejectedDecoder> match)
    {
        return await(VenueCommandRejectedDecoder.TEMPLATE_ID, buffer ->
            new VenueCommandRejectedDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    SessionStatusDecoder awaitSessionStatus(final Predicate<SessionStatusDecoder> match)
    {
        return await(SessionStatusDecoder.TEMPLATE_ID, buffer ->
            new SessionStatusDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), match);
    }

    ClientExecutionReportEncoder clientExecutionReport()
    {
        return new ClientExecutionReportEncoder().wrapAndApplyHeader(sendBuffer, 0, headerEncoder);
    }

    ClientCancelRejectEncoder clientCancelReject()
    {
        return new ClientCancelRejectEncoder().wrapAndApplyHeader(sendBuffer, 0, headerEncoder);
    }

    VenueNewOrderEncoder venueNewOrder()
    {
        return new VenueNewOrderEncoder().wrapAndApplyHeader(sendBuffer, 0, headerEncoder);
    }

    VenueCancelEncoder venueCancel()
    {
        return new VenueCancelEncoder().wrapAndApplyHeader(sendBuffer, 0, headerEncoder);
    }

    VenueReplaceEncoder venueReplace()
    {
        return new VenueReplaceEncoder().wrapAndApplyHeader(sendBuffer, 0, headerEncoder);
    }

    ClientSessionCommandEncoder clientSessionCommand()
    {
        return new ClientSessionCommandEncoder().wrapAndApplyHeader(sendBuffer, 0, headerEncoder);
    }

    /**
     * Publish the message last encoded into the send buffer.
     */
    void send(final int encodedLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encodedLength;
        Await.until("outbound offer accepted", () -> outbound.offer(sendBuffer, 0, length) > 0);
    }

    /**
     * Publish raw bytes, e.g. a malformed message.
     */
    void sendRaw(final DirectBuffer buffer, final int length)
    {
        Await.until("outbound offer accepted", () -> outbound.offer(buffer, 0, length) > 0);
    }

    private <D> D await(final int templateId, final Function<DirectBuffer, D> wrap, final Predicate<D> match)
    {
        return Await.value("inbound template " + templateId, () ->
        {
            inbound.poll((buffer, offset, length, header) ->
            {
                final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
                copy.putBytes(0, buffer, offset, length);
                received.add(copy);
            }, 100);

            for (final Iterator<UnsafeBuffer> it = received.iterator(); it.hasNext(); )
            {
                final UnsafeBuffer buffer = it.next();
                headerDecoder.wrap(buffer, 0);
                if (headerDecoder.templateId() == templateId && match.test(wrap.apply(buffer)))
                {
                    it.remove();
                    return wrap.apply(buffer);
                }
            }
            return null;
        });
    }

    public void close()
    {
        CloseHelper.closeAll(inbound, outbound);
    }
}
