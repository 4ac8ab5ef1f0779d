package io.bastion.compliance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * A signed tree head of the audit trail: how many records it held, the root hash of their {@link MerkleTree}, and
 * when. Signed with Ed25519 (the JDK's), it commits the writer to every record up to that size: a record changed,
 * removed, inserted or reordered afterwards, even with every hash of the chain recomputed, no longer gives the signed
 * root. Verifying needs only the public key.
 * <p>
 * The signed bytes are the ASCII label {@code bastion-audit-checkpoint-v1}, a zero byte, the tree size (8 bytes), the
 * root hash (32 bytes) and the time in nanoseconds since the Unix epoch (8 bytes), big-endian.
 *
 * @param treeSize    records in the tree.
 * @param rootHash    their Merkle tree root.
 * @param timestampNs when the checkpoint was taken, nanoseconds since the Unix epoch.
 */
public record AuditCheckpoint(long treeSize, byte[] rootHash, long timestampNs)
{
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] LABEL = "bastion-audit-checkpoint-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String ALGORITHM = "Ed25519";

    /**
     * @throws IllegalArgumentException if the size is negative or the root is not a 32-byte hash.
     */
    public AuditCheckpoint
    {
        if (treeSize < 0 || rootHash == null || rootHash.length != MerkleTree.HASH_LENGTH)
        {
            throw new IllegalArgumentException("a checkpoint has a size of 0 or more and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
    }

    /**
     * @return a copy of the root hash.
     */
    @Override
    public byte[] rootHash()
    {
        return rootHash.clone();
    }

    /**
     * @return the bytes the signature covers.
     */
    public byte[] signedBytes()
    {
        return ByteBuffer.allocate(LABEL.length + 8 + MerkleTree.HASH_LENGTH + 8)
            .put(LABEL).putLong(treeSize).put(rootHash).putLong(timestampNs).array();
    }

    /**
     * @param key the writer's private key.
     * @return the signature.
     */
    public byte[] sign(final PrivateKey key)
    {
        try
        {
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(signedBytes());
            return signature.sign();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot sign an audit checkpoint with a " + key.getAlgorithm() + " key",
                ex);
        }
    }

    /**
     * @param key       the writer's public key.
     * @param signature a signature of this checkpoint.
     * @return true when the key signed exactly this checkpoint.
     */
    public boolean verify(final PublicKey key, final byte[] signature)
    {
        try
        {
            final Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes());
            return signature != null && signature.length == SIGNATURE_LENGTH && verifier.verify(signature);
        }
        catch (final GeneralSecurityException ex)
        {
            return false;
        }
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof AuditCheckpoint that && treeSize == that.treeSize &&
            timestampNs == that.timestampNs && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(treeSize) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString()
    {
        return "AuditCheckpoint[treeSize=" + treeSize + ", rootHash=" + AuditKeys.hex(rootHash) + ", timestampNs=" +
            timestampNs + "]";
    }
}
