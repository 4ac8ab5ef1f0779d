package io.bastion.compliance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RFC 6962 Merkle tree: the roots Certificate Transparency publishes for its eight test leaves, the incremental
 * root equal to the recursive definition at every size, and inclusion proofs that verify for every leaf and fail for a
 * wrong leaf, index, size, sibling or root.
 */
class MerkleTreeTest
{
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void shouldGiveTheRootsOfTheCertificateTransparencyTestVectors()
    {
        final List<byte[]> leafHashes = new ArrayList<>();
        final MerkleAccumulator accumulator = new MerkleAccumulator();
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            HEX.formatHex(accumulator.root()), "the empty tree: SHA-256 of nothing");
        assertArrayEquals(accumulator.root(), MerkleTree.root(leafHashes));
        for (int i = 0; i < LEAVES.length; i++)
        {
            final byte[] entry = HEX.parseHex(LEAVES[i]);
            leafHashes.add(MerkleTree.leafHash(entry));
            assertArrayEquals(MerkleTree.leafHash(entry), accumulator.appendEntry(entry, 0, entry.length));
            assertEquals(ROOTS[i], HEX.formatHex(MerkleTree.root(leafHashes)), "size " + (i + 1));
            assertEquals(ROOTS[i], HEX.formatHex(accumulator.root()), "incremental, size " + (i + 1));
        }
        assertEquals(8, accumulator.size());
    }

    @Test
    void shouldKeepTheRecursiveRootAtEverySize()
    {
        final List<byte[]> leafHashes = new ArrayList<>();
        final MerkleAccumulator accumulator = new MerkleAccumulator();
        final byte[] root = new byte[MerkleTree.HASH_LENGTH];
        for (int i = 0; i < 300; i++)
        {
            final byte[] entry = ("record " + i).getBytes();
            leafHashes.add(MerkleTree.leafHash(entry));
            accumulator.appendLeafHash(MerkleTree.leafHash(entry));
            accumulator.root(root);
            assertArrayEquals(MerkleTree.root(leafHashes), root, "size " + (i + 1));
        }
    }

    @Test
    void shouldProveEveryLeafOfEveryTreeUpToSixtyFour()
    {
        final List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < 64; i++)
        {
            leafHashes.add(MerkleTree.leafHash(new byte[] {(byte)i}));
        }
        for (int size = 1; size <= 64; size++)
        {
            final byte[] root = MerkleTree.root(leafHashes.subList(0, size));
            for (int index = 0; index < size; index++)
            {
                final List<byte[]> proof = MerkleTree.inclusionProof(leafHashes, index, size);
                assertTrue(MerkleTree.verifyInclusion(leafHashes.get(index), index, size, proof, root),
                    index + " of " + size);
                assertTrue(proof.size() <= 32 - Integer.numberOfLeadingZeros(size - 1), "at most log2(size) hashes");
            }
        }
    }

    @Test
    void shouldRejectAProofOfAnotherLeafIndexSizeSiblingOrRoot()
    {
        final List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < 7; i++)
        {
            leafHashes.add(MerkleTree.leafHash(new byte[] {(byte)i}));
        }
        final byte[] root = MerkleTree.root(leafHashes);
        final List<byte[]> proof = MerkleTree.inclusionProof(leafHashes, 4, 7);
        assertTrue(MerkleTree.verifyInclusion(leafHashes.get(4), 4, 7, proof, root));

        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(5), 4, 7, proof, root), "another leaf");
        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(4), 5, 7, proof, root), "another index");
        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(4), 4, 5, proof, root), "another tree shape");
        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(4), 7, 7, proof, root), "an index past the end");
        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(4), 4, 7, proof.subList(0, 2), root), "short proof");
        final List<byte[]> changed = new ArrayList<>(proof);
        final byte[] sibling = changed.get(1).clone();
        sibling[0] ^= 1;
        changed.set(1, sibling);
        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(4), 4, 7, changed, root), "a changed sibling");
        final byte[] otherRoot = root.clone();
        otherRoot[31] ^= 1;
        assertFalse(MerkleTree.verifyInclusion(leafHashes.get(4), 4, 7, proof, otherRoot), "another root");
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(leafHashes, 7, 7));
    }
}
