package io.bastion.compliance;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier, with only the journal directory and the public key: an intact journal passes; a flipped byte, a record
 * removed, a chain rewritten with every hash recomputed, a checkpoint signed with another key and a journal cut short
 * are each caught with the right diagnosis.
 */
class AuditVerifierTest
{
    private static final int RECORDS = 25;

    private final KeyPair keys = AuditKeys.generate();
    private Path dir;

    @BeforeEach
    void write() throws IOException
    {
        dir = SignedJournal.write("bastion-audit-verify", keys.getPrivate(), RECORDS, Set.of(10, 20, RECORDS));
    }

    @Test
    void shouldPassAnIntactJournal() throws IOException
    {
        final AuditVerifier.Report report = AuditVerifier.verify(dir, keys.getPublic());
        assertTrue(report.intact(), report.problem());
        assertEquals(RECORDS, report.records());
        assertEquals(3, report.checkpoints());
        assertEquals(0, report.unsigned());
    }

    @Test
    void shouldCatchAFlippedByte() throws IOException
    {
        final List<byte[]> records = records();
        records.get(6)[AuditRecordDescriptor.MESSAGE_OFFSET + 2] ^= 1;
        writeBack(records);
        final AuditVerifier.Report report = AuditVerifier.verify(dir, keys.getPublic());
        assertFalse(report.intact());
        assertTrue(report.problem().startsWith("CRC mismatch in "), report.problem());
        assertTrue(report.problem().contains("(record 7)"), report.problem());
    }

    @Test
    void shouldCatchARemovedRecordWhoseFollowersWereRenumbered() throws IOException
    {
        final List<byte[]> records = records();
        records.remove(11);
        renumberAndRecrc(records, false);
        writeBack(records);
        final AuditVerifier.Report report = AuditVerifier.verify(dir, keys.getPublic());
        assertFalse(report.intact());
        assertTrue(report.problem().startsWith("hash chain broken in "), report.problem());
        assertTrue(report.problem().contains("(record 12)"), report.problem());
    }

    @Test
    void shouldCatchAChainRewrittenWithEveryHashRecomputedByTheSignedRoot() throws Exception
    {
        final List<byte[]> records = records();
        records.get(4)[AuditRecordDescriptor.MESSAGE_OFFSET] ^= 1;
        renumberAndRecrc(records, true);
        writeBack(records);
        final AuditJournalReader.Result chain = new AuditJournalReader(dir).read((a, b, c, d, e, f) -> { });
        assertTrue(chain.isWhole(), "the rewritten chain is consistent in itself");

        final AuditVerifier.Report report = AuditVerifier.verify(dir, keys.getPublic());
        assertFalse(report.intact());
        assertEquals(0, report.checkpoints());
        assertTrue(report.problem().startsWith("records 1 to 10 do not give the root signed in checkpoint 1 ("),
            report.problem());
    }

    @Test
    void shouldCatchACheckpointSignedWithAnotherKey() throws IOException
    {
        final List<AuditCheckpointLog.Entry> entries = AuditCheckpointLog.read(dir);
        Files.delete(dir.resolve(AuditCheckpointLog.FILE_NAME));
        final KeyPair forger = AuditKeys.generate();
        try (AuditCheckpointLog log = new AuditCheckpointLog(dir, false))
        {
            for (final AuditCheckpointLog.Entry entry : entries)
            {
                final AuditCheckpoint checkpoint = entry.checkpoint();
                log.append(checkpoint, entry == entries.get(1) ? checkpoint.sign(forger.getPrivate()) :
                    entry.signature());
            }
        }
        final AuditVerifier.Report report = AuditVerifier.verify(dir, keys.getPublic());
        assertFalse(report.intact());
        assertEquals("checkpoint 2 (20 records) has a bad signature: changed, or signed with another key",
            report.problem());
    }

    @Test
    void shouldCatchAJournalCutShort() throws IOException
    {
        final List<byte[]> records = records();
        writeBack(records.subList(0, 15));
        final AuditVerifier.Report report = AuditVerifier.verify(dir, keys.getPublic());
        assertFalse(report.intact());
        assertEquals(1, report.checkpoints());
        assertEquals("truncated: checkpoint 2 signs 20 records, the journal holds 15", report.problem());
    }

    @Test
    void shouldAnswerOnTheCommandLineWithAnExitCode() throws IOException
    {
        final Path publicKey = dir.resolveSibling(dir.getFileName() + ".pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" +
            Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, AuditVerifier.run(new String[] {dir.toString(), "--public-key", publicKey.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("audit journal " + dir + " is intact: 25 records, 3 signed checkpoints verified\n",
            out.toString(StandardCharsets.UTF_8));

        writeBack(records().subList(0, 15));
        assertEquals(1, AuditVerifier.run(new String[] {dir.toString(), "--public-key", publicKey.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is NOT intact: truncated"), err.toString());
        assertEquals(2, AuditVerifier.run(new String[] {dir.toString()}, new PrintStream(out, true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private Path segment()
    {
        return dir.resolve(AuditRecordDescriptor.segmentFileName(AuditRecordDescriptor.FIRST_SEQUENCE));
    }

    private List<byte[]> records() throws IOException
    {
        final byte[] bytes = Files.readAllBytes(segment());
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final List<byte[]> records = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; )
        {
            final int length = buffer.getInt(offset, AuditRecordDescriptor.BYTE_ORDER);
            records.add(Arrays.copyOfRange(bytes, offset, offset + length));
            offset += length;
        }
        return records;
    }

    private void writeBack(final List<byte[]> records) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] record : records)
        {
            out.write(record);
        }
        Files.write(segment(), out.toByteArray());
    }

    /**
     * A forger's fix-up: sequences renumbered from 1 and checksums recomputed, and with {@code rechain} every previous
     * hash recomputed too.
     */
    private static void renumberAndRecrc(final List<byte[]> records, final boolean rechain) throws IOException
    {
        byte[] previous = new byte[MerkleTree.HASH_LENGTH];
        long sequence = AuditRecordDescriptor.FIRST_SEQUENCE;
        for (final byte[] record : records)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(record);
            buffer.putLong(AuditRecordDescriptor.SEQUENCE_OFFSET, sequence++, AuditRecordDescriptor.BYTE_ORDER);
            if (rechain)
            {
                buffer.putBytes(AuditRecordDescriptor.PREVIOUS_HASH_OFFSET, previous);
            }
            final CRC32C crc = new CRC32C();
            crc.update(record, 0, record.length - AuditRecordDescriptor.CHECKSUM_LENGTH);
            buffer.putInt(AuditRecordDescriptor.checksumOffset(record.length), (int)crc.getValue(),
                AuditRecordDescriptor.BYTE_ORDER);
            try
            {
                final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update((byte)0);
                previous = sha256.digest(record);
            }
            catch (final NoSuchAlgorithmException ex)
            {
                throw new IOException(ex);
            }
        }
    }
}
