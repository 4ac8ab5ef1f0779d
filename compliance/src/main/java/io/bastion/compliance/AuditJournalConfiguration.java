package io.bastion.compliance;

/**
 * Defaults, limits and property names of the audit journal. Properties are read from the {@code compliance.*}
 * keys of {@code bastion.properties} by the launcher and applied to an {@link AuditJournalContext}.
 */
public final class AuditJournalConfiguration
{
    /** Fragments read from each stream per duty cycle: the largest batch written (and forced) at once. */
    public static final int FRAGMENT_LIMIT = 256;

    /** Property: journal directory, relative to the data directory unless absolute. */
    public static final String JOURNAL_DIR_PROP = "compliance.journalDir";

    /** Default of {@link #JOURNAL_DIR_PROP}. */
    public static final String JOURNAL_DIR_DEFAULT = "audit";

    /** Property: length in bytes at which a new segment file starts. */
    public static final String SEGMENT_LENGTH_PROP = "compliance.segmentLength";

    /** Default of {@link #SEGMENT_LENGTH_PROP}: 64 MiB. */
    public static final long SEGMENT_LENGTH_DEFAULT = 64L * 1024 * 1024;

    /** Shortest segment length accepted. */
    public static final long SEGMENT_LENGTH_MIN = 1024;

    /** Longest segment length accepted: a segment must be mappable in one piece by a reader. */
    public static final long SEGMENT_LENGTH_MAX = 1024L * 1024 * 1024;

    /** Property: {@code fsync} (force after every duty cycle that wrote) or {@code none} (the OS decides). */
    public static final String DURABILITY_PROP = "compliance.durability";

    /** Default of {@link #DURABILITY_PROP}. */
    public static final AuditDurability DURABILITY_DEFAULT = AuditDurability.FSYNC;

    /** Property: initial length of the write buffer in bytes; it grows only for a record longer than it. */
    public static final String WRITE_BUFFER_LENGTH_PROP = "compliance.writeBufferLength";

    /** Default of {@link #WRITE_BUFFER_LENGTH_PROP}: 1 MiB. */
    public static final int WRITE_BUFFER_LENGTH_DEFAULT = 1024 * 1024;

    /** Shortest write buffer accepted. */
    public static final int WRITE_BUFFER_LENGTH_MIN = 4096;

    private AuditJournalConfiguration()
    {
    }

    /** Property: the Ed25519 private key (PEM) that signs checkpoints, readable by its owner only. */
    public static final String SIGNING_KEY_PROP = "compliance.signingKey";

    /** Default of {@link #SIGNING_KEY_PROP}, under the data directory; created with its public key when missing. */
    public static final String SIGNING_KEY_DEFAULT = "audit-signing.key";

    /** Property: records after which a checkpoint is signed. */
    public static final String CHECKPOINT_RECORDS_PROP = "compliance.checkpointRecords";

    /** Default of {@link #CHECKPOINT_RECORDS_PROP}. */
    public static final long CHECKPOINT_RECORDS_DEFAULT = 10_000;

    /** Property: milliseconds after which records not yet in a checkpoint get one. */
    public static final String CHECKPOINT_INTERVAL_MS_PROP = "compliance.checkpointIntervalMs";

    /** Default of {@link #CHECKPOINT_INTERVAL_MS_PROP}. */
    public static final long CHECKPOINT_INTERVAL_MS_DEFAULT = 1_000;
}
