package io.bastion.gateway;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.exceptions.ConfigurationException;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.Session;

/**
 * Bastion's FIX edge: a QuickFIX/J acceptor for client sessions and QuickFIX/J initiators for venue sessions,
 * translating FIX into SBE on the OMS inbound stream and the OMS outbound stream back into FIX. It keeps no order
 * state.
 * <pre>
 *   clients --FIX--> acceptor   --ClientNewOrder, ClientCancel, ClientReplace, ClientStatusRequest,--> [inbound]
 *   venues  --FIX--> initiators --VenueExecution, VenueCancelReject, VenueCommandRejected,---------> [inbound]
 *                                 SessionStatus
 *   [outbound] --ClientExecutionReport, ClientCancelReject--> agent --FIX--> clients
 *   [outbound] --VenueNewOrder, VenueCancel, VenueReplace---> agent --FIX--> venues
 *                                                               \--VenueCommandRejected (NOT_SENT)--> [inbound]
 * </pre>
 * Messages from FIX sessions are translated and published on QuickFIX/J's threads; the OMS outbound stream is
 * polled by {@link #agent()}, which the caller runs. Usage:
 * <pre>{@code
 * try (FixGateway gateway = new FixGateway(context))
 * {
 *     gateway.start();
 *     try (AgentRunner runner = new AgentRunner(idle, errorHandler, null, gateway.agent())) { ... }
 * }
 * }</pre>
 * Stop the agent before closing the gateway.
 */
public final class FixGateway implements AutoCloseable
{
    private static final Logger LOGGER = LoggerFactory.getLogger(FixGateway.class);

    private final FixGatewayContext ctx;
    private final SessionRegistry registry;
    private final FixGatewayCounters counters = new FixGatewayCounters();
    private final Publication publication;
    private final Subscription subscription;
    private final ClientApplication clientApplication;
    private final VenueApplication venueApplication;
    private final FixGatewayAgent agent;
    private InlineSocketAcceptor acceptor;
    private InlineSocketInitiator initiator;
    private boolean isStarted;
    private boolean isClosed;

    /**
     * Conclude the context and add the gateway's publication and subscription. FIX sessions start with
     * {@link #start()}.
     *
     * @param ctx settings and dependencies; concluded here if not already.
     * @throws ConfigurationException if the context is invalid.
     */
    public FixGateway(final FixGatewayContext ctx)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        this.ctx = ctx;
        this.registry = ctx.sessionRegistry();

        Publication publication = null;
        Subscription subscription = null;
        try
        {
            publication = ctx.aeron().addPublication(ctx.channel(), ctx.inboundStreamId());
            subscription = ctx.aeron().addSubscription(ctx.channel(), ctx.outboundStreamId());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(subscription, publication);
            throw ex;
        }
        this.publication = publication;
        this.subscription = subscription;

        final long offerTimeoutNs = ctx.offerTimeoutNs();
        clientApplication = new ClientApplication(
            registry, new InboundPublisher(publication, offerTimeoutNs, counters, ctx.onInboundPublished()),
            ctx.epochNanoClock(), counters);
        venueApplication = new VenueApplication(
            registry, new InboundPublisher(publication, offerTimeoutNs, counters, ctx.onInboundPublished()),
            ctx.epochNanoClock(), counters);
        final OutboundAdapter outboundAdapter = new OutboundAdapter(
            registry, counters, new InboundPublisher(publication, offerTimeoutNs, counters, ctx.onInboundPublished()));
        agent = new FixGatewayAgent(subscription, outboundAdapter, ctx.epochNanoClock(), ctx.fragmentLimit());
    }

    /**
     * Start accepting client sessions and connecting venue sessions.
     *
     * @throws ConfigurationException if QuickFIX/J refuses the session settings.
     * @throws IllegalStateException  if started twice or closed.
     */
    public synchronized void start()
    {
        if (isClosed || isStarted)
        {
            throw new IllegalStateException(isClosed ? "FixGateway is closed" : "FixGateway already started");
        }
        isStarted = true;

        try
        {
            acceptor = new InlineSocketAcceptor(
                clientApplication,
                ctx.clientStoreFactory(),
                ctx.clientSettings(),
                ctx.clientLogFactory(),
                new DefaultMessageFactory(),
                counters);
            acceptor.start();

            if (registry.venueSessionCount() > 0)
            {
                initiator = new InlineSocketInitiator(
                    venueApplication,
                    ctx.venueStoreFactory(),
                    ctx.venueSettings(),
                    ctx.venueLogFactory(),
                    new DefaultMessageFactory());
                initiator.start();
            }
        }
        catch (final ConfigError ex)
        {
            stopConnectors();
            final ConfigurationException configurationException =
                new ConfigurationException("QuickFIX/J refused the session settings: " + ex.getMessage());
            configurationException.initCause(ex);
            throw configurationException;
        }

        LOGGER.info("FIX gateway started: {} client sessions, {} venue sessions, publishing to {} stream {}, " +
            "subscribed to stream {}", registry.clientSessionCount(), registry.venueSessionCount(), ctx.channel(),
            ctx.inboundStreamId(), ctx.outboundStreamId());
    }

    /**
     * The agent that polls the OMS outbound stream and sends FIX, with role name
     * {@value FixGatewayConfiguration#ROLE_NAME}. Schedule it on an {@link org.agrona.concurrent.AgentRunner} or
     * drive its {@code doWork()} by hand; run it on one thread at a time.
     *
     * @return the agent.
     */
    public Agent agent()
    {
        return agent;
    }

    /**
     * @return the numbering of the configured sessions.
     */
    public SessionRegistry sessionRegistry()
    {
        return registry;
    }

    /**
     * @return counts of what the gateway did and refused.
     */
    public FixGatewayCounters counters()
    {
        return counters;
    }

    /**
     * @return number of configured client sessions.
     */
    public int clientSessionCount()
    {
        return registry.clientSessionCount();
    }

    /**
     * @return number of configured venue sessions.
     */
    public int venueSessionCount()
    {
        return registry.venueSessionCount();
    }

    /**
     * Is a session logged on now?
     *
     * @param sessionId the session's number, see {@link SessionRegistry}.
     * @return true when configured, started and logged on.
     */
    public boolean isLoggedOn(final int sessionId)
    {
        final SessionEntry entry = registry.entry(sessionId);
        final Session session = null == entry ? null : entry.session();
        return null != session && session.isLoggedOn();
    }

    /**
     * @return number of sessions logged on now, clients and venues.
     */
    public int loggedOnSessionCount()
    {
        int count = 0;
        for (final int sessionId : registry.sessionNames().keySet())
        {
            if (isLoggedOn(sessionId))
            {
                count++;
            }
        }
        return count;
    }

    /**
     * Log out and disconnect every session, then close the publication and subscription. Idempotent.
     */
    public synchronized void close()
    {
        if (isClosed)
        {
            return;
        }
        isClosed = true;

        try
        {
            stopConnectors();
        }
        finally
        {
            CloseHelper.closeAll(subscription, publication);
            LOGGER.info("FIX gateway closed: {}", counters);
        }
    }

    private void stopConnectors()
    {
        try
        {
            if (null != initiator)
            {
                initiator.stop();
            }
        }
        finally
        {
            initiator = null;
            if (null != acceptor)
            {
                acceptor.stop();
            }
            acceptor = null;
        }
    }
}
