package io.bastion.oms;

import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The OMS as an Agrona agent: each duty cycle reads the clock once and processes a bounded batch of inbound
 * messages. Run it on its own thread, share one, or drive {@link #doWork()} from a test.
 */
public final class OmsAgent implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(OmsAgent.class);

    private final EpochNanoClock clock;
    private final Subscription subscription;
    private final ExclusivePublication publication;
    private final PositionStore positions;
    private final OrderManager orderManager;
    private final OmsInboundAdapter adapter;

    /**
     * Connect to the streams and open the positions file.
     *
     * @param context a concluded context.
     */
    public OmsAgent(final OmsContext context)
    {
        if (context.aeron() == null)
        {
            throw new IllegalStateException("the OMS agent needs an Aeron client for its streams");
        }
        clock = context.clock();
        subscription = context.aeron().addSubscription(context.channel(), context.inboundStreamId());
        publication = context.aeron().addExclusivePublication(context.channel(), context.outboundStreamId());
        positions = new PositionStore(context.positionsFile(), context.positionEntries());
        final List<String> torn = positions.repairTornPositions();
        if (!torn.isEmpty())
        {
            LOG.error("positions left half-written by a crash during an update, now readable again but possibly " +
                "mixing the values from before and after it; reconcile them: {}", torn);
        }
        orderManager = new OrderManager(context, new OmsPublisher(new PublicationOutput(publication)), positions);
        adapter = new OmsInboundAdapter(subscription, orderManager);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        orderManager.nowNs(clock.nanoTime());
        return adapter.poll(OmsConfiguration.FRAGMENT_LIMIT) + orderManager.pollTimers();
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.closeAll(subscription, publication, positions);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "oms";
    }

    /**
     * @return the order state machine, for its counters.
     */
    public OrderManager orderManager()
    {
        return orderManager;
    }

    /**
     * @return the positions store; reads from other threads are safe.
     */
    public PositionStore positions()
    {
        return positions;
    }

    /**
     * @return the inbound adapter, for its counters.
     */
    public OmsInboundAdapter adapter()
    {
        return adapter;
    }
}
