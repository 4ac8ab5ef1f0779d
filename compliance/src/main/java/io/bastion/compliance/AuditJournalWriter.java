package io.bastion.compliance;

import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.List;
import java.util.zip.CRC32C;

import static io.bastion.compliance.AuditRecordDescriptor.BYTE_ORDER;
import static io.bastion.compliance.AuditRecordDescriptor.LENGTH_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.MAX_MESSAGE_LENGTH;
import static io.bastion.compliance.AuditRecordDescriptor.HASH_LENGTH;
import static io.bastion.compliance.AuditRecordDescriptor.MESSAGE_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.PREVIOUS_HASH_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.SEQUENCE_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.STREAM_ID_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.TIMESTAMP_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.checksumOffset;
import static io.bastion.compliance.AuditRecordDescriptor.recordLength;
import static io.bastion.compliance.AuditRecordDescriptor.segmentFileName;

/**
 * Appends records to the journal's segment files: records are encoded into a reusable direct buffer and written
 * with positional writes of the current segment, a batch at a time.
 * <p>
 * A failed write leaves the batch in the buffer and the segment position where it was, so the next
 * {@link #flush()} writes the same bytes at the same place: a fault delays records, it never loses or reorders them.
 * Opening takes an exclusive lock on the directory and recovers the journal's tail.
 */
final class AuditJournalWriter implements AutoCloseable
{
    static final String LOCK_FILE_NAME = "journal.lock";

    private static final Logger LOGGER = LoggerFactory.getLogger(AuditJournalWriter.class);

    private final Path directory;
    private final long segmentLength;
    private final boolean fsync;
    private final CRC32C crc = new CRC32C();
    private final MessageDigest digest = MerkleTree.sha256();
    private final byte[] previousHash = new byte[HASH_LENGTH];
    private final MerkleAccumulator tree = new MerkleAccumulator();
    private final PrivateKey signingKey;
    private final AuditCheckpointLog checkpoints;
    private long checkpointedSize;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private final FileChannel lockChannel;
    private final FileLock lock;
    private ByteBuffer byteBuffer;
    private FileChannel segment;
    private long segmentPosition;
    private int pendingLength;
    private boolean unforced;
    private long nextSequence;
    private long recordsAppended;
    private long bytesWritten;

    /**
     * Lock the directory, validate the journal in it and cut a torn tail.
     *
     * @param directory     the journal directory; it must exist.
     * @param segmentLength length at which a new segment starts.
     * @param bufferLength  initial length of the write buffer.
     * @param durability    when to force writes to the device.
     * @throws IOException           if the journal cannot be read or written.
     * @throws IllegalStateException if another writer holds the directory or the journal is damaged before its tail.
     */
    AuditJournalWriter(
        final Path directory, final long segmentLength, final int bufferLength, final AuditDurability durability)
        throws IOException
    {
        this(directory, segmentLength, bufferLength, durability, null);
    }

