package io.bastion.md;

import java.nio.charset.StandardCharsets;

/**
 * Keeps one symbol's {@link L2Book} in step with Binance's diff-depth stream, by Binance's documented procedure:
 * <ol>
 *     <li>buffer the stream's events, noting the first event's first update id {@code U}, and fetch a REST
 *     snapshot;</li>
 *     <li>if the snapshot's {@code lastUpdateId} is below the first buffered {@code U}, fetch another;</li>
 *     <li>drop buffered events whose final update id {@code u <= lastUpdateId}; the book's id is now
 *     {@code lastUpdateId};</li>
 *     <li>for each buffered, then each new event: ignore it if {@code u} is below the book's id; resynchronise if
 *     {@code U > id + 1} (a gap); otherwise set its levels (quantity 0 removes one) and set the id to {@code u}.</li>
 * </ol>
 * An event whose {@code u} equals the book's id is ignored too: its every level is already in the book (it is the
 * snapshot's last event, arriving after the snapshot over the other connection, or a duplicate), so ignoring it
 * leaves exactly the book that applying it would. So the first event applied after a snapshot always has
 * {@code U <= lastUpdateId + 1 <= u}.
 * <p>
 * The caller is told when to fetch a snapshot by the outcomes whose {@code snapshotNeeded()} is true. A gap, or a
 * book left crossed after an event, discards the levels and marks the book {@link BookState#RESYNC_NEEDED}: a book
 * known to be wrong is never served. Events go on being buffered (bounded: the oldest are dropped when full) until a
 * new snapshot is applied. Updates after warm-up allocate nothing. Not thread safe: one synchronizer per symbol, on
 * the thread that reads the stream.
 */
public final class BinanceDepthSynchronizer
{
    /** Returned by the update-id accessors when there is none. */
    public static final long NULL_UPDATE_ID = -1;

    private final String symbol;
    private final byte[] symbolBytes;
    private final L2Book book;
    private final PendingUpdates pending;
    private long lastSnapshotUpdateId = NULL_UPDATE_ID;
    private long firstAppliedFirstUpdateId = NULL_UPDATE_ID;

    private long appliedEvents;
    private long staleEvents;
    private long droppedBufferedEvents;
    private long gaps;
    private long crossedBooks;
    private long wrongSymbolEvents;
    private long snapshotRequests;
    private long snapshotsApplied;
    private long snapshotsTooOld;
    private long snapshotsNotAwaited;

    /**
     * A synchronizer with the limits of {@link MdAdapterConfiguration}.
     *
     * @param symbol the Binance symbol, upper case as in the events' {@code s}, e.g. {@code NKNUSDT}.
     */
    public BinanceDepthSynchronizer(final String symbol)
    {
        this(
            symbol,
            MdAdapterConfiguration.bookInitialLevelsPerSide(),
            MdAdapterConfiguration.bookMaxLevelsPerSide(),
            MdAdapterConfiguration.syncMaxBufferedEvents(),
            MdAdapterConfiguration.syncMaxBufferedLevels());
    }

    /**
     * A synchronizer with explicit limits.
     *
     * @param symbol               the Binance symbol, upper case as in the events' {@code s}.
     * @param initialLevelsPerSide book levels allocated per side at construction.
     * @param maxLevelsPerSide     book levels kept per side at most.
     * @param maxBufferedEvents    events buffered at most while a snapshot is awaited.
     * @param maxBufferedLevels    price levels buffered at most, across those events.
     */
    public BinanceDepthSynchronizer(
        final String symbol,
        final int initialLevelsPerSide,
        final int maxLevelsPerSide,
        final int maxBufferedEvents,
        final int maxBufferedLevels)
    {
        this.symbol = symbol;
        symbolBytes = symbol.getBytes(StandardCharsets.US_ASCII);
        book = new L2Book(symbol, initialLevelsPerSide, maxLevelsPerSide);
        pending = new PendingUpdates(maxBufferedEvents, maxBufferedLevels);
    }

    /**
     * The symbol.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    byte[] symbolBytes()
    {
        return symbolBytes;
    }

    /**
     * The book this synchronizer keeps; serve it only while {@link L2Book#isServable()}.
     *
     * @return the book.
     */
    public L2Book book()
    {
        return book;
    }

