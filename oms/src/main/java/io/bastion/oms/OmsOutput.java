package io.bastion.oms;

import org.agrona.DirectBuffer;

/**
 * Where the OMS's encoded decisions go. In Bastion it is the outbound Aeron stream
 * ({@link PublicationOutput}); benchmarks put the core alone behind an in-memory one.
 */
@FunctionalInterface
public interface OmsOutput
{
    /**
     * Deliver one encoded message; must not lose it.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return true when delivered, false when it cannot be (no subscriber, stream closed).
     */
    boolean offer(DirectBuffer buffer, int offset, int length);
}
