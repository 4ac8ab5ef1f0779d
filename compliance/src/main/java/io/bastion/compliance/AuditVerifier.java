package io.bastion.compliance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies an audit journal with nothing but its directory and the writer's public key: every record whole (length,
 * CRC-32C), in sequence, and chained to the one before it; every signed checkpoint's signature; the Merkle root of the
 * records up to each checkpoint equal to the root it signed; and the journal holding at least as many records as the
 * last checkpoint signed. The first problem is reported with what is wrong and where.
 * <p>
 * The chain catches a record changed, removed, inserted or moved; the checkpoints catch the same done with every hash
 * after it recomputed, and a journal cut short. Records after the last checkpoint are covered by the chain only.
 */
public final class AuditVerifier
{
    /**
     * What verification found.
     *
     * @param intact      true when nothing is wrong.
     * @param records     whole records read.
     * @param checkpoints checkpoints whose signature and root were checked.
     * @param unsigned    records after the last checkpoint.
     * @param problem     the first problem, or null.
     */
    public record Report(boolean intact, long records, int checkpoints, long unsigned, String problem)
    {
    }

    private AuditVerifier()
    {
    }

    /**
     * @param directory the journal directory.
     * @param key       the writer's public key.
     * @return the report.
     * @throws IOException if the journal cannot be read.
     */
    public static Report verify(final Path directory, final PublicKey key) throws IOException
    {
        final List<AuditCheckpointLog.Entry> entries = AuditCheckpointLog.read(directory);
        long previousSize = 0;
        for (int i = 0; i < entries.size(); i++)
        {
            final AuditCheckpointLog.Entry entry = entries.get(i);
            final AuditCheckpoint checkpoint = entry.checkpoint();
            if (!checkpoint.verify(key, entry.signature()))
            {
                return new Report(false, 0, i, 0, "checkpoint " + (i + 1) + " (" + checkpoint.treeSize() +
                    " records) has a bad signature: changed, or signed with another key");
            }
            if (checkpoint.treeSize() < previousSize)
            {
                return new Report(false, 0, i, 0, "checkpoint " + (i + 1) + " signs " + checkpoint.treeSize() +
                    " records, fewer than the " + previousSize + " of the one before it");
            }
            previousSize = checkpoint.treeSize();
        }

        final MerkleAccumulator tree = new MerkleAccumulator();
        final byte[] root = new byte[MerkleTree.HASH_LENGTH];
        final int[] checked = {0};
        final String[] mismatch = {null};
        checkRoots(entries, tree, root, checked, mismatch);
        final AuditJournalReader.Result result = new AuditJournalReader(directory).read(
            (sequence, timestampNs, streamId, buffer, offset, length) ->
                checkRoots(entries, tree, root, checked, mismatch),
            tree);
        if (mismatch[0] != null)
        {
            return new Report(false, result.records(), checked[0], 0, mismatch[0]);
        }
        if (!result.isWhole())
        {
            return new Report(false, result.records(), checked[0], 0, result.defect().toString());
        }
        if (checked[0] < entries.size())
        {
            final AuditCheckpoint missing = entries.get(checked[0]).checkpoint();
            return new Report(false, result.records(), checked[0], 0, "truncated: checkpoint " + (checked[0] + 1) +
                " signs " + missing.treeSize() + " records, the journal holds " + result.records());
        }
        return new Report(true, result.records(), checked[0], result.records() - previousSize, null);
    }

    private static void checkRoots(
        final List<AuditCheckpointLog.Entry> entries,
        final MerkleAccumulator tree,
        final byte[] root,
        final int[] checked,
        final String[] mismatch)
    {
        while (mismatch[0] == null && checked[0] < entries.size() &&
            entries.get(checked[0]).checkpoint().treeSize() == tree.size())
        {
            final AuditCheckpoint checkpoint = entries.get(checked[0]).checkpoint();
            tree.root(root);
            if (!Arrays.equals(root, checkpoint.rootHash()))
            {
                mismatch[0] = "records 1 to " + checkpoint.treeSize() + " do not give the root signed in checkpoint " +
                    (checked[0] + 1) + " (" + AuditKeys.hex(checkpoint.rootHash()) + ", computed " +
                    AuditKeys.hex(root) + "): a record up to " + checkpoint.treeSize() + " was changed, removed, " +
                    "inserted or moved and the chain rewritten";
                return;
            }
            checked[0]++;
        }
    }

    /**
     * {@code audit verify DIR --public-key FILE}.
     *
     * @param args the arguments after {@code verify}.
     * @param out  where the summary goes.
     * @param err  where problems go.
     * @return 0 intact, 1 not, 2 usage or unreadable.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length != 3 || !"--public-key".equals(args[1]))
        {
            err.println("usage: audit verify DIR --public-key FILE");
            return 2;
        }
        final Report report;
        try
        {
            report = verify(Path.of(args[0]), AuditKeys.readPublicKey(Path.of(args[2])));
        }
        catch (final IOException | RuntimeException ex)
        {
            err.println("cannot verify audit journal " + args[0] + ": " + ex.getMessage());
            return 2;
        }
        if (!report.intact())
        {
            err.println("audit journal " + args[0] + " is NOT intact: " + report.problem());
            err.println("(" + report.records() + " whole records read, " + report.checkpoints() +
                " checkpoints verified before it)");
            return 1;
        }
        out.println("audit journal " + args[0] + " is intact: " + report.records() + " records, " +
            report.checkpoints() + " signed checkpoints verified" + (report.unsigned() > 0 ?
            ", " + report.unsigned() + " records after the last one (chained, not yet signed)" : ""));
        return 0;
    }
}
