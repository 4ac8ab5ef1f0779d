package io.bastion.compliance;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The audit journal writer alone, on one thread: one operation appends one record (header, CRC-32C, the SHA-256 leaf
 * hash that chains it and the Merkle tree's node hashes), and every {@code batch} records the batch is written to the
 * segment file (the page cache; {@code none} durability), as the journal agent does after each poll. With
 * {@code signed} a checkpoint is signed (Ed25519) and appended every 10,000 records. Segments rotate at 64 MiB.
 * <p>
 * In this package (in the benchmarks module) because the writer is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditAppendBenchmark
{
    private static final int CHECKPOINT_RECORDS = 10_000;

    /** Message length in bytes: a client execution report is about 250 bytes of SBE. */
    @Param("250")
    public int messageLength;

    /** Records per written batch. */
    @Param("256")
    public int batch;

    /** Whether checkpoints are signed. */
    @Param({ "false", "true" })
    public boolean signed;

    private Path directory;
    private AuditJournalWriter writer;
    private UnsafeBuffer message;
    private long timestampNs;
    private int inBatch;

    /**
     * A fresh journal directory and writer.
     *
     * @throws IOException if it cannot be created.
     */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        directory = Files.createTempDirectory("bastion-audit-bench");
        writer = new AuditJournalWriter(directory, 64L * 1024 * 1024, 1024 * 1024, AuditDurability.NONE,
            signed ? AuditKeys.generate().getPrivate() : null);
        final byte[] bytes = new byte[messageLength];
        ThreadLocalRandom.current().nextBytes(bytes);
        message = new UnsafeBuffer(bytes);
    }

    /**
     * Close the writer and delete the journal.
     *
     * @throws IOException if it cannot be closed.
     */
    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        writer.close();
        IoUtil.delete(directory.toFile(), true);
    }

    /**
     * Append one record; write the batch every {@code batch} records.
     *
     * @return the next sequence.
     * @throws IOException if the journal cannot be written.
     */
    @Benchmark
    public long append() throws IOException
    {
        writer.append(++timestampNs, 1001, message, 0, messageLength);
        if (++inBatch == batch)
        {
            inBatch = 0;
            writer.flush();
            if (writer.recordsSinceCheckpoint() >= CHECKPOINT_RECORDS)
            {
                writer.checkpoint(timestampNs);
            }
        }
        return writer.nextSequence();
    }
}