    /**
     * Lock the directory, validate the journal in it, cut a torn tail, and sign checkpoints with a key.
     *
     * @param directory     the journal directory; it must exist.
     * @param segmentLength length at which a new segment starts.
     * @param bufferLength  initial length of the write buffer.
     * @param durability    when to force writes to the device.
     * @param signingKey    the Ed25519 key that signs checkpoints, or null to write none.
     * @throws IOException           if the journal cannot be read or written.
     * @throws IllegalStateException if another writer holds the directory or the journal is damaged before its tail.
     */
    AuditJournalWriter(
        final Path directory,
        final long segmentLength,
        final int bufferLength,
        final AuditDurability durability,
        final PrivateKey signingKey)
        throws IOException
    {
        this.signingKey = signingKey;
        this.directory = directory;
        this.segmentLength = segmentLength;
        this.fsync = durability == AuditDurability.FSYNC;
        byteBuffer = BufferUtil.allocateDirectAligned(bufferLength, 64);
        buffer.wrap(byteBuffer);

        lockChannel = FileChannel.open(
            directory.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try
        {
            lock = tryLock(lockChannel, directory);
            recover();
            checkpoints = null == signingKey ? null : new AuditCheckpointLog(directory, fsync);
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(segment, lockChannel);
            throw ex;
        }
        checkpointedSize = tree.size();
    }

    private static FileLock tryLock(final FileChannel channel, final Path directory) throws IOException
    {
        try
        {
            final FileLock fileLock = channel.tryLock();
            if (null == fileLock)
            {
                throw new IllegalStateException("audit journal " + directory + " is in use by another process");
            }
            return fileLock;
        }
        catch (final OverlappingFileLockException ex)
        {
            throw new IllegalStateException("audit journal " + directory + " is in use by another writer in this " +
                "process", ex);
        }
    }

    /**
     * @return sequence the next record gets.
     */
    long nextSequence()
    {
        return nextSequence;
    }

    /**
     * @return records appended since open.
     */
    long recordsAppended()
    {
        return recordsAppended;
    }

    /**
     * @return bytes written to segments since open.
     */
    long bytesWritten()
    {
        return bytesWritten;
    }

    /**
     * @return true when records are buffered and not yet written, or written and not yet forced as the durability
     * policy requires: only after a failed {@link #flush()}.
     */
    boolean hasUnflushed()
    {
        return pendingLength > 0 || unforced;
    }

    /**
     * Buffer one record, writing earlier ones first when the buffer is full and starting a new segment when the
     * current one would grow past its length. The record is in the journal once {@link #flush()} returns.
     *
     * @param timestampNs when it was read.
     * @param streamId    where it was read.
     * @param message     the message.
     * @param offset      of the message.
     * @param length      of the message.
     * @throws IOException if an earlier batch cannot be written or a segment cannot be created; nothing of this
     *                     record has been buffered then, so appending it again is right.
     */
    void append(
        final long timestampNs, final int streamId, final DirectBuffer message, final int offset, final int length)
        throws IOException
    {
        if (length > MAX_MESSAGE_LENGTH)
        {
            throw new IllegalArgumentException("message of " + length + " bytes is longer than " + MAX_MESSAGE_LENGTH);
        }

        final int recordLength = recordLength(length);
        final long used = segmentPosition + pendingLength;
        if (null == segment)
        {
            openSegment(nextSequence);
        }
        else if (used > 0 && used + recordLength > segmentLength)
        {
            rotate();
        }

        if (pendingLength + recordLength > byteBuffer.capacity())
        {
            writePending();
            if (recordLength > byteBuffer.capacity())
            {
                growBuffer(recordLength);
            }
        }

        final int recordOffset = pendingLength;
        buffer.putInt(recordOffset + LENGTH_OFFSET, recordLength, BYTE_ORDER);
        buffer.putLong(recordOffset + SEQUENCE_OFFSET, nextSequence, BYTE_ORDER);
        buffer.putLong(recordOffset + TIMESTAMP_OFFSET, timestampNs, BYTE_ORDER);
        buffer.putInt(recordOffset + STREAM_ID_OFFSET, streamId, BYTE_ORDER);
        buffer.putBytes(recordOffset + PREVIOUS_HASH_OFFSET, previousHash);
        buffer.putBytes(recordOffset + MESSAGE_OFFSET, message, offset, length);

        final int checksumOffset = recordOffset + checksumOffset(recordLength);
        byteBuffer.limit(checksumOffset).position(recordOffset);
        crc.reset();
        crc.update(byteBuffer);
        byteBuffer.clear();
        buffer.putInt(checksumOffset, (int)crc.getValue(), BYTE_ORDER);
        MerkleTree.leafHash(digest, byteBuffer, recordOffset, recordLength, previousHash);
        tree.appendLeafHash(previousHash);

        pendingLength += recordLength;
        nextSequence++;
        recordsAppended++;
    }

    /**
     * Write what is buffered and, under {@link AuditDurability#FSYNC}, force it to the device.
     *
     * @throws IOException if it cannot; what is buffered stays buffered and the next call tries again.
     */
    void flush() throws IOException
    {
        writePending();
        if (unforced)
        {
            segment.force(false);
            unforced = false;
        }
    }

    /**
     * @return records not yet in a signed checkpoint (0 when no key signs them).
     */
    long recordsSinceCheckpoint()
    {
        return null == checkpoints ? 0 : tree.size() - checkpointedSize;
    }

    /**
     * Flush, then sign and append a checkpoint of every record in the journal: its size, Merkle root and time. Does
     * nothing without a signing key.
     *
     * @param timestampNs the time the checkpoint states.
     * @throws IOException if the records or the checkpoint cannot be written.
     */
    void checkpoint(final long timestampNs) throws IOException
    {
        if (null == checkpoints)
        {
            return;
        }
        flush();
        final AuditCheckpoint checkpoint = new AuditCheckpoint(tree.size(), tree.root(), timestampNs);
        checkpoints.append(checkpoint, checkpoint.sign(signingKey));
        checkpointedSize = tree.size();
    }

    /**
     * Flush, then close the segment and release the directory.
     *
     * @throws IOException if the last batch cannot be written; the segment and lock are closed regardless.
     */
    public void close() throws IOException
    {
        try
        {
            flush();
        }
        finally
        {
            CloseHelper.closeAll(segment, checkpoints, lockChannel);
            segment = null;
        }
    }

    private void writePending() throws IOException
    {
        if (pendingLength == 0)
        {
            return;
        }

        byteBuffer.limit(pendingLength).position(0);
        while (byteBuffer.hasRemaining())
        {
            segment.write(byteBuffer, segmentPosition + byteBuffer.position());
        }
        byteBuffer.clear();

        segmentPosition += pendingLength;
        bytesWritten += pendingLength;
        pendingLength = 0;
        unforced = fsync;
    }

    private void rotate() throws IOException
    {
        flush();
        final FileChannel previous = segment;
        segment = null;
        try
        {
            openSegment(nextSequence);
        }
        catch (final IOException | RuntimeException ex)
        {
            segment = previous;
            throw ex;
        }
        CloseHelper.close(previous);
    }

    private void openSegment(final long firstSequence) throws IOException
    {
        final Path path = directory.resolve(segmentFileName(firstSequence));
        final FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try
        {
            if (channel.size() != 0)
            {
                throw new IOException("new audit segment " + path + " already exists with " + channel.size() +
                    " bytes");
            }
            if (fsync)
            {
                forceDirectory();
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietClose(channel);
            throw ex;
        }
        segment = channel;
        segmentPosition = 0;
    }

    private void forceDirectory() throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    private void growBuffer(final int minLength)
    {
        byteBuffer = BufferUtil.allocateDirectAligned(Integer.highestOneBit(minLength - 1) << 1, 64);
        buffer.wrap(byteBuffer);
    }

    private void recover() throws IOException
    {
        final AuditJournalReader reader = new AuditJournalReader(directory);
        final List<Path> segments = reader.segments();
        final AuditJournalReader.Result result = reader.read(
            (sequence, timestampNs, streamId, message, offset, length) ->
            {
            }, tree);
        nextSequence = result.lastSequence() + 1;
        System.arraycopy(result.lastHash(), 0, previousHash, 0, HASH_LENGTH);
        if (segments.isEmpty())
        {
            LOGGER.info("audit journal {}: new, first sequence {}", directory, nextSequence);
            return;
        }

        final Path last = segments.get(segments.size() - 1);
        final AuditJournalDefect defect = result.defect();
        if (defect != null)
        {
            if (!defect.segment().equals(last) ||
                defect.reason() == AuditJournalDefect.Reason.SEQUENCE_GAP ||
                defect.reason() == AuditJournalDefect.Reason.CHAIN_BROKEN ||
                reader.hasRecordAfter(defect))
            {
                throw new IllegalStateException("audit journal " + directory + " is damaged before its tail, " +
                    "nothing was changed; inspect it with AuditDump and move it aside to start a new one: " + defect);
            }
            cutTornTail(defect);
        }

        final long size = Files.size(last);
        if (size < segmentLength)
        {
            segment = FileChannel.open(last, StandardOpenOption.WRITE);
            segmentPosition = size;
        }
        LOGGER.info("audit journal {}: {} records in {} segments, next sequence {}, {}",
            directory, nextSequence - 1, segments.size(), nextSequence,
            null == segment ? "in a new segment" : "appending to " + last.getFileName() + " at byte " + size);
    }

    private void cutTornTail(final AuditJournalDefect defect) throws IOException
    {
        try (FileChannel channel = FileChannel.open(defect.segment(), StandardOpenOption.WRITE))
        {
            final long size = channel.size();
            channel.truncate(defect.offset());
            channel.force(true);
            LOGGER.warn("audit journal: torn tail cut from {} at byte offset {}: {} bytes removed, last whole " +
                "record is {} ({})", defect.segment(), defect.offset(), size - defect.offset(),
                defect.sequence() - 1, defect);
        }
        if (Files.size(defect.segment()) != defect.offset())
        {
            throw new IOException("could not cut " + defect.segment() + " back to " + defect.offset() + " bytes");
        }
    }
}
