package io.bastion.compliance;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static io.bastion.compliance.AuditRecordDescriptor.BYTE_ORDER;
import static io.bastion.compliance.AuditRecordDescriptor.FIRST_SEQUENCE;
import static io.bastion.compliance.AuditRecordDescriptor.LENGTH_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.MAX_RECORD_LENGTH;
import static io.bastion.compliance.AuditRecordDescriptor.HASH_LENGTH;
import static io.bastion.compliance.AuditRecordDescriptor.MESSAGE_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.PREVIOUS_HASH_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.MIN_RECORD_LENGTH;
import static io.bastion.compliance.AuditRecordDescriptor.SEQUENCE_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.STREAM_ID_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.TIMESTAMP_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.checksumOffset;
import static io.bastion.compliance.AuditRecordDescriptor.messageLength;
import static io.bastion.compliance.AuditRecordDescriptor.segmentFirstSequence;

/**
 * Reads the records of a journal directory in sequence order and stops at the first defect, which it locates by
 * segment, byte offset and sequence number: a length out of range or running past the end of the segment, a CRC
 * mismatch, a sequence gap (within a segment, between segments, or a journal that does not start at 1), or a record
 * that does not carry the hash of the one before it (the hash chain broken).
 * <p>
 * Segments are memory-mapped one at a time, read-only. Reading a journal that an agent is appending to is safe; a
 * record being written at that moment may show as a bad length at the very end. Not thread-safe: one reader per
 * thread.
 */
public final class AuditJournalReader
{
    /**
     * What a read found.
     *
     * @param segments     segment files read, the defective one included.
     * @param records      whole records delivered to the handler.
     * @param lastSequence sequence of the last whole record, 0 when there was none.
     * @param defect       the first defect, or null when the journal is whole.
     * @param lastHash     leaf hash of the last whole record (32 zero bytes when there was none): what the next
     *                     record must carry as its previous hash.
     */
    public record Result(int segments, long records, long lastSequence, AuditJournalDefect defect, byte[] lastHash)
    {
        /**
         * @return true when no defect was found.
         */
        public boolean isWhole()
        {
            return defect == null;
        }
    }

    private final Path directory;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private final CRC32C crc = new CRC32C();
    private final MessageDigest digest = MerkleTree.sha256();
    private final byte[] previousHash = new byte[HASH_LENGTH];
    private MerkleAccumulator accumulator;
    private long nextSequence;
    private long records;

    /**
     * @param directory the journal directory.
     */
    public AuditJournalReader(final Path directory)
    {
        this.directory = directory;
    }

