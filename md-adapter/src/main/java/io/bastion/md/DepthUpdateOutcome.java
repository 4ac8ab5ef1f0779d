package io.bastion.md;

/**
 * What {@link BinanceDepthSynchronizer#onDepthUpdate(DepthUpdate)} did with a diff-depth event.
 */
public enum DepthUpdateOutcome
{
    /** Buffered while a snapshot is awaited; the snapshot was already asked for. */
    BUFFERED(false),

    /** Buffered as the first event since start or {@link BinanceDepthSynchronizer#restart()}: fetch a snapshot. */
    SNAPSHOT_NEEDED(true),

    /** Applied to the live book. */
    APPLIED(false),

    /** Ignored: everything in it is already in the book. */
    STALE(false),

    /** Its first update id skips past the book's: the book was discarded; fetch a snapshot. */
    GAP(true),

    /** Applying it left the book crossed: the book was discarded; fetch a snapshot. */
    CROSSED(true),

    /** Rejected: the event is for another symbol. */
    WRONG_SYMBOL(false);

    private final boolean snapshotNeeded;

    DepthUpdateOutcome(final boolean snapshotNeeded)
    {
        this.snapshotNeeded = snapshotNeeded;
    }

    /**
     * Whether the caller must now fetch a (new) REST snapshot and hand it to
     * {@link BinanceDepthSynchronizer#onSnapshot(DepthSnapshot)}.
     *
     * @return true when a snapshot request is due.
     */
    public boolean snapshotNeeded()
    {
        return snapshotNeeded;
    }
}
