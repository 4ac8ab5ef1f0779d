package io.bastion.compliance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.bastion.compliance.AuditRecordDescriptor.BYTE_ORDER;
import static io.bastion.compliance.AuditRecordDescriptor.CHECKSUM_LENGTH;
import static io.bastion.compliance.AuditRecordDescriptor.MESSAGE_OFFSET;
import static io.bastion.compliance.AuditRecordDescriptor.SEQUENCE_OFFSET;

/**
 * An inclusion proof for one record of the audit journal that verifies offline: the record's bytes, the first signed
 * checkpoint that covers it, and the audit path from its leaf to that checkpoint's Merkle root (RFC 9162 section
 * 2.1.3). Whoever holds the proof and the writer's public key can check that exactly this record was in the journal
 * the writer signed, without the journal.
 * <p>
 * Written as text, one {@code name: value} per line after the first line {@code bastion-audit-inclusion-proof-v1};
 * bytes in hexadecimal, the path's hashes separated by commas, leaf end first.
 *
 * @param record     the whole record, as stored.
 * @param checkpoint the checkpoint the path leads to.
 * @param signature  the checkpoint's signature.
 * @param path       the audit path.
 */
public record AuditProof(byte[] record, AuditCheckpoint checkpoint, byte[] signature, List<byte[]> path)
{
    private static final String HEADER = "bastion-audit-inclusion-proof-v1";
    private static final HexFormat HEX = HexFormat.of();

    /**
     * @return the record's sequence number, from its bytes.
     */
    public long sequence()
    {
        return record.length < MESSAGE_OFFSET ? -1 :
            ByteBuffer.wrap(record).order(BYTE_ORDER).getLong(SEQUENCE_OFFSET);
    }

    /**
     * Build the proof of one record from a journal directory.
     *
     * @param directory the journal.
     * @param sequence  the record.
     * @return the proof.
     * @throws IOException           if the journal cannot be read.
     * @throws IllegalStateException if the journal is damaged before the record, or no checkpoint covers it yet.
     */
    public static AuditProof prove(final Path directory, final long sequence) throws IOException
    {
        AuditCheckpointLog.Entry covering = null;
        for (final AuditCheckpointLog.Entry entry : AuditCheckpointLog.read(directory))
        {
            if (entry.checkpoint().treeSize() >= sequence)
            {
                covering = entry;
                break;
            }
        }
        if (covering == null)
        {
            throw new IllegalStateException("record " + sequence + " is not in a signed checkpoint yet");
        }
        final long size = covering.checkpoint().treeSize();
        final List<byte[]> leafHashes = new ArrayList<>();
        final byte[][] record = new byte[1][];
        final AuditJournalReader.Result result = new AuditJournalReader(directory).read(
            (seq, timestampNs, streamId, buffer, offset, length) ->
            {
                if (seq > size)
                {
                    return;
                }
                final byte[] bytes = new byte[MESSAGE_OFFSET + length + CHECKSUM_LENGTH];
                buffer.getBytes(offset - MESSAGE_OFFSET, bytes);
                leafHashes.add(MerkleTree.leafHash(bytes));
                if (seq == sequence)
                {
                    record[0] = bytes;
                }
            });
        if (leafHashes.size() < size)
        {
            throw new IllegalStateException("the journal holds " + leafHashes.size() + " whole records, its " +
                "checkpoint signs " + size + (result.defect() == null ? "" : ": " + result.defect()));
        }
        return new AuditProof(record[0], covering.checkpoint(), covering.signature(),
            MerkleTree.inclusionProof(leafHashes, sequence - 1, size));
    }

