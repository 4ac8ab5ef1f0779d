package io.bastion.compliance;

import io.aeron.ControlledFragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The audit journal as an Agrona agent: an independent subscriber to the OMS's inbound and outbound streams that
 * appends every message, whole and as published, to the journal (format in {@link AuditRecordDescriptor}).
 * <p>
 * Each duty cycle reads the clock once, reads up to {@link AuditJournalConfiguration#FRAGMENT_LIMIT} messages from
 * each stream (fragmented ones reassembled), writes them as one batch and, under {@link AuditDurability#FSYNC},
 * forces the batch to the device before the next is read. It only reads: it publishes nothing and nothing waits
 * for it but Aeron's flow control, which holds a publisher only when the journal is a whole term window behind.
 * <p>
 * When a write fails the agent throws from {@link #doWork()} (the runner counts and logs it) with the failed batch
 * kept; later duty cycles write that batch again before reading anything more, so an I/O fault delays the journal
 * and never loses, duplicates or reorders a record. Run it on its own thread, share one, or drive
 * {@link #doWork()} from a test. Start it before the publishers: see the package documentation on restarts.
 */
public final class AuditJournalAgent implements Agent
{
    private static final Logger LOGGER = LoggerFactory.getLogger(AuditJournalAgent.class);

    private final EpochNanoClock clock;
    private final AuditJournalWriter journal;
    private final Subscription inbound;
    private final Subscription outbound;
    private final ControlledFragmentAssembler inboundAssembler;
    private final ControlledFragmentAssembler outboundAssembler;
    private final boolean startedEmpty;
    private final long checkpointRecords;
    private final long checkpointIntervalNs;
    private long nowNs;
    private long lastCheckpointNs;
    private IOException fault;
    private long writeFaults;

    /**
     * Recover the journal (cutting a torn tail) and subscribe to both streams.
     *
     * @param context a concluded context.
     * @throws IllegalStateException if the journal is damaged before its tail or another writer holds it.
     * @throws UncheckedIOException  if the journal cannot be read or opened.
     */
    public AuditJournalAgent(final AuditJournalContext context)
    {
        clock = context.clock();
        checkpointRecords = context.checkpointRecords();
        checkpointIntervalNs = context.checkpointIntervalNs();
        lastCheckpointNs = clock.nanoTime();
        try
        {
            journal = new AuditJournalWriter(
                context.journalDir().toPath(), context.segmentLength(), context.writeBufferLength(),
                context.durability(), context.signingKey());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open audit journal " + context.journalDir(), ex);
        }

        startedEmpty = journal.nextSequence() == AuditRecordDescriptor.FIRST_SEQUENCE;

        Subscription inboundSubscription = null;
        try
        {
            inboundSubscription = context.aeron().addSubscription(
                context.channel(), context.inboundStreamId(), this::onAvailableImage,
                AuditJournalAgent::onUnavailableImage);
            outbound = context.aeron().addSubscription(
                context.channel(), context.outboundStreamId(), this::onAvailableImage,
                AuditJournalAgent::onUnavailableImage);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(inboundSubscription, journal);
            throw ex;
        }
        inbound = inboundSubscription;
        inboundAssembler = new ControlledFragmentAssembler(this::onMessage);
        outboundAssembler = new ControlledFragmentAssembler(this::onMessage);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        nowNs = clock.nanoTime();
        int workCount = 0;
        try
        {
            if (journal.hasUnflushed())
            {
                journal.flush();
                workCount++;
            }
            workCount += inbound.controlledPoll(inboundAssembler, AuditJournalConfiguration.FRAGMENT_LIMIT);
            if (null == fault)
            {
                workCount += outbound.controlledPoll(outboundAssembler, AuditJournalConfiguration.FRAGMENT_LIMIT);
            }
            journal.flush();
            final long unsigned = journal.recordsSinceCheckpoint();
            if (unsigned >= checkpointRecords || (unsigned > 0 && nowNs - lastCheckpointNs >= checkpointIntervalNs))
            {
                journal.checkpoint(nowNs);
                lastCheckpointNs = nowNs;
                workCount++;
            }
        }
        catch (final IOException ex)
        {
            fault = ex;
        }

        if (null != fault)
        {
            final IOException ex = fault;
            fault = null;
            writeFaults++;
            throw new UncheckedIOException("audit journal write failed; the batch is kept and written again", ex);
        }

        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        try
        {
            if (journal.recordsSinceCheckpoint() > 0)
            {
                journal.checkpoint(clock.nanoTime());
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            LOGGER.error("audit journal: the last checkpoint could not be written", ex);
        }
        CloseHelper.closeAll(inbound, outbound, journal);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "audit-journal";
    }

    /**
     * @return sequence of the last record appended, 0 when the journal is empty; read on the agent's thread.
     */
    public long lastSequence()
    {
        return journal.nextSequence() - 1;
    }

    /**
     * @return records appended since start; read on the agent's thread.
     */
    public long recordsAppended()
    {
        return journal.recordsAppended();
    }

    /**
     * @return bytes written to segments since start; read on the agent's thread.
     */
    public long bytesWritten()
    {
        return journal.bytesWritten();
    }

    /**
     * @return duty cycles that failed to write and will be retried; read on the agent's thread.
     */
    public long writeFaults()
    {
        return writeFaults;
    }

    /**
     * @return true when both subscriptions have at least one publisher connected.
     */
    public boolean isConnected()
    {
        return inbound.isConnected() && outbound.isConnected();
    }

    private ControlledFragmentHandler.Action onMessage(
        final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        try
        {
            journal.append(nowNs, header.streamId(), buffer, offset, length);
            return ControlledFragmentHandler.Action.CONTINUE;
        }
        catch (final IOException ex)
        {
            fault = ex;
            return ControlledFragmentHandler.Action.ABORT;
        }
    }

    private void onAvailableImage(final Image image)
    {
        if (image.joinPosition() > 0)
        {
            if (startedEmpty)
            {
                LOGGER.warn("audit journal joined stream {} from {} (session {}) late, at position {}: what that " +
                    "publisher sent before is not in this new journal", image.subscription().streamId(),
                    image.sourceIdentity(), image.sessionId(), image.joinPosition());
            }
            else
            {
                LOGGER.info("audit journal joined stream {} from {} (session {}) at position {}; what it sent " +
                    "before was not read by this run", image.subscription().streamId(), image.sourceIdentity(),
                    image.sessionId(), image.joinPosition());
            }
        }
        else
        {
            LOGGER.info("audit journal joined stream {} from {} (session {})", image.subscription().streamId(),
                image.sourceIdentity(), image.sessionId());
        }
    }

    private static void onUnavailableImage(final Image image)
    {
        LOGGER.info("audit journal left stream {} from {} (session {}) at position {}",
            image.subscription().streamId(), image.sourceIdentity(), image.sessionId(), image.position());
    }
}
