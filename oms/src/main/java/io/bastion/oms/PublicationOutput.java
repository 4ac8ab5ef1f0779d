package io.bastion.oms;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * The OMS's output on its outbound Aeron stream. It must not be lost, so a back-pressured offer is retried (the
 * OMS stalls, which pushes back on its producers) until the stream accepts it; only a stream without subscribers or a
 * closed one makes an offer fail, and that is returned ({@link OmsPublisher#failedCount()} counts it).
 */
public final class PublicationOutput implements OmsOutput
{
    private final ExclusivePublication publication;
    private long backPressureCount;

    /**
     * @param publication the OMS outbound stream.
     */
    public PublicationOutput(final ExclusivePublication publication)
    {
        this.publication = publication;
    }

    /**
     * {@inheritDoc}
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return true;
            }
            if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                backPressureCount++;
                Thread.onSpinWait();
                continue;
            }
            return false;
        }
    }

    /**
     * @return offers retried because the stream was back-pressured.
     */
    public long backPressureCount()
    {
        return backPressureCount;
    }
}