    /**
     * @param key the writer's public key.
     * @return null when the proof holds, else what is wrong.
     */
    public String check(final PublicKey key)
    {
        if (!checkpoint.verify(key, signature))
        {
            return "the checkpoint's signature does not verify with this key";
        }
        final long sequence = sequence();
        if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(record), sequence - 1, checkpoint.treeSize(), path,
            checkpoint.rootHash()))
        {
            return "record " + sequence + " is not in the tree of " + checkpoint.treeSize() + " records the " +
                "checkpoint signed: the record or the path was changed";
        }
        return null;
    }

    /**
     * @return the proof as text.
     */
    public String toText()
    {
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("sequence: ").append(sequence()).append('\n');
        text.append("record: ").append(HEX.formatHex(record)).append('\n');
        text.append("tree-size: ").append(checkpoint.treeSize()).append('\n');
        text.append("root: ").append(HEX.formatHex(checkpoint.rootHash())).append('\n');
        text.append("checkpoint-time-ns: ").append(checkpoint.timestampNs()).append('\n');
        text.append("signature: ").append(HEX.formatHex(signature)).append('\n');
        text.append("path: ");
        for (int i = 0; i < path.size(); i++)
        {
            text.append(i == 0 ? "" : ",").append(HEX.formatHex(path.get(i)));
        }
        return text.append('\n').toString();
    }

    /**
     * @param text a proof as {@link #toText()} writes it.
     * @return the proof.
     * @throws IllegalArgumentException if it is not one.
     */
    public static AuditProof parse(final String text)
    {
        final String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER))
        {
            throw new IllegalArgumentException("not an audit inclusion proof (first line " + HEADER + ")");
        }
        final Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++)
        {
            final int colon = lines[i].indexOf(':');
            if (colon > 0)
            {
                fields.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
        }
        final List<byte[]> path = new ArrayList<>();
        for (final String hash : field(fields, "path").split(","))
        {
            if (!hash.isBlank())
            {
                path.add(HEX.parseHex(hash.strip()));
            }
        }
        return new AuditProof(HEX.parseHex(field(fields, "record")),
            new AuditCheckpoint(Long.parseLong(field(fields, "tree-size")), HEX.parseHex(field(fields, "root")),
            Long.parseLong(field(fields, "checkpoint-time-ns"))), HEX.parseHex(field(fields, "signature")), path);
    }

    private static String field(final Map<String, String> fields, final String name)
    {
        final String value = fields.get(name);
        if (value == null)
        {
            throw new IllegalArgumentException("the proof has no " + name);
        }
        return value;
    }

    /**
     * {@code audit prove DIR SEQ}: print the proof of one record.
     *
     * @param args the arguments after {@code prove}.
     * @param out  where the proof goes.
     * @param err  where problems go.
     * @return 0 done, 1 the record cannot be proven, 2 usage.
     */
    public static int runProve(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length != 2)
        {
            err.println("usage: audit prove DIR SEQ");
            return 2;
        }
        try
        {
            out.print(prove(Path.of(args[0]), Long.parseLong(args[1])).toText());
            return 0;
        }
        catch (final IOException | RuntimeException ex)
        {
            err.println("cannot prove record " + args[1] + " of " + args[0] + ": " + ex.getMessage());
            return 1;
        }
    }

    /**
     * {@code audit check-proof FILE --public-key FILE}: check a proof offline.
     *
     * @param args the arguments after {@code check-proof}.
     * @param out  where the verdict goes.
     * @param err  where problems go.
     * @return 0 the proof holds, 1 it does not, 2 usage or unreadable.
     */
    public static int runCheck(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length != 3 || !"--public-key".equals(args[1]))
        {
            err.println("usage: audit check-proof FILE --public-key FILE");
            return 2;
        }
        final AuditProof proof;
        final PublicKey key;
        try
        {
            proof = parse(Files.readString(Path.of(args[0]), StandardCharsets.US_ASCII));
            key = AuditKeys.readPublicKey(Path.of(args[2]));
        }
        catch (final IOException | RuntimeException ex)
        {
            err.println("cannot read the proof or the key: " + ex.getMessage());
            return 2;
        }
        final String problem = proof.check(key);
        if (problem != null)
        {
            err.println("proof does NOT hold: " + problem);
            return 1;
        }
        out.println("proof holds: record " + proof.sequence() + " is record " + proof.sequence() + " of the " +
            proof.checkpoint().treeSize() + " the writer signed at " + proof.checkpoint().timestampNs() + " ns");
        return 0;
    }
}
