package io.bastion.md;

/**
 * Whether an {@link L2Book} may be served. Only {@link #LIVE} is servable; every other state means the levels are
 * absent or known to be incomplete.
 */
public enum BookState
{
    /** Nothing received yet, or restarted. */
    EMPTY,

    /** First synchronisation: updates are buffered until a snapshot is applied. */
    SYNCING,

    /** Synchronised from a snapshot and every update since, in sequence, not crossed. */
    LIVE,

    /**
     * A gap in the update sequence or a crossed book was detected: the levels were discarded, updates are buffered
     * and a new snapshot is needed.
     */
    RESYNC_NEEDED
}