    /**
     * @return the journal directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * The segment files of the journal, ordered by the first sequence their names carry. Other files are ignored.
     *
     * @return segment paths.
     * @throws IOException if the directory cannot be listed.
     */
    public List<Path> segments() throws IOException
    {
        final List<Path> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.forEach(
                (file) ->
                {
                    if (segmentFirstSequence(file.getFileName().toString()) > 0 && Files.isRegularFile(file))
                    {
                        segments.add(file);
                    }
                });
        }
        segments.sort(Comparator.comparingLong((path) -> segmentFirstSequence(path.getFileName().toString())));
        return segments;
    }

    /**
     * Deliver every whole record, in order, up to the first defect.
     *
     * @param handler called for each record.
     * @return what was read, and the first defect if any.
     * @throws IOException if a segment cannot be read (a defect in the data is a result, not an exception).
     */
    public Result read(final AuditRecordHandler handler) throws IOException
    {
        return read(handler, null);
    }

    /**
     * Deliver every whole record, in order, up to the first defect, appending each record's leaf hash to a Merkle
     * accumulator.
     *
     * @param handler     called for each record.
     * @param accumulator takes each whole record's leaf hash, in order; null for none.
     * @return what was read, and the first defect if any.
     * @throws IOException if a segment cannot be read (a defect in the data is a result, not an exception).
     */
    public Result read(final AuditRecordHandler handler, final MerkleAccumulator accumulator) throws IOException
    {
        this.accumulator = accumulator;
        nextSequence = FIRST_SEQUENCE;
        records = 0;
        Arrays.fill(previousHash, (byte)0);
        int segmentsRead = 0;
        for (final Path segment : segments())
        {
            segmentsRead++;
            final long firstSequence = segmentFirstSequence(segment.getFileName().toString());
            final AuditJournalDefect defect;
            if (firstSequence != nextSequence)
            {
                defect = new AuditJournalDefect(segment, 0, nextSequence, AuditJournalDefect.Reason.SEQUENCE_GAP,
                    "segment starts at sequence " + firstSequence + ", expected " + nextSequence +
                    (firstSequence > nextSequence ?
                    " (records " + nextSequence + " to " + (firstSequence - 1) + " are missing)" : ""));
            }
            else
            {
                defect = readSegment(segment, handler);
            }

            if (defect != null)
            {
                return new Result(segmentsRead, records, nextSequence - 1, defect, previousHash.clone());
            }
        }

        return new Result(segmentsRead, records, nextSequence - 1, null, previousHash.clone());
    }

    /**
     * Whether a whole record carrying the sequence after a defective one lies anywhere after it in the same segment:
     * then the defect is damage inside the journal rather than a write torn at its end.
     *
     * @param defect a defect found by {@link #read(AuditRecordHandler)}.
     * @return true if a whole record with sequence {@code defect.sequence() + 1} follows it.
     * @throws IOException if the segment cannot be read.
     */
    public boolean hasRecordAfter(final AuditJournalDefect defect) throws IOException
    {
        final long wanted = defect.sequence() + 1;
        try (FileChannel channel = FileChannel.open(defect.segment(), StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size > Integer.MAX_VALUE || size - defect.offset() < 2L * MIN_RECORD_LENGTH)
            {
                return false;
            }

            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            try
            {
                buffer.wrap(mapped);
                final int end = (int)size - MIN_RECORD_LENGTH;
                for (int offset = (int)defect.offset() + 1; offset <= end; offset++)
                {
                    if (buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER) == wanted &&
                        null == checkRecord(defect.segment(), mapped, offset, (int)size, wanted))
                    {
                        return true;
                    }
                }
                return false;
            }
            finally
            {
                buffer.wrap(0, 0);
                IoUtil.unmap(mapped);
            }
        }
    }

    private AuditJournalDefect readSegment(final Path segment, final AuditRecordHandler handler) throws IOException
    {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size == 0)
            {
                return null;
            }
            if (size > Integer.MAX_VALUE)
            {
                return new AuditJournalDefect(segment, 0, nextSequence, AuditJournalDefect.Reason.BAD_LENGTH,
                    "segment of " + size + " bytes is longer than any segment the journal writes");
            }

            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            try
            {
                buffer.wrap(mapped);
                final int segmentLength = (int)size;
                int offset = 0;
                while (offset < segmentLength)
                {
                    AuditJournalDefect defect = checkRecord(segment, mapped, offset, segmentLength, nextSequence);
                    final int recordLength = buffer.getInt(offset + LENGTH_OFFSET, BYTE_ORDER);
                    if (defect == null)
                    {
                        defect = checkChain(segment, mapped, offset, recordLength);
                    }
                    if (defect != null)
                    {
                        return defect;
                    }

                    records++;
                    handler.onRecord(
                        nextSequence++,
                        buffer.getLong(offset + TIMESTAMP_OFFSET, BYTE_ORDER),
                        buffer.getInt(offset + STREAM_ID_OFFSET, BYTE_ORDER),
                        buffer,
                        offset + MESSAGE_OFFSET,
                        messageLength(recordLength));
                    offset += recordLength;
                }
                return null;
            }
            finally
            {
                buffer.wrap(0, 0);
                IoUtil.unmap(mapped);
            }
        }
    }

    /**
     * The record must carry the leaf hash of the one before it; then its own becomes the one the next must carry.
     */
    private AuditJournalDefect checkChain(
        final Path segment, final MappedByteBuffer mapped, final int offset, final int recordLength)
    {
        for (int i = 0; i < HASH_LENGTH; i++)
        {
            if (buffer.getByte(offset + PREVIOUS_HASH_OFFSET + i) != previousHash[i])
            {
                final byte[] stored = new byte[HASH_LENGTH];
                buffer.getBytes(offset + PREVIOUS_HASH_OFFSET, stored);
                return new AuditJournalDefect(segment, offset, nextSequence, AuditJournalDefect.Reason.CHAIN_BROKEN,
                    "record carries " + AuditKeys.hex(stored) + " as the hash of record " + (nextSequence - 1) +
                    ", which hashes to " + AuditKeys.hex(previousHash) + ": a record was changed, removed, inserted " +
                    "or moved");
            }
        }
        MerkleTree.leafHash(digest, mapped, offset, recordLength, previousHash);
        if (accumulator != null)
        {
            accumulator.appendLeafHash(previousHash);
        }
        return null;
    }

    private AuditJournalDefect checkRecord(
        final Path segment, final MappedByteBuffer mapped, final int offset, final int segmentLength,
        final long expectedSequence)
    {
        final int remaining = segmentLength - offset;
        if (remaining < Integer.BYTES)
        {
            return new AuditJournalDefect(segment, offset, expectedSequence, AuditJournalDefect.Reason.BAD_LENGTH,
                "only " + remaining + " bytes left in the segment, a partial length field");
        }

        final int recordLength = buffer.getInt(offset + LENGTH_OFFSET, BYTE_ORDER);
        if (recordLength < MIN_RECORD_LENGTH || recordLength > MAX_RECORD_LENGTH)
        {
            return new AuditJournalDefect(segment, offset, expectedSequence, AuditJournalDefect.Reason.BAD_LENGTH,
                "length " + recordLength + " is outside " + MIN_RECORD_LENGTH + ".." + MAX_RECORD_LENGTH);
        }
        if (recordLength > remaining)
        {
            return new AuditJournalDefect(segment, offset, expectedSequence, AuditJournalDefect.Reason.BAD_LENGTH,
                "record of " + recordLength + " bytes runs past the end of the segment (" + remaining +
                " bytes left): a partial record");
        }

        final int checksumOffset = offset + checksumOffset(recordLength);
        final int stored = buffer.getInt(checksumOffset, BYTE_ORDER);
        mapped.limit(checksumOffset).position(offset);
        crc.reset();
        crc.update(mapped);
        mapped.clear();
        final int computed = (int)crc.getValue();
        if (stored != computed)
        {
            return new AuditJournalDefect(segment, offset, expectedSequence, AuditJournalDefect.Reason.CRC_MISMATCH,
                String.format("stored 0x%08x, computed 0x%08x over %d bytes", stored, computed,
                checksumOffset - offset));
        }

        final long sequence = buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER);
        if (sequence != expectedSequence)
        {
            return new AuditJournalDefect(segment, offset, expectedSequence, AuditJournalDefect.Reason.SEQUENCE_GAP,
                "record carries sequence " + sequence + ", expected " + expectedSequence);
        }
        return null;
    }
}
