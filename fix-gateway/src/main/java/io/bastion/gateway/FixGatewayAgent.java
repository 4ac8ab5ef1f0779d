package io.bastion.gateway;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Polls the OMS outbound stream and sends FIX. Runs on whatever thread the caller chooses: an
 * {@link org.agrona.concurrent.AgentRunner}, a composite agent, or a test's thread.
 */
final class FixGatewayAgent implements Agent
{
    private final Subscription subscription;
    private final FragmentAssembler fragmentAssembler;
    private final OutboundAdapter adapter;
    private final EpochNanoClock clock;
    private final int fragmentLimit;

    FixGatewayAgent(
        final Subscription subscription,
        final OutboundAdapter adapter,
        final EpochNanoClock clock,
        final int fragmentLimit)
    {
        this.subscription = subscription;
        this.fragmentAssembler = new FragmentAssembler(adapter);
        this.adapter = adapter;
        this.clock = clock;
        this.fragmentLimit = fragmentLimit;
    }

    public int doWork()
    {
        adapter.nowNs(clock.nanoTime());
        return subscription.poll(fragmentAssembler, fragmentLimit);
    }

    public String roleName()
    {
        return FixGatewayConfiguration.ROLE_NAME;
    }
}
