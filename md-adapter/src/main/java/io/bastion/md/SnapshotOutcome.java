package io.bastion.md;

/**
 * What {@link BinanceDepthSynchronizer#onSnapshot(DepthSnapshot)} did with a REST depth snapshot.
 */
public enum SnapshotOutcome
{
    /** Applied with the buffered events after it: the book is {@link BookState#LIVE}. */
    APPLIED(false),

    /** Its {@code lastUpdateId} is older than the first buffered event: fetch another. */
    TOO_OLD(true),

    /** A buffered event after the snapshot skips past it: the book was discarded; fetch another. */
    GAP(true),

    /** The snapshot, or a buffered event applied after it, left the book crossed: discarded; fetch another. */
    CROSSED(true),

    /** Ignored: the book is live and no snapshot was asked for. */
    NOT_AWAITED(false);

    private final boolean snapshotNeeded;

    SnapshotOutcome(final boolean snapshotNeeded)
    {
        this.snapshotNeeded = snapshotNeeded;
    }

    /**
     * Whether the caller must now fetch a (new) REST snapshot.
     *
     * @return true when a snapshot request is due.
     */
    public boolean snapshotNeeded()
    {
        return snapshotNeeded;
    }
}
