package io.bastion.compliance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bastion.compliance.JournalHarness.Rec;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.CRC32C;

import static io.bastion.compliance.JournalHarness.INBOUND;
import static io.bastion.compliance.JournalHarness.NOW_NS;
import static io.bastion.compliance.JournalHarness.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditJournalAgentTest
{
    private JournalHarness harness;
    private ListAppender<ILoggingEvent> writerLog;

    @BeforeEach
    void before()
    {
        harness = new JournalHarness();
        writerLog = new ListAppender<>();
        writerLog.start();
        ((Logger)LoggerFactory.getLogger(AuditJournalWriter.class)).addAppender(writerLog);
    }

    @AfterEach
    void after()
    {
        ((Logger)LoggerFactory.getLogger(AuditJournalWriter.class)).detachAppender(writerLog);
        harness.close();
    }

    @Test
    void shouldJournalBothStreamsInOrderWithGaplessSequencesAndTheClockOfTheirDutyCycle()
    {
        harness.start();

        harness.sessionStatus(1001, 0, SessionRole.VENUE, SessionState.LOGGED_ON);
        harness.workUntil(1);
        harness.nowNs += 1_000;
        harness.newOrder("O1", Side.BUY, "100", "101.25", "AAPL");
        harness.workUntil(2);
        harness.nowNs += 1_000;
        harness.venueNewOrder(7, "100", "101.25");
        harness.workUntil(3);
        harness.nowNs += 1_000;
        harness.venueFill(7, "40", "101.2");
        harness.workUntil(4);
        harness.nowNs += 1_000;
        harness.executionReport("O1", 1, 2, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, "100", "101.25", "40",
            "101.2", "40", "60", "101.2", "");
        harness.workUntil(5);

        final List<Rec> records = harness.read();
        assertEquals(5, records.size());
        final int[] streams = {INBOUND, INBOUND, OUTBOUND, INBOUND, OUTBOUND};
        for (int i = 0; i < records.size(); i++)
        {
            final Rec record = records.get(i);
            assertEquals(i + 1, record.sequence());
            assertEquals(NOW_NS + i * 1_000L, record.timestampNs());
            assertEquals(streams[i], record.streamId());
            assertArrayEquals(harness.sent().get(i), record.message(), "message of record " + (i + 1));
        }
        assertEquals(List.of(harness.journalDir.resolve("audit-1.log")), harness.segments());
        assertEquals(5, harness.agent.recordsAppended());
    }

    @Test
    void shouldStampEveryMessageOfOneDutyCycleWithTheOneClockReading()
    {
        harness.start();
        harness.newOrder("O1", Side.BUY, "1", "1", "AAPL");
        harness.newOrder("O2", Side.BUY, "1", "1", "AAPL");
        harness.venueNewOrder(1, "1", "1");
        JournalHarness.await(() -> harness.agent.doWork() > 0 && harness.agent.lastSequence() == 3);

        final List<Rec> records = harness.read();
        assertEquals(3, records.size());
        for (final Rec record : records)
        {
            assertEquals(NOW_NS, record.timestampNs());
        }
    }

    @Test
    void shouldJournalAFragmentedMessageWhole()
    {
        harness.start();
        final String longText = "x".repeat(5000);
        harness.executionReport("O1", 1, 2, ExecType.REJECTED, OrdStatus.REJECTED, "1", "1", "0", "0", "0", "0",
            "0", longText);
        harness.workUntil(1);
        harness.newOrder("O2", Side.SELL, "1", "1", "AAPL");
        harness.workUntil(2);

        final List<Rec> records = harness.read();
        assertArrayEquals(harness.sent().get(0), records.get(0).message());
        assertTrue(records.get(0).message().length > 5000);
        assertArrayEquals(harness.sent().get(1), records.get(1).message());
    }

    @Test
    void shouldJournalMessagesThatAreNotSbeAsTheyCame()
    {
        harness.start();
        harness.raw(INBOUND, new byte[] {1, 2, 3});
        harness.raw(OUTBOUND, new byte[0]);
        harness.workUntil(2);

        final List<Rec> records = harness.read();
        assertArrayEquals(new byte[] {1, 2, 3}, records.get(0).message());
        assertEquals(0, records.get(1).message().length);
        assertEquals(OUTBOUND, records.get(1).streamId());
    }

    @Test
    void shouldContinueTheSequenceAfterARestart()
    {
        harness.start();
        harness.newOrder("O1", Side.BUY, "1", "1", "AAPL");
        harness.venueNewOrder(1, "1", "1");
        harness.workUntil(2);

        harness.restart((context) -> {});
        assertEquals(2, harness.agent.lastSequence());
        harness.nowNs += 5_000;
        harness.newOrder("O2", Side.BUY, "1", "1", "AAPL");
        harness.workUntil(3);

        final List<Rec> records = harness.read();
        assertEquals(3, records.size());
        assertEquals(3, records.get(2).sequence());
        assertEquals(NOW_NS + 5_000, records.get(2).timestampNs());
        assertArrayEquals(harness.sent().get(2), records.get(2).message());
        assertEquals(1, harness.segments().size(), "appends to the segment it left off in");
    }

    @Test
    void shouldRotateSegmentsAtTheConfiguredLengthAndNameThemByTheirFirstSequence() throws IOException
    {
        final long segmentLength = 1024;
        harness.start((context) -> context.segmentLength(segmentLength).durability(AuditDurability.NONE));
        int recordLength = 0;
        for (int i = 1; i <= 30; i++)
        {
            recordLength = AuditRecordDescriptor.recordLength(harness.newOrder("O" + i, Side.BUY, "1", "1", "A"));
            harness.workUntil(i);
        }

        final int perSegment = (int)(segmentLength / recordLength);
        final List<Path> segments = harness.segments();
        assertEquals((30 + perSegment - 1) / perSegment, segments.size());
        for (int i = 0; i < segments.size(); i++)
        {
            assertEquals("audit-" + (1 + i * perSegment) + ".log", segments.get(i).getFileName().toString());
            assertTrue(Files.size(segments.get(i)) <= segmentLength);
        }

        harness.restart((context) -> context.segmentLength(segmentLength));
        harness.newOrder("O31", Side.BUY, "1", "1", "A");
        harness.workUntil(31);
        final List<Rec> records = harness.read();
        assertEquals(31, records.size());
        for (int i = 0; i < 31; i++)
        {
            assertEquals(i + 1, records.get(i).sequence());
            assertArrayEquals(harness.sent().get(i), records.get(i).message());
        }
    }

    @Test
    void shouldCutAPartialRecordAtTheTailBackToTheLastWholeRecord() throws IOException
    {
        final List<Rec> before = journalTenRecordsAndStop();
        final Path segment = harness.segments().get(0);
        final long size = Files.size(segment);
        final long lastRecordOffset = size - lastRecordLength(before);
        truncate(segment, size - 10);

        harness.start();

        assertEquals(9, harness.agent.lastSequence());
        assertEquals(lastRecordOffset, Files.size(segment));
        assertWarnedAboutOffset(segment, lastRecordOffset);
        harness.nowNs += 1;
        harness.newOrder("AFTER", Side.SELL, "2", "3", "AAPL");
        harness.workUntil(10);

        final List<Rec> after = harness.read();
        assertEquals(10, after.size());
        for (int i = 0; i < 9; i++)
        {
            assertTrue(before.get(i).sameAs(after.get(i)), "record " + (i + 1) + " kept as it was");
        }
        assertEquals(10, after.get(9).sequence());
        assertArrayEquals(harness.sent().get(10), after.get(9).message());
    }

    @Test
    void shouldCutALastRecordWhoseChecksumDoesNotMatch() throws IOException
    {
        final List<Rec> before = journalTenRecordsAndStop();
        final Path segment = harness.segments().get(0);
        final long size = Files.size(segment);
        final long lastRecordOffset = size - lastRecordLength(before);
        flipByte(segment, lastRecordOffset + AuditRecordDescriptor.MESSAGE_OFFSET + 20);

        harness.start();

        assertEquals(9, harness.agent.lastSequence());
        assertEquals(lastRecordOffset, Files.size(segment));
        assertWarnedAboutOffset(segment, lastRecordOffset);
        harness.newOrder("AFTER", Side.SELL, "2", "3", "AAPL");
        harness.workUntil(10);
        final List<Rec> after = harness.read();
        for (int i = 0; i < 9; i++)
        {
            assertTrue(before.get(i).sameAs(after.get(i)), "record " + (i + 1) + " kept as it was");
        }
        assertArrayEquals(harness.sent().get(10), after.get(9).message());
    }

    @Test
    void shouldCutZerosLeftAtTheTailByACrash() throws IOException
    {
        journalTenRecordsAndStop();
        final Path segment = harness.segments().get(0);
        final long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw"))
        {
            file.setLength(size + 4096);
        }

        harness.start();

        assertEquals(10, harness.agent.lastSequence());
        assertEquals(size, Files.size(segment));
        assertWarnedAboutOffset(segment, size);
    }

    @Test
    void shouldRefuseToStartOverADamagedRecordBeforeTheTailAndChangeNothing() throws IOException
    {
        final List<Rec> before = journalTenRecordsAndStop();
        final Path segment = harness.segments().get(0);
        final long offset = offsetOf(before, 5);
        flipByte(segment, offset + AuditRecordDescriptor.MESSAGE_OFFSET + 3);
        final byte[] damaged = Files.readAllBytes(segment);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, harness::start);

        assertTrue(ex.getMessage().contains("CRC mismatch in " + segment + " at byte offset " + offset),
            ex.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(segment));
    }

    @Test
    void shouldRefuseToStartWhenAnEarlierSegmentIsTorn() throws IOException
    {
        harness.start((context) -> context.segmentLength(1024));
        for (int i = 1; i <= 12; i++)
        {
            harness.newOrder("O" + i, Side.BUY, "1", "1", "A");
            harness.workUntil(i);
        }
        harness.stop();
        final Path first = harness.segments().get(0);
        truncate(first, Files.size(first) - 1);

        assertThrows(IllegalStateException.class, () -> harness.start((context) -> context.segmentLength(1024)));
    }

    @Test
    void shouldKeepABatchItCannotWriteAndJournalItWholeOnceTheFaultClears() throws IOException
    {
        final long segmentLength = 1024;
        harness.start((context) -> context.segmentLength(segmentLength));
        final int recordLength = AuditRecordDescriptor.recordLength(harness.newOrder("O1", Side.BUY, "1", "1", "A"));
        harness.workUntil(1);
        final long perSegment = segmentLength / recordLength;
        final Path blocker = harness.journalDir.resolve("audit-" + (perSegment + 1) + ".log");
        Files.createDirectory(blocker);

        for (int i = 2; i <= perSegment + 3; i++)
        {
            harness.newOrder("O" + i, Side.BUY, "1", "1", "A");
        }
        assertThrows(UncheckedIOException.class, () ->
        {
            final long deadlineNs = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadlineNs)
            {
                harness.agent.doWork();
            }
        });
        assertEquals(perSegment, harness.agent.lastSequence(), "records that fit the first segment are in");
        assertThrows(UncheckedIOException.class, harness.agent::doWork, "still failing, nothing more consumed");
        assertEquals(perSegment, harness.agent.lastSequence());
        assertEquals(2, harness.agent.writeFaults());

        Files.delete(blocker);
        harness.workUntil(perSegment + 3);

        final List<Rec> records = harness.read();
        assertEquals(perSegment + 3, records.size());
        for (int i = 0; i < records.size(); i++)
        {
            assertEquals(i + 1, records.get(i).sequence());
            assertArrayEquals(harness.sent().get(i), records.get(i).message());
        }
        assertEquals(2, harness.segments().size());
    }

    @Test
    void shouldRefuseASecondWriterOnTheSameDirectory()
    {
        harness.start();
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> new AuditJournalAgent(harness.context().conclude()));
        assertTrue(ex.getMessage().contains("in use"), ex.getMessage());
    }

    @Test
    void shouldForceEveryBatchUnderFsyncAndStillJournalEverything()
    {
        harness.start((context) -> context.durability(AuditDurability.FSYNC).segmentLength(2048));
        for (int i = 1; i <= 40; i++)
        {
            harness.newOrder("O" + i, Side.BUY, "1", "1", "A");
            harness.venueNewOrder(i, "1", "1");
        }
        harness.workUntil(80);
        assertEquals(80, harness.read().size());
    }

    @Test
    void shouldWriteTheDocumentedRecordFormat() throws Exception
    {
        harness.start();
        final int length = harness.venueNewOrder(42, "5", "6.5");
        final int secondLength = harness.venueNewOrder(43, "7", "8.5");
        harness.workUntil(2);
        harness.stop();

        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(harness.segments().get(0)))
            .order(ByteOrder.LITTLE_ENDIAN);
        final int first = 4 + 8 + 8 + 4 + 32 + length + 4;
        assertEquals(first + 4 + 8 + 8 + 4 + 32 + secondLength + 4, bytes.capacity());
        assertEquals(first, bytes.getInt(0));
        assertEquals(1L, bytes.getLong(4));
        assertEquals(NOW_NS, bytes.getLong(12));
        assertEquals(OUTBOUND, bytes.getInt(20));
        final byte[] previous = new byte[32];
        bytes.get(24, previous);
        assertArrayEquals(new byte[32], previous, "the first record follows no record");
        final byte[] message = new byte[length];
        bytes.get(56, message);
        assertArrayEquals(harness.sent().get(0), message);
        final CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, first - 4);
        assertEquals((int)crc.getValue(), bytes.getInt(first - 4));

        assertEquals(2L, bytes.getLong(first + 4));
        final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte)0);
        sha256.update(bytes.array(), 0, first);
        bytes.get(first + 24, previous);
        assertArrayEquals(sha256.digest(), previous, "SHA-256 of a zero byte and the whole first record");
    }

    @Test
    void shouldValidateTheContext()
    {
        final String missingDir = assertThrows(IllegalStateException.class,
            () -> harness.context().journalDir(null).conclude()).getMessage();
        assertTrue(missingDir.contains("journalDir"), missingDir);
        final String smallSegment = assertThrows(IllegalStateException.class,
            () -> harness.context().segmentLength(100).conclude()).getMessage();
        assertTrue(smallSegment.contains("segmentLength"), smallSegment);
        final String sameStreams = assertThrows(IllegalStateException.class,
            () -> harness.context().outboundStreamId(INBOUND).conclude()).getMessage();
        assertTrue(sameStreams.contains("differ"), sameStreams);
        final String noAeron = assertThrows(IllegalStateException.class,
            () -> harness.context().aeron(null).conclude()).getMessage();
        assertTrue(noAeron.contains("aeron"), noAeron);
        final String noClock = assertThrows(IllegalStateException.class,
            () -> harness.context().clock(null).conclude()).getMessage();
        assertTrue(noClock.contains("clock"), noClock);
        final String noPolicy = assertThrows(IllegalStateException.class,
            () -> harness.context().durability(null).conclude()).getMessage();
        assertTrue(noPolicy.contains("durability"), noPolicy);
        final String badChannel = assertThrows(IllegalStateException.class,
            () -> harness.context().channel("tcp://nowhere").conclude()).getMessage();
        assertTrue(badChannel.contains("channel"), badChannel);
        assertEquals(AuditDurability.NONE, AuditDurability.parse(" None "));
        assertThrows(IllegalArgumentException.class, () -> AuditDurability.parse("sometimes"));
    }

    private List<Rec> journalTenRecordsAndStop()
    {
        harness.start();
        for (int i = 1; i <= 10; i++)
        {
            harness.nowNs += 1_000;
            if ((i & 1) == 0)
            {
                harness.venueNewOrder(i, "1", "1");
            }
            else
            {
                harness.newOrder("O" + i, Side.BUY, "1", "1", "AAPL");
            }
            harness.workUntil(i);
        }
        harness.stop();
        final List<Rec> records = harness.read();
        assertEquals(10, records.size());
        return records;
    }

    private static int lastRecordLength(final List<Rec> records)
    {
        return AuditRecordDescriptor.recordLength(records.get(records.size() - 1).message().length);
    }

    private static long offsetOf(final List<Rec> records, final long sequence)
    {
        long offset = 0;
        for (final Rec record : records)
        {
            if (record.sequence() == sequence)
            {
                return offset;
            }
            offset += AuditRecordDescriptor.recordLength(record.message().length);
        }
        throw new AssertionError("no record " + sequence);
    }

    static void truncate(final Path file, final long length) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(length);
        }
    }

    static void flipByte(final Path file, final long offset) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ 0x20);
        }
    }

    private void assertWarnedAboutOffset(final Path segment, final long offset)
    {
        final String expected = "torn tail cut from " + segment + " at byte offset " + offset + ":";
        assertTrue(writerLog.list.stream().anyMatch(
            (event) -> event.getLevel() == Level.WARN && event.getFormattedMessage().contains(expected)),
            "expected a warning containing '" + expected + "' in " + writerLog.list);
    }
}
