package io.bastion.md;

import java.nio.charset.StandardCharsets;

/**
 * One Binance diff-depth event ({@code depthUpdate}) as primitives: reused for every frame by
 * {@link BinanceMessageParser#parseStreamFrame}, so it is valid only until the next parse.
 */
public final class DepthUpdate
{
    /** Longest symbol accepted, in ASCII bytes. */
    public static final int MAX_SYMBOL_LENGTH = 32;

    private final byte[] symbol = new byte[MAX_SYMBOL_LENGTH];
    private final PriceLevels bids = new PriceLevels();
    private final PriceLevels asks = new PriceLevels();
    private int symbolLength;
    private long eventTimeMs;
    private long firstUpdateId;
    private long finalUpdateId;

    /**
     * Binance's event time ({@code E}).
     *
     * @return epoch milliseconds, or 0 if the frame carried none.
     */
    public long eventTimeMs()
    {
        return eventTimeMs;
    }

    /**
     * First update id in the event ({@code U}).
     *
     * @return the id.
     */
    public long firstUpdateId()
    {
        return firstUpdateId;
    }

    /**
     * Final update id in the event ({@code u}).
     *
     * @return the id.
     */
    public long finalUpdateId()
    {
        return finalUpdateId;
    }

    /**
     * Bid levels to set ({@code b}); quantity 0 removes a level.
     *
     * @return the levels, reused.
     */
    public PriceLevels bids()
    {
        return bids;
    }

    /**
     * Ask levels to set ({@code a}); quantity 0 removes a level.
     *
     * @return the levels, reused.
     */
    public PriceLevels asks()
    {
        return asks;
    }

    /**
     * Length of the symbol ({@code s}) in bytes.
     *
     * @return the length.
     */
    public int symbolLength()
    {
        return symbolLength;
    }

    /**
     * Compare the symbol without allocating.
     *
     * @param asciiSymbol the symbol as ASCII bytes, e.g. {@code NKNUSDT}.
     * @return true if the event is for that symbol.
     */
    public boolean symbolEquals(final byte[] asciiSymbol)
    {
        if (asciiSymbol.length != symbolLength)
        {
            return false;
        }
        for (int i = 0; i < symbolLength; i++)
        {
            if (asciiSymbol[i] != symbol[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The symbol as a new {@link String}; for the edges (logs, lookups of a new symbol), not the hot path.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII);
    }

    void reset()
    {
        symbolLength = 0;
        eventTimeMs = 0;
        firstUpdateId = 0;
        finalUpdateId = 0;
        bids.clear();
        asks.clear();
    }

    byte[] symbolBytes()
    {
        return symbol;
    }

    void symbolLength(final int length)
    {
        symbolLength = length;
    }

    void eventTimeMs(final long eventTimeMs)
    {
        this.eventTimeMs = eventTimeMs;
    }

    void firstUpdateId(final long firstUpdateId)
    {
        this.firstUpdateId = firstUpdateId;
    }

    void finalUpdateId(final long finalUpdateId)
    {
        this.finalUpdateId = finalUpdateId;
    }
}
