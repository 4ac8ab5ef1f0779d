package io.bastion.compliance;

import java.nio.ByteOrder;

/**
 * Layout of one journal record and names of segment files; see the package documentation for the picture.
 * <pre>
 *   [int length][long sequence][long timestampNs][int streamId][32 bytes previousHash][message bytes][int crc32c]
 * </pre>
 * All fields are {@link #BYTE_ORDER little-endian}. {@code length} counts every byte of the record, its own four
 * and the checksum's included. The checksum is CRC-32C over every byte of the record before it. {@code previousHash}
 * chains the records: it is the previous record's {@link MerkleTree#leafHash leaf hash}, SHA-256 of a zero byte and
 * every byte of that record (its checksum included); the first record carries 32 zero bytes. A record changed,
 * removed, inserted or moved breaks the chain at the record after it, even when its checksum was recomputed.
 */
public final class AuditRecordDescriptor
{
    /** Byte order of every field. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Offset of the record length. */
    public static final int LENGTH_OFFSET = 0;

    /** Offset of the sequence number. */
    public static final int SEQUENCE_OFFSET = 4;

    /** Offset of the timestamp, nanoseconds since the Unix epoch. */
    public static final int TIMESTAMP_OFFSET = 12;

    /** Offset of the Aeron stream id the message was read from. */
    public static final int STREAM_ID_OFFSET = 20;

    /** Offset of the previous record's leaf hash. */
    public static final int PREVIOUS_HASH_OFFSET = 24;

    /** Length of {@link #PREVIOUS_HASH_OFFSET the previous record's hash}. */
    public static final int HASH_LENGTH = MerkleTree.HASH_LENGTH;

    /** Offset of the message: the fields before it form the record header. */
    public static final int MESSAGE_OFFSET = PREVIOUS_HASH_OFFSET + HASH_LENGTH;

    /** Length of the record header. */
    public static final int HEADER_LENGTH = MESSAGE_OFFSET;

    /** Length of the trailing CRC-32C. */
    public static final int CHECKSUM_LENGTH = 4;

    /** Header and checksum: the length of a record whose message is empty. */
    public static final int MIN_RECORD_LENGTH = HEADER_LENGTH + CHECKSUM_LENGTH;

    /** Longest message: Aeron's upper bound on a message's length. */
    public static final int MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;

    /** Longest record. */
    public static final int MAX_RECORD_LENGTH = MAX_MESSAGE_LENGTH + MIN_RECORD_LENGTH;

    /** Sequence number of the first record of a journal. */
    public static final long FIRST_SEQUENCE = 1;

    /** Segment file names are {@code SEGMENT_PREFIX + firstSequence + SEGMENT_SUFFIX}. */
    public static final String SEGMENT_PREFIX = "audit-";

    /** Segment file names are {@code SEGMENT_PREFIX + firstSequence + SEGMENT_SUFFIX}. */
    public static final String SEGMENT_SUFFIX = ".log";

    private AuditRecordDescriptor()
    {
    }

    /**
     * @param messageLength length of the message.
     * @return length of the record that carries it.
     */
    public static int recordLength(final int messageLength)
    {
        return messageLength + MIN_RECORD_LENGTH;
    }

    /**
     * @param recordLength length of a record.
     * @return length of its message.
     */
    public static int messageLength(final int recordLength)
    {
        return recordLength - MIN_RECORD_LENGTH;
    }

    /**
     * @param recordLength length of a record.
     * @return offset of its checksum, which is also the number of bytes the checksum covers.
     */
    public static int checksumOffset(final int recordLength)
    {
        return recordLength - CHECKSUM_LENGTH;
    }

    /**
     * @param firstSequence sequence of the first record in the segment.
     * @return the segment's file name.
     */
    public static String segmentFileName(final long firstSequence)
    {
        return SEGMENT_PREFIX + firstSequence + SEGMENT_SUFFIX;
    }

    /**
     * @param fileName a file name.
     * @return the first sequence a segment file name carries, or -1 when the name is not one a segment would have
     * (other files in the directory are not part of the journal).
     */
    public static long segmentFirstSequence(final String fileName)
    {
        if (!fileName.startsWith(SEGMENT_PREFIX) || !fileName.endsWith(SEGMENT_SUFFIX))
        {
            return -1;
        }
        final int start = SEGMENT_PREFIX.length();
        final int end = fileName.length() - SEGMENT_SUFFIX.length();
        if (end <= start || end - start > 19 || fileName.charAt(start) == '0')
        {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final char c = fileName.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            final int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
