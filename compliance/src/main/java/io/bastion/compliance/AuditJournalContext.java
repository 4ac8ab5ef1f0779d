package io.bastion.compliance;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.bastion.protocol.Streams;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.File;
import java.security.PrivateKey;

/**
 * Every setting and dependency of the audit journal; {@link #conclude()} validates them once, at start, and
 * creates the journal directory if it is missing.
 */
public final class AuditJournalContext
{
    private Aeron aeron;
    private String channel = Streams.IPC_CHANNEL;
    private int inboundStreamId = Streams.OMS_INBOUND_STREAM_ID;
    private int outboundStreamId = Streams.OMS_OUTBOUND_STREAM_ID;
    private EpochNanoClock clock = new SystemEpochNanoClock();
    private File journalDir;
    private long segmentLength = AuditJournalConfiguration.SEGMENT_LENGTH_DEFAULT;
    private AuditDurability durability = AuditJournalConfiguration.DURABILITY_DEFAULT;
    private int writeBufferLength = AuditJournalConfiguration.WRITE_BUFFER_LENGTH_DEFAULT;
    private PrivateKey signingKey;
    private long checkpointRecords = AuditJournalConfiguration.CHECKPOINT_RECORDS_DEFAULT;
    private long checkpointIntervalNs = AuditJournalConfiguration.CHECKPOINT_INTERVAL_MS_DEFAULT * 1_000_000L;
    private boolean concluded;

    /**
     * Validate the settings and create the journal directory if needed; call once before use.
     *
     * @return this.
     * @throws IllegalStateException naming what is wrong.
     */
    public AuditJournalContext conclude()
    {
        if (concluded)
        {
            throw new IllegalStateException("AuditJournalContext already concluded");
        }
        require(aeron != null, "aeron is required");
        require(clock != null, "clock is required");
        require(durability != null, "durability is required (fsync or none)");
        require(channel != null && !channel.isEmpty(), "channel is required");
        try
        {
            ChannelUri.parse(channel);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalStateException("invalid channel '" + channel + "': " + ex.getMessage(), ex);
        }
        require(inboundStreamId != outboundStreamId,
            "inbound and outbound stream ids must differ: " + inboundStreamId);
        require(segmentLength >= AuditJournalConfiguration.SEGMENT_LENGTH_MIN &&
            segmentLength <= AuditJournalConfiguration.SEGMENT_LENGTH_MAX,
            "segmentLength must be " + AuditJournalConfiguration.SEGMENT_LENGTH_MIN + " to " +
            AuditJournalConfiguration.SEGMENT_LENGTH_MAX + " bytes: " + segmentLength);
        require(writeBufferLength >= AuditJournalConfiguration.WRITE_BUFFER_LENGTH_MIN,
            "writeBufferLength must be at least " + AuditJournalConfiguration.WRITE_BUFFER_LENGTH_MIN + " bytes: " +
            writeBufferLength);
        require(checkpointRecords > 0, "checkpointRecords must be positive: " + checkpointRecords);
        require(checkpointIntervalNs > 0, "checkpointIntervalMs must be positive");
        require(journalDir != null, "journalDir is required");
        if (!journalDir.isDirectory() && !journalDir.mkdirs() && !journalDir.isDirectory())
        {
            throw new IllegalStateException("cannot create audit journal directory " + journalDir);
        }
        require(journalDir.canWrite(), "audit journal directory is not writable: " + journalDir);
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }

    /** @return the Aeron client. */
    public Aeron aeron()
    {
        return aeron;
    }

    /** @param aeron the Aeron client. @return this. */
    public AuditJournalContext aeron(final Aeron aeron)
    {
        this.aeron = aeron;
        return this;
    }

    /** @return channel of both streams. */
    public String channel()
    {
        return channel;
    }

    /**
     * @param channel channel of both streams, {@code aeron:ipc} by default. A subscription on IPC is tethered: the
     *                publishers wait for it when it falls a term window behind. {@code aeron:ipc?tether=false}
     *                lets them run on instead, and the journal then misses what it fell behind on.
     * @return this.
     */
    public AuditJournalContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /** @return stream of the OMS's inputs. */
    public int inboundStreamId()
    {
        return inboundStreamId;
    }

    /** @param streamId stream of the OMS's inputs. @return this. */
    public AuditJournalContext inboundStreamId(final int streamId)
    {
        this.inboundStreamId = streamId;
        return this;
    }

    /** @return stream of the OMS's outputs. */
    public int outboundStreamId()
    {
        return outboundStreamId;
    }

    /** @param streamId stream of the OMS's outputs. @return this. */
    public AuditJournalContext outboundStreamId(final int streamId)
    {
        this.outboundStreamId = streamId;
        return this;
    }

    /** @return the clock that timestamps records, read once per duty cycle. */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /** @param clock the clock that timestamps records, read once per duty cycle. @return this. */
    public AuditJournalContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /** @return the journal directory. */
    public File journalDir()
    {
        return journalDir;
    }

    /** @param dir the journal directory; one writer at a time (it is locked). @return this. */
    public AuditJournalContext journalDir(final File dir)
    {
        this.journalDir = dir;
        return this;
    }

    /** @return length in bytes at which a new segment starts. */
    public long segmentLength()
    {
        return segmentLength;
    }

    /** @param length length in bytes at which a new segment starts. @return this. */
    public AuditJournalContext segmentLength(final long length)
    {
        this.segmentLength = length;
        return this;
    }

    /** @return when writes are forced to the device. */
    public AuditDurability durability()
    {
        return durability;
    }

    /** @param durability when writes are forced to the device. @return this. */
    public AuditJournalContext durability(final AuditDurability durability)
    {
        this.durability = durability;
        return this;
    }

    /** @return initial length of the write buffer. */
    public int writeBufferLength()
    {
        return writeBufferLength;
    }

    /** @param length initial length of the write buffer in bytes. @return this. */
    public AuditJournalContext writeBufferLength(final int length)
    {
        this.writeBufferLength = length;
        return this;
    }

    /** @return the key that signs checkpoints, or null to sign none. */
    public PrivateKey signingKey()
    {
        return signingKey;
    }

    /** @param key the Ed25519 key that signs checkpoints, or null to sign none. @return this. */
    public AuditJournalContext signingKey(final PrivateKey key)
    {
        this.signingKey = key;
        return this;
    }

    /** @return records after which a checkpoint is signed. */
    public long checkpointRecords()
    {
        return checkpointRecords;
    }

    /** @param records records after which a checkpoint is signed. @return this. */
    public AuditJournalContext checkpointRecords(final long records)
    {
        this.checkpointRecords = records;
        return this;
    }

    /** @return nanoseconds after which records not yet in a checkpoint get one. */
    public long checkpointIntervalNs()
    {
        return checkpointIntervalNs;
    }

    /** @param intervalNs nanoseconds after which records not yet in a checkpoint get one. @return this. */
    public AuditJournalContext checkpointIntervalNs(final long intervalNs)
    {
        this.checkpointIntervalNs = intervalNs;
        return this;
    }
}
