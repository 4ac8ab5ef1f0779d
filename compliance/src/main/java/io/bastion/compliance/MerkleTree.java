package io.bastion.compliance;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of Certificate Transparency (RFC 6962 section 2.1, RFC 9162 section 2.1) over SHA-256: the audit
 * trail's records are its leaves, so one record's inclusion in a signed tree head can be proven with about log2(n)
 * hashes, without the rest of the trail.
 * <pre>
 * leaf hash  = SHA-256(0x00 || record)
 * node hash  = SHA-256(0x01 || left || right)
 * MTH({})    = SHA-256()
 * MTH(D[n])  = node hash of MTH(D[0:k]) and MTH(D[k:n]), k the largest power of two below n
 * </pre>
 * The methods here work on lists of leaf hashes (the verifier and the proof tool); {@link MerkleAccumulator} keeps the
 * root of a growing tree as records are appended.
 */
public final class MerkleTree
{
    /** Length of every hash. */
    public static final int HASH_LENGTH = 32;

    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private MerkleTree()
    {
    }

    /**
     * @return a new SHA-256 digest.
     */
    static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
    }

    /**
     * @param entry a leaf's data: one record's bytes.
     * @return its leaf hash.
     */
    public static byte[] leafHash(final byte[] entry)
    {
        final MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /**
     * The leaf hash of a record held in a byte buffer, allocation free.
     *
     * @param digest a SHA-256 digest, reset.
     * @param buffer holds the record; its position and limit are restored to 0 and its capacity.
     * @param offset where the record starts.
     * @param length how long it is.
     * @param into   where the 32 bytes go.
     */
    static void leafHash(
        final MessageDigest digest, final ByteBuffer buffer, final int offset, final int length, final byte[] into)
    {
        digest.update(LEAF_PREFIX);
        buffer.limit(offset + length).position(offset);
        digest.update(buffer);
        buffer.clear();
        try
        {
            digest.digest(into, 0, HASH_LENGTH);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param left  left child's hash.
     * @param right right child's hash.
     * @return the parent's hash.
     */
    public static byte[] nodeHash(final byte[] left, final byte[] right)
    {
        final MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /**
     * @param leafHashes the leaves' hashes, in order.
     * @return the tree's root hash (the hash of nothing for no leaves).
     */
    public static byte[] root(final List<byte[]> leafHashes)
    {
        if (leafHashes.isEmpty())
        {
            return sha256().digest();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /**
     * The inclusion proof (audit path) of one leaf in the tree of the first {@code treeSize} leaves: the sibling hashes
     * from the leaf up to the root.
     *
     * @param leafHashes at least {@code treeSize} leaf hashes.
     * @param index      the leaf, from 0.
     * @param treeSize   size of the tree the proof is for.
     * @return the path, leaf end first.
     * @throws IllegalArgumentException if the index is not in the tree.
     */
    public static List<byte[]> inclusionProof(final List<byte[]> leafHashes, final long index, final long treeSize)
    {
        if (index < 0 || index >= treeSize || treeSize > leafHashes.size())
        {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + treeSize + " leaves (" +
                leafHashes.size() + " known)");
        }
        final List<byte[]> path = new ArrayList<>();
        collectPath(leafHashes, (int)index, 0, (int)treeSize, path);
        return path;
    }

    /**
     * Check an inclusion proof (RFC 9162 section 2.1.3.2).
     *
     * @param leafHash the leaf's hash.
     * @param index    the leaf, from 0.
     * @param treeSize size of the tree.
     * @param proof    the audit path, leaf end first.
     * @param root     the tree's root hash, as signed.
     * @return true when the path leads from the leaf to the root.
     */
    public static boolean verifyInclusion(
        final byte[] leafHash, final long index, final long treeSize, final List<byte[]> proof, final byte[] root)
    {
        if (index < 0 || index >= treeSize)
        {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (final byte[] p : proof)
        {
            if (sn == 0 || p.length != HASH_LENGTH)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = nodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * @param n a tree size above 1.
     * @return the largest power of two below it: the size of the left subtree.
     */
    static int split(final int n)
    {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtreeRoot(final List<byte[]> leafHashes, final int from, final int to)
    {
        final int n = to - from;
        if (n == 1)
        {
            return leafHashes.get(from);
        }
        final int k = split(n);
        return nodeHash(subtreeRoot(leafHashes, from, from + k), subtreeRoot(leafHashes, from + k, to));
    }

    private static void collectPath(
        final List<byte[]> leafHashes, final int index, final int from, final int to, final List<byte[]> path)
    {
        final int n = to - from;
        if (n == 1)
        {
            return;
        }
        final int k = split(n);
        if (index - from < k)
        {
            collectPath(leafHashes, index, from, from + k, path);
            path.add(subtreeRoot(leafHashes, from + k, to));
        }
        else
        {
            collectPath(leafHashes, index, from + k, to, path);
            path.add(subtreeRoot(leafHashes, from, from + k));
        }
    }
}