    /**
     * Take a parsed diff-depth event.
     *
     * @param update the event, as parsed by {@link BinanceMessageParser}.
     * @return what was done; when {@link DepthUpdateOutcome#snapshotNeeded()}, fetch a snapshot.
     */
    public DepthUpdateOutcome onDepthUpdate(final DepthUpdate update)
    {
        if (!update.symbolEquals(symbolBytes))
        {
            wrongSymbolEvents++;
            return DepthUpdateOutcome.WRONG_SYMBOL;
        }

        final BookState state = book.state();
        if (state == BookState.LIVE)
        {
            return applyLive(update);
        }

        pending.add(update);
        if (state == BookState.EMPTY)
        {
            book.state(BookState.SYNCING);
            snapshotRequests++;
            return DepthUpdateOutcome.SNAPSHOT_NEEDED;
        }
        return DepthUpdateOutcome.BUFFERED;
    }

    /**
     * Take a parsed REST depth snapshot of this symbol. A snapshot that arrives before any event is applied too: the
     * sequence check on the events that follow finds any gap after it.
     *
     * @param snapshot the snapshot, as parsed by {@link BinanceMessageParser}.
     * @return what was done; when {@link SnapshotOutcome#snapshotNeeded()}, fetch another.
     */
    public SnapshotOutcome onSnapshot(final DepthSnapshot snapshot)
    {
        if (book.state() == BookState.LIVE)
        {
            snapshotsNotAwaited++;
            return SnapshotOutcome.NOT_AWAITED;
        }

        final long lastUpdateId = snapshot.lastUpdateId();
        if (!pending.isEmpty() && lastUpdateId < pending.firstUpdateId(0))
        {
            snapshotsTooOld++;
            snapshotRequests++;
            return SnapshotOutcome.TOO_OLD;
        }

        book.clear();
        book.load(snapshot.bids(), snapshot.asks());
        book.lastUpdateId(lastUpdateId);
        lastSnapshotUpdateId = lastUpdateId;
        firstAppliedFirstUpdateId = NULL_UPDATE_ID;
        if (book.isCrossed())
        {
            crossedBooks++;
            discard();
            return SnapshotOutcome.CROSSED;
        }

        int covered = 0;
        while (covered < pending.size() && pending.finalUpdateId(covered) <= lastUpdateId)
        {
            covered++;
        }
        droppedBufferedEvents += covered;
        pending.dropFirst(covered);

        return applyBuffered();
    }

    /**
     * Discard the book and the buffered events and start again from {@link BookState#EMPTY}, e.g. after the
     * WebSocket reconnects; the next event asks for a snapshot.
     */
    public void restart()
    {
        book.clear();
        pending.clear();
        book.state(BookState.EMPTY);
    }

    /**
     * Whether a snapshot has been asked for and not yet applied.
     *
     * @return true while {@link BookState#SYNCING} or {@link BookState#RESYNC_NEEDED}.
     */
    public boolean isAwaitingSnapshot()
    {
        final BookState state = book.state();
        return state == BookState.SYNCING || state == BookState.RESYNC_NEEDED;
    }

    /**
     * Events buffered while a snapshot is awaited.
     *
     * @return the number of events.
     */
    public int bufferedEvents()
    {
        return pending.size();
    }

    /**
     * First update id {@code U} of the oldest buffered event: a snapshot must be at least this recent.
     *
     * @return the id, or {@link #NULL_UPDATE_ID} when nothing is buffered.
     */
    public long firstBufferedUpdateId()
    {
        return pending.isEmpty() ? NULL_UPDATE_ID : pending.firstUpdateId(0);
    }

    /**
     * {@code lastUpdateId} of the last snapshot loaded.
     *
     * @return the id, or {@link #NULL_UPDATE_ID} before any.
     */
    public long lastSnapshotUpdateId()
    {
        return lastSnapshotUpdateId;
    }

    /**
     * First update id {@code U} of the first event applied after the last snapshot loaded.
     *
     * @return the id, or {@link #NULL_UPDATE_ID} if none has been applied since.
     */
    public long firstAppliedFirstUpdateId()
    {
        return firstAppliedFirstUpdateId;
    }

    /**
     * Events applied to the book.
     *
     * @return the count since construction.
     */
    public long appliedEvents()
    {
        return appliedEvents;
    }

    /**
     * Events ignored because the book already held everything in them.
     *
     * @return the count since construction.
     */
    public long staleEvents()
    {
        return staleEvents;
    }

    /**
     * Buffered events dropped because a snapshot covered them ({@code u <= lastUpdateId}).
     *
     * @return the count since construction.
     */
    public long droppedBufferedEvents()
    {
        return droppedBufferedEvents;
    }

    /**
     * Buffered events dropped, oldest first, because the buffer was full.
     *
     * @return the count since construction.
     */
    public long overflowDroppedEvents()
    {
        return pending.overflowDrops();
    }

