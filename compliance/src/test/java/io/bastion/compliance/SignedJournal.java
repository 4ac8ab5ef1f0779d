package io.bastion.compliance;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Set;

/**
 * A journal written straight through the writer for the verifier and proof tests: records whose messages read
 * {@code order event N}, stamped 1,000 ns apart, with a signed checkpoint after each record named.
 */
final class SignedJournal
{
    private SignedJournal()
    {
    }

    /**
     * @param prefix      the temporary directory's name prefix.
     * @param key         the signing key.
     * @param records     how many records.
     * @param checkpoints the records after which a checkpoint is signed.
     * @return the journal directory.
     * @throws IOException if it cannot be written.
     */
    static Path write(final String prefix, final PrivateKey key, final int records, final Set<Integer> checkpoints)
        throws IOException
    {
        final Path dir = Files.createTempDirectory(prefix);
        try (AuditJournalWriter writer = new AuditJournalWriter(dir, 1 << 20, 4096, AuditDurability.NONE, key))
        {
            for (int i = 1; i <= records; i++)
            {
                final byte[] message = ("order event " + i).getBytes(StandardCharsets.US_ASCII);
                writer.append(1_000L * i, 1001, new UnsafeBuffer(message), 0, message.length);
                if (checkpoints.contains(i))
                {
                    writer.checkpoint(1_000L * i);
                }
            }
        }
        return dir;
    }
}
