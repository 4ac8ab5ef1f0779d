package io.bastion.compliance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inclusion proofs of single records: every record in a signed checkpoint can be proven and the proof checked from its
 * text with the public key alone; a changed record, a changed path or another key fails it; a record no checkpoint
 * covers yet cannot be proven.
 */
class AuditProofTest
{
    private final KeyPair keys = AuditKeys.generate();
    private Path dir;

    @BeforeEach
    void write() throws IOException
    {
        dir = SignedJournal.write("bastion-audit-proof", keys.getPrivate(), 23, Set.of(10, 21));
    }

    @Test
    void shouldProveEveryRecordOfASignedCheckpointFromTheProofAlone() throws IOException
    {
        for (long sequence = 1; sequence <= 21; sequence++)
        {
            final AuditProof proof = AuditProof.parse(AuditProof.prove(dir, sequence).toText());
            assertEquals(sequence, proof.sequence());
            assertEquals(sequence <= 10 ? 10 : 21, proof.checkpoint().treeSize(), "the first checkpoint covering it");
            assertNull(proof.check(keys.getPublic()), "record " + sequence);
        }
    }

    @Test
    void shouldFailAChangedRecordAChangedPathOrAnotherKey() throws IOException
    {
        final AuditProof proof = AuditProof.prove(dir, 7);
        final byte[] record = proof.record().clone();
        record[AuditRecordDescriptor.MESSAGE_OFFSET + 1] ^= 1;
        assertEquals("record 7 is not in the tree of 10 records the checkpoint signed: the record or the path was " +
            "changed", new AuditProof(record, proof.checkpoint(), proof.signature(), proof.path())
            .check(keys.getPublic()));

        final List<byte[]> path = new ArrayList<>(proof.path());
        path.set(0, path.get(1));
        assertTrue(new AuditProof(proof.record(), proof.checkpoint(), proof.signature(), path)
            .check(keys.getPublic()).startsWith("record 7 is not in the tree"));

        assertEquals("the checkpoint's signature does not verify with this key",
            proof.check(AuditKeys.generate().getPublic()));
    }

    @Test
    void shouldRefuseARecordNoCheckpointCoversYet()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> AuditProof.prove(dir, 22));
        assertEquals("record 22 is not in a signed checkpoint yet", ex.getMessage());
    }

    @Test
    void shouldProveAndCheckOnTheCommandLine() throws IOException
    {
        final Path publicKey = Files.createTempDirectory("bastion-audit-proof-key").resolve("audit.pub");
        final Path privateKey = publicKey.resolveSibling("audit.key");
        AuditKeys.write(keys, privateKey, publicKey);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, AuditProof.runProve(new String[] {dir.toString(), "15"},
            new PrintStream(out, true, StandardCharsets.UTF_8), err));
        final Path proofFile = publicKey.resolveSibling("proof-15.txt");
        Files.write(proofFile, out.toByteArray());

        final ByteArrayOutputStream verdict = new ByteArrayOutputStream();
        assertEquals(0, AuditProof.runCheck(new String[] {proofFile.toString(), "--public-key", publicKey.toString()},
            new PrintStream(verdict, true, StandardCharsets.UTF_8), err));
        assertTrue(verdict.toString(StandardCharsets.UTF_8).startsWith("proof holds: record 15 is record 15 of " +
            "the 21 the writer signed"), verdict.toString(StandardCharsets.UTF_8));

        Files.writeString(proofFile, Files.readString(proofFile).replace("tree-size: 21", "tree-size: 22"));
        assertEquals(1, AuditProof.runCheck(new String[] {proofFile.toString(), "--public-key", publicKey.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), err));
        assertEquals(1, AuditProof.runProve(new String[] {dir.toString(), "99"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), err));
        assertEquals(2, AuditProof.runCheck(new String[] {proofFile.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), err));
    }
}