    /**
     * Gaps in the update sequence detected.
     *
     * @return the count since construction.
     */
    public long gaps()
    {
        return gaps;
    }

    /**
     * Books found crossed, and discarded.
     *
     * @return the count since construction.
     */
    public long crossedBooks()
    {
        return crossedBooks;
    }

    /**
     * Events rejected because they were for another symbol.
     *
     * @return the count since construction.
     */
    public long wrongSymbolEvents()
    {
        return wrongSymbolEvents;
    }

    /**
     * Times the caller was told to fetch a snapshot.
     *
     * @return the count since construction.
     */
    public long snapshotRequests()
    {
        return snapshotRequests;
    }

    /**
     * Snapshots applied that left the book {@link BookState#LIVE}.
     *
     * @return the count since construction.
     */
    public long snapshotsApplied()
    {
        return snapshotsApplied;
    }

    /**
     * Snapshots refused because they were older than the first buffered event.
     *
     * @return the count since construction.
     */
    public long snapshotsTooOld()
    {
        return snapshotsTooOld;
    }

    /**
     * Snapshots ignored because the book was live.
     *
     * @return the count since construction.
     */
    public long snapshotsNotAwaited()
    {
        return snapshotsNotAwaited;
    }

    private DepthUpdateOutcome applyLive(final DepthUpdate update)
    {
        final long firstUpdateId = update.firstUpdateId();
        final long finalUpdateId = update.finalUpdateId();
        final long bookUpdateId = book.lastUpdateId();
        if (finalUpdateId <= bookUpdateId)
        {
            staleEvents++;
            return DepthUpdateOutcome.STALE;
        }
        if (firstUpdateId > bookUpdateId + 1)
        {
            gaps++;
            discard();
            pending.add(update);
            return DepthUpdateOutcome.GAP;
        }

        final PriceLevels bids = update.bids();
        final PriceLevels asks = update.asks();
        applyLevels(bids.prices(), bids.quantities(), 0, bids.size(), asks.prices(), asks.quantities(), 0, asks.size());
        applied(firstUpdateId, finalUpdateId);
        if (book.isCrossed())
        {
            crossedBooks++;
            discard();
            return DepthUpdateOutcome.CROSSED;
        }
        return DepthUpdateOutcome.APPLIED;
    }

    private SnapshotOutcome applyBuffered()
    {
        final long[] prices = pending.prices();
        final long[] quantities = pending.quantities();
        for (int i = 0, size = pending.size(); i < size; i++)
        {
            final long firstUpdateId = pending.firstUpdateId(i);
            final long finalUpdateId = pending.finalUpdateId(i);
            final long bookUpdateId = book.lastUpdateId();
            if (finalUpdateId <= bookUpdateId)
            {
                staleEvents++;
                continue;
            }
            if (firstUpdateId > bookUpdateId + 1)
            {
                gaps++;
                pending.dropFirst(i);
                book.clear();
                book.state(BookState.RESYNC_NEEDED);
                snapshotRequests++;
                return SnapshotOutcome.GAP;
            }

            final int start = pending.levelStart(i);
            final int bidCount = pending.bidCount(i);
            applyLevels(prices, quantities, start, bidCount, prices, quantities, start + bidCount, pending.askCount(i));
            applied(firstUpdateId, finalUpdateId);
            if (book.isCrossed())
            {
                crossedBooks++;
                discard();
                return SnapshotOutcome.CROSSED;
            }
        }

        pending.clear();
        book.state(BookState.LIVE);
        snapshotsApplied++;
        return SnapshotOutcome.APPLIED;
    }

    private void applyLevels(
        final long[] bidPrices,
        final long[] bidQuantities,
        final int bidStart,
        final int bidCount,
        final long[] askPrices,
        final long[] askQuantities,
        final int askStart,
        final int askCount)
    {
        for (int i = bidStart, end = bidStart + bidCount; i < end; i++)
        {
            book.setBid(bidPrices[i], bidQuantities[i]);
        }
        for (int i = askStart, end = askStart + askCount; i < end; i++)
        {
            book.setAsk(askPrices[i], askQuantities[i]);
        }
    }

    private void applied(final long firstUpdateId, final long finalUpdateId)
    {
        book.lastUpdateId(finalUpdateId);
        appliedEvents++;
        if (firstAppliedFirstUpdateId == NULL_UPDATE_ID)
        {
            firstAppliedFirstUpdateId = firstUpdateId;
        }
    }

    private void discard()
    {
        book.clear();
        pending.clear();
        book.state(BookState.RESYNC_NEEDED);
        snapshotRequests++;
    }
}
