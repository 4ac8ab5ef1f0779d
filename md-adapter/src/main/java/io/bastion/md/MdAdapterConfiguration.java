package io.bastion.md;

/**
 * Defaults and system property names of the market-data adapter's settings; no setting is read anywhere else.
 */
public final class MdAdapterConfiguration
{
    /** Property: levels a book holds per side before dropping the farthest. */
    public static final String BOOK_MAX_LEVELS_PER_SIDE_PROP_NAME = "bastion.md.book.max.levels.per.side";

    /** Default: twice Binance's largest snapshot (5000 levels), room for levels added beyond it by updates. */
    public static final int BOOK_MAX_LEVELS_PER_SIDE_DEFAULT = 10_000;

    /** Property: levels a book allocates per side at construction. */
    public static final String BOOK_INITIAL_LEVELS_PER_SIDE_PROP_NAME = "bastion.md.book.initial.levels.per.side";

    /** Default levels a book allocates per side at construction. */
    public static final int BOOK_INITIAL_LEVELS_PER_SIDE_DEFAULT = 1024;

    /** Property: diff-depth events buffered per symbol while a snapshot is awaited. */
    public static final String SYNC_MAX_BUFFERED_EVENTS_PROP_NAME = "bastion.md.sync.max.buffered.events";

    /** Default: at 10 events a second, well over a minute of waiting for a snapshot. */
    public static final int SYNC_MAX_BUFFERED_EVENTS_DEFAULT = 1024;

    /** Property: price levels buffered per symbol, across buffered events. */
    public static final String SYNC_MAX_BUFFERED_LEVELS_PROP_NAME = "bastion.md.sync.max.buffered.levels";

    /** Default price levels buffered per symbol. */
    public static final int SYNC_MAX_BUFFERED_LEVELS_DEFAULT = 65_536;

    private MdAdapterConfiguration()
    {
    }

    /**
     * Levels a book holds per side.
     *
     * @return {@value #BOOK_MAX_LEVELS_PER_SIDE_PROP_NAME} or its default.
     */
    public static int bookMaxLevelsPerSide()
    {
        return Integer.getInteger(BOOK_MAX_LEVELS_PER_SIDE_PROP_NAME, BOOK_MAX_LEVELS_PER_SIDE_DEFAULT);
    }

    /**
     * Levels a book allocates per side at construction, at most {@link #bookMaxLevelsPerSide()}.
     *
     * @return {@value #BOOK_INITIAL_LEVELS_PER_SIDE_PROP_NAME} or its default.
     */
    public static int bookInitialLevelsPerSide()
    {
        return Math.min(
            bookMaxLevelsPerSide(),
            Integer.getInteger(BOOK_INITIAL_LEVELS_PER_SIDE_PROP_NAME, BOOK_INITIAL_LEVELS_PER_SIDE_DEFAULT));
    }

    /**
     * Diff-depth events buffered per symbol.
     *
     * @return {@value #SYNC_MAX_BUFFERED_EVENTS_PROP_NAME} or its default.
     */
    public static int syncMaxBufferedEvents()
    {
        return Integer.getInteger(SYNC_MAX_BUFFERED_EVENTS_PROP_NAME, SYNC_MAX_BUFFERED_EVENTS_DEFAULT);
    }

    /**
     * Price levels buffered per symbol.
     *
     * @return {@value #SYNC_MAX_BUFFERED_LEVELS_PROP_NAME} or its default.
     */
    public static int syncMaxBufferedLevels()
    {
        return Integer.getInteger(SYNC_MAX_BUFFERED_LEVELS_PROP_NAME, SYNC_MAX_BUFFERED_LEVELS_DEFAULT);
    }
}
