package io.bastion.compliance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed checkpoints: a checkpoint verifies with the writer's public key and with nothing else, any change to its
 * size, root or time breaks the signature, and keys round-trip through PEM files, the private one only when its file
 * is its owner's alone.
 */
class AuditCheckpointTest
{
    @Test
    void shouldVerifyWithTheWritersKeyOnly() throws Exception
    {
        final KeyPair writer = AuditKeys.generate();
        final KeyPair other = AuditKeys.generate();
        final byte[] root = MerkleTree.leafHash("root".getBytes());
        final AuditCheckpoint checkpoint = new AuditCheckpoint(1_000, root, 1_700_000_000_000_000_000L);
        final byte[] signature = checkpoint.sign(writer.getPrivate());
        assertEquals(AuditCheckpoint.SIGNATURE_LENGTH, signature.length);

        assertTrue(checkpoint.verify(writer.getPublic(), signature));
        assertFalse(checkpoint.verify(other.getPublic(), signature), "another key");
        assertFalse(checkpoint.verify(writer.getPublic(), checkpoint.sign(other.getPrivate())), "signed by another");
        assertFalse(new AuditCheckpoint(1_001, root, checkpoint.timestampNs()).verify(writer.getPublic(), signature));
        final byte[] otherRoot = root.clone();
        otherRoot[0] ^= 1;
        assertFalse(new AuditCheckpoint(1_000, otherRoot, checkpoint.timestampNs()).verify(writer.getPublic(),
            signature));
        assertFalse(new AuditCheckpoint(1_000, root, checkpoint.timestampNs() + 1).verify(writer.getPublic(),
            signature));
        final byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        assertFalse(checkpoint.verify(writer.getPublic(), flipped));
        assertFalse(checkpoint.verify(writer.getPublic(), new byte[3]));
    }

    @Test
    void shouldReadKeysBackFromPemFilesAndRefuseAPrivateKeyOthersMayRead() throws Exception
    {
        final Path dir = Files.createTempDirectory("bastion-audit-keys");
        final Path privateFile = dir.resolve("audit.key");
        final Path publicFile = dir.resolve("audit.pub");
        final KeyPair keys = AuditKeys.generate();
        AuditKeys.write(keys, privateFile, publicFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
        assertTrue(Files.readString(privateFile).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(publicFile).startsWith("-----BEGIN PUBLIC KEY-----\n"));

        final PrivateKey privateKey = AuditKeys.readPrivateKey(privateFile);
        final PublicKey publicKey = AuditKeys.readPublicKey(publicFile);
        final AuditCheckpoint checkpoint = new AuditCheckpoint(7, new byte[32], 1);
        assertTrue(checkpoint.verify(keys.getPublic(), checkpoint.sign(privateKey)));
        assertTrue(checkpoint.verify(publicKey, checkpoint.sign(keys.getPrivate())));

        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-r-----"));
        final IllegalStateException open = assertThrows(IllegalStateException.class,
            () -> AuditKeys.readPrivateKey(privateFile));
        assertTrue(open.getMessage().contains("make it readable by its owner only (chmod 600)"), open.getMessage());
        final IllegalStateException wrongType = assertThrows(IllegalStateException.class,
            () -> AuditKeys.readPublicKey(privateFile));
        assertTrue(wrongType.getMessage().contains("holds no PEM PUBLIC KEY block"), wrongType.getMessage());
    }
}
