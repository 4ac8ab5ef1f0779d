package io.bastion.compliance;

import io.bastion.compliance.JournalHarness.Rec;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import static io.bastion.compliance.AuditJournalAgentTest.flipByte;
import static io.bastion.compliance.AuditJournalAgentTest.truncate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditJournalReaderTest
{
    private static final int SEGMENT_LENGTH = 2048;

    private final JournalHarness harness = new JournalHarness();

    @AfterEach
    void after()
    {
        harness.close();
    }

    @Test
    void shouldReadEveryRecordOfEverySegmentInOrder()
    {
        final List<Rec> written = journal(40);

        final List<Rec> read = new ArrayList<>();
        final AuditJournalReader.Result result = harness.readInto(read);

        assertTrue(result.isWhole());
        assertNull(result.defect());
        assertEquals(40, result.records());
        assertEquals(40, result.lastSequence());
        assertEquals(harness.segments().size(), result.segments());
        assertTrue(result.segments() > 3);
        for (int i = 0; i < 40; i++)
        {
            assertTrue(written.get(i).sameAs(read.get(i)));
        }
    }

    @Test
    void shouldReportAFlippedByteInTheMiddleWithItsSegmentAndOffset() throws IOException
    {
        journal(40);
        final Path segment = harness.segments().get(1);
        final long firstSequence = AuditRecordDescriptor.segmentFirstSequence(segment.getFileName().toString());
        final Location target = locate(segment, firstSequence + 2);
        flipByte(segment, target.offset + AuditRecordDescriptor.MESSAGE_OFFSET + 30);

        final List<Rec> read = new ArrayList<>();
        final AuditJournalReader.Result result = harness.readInto(read);

        assertFalse(result.isWhole());
        final AuditJournalDefect defect = result.defect();
        assertEquals(AuditJournalDefect.Reason.CRC_MISMATCH, defect.reason());
        assertEquals(segment, defect.segment());
        assertEquals(target.offset, defect.offset());
        assertEquals(firstSequence + 2, defect.sequence());
        assertEquals(firstSequence + 1, result.lastSequence());
        assertEquals(firstSequence + 1, read.size(), "every record before the defect is delivered");
        assertTrue(defect.toString().startsWith("CRC mismatch in " + segment + " at byte offset " + target.offset +
            " (record " + (firstSequence + 2) + "): stored 0x"), defect.toString());
    }

    @Test
    void shouldReportALengthThatRunsPastTheEndOfTheSegment() throws IOException
    {
        journal(40);
        final List<Path> segments = harness.segments();
        final Path last = segments.get(segments.size() - 1);
        final long size = Files.size(last);
        truncate(last, size - 1);

        final AuditJournalReader.Result result = harness.readInto(new ArrayList<>());

        assertEquals(AuditJournalDefect.Reason.BAD_LENGTH, result.defect().reason());
        assertEquals(39, result.lastSequence());
        assertTrue(result.defect().detail().contains("partial record"), result.defect().detail());
    }

    @Test
    void shouldReportALengthOutOfRange() throws IOException
    {
        journal(10);
        final Path segment = harness.segments().get(0);
        final Location target = locate(segment, 3);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw"))
        {
            file.seek(target.offset + 3);
            file.write(0x7f);
        }

        final AuditJournalDefect defect = harness.readInto(new ArrayList<>()).defect();

        assertEquals(AuditJournalDefect.Reason.BAD_LENGTH, defect.reason());
        assertEquals(target.offset, defect.offset());
        assertEquals(3, defect.sequence());
    }

    @Test
    void shouldReportAMissingSegmentAsASequenceGap() throws IOException
    {
        journal(40);
        final List<Path> segments = harness.segments();
        final Path missing = segments.get(1);
        final long missingFirst = AuditRecordDescriptor.segmentFirstSequence(missing.getFileName().toString());
        final long nextFirst = AuditRecordDescriptor.segmentFirstSequence(segments.get(2).getFileName().toString());
        Files.delete(missing);

        final AuditJournalReader.Result result = harness.readInto(new ArrayList<>());

        assertEquals(AuditJournalDefect.Reason.SEQUENCE_GAP, result.defect().reason());
        assertEquals(segments.get(2), result.defect().segment());
        assertEquals(0, result.defect().offset());
        assertEquals(missingFirst, result.defect().sequence());
        assertEquals(missingFirst - 1, result.lastSequence());
        assertTrue(result.defect().detail().contains(
            "records " + missingFirst + " to " + (nextFirst - 1) + " are missing"), result.defect().detail());
    }

    @Test
    void shouldReportAWholeRecordWithTheWrongSequenceAsASequenceGap() throws IOException
    {
        journal(10);
        final Path segment = harness.segments().get(0);
        final Location target = locate(segment, 6);
        final byte[] bytes = Files.readAllBytes(segment);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final int offset = (int)target.offset;
        buffer.putLong(offset + AuditRecordDescriptor.SEQUENCE_OFFSET, 7, AuditRecordDescriptor.BYTE_ORDER);
        final CRC32C crc = new CRC32C();
        crc.update(bytes, offset, target.length - AuditRecordDescriptor.CHECKSUM_LENGTH);
        buffer.putInt(offset + AuditRecordDescriptor.checksumOffset(target.length), (int)crc.getValue(),
            AuditRecordDescriptor.BYTE_ORDER);
        Files.write(segment, bytes);

        final AuditJournalDefect defect = harness.readInto(new ArrayList<>()).defect();

        assertEquals(AuditJournalDefect.Reason.SEQUENCE_GAP, defect.reason());
        assertEquals(target.offset, defect.offset());
        assertEquals("record carries sequence 7, expected 6", defect.detail());
    }

    @Test
    void shouldCatchAChangedRecordWhoseChecksumWasRecomputed() throws IOException
    {
        journal(6);
        final List<byte[]> records = records(harness.segments().get(0));
        records.get(2)[AuditRecordDescriptor.MESSAGE_OFFSET + 30] ^= 1;
        rewrite(harness.segments().get(0), records);

        final AuditJournalDefect defect = harness.readInto(new ArrayList<>()).defect();

        assertEquals(AuditJournalDefect.Reason.CHAIN_BROKEN, defect.reason());
        assertEquals(4, defect.sequence(), "found at the record after the changed one");
        assertTrue(defect.toString().startsWith("hash chain broken in "), defect.toString());
        assertTrue(defect.detail().endsWith("as the hash of record 3, which hashes to " +
            hashOf(records(harness.segments().get(0)).get(2)) +
            ": a record was changed, removed, inserted or moved"), defect.detail());
    }

    @Test
    void shouldCatchARemovedRecordWhenTheSequencesWereRenumbered() throws IOException
    {
        journal(6);
        final List<byte[]> records = records(harness.segments().get(0));
        records.remove(3);
        rewrite(harness.segments().get(0), records);

        final AuditJournalDefect defect = harness.readInto(new ArrayList<>()).defect();

        assertEquals(AuditJournalDefect.Reason.CHAIN_BROKEN, defect.reason());
        assertEquals(4, defect.sequence());
    }

    @Test
    void shouldCatchTwoRecordsSwappedOrOneInserted() throws IOException
    {
        journal(6);
        final Path segment = harness.segments().get(0);
        final List<byte[]> original = records(segment);
        final List<byte[]> swapped = new ArrayList<>(original);
        swapped.set(1, original.get(2));
        swapped.set(2, original.get(1));
        rewrite(segment, swapped);
        final AuditJournalDefect swap = harness.readInto(new ArrayList<>()).defect();
        assertEquals(AuditJournalDefect.Reason.CHAIN_BROKEN, swap.reason());
        assertEquals(2, swap.sequence());

        final List<byte[]> inserted = new ArrayList<>(original);
        inserted.add(4, original.get(4).clone());
        rewrite(segment, inserted);
        final AuditJournalDefect insert = harness.readInto(new ArrayList<>()).defect();
        assertEquals(AuditJournalDefect.Reason.CHAIN_BROKEN, insert.reason());
        assertEquals(6, insert.sequence(),
            "the copy passes as record 5; the record it copied, now 6, does not follow it");
    }

    @Test
    void shouldRefuseToAppendToAJournalWhoseChainIsBrokenAtItsLastRecord() throws IOException
    {
        journal(6);
        final Path segment = harness.segments().get(0);
        final List<byte[]> records = records(segment);
        records.get(records.size() - 2)[AuditRecordDescriptor.MESSAGE_OFFSET + 5] ^= 1;
        rewrite(segment, records);
        final long size = Files.size(segment);

        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> new AuditJournalWriter(harness.journalDir, SEGMENT_LENGTH, 4096, AuditDurability.NONE).close());

        assertTrue(ex.getMessage().contains("damaged before its tail") && ex.getMessage().contains("hash chain broken"),
            ex.getMessage());
        assertEquals(size, Files.size(segment), "evidence is not cut as if it were a torn write");
    }

    @Test
    void shouldIgnoreFilesThatAreNotSegments() throws IOException
    {
        journal(3);
        Files.writeString(harness.journalDir.resolve("README.txt"), "notes");
        Files.writeString(harness.journalDir.resolve("audit-007.log"), "not canonical");

        assertEquals(3, harness.read().size());
    }

    private List<Rec> journal(final int count)
    {
        harness.start((context) -> context.segmentLength(SEGMENT_LENGTH).durability(AuditDurability.NONE));
        for (int i = 1; i <= count; i++)
        {
            harness.nowNs += 10;
            if (i % 3 == 0)
            {
                harness.venueFill(i, "1", "2.5");
            }
            else
            {
                harness.newOrder("O" + i, Side.BUY, "1", "1", "AAPL");
            }
            harness.workUntil(i);
        }
        harness.stop();
        return harness.read();
    }

    /**
     * The records of a segment, each a copy of its bytes.
     */
    private static List<byte[]> records(final Path segment) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(segment);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final List<byte[]> records = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length)
        {
            final int length = buffer.getInt(offset, AuditRecordDescriptor.BYTE_ORDER);
            records.add(Arrays.copyOfRange(bytes, offset, offset + length));
            offset += length;
        }
        return records;
    }

    /**
     * Write records back as a careful forger would: sequences renumbered from the segment's first, every checksum
     * recomputed, the previous-hash fields left as they are.
     */
    private static void rewrite(final Path segment, final List<byte[]> records) throws IOException
    {
        final long first = AuditRecordDescriptor.segmentFirstSequence(segment.getFileName().toString());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long sequence = first;
        for (final byte[] original : records)
        {
            final byte[] record = original.clone();
            final UnsafeBuffer buffer = new UnsafeBuffer(record);
            buffer.putLong(AuditRecordDescriptor.SEQUENCE_OFFSET, sequence++, AuditRecordDescriptor.BYTE_ORDER);
            final CRC32C crc = new CRC32C();
            crc.update(record, 0, record.length - AuditRecordDescriptor.CHECKSUM_LENGTH);
            buffer.putInt(AuditRecordDescriptor.checksumOffset(record.length), (int)crc.getValue(),
                AuditRecordDescriptor.BYTE_ORDER);
            out.write(record);
        }
        Files.write(segment, out.toByteArray());
    }

    private static String hashOf(final byte[] record)
    {
        return AuditKeys.hex(MerkleTree.leafHash(record));
    }

    private record Location(long offset, int length)
    {
    }

    private static Location locate(final Path segment, final long sequence) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(segment);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        int offset = 0;
        while (offset < bytes.length)
        {
            final int length = buffer.getInt(offset, AuditRecordDescriptor.BYTE_ORDER);
            if (buffer.getLong(offset + AuditRecordDescriptor.SEQUENCE_OFFSET, AuditRecordDescriptor.BYTE_ORDER) ==
                sequence)
            {
                return new Location(offset, length);
            }
            offset += length;
        }
        throw new AssertionError("no record " + sequence + " in " + segment);
    }
}
