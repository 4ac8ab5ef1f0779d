package io.bastion.compliance;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The root of a growing {@link MerkleTree} (RFC 6962), kept as records are appended: one complete subtree root per
 * set bit of the size, so appending costs one leaf hash plus one node hash per trailing one bit of the size (two
 * hashes on average), and the root at any size folds at most 64 of them. Allocation free after construction. Not
 * thread safe.
 */
public final class MerkleAccumulator
{
    private static final int MAX_LEVELS = 64;

    private final MessageDigest digest = MerkleTree.sha256();
    private final byte[][] subtrees = new byte[MAX_LEVELS][MerkleTree.HASH_LENGTH];
    private final byte[] carry = new byte[MerkleTree.HASH_LENGTH];
    private final byte[] leaf = new byte[MerkleTree.HASH_LENGTH];
    private long size;

    /**
     * @return leaves appended.
     */
    public long size()
    {
        return size;
    }

    /**
     * Append a record: its leaf hash is {@code SHA-256(0x00 || record)}.
     *
     * @param record the record's bytes.
     * @param offset where they start.
     * @param length how many.
     * @return the record's leaf hash (valid until the next call).
     */
    public byte[] appendEntry(final byte[] record, final int offset, final int length)
    {
        digest.update(MerkleTree.LEAF_PREFIX);
        digest.update(record, offset, length);
        finish(leaf);
        appendLeafHash(leaf);
        return leaf;
    }

    /**
     * Append a leaf by its hash.
     *
     * @param leafHash the leaf's hash.
     */
    public void appendLeafHash(final byte[] leafHash)
    {
        System.arraycopy(leafHash, 0, carry, 0, MerkleTree.HASH_LENGTH);
        int level = 0;
        for (long n = size; (n & 1) == 1; n >>>= 1)
        {
            node(subtrees[level], carry, carry);
            level++;
        }
        System.arraycopy(carry, 0, subtrees[level], 0, MerkleTree.HASH_LENGTH);
        size++;
    }

    /**
     * Write the root hash of the tree of every leaf appended so far.
     *
     * @param root where the 32 bytes go.
     */
    public void root(final byte[] root)
    {
        if (size == 0)
        {
            finish(root);
            return;
        }
        final int lowest = Long.numberOfTrailingZeros(size);
        System.arraycopy(subtrees[lowest], 0, root, 0, MerkleTree.HASH_LENGTH);
        for (int level = lowest + 1; level < MAX_LEVELS; level++)
        {
            if ((size >>> level & 1) == 1)
            {
                node(subtrees[level], root, root);
            }
        }
    }

    /**
     * @return the root hash, in a new array.
     */
    public byte[] root()
    {
        final byte[] root = new byte[MerkleTree.HASH_LENGTH];
        root(root);
        return root;
    }

    private void node(final byte[] left, final byte[] right, final byte[] into)
    {
        digest.update(MerkleTree.NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        finish(into);
    }

    private void finish(final byte[] into)
    {
        try
        {
            digest.digest(into, 0, MerkleTree.HASH_LENGTH);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
