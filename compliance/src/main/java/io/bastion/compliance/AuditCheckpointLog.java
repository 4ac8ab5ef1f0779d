package io.bastion.compliance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed checkpoints of a journal, in {@code checkpoints.log} in its directory: one fixed-length entry per
 * checkpoint, appended, big-endian: tree size (8 bytes), root hash (32), time in nanoseconds since the Unix epoch (8),
 * Ed25519 signature (64). A last entry cut short by a crash is ignored when read and cut off before the next append.
 */
public final class AuditCheckpointLog implements AutoCloseable
{
    /** The file's name in the journal directory. */
    public static final String FILE_NAME = "checkpoints.log";

    /** Length of one entry. */
    public static final int ENTRY_LENGTH = 8 + MerkleTree.HASH_LENGTH + 8 + AuditCheckpoint.SIGNATURE_LENGTH;

    /**
     * A checkpoint as stored, with its signature.
     *
     * @param checkpoint the signed tree head.
     * @param signature  its signature.
     */
    public record Entry(AuditCheckpoint checkpoint, byte[] signature)
    {
    }

    private final FileChannel channel;
    private final ByteBuffer entry = ByteBuffer.allocate(ENTRY_LENGTH);
    private final boolean force;
    private long size;

    /**
     * Open the log of a journal directory for appending, cutting a torn last entry.
     *
     * @param directory the journal directory.
     * @param force     force every entry to the device.
     * @throws IOException if it cannot be opened.
     */
    public AuditCheckpointLog(final Path directory, final boolean force) throws IOException
    {
        this.force = force;
        channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        final long length = channel.size();
        size = length - length % ENTRY_LENGTH;
        if (size != length)
        {
            channel.truncate(size);
        }
    }

    /**
     * Append a signed checkpoint.
     *
     * @param checkpoint the tree head.
     * @param signature  its signature.
     * @throws IOException if it cannot be written.
     */
    public void append(final AuditCheckpoint checkpoint, final byte[] signature) throws IOException
    {
        entry.clear();
        entry.putLong(checkpoint.treeSize()).put(checkpoint.rootHash()).putLong(checkpoint.timestampNs())
            .put(signature).flip();
        while (entry.hasRemaining())
        {
            channel.write(entry, size + entry.position());
        }
        if (force)
        {
            channel.force(false);
        }
        size += ENTRY_LENGTH;
    }

    /**
     * @param directory a journal directory.
     * @return its checkpoints, oldest first (none when it has no log); a torn last entry is left out.
     * @throws IOException if the log cannot be read.
     */
    public static List<Entry> read(final Path directory) throws IOException
    {
        final List<Entry> entries = new ArrayList<>();
        final Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            return entries;
        }
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        while (bytes.remaining() >= ENTRY_LENGTH)
        {
            final long treeSize = bytes.getLong();
            final byte[] root = new byte[MerkleTree.HASH_LENGTH];
            bytes.get(root);
            final long timestampNs = bytes.getLong();
            final byte[] signature = new byte[AuditCheckpoint.SIGNATURE_LENGTH];
            bytes.get(signature);
            entries.add(new Entry(new AuditCheckpoint(Math.max(0, treeSize), root, timestampNs), signature));
        }
        return entries;
    }

    /**
     * {@inheritDoc}
     */
    public void close() throws IOException
    {
        channel.close();
    }
}
