package io.bastion.md;

/**
 * A Binance REST depth snapshot ({@code GET /api/v3/depth}) as primitives: {@code lastUpdateId} and the bid and ask
 * levels. Reused by {@link BinanceMessageParser#parseSnapshot}; the symbol is not in the body but in the request.
 */
public final class DepthSnapshot
{
    private final PriceLevels bids = new PriceLevels();
    private final PriceLevels asks = new PriceLevels();
    private long lastUpdateId;

    /**
     * The last update id the snapshot includes.
     *
     * @return the id.
     */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    /**
     * Bid levels, best first as Binance sends them.
     *
     * @return the levels, reused.
     */
    public PriceLevels bids()
    {
        return bids;
    }

    /**
     * Ask levels, best first as Binance sends them.
     *
     * @return the levels, reused.
     */
    public PriceLevels asks()
    {
        return asks;
    }

    void reset()
    {
        lastUpdateId = 0;
        bids.clear();
        asks.clear();
    }

    void lastUpdateId(final long lastUpdateId)
    {
        this.lastUpdateId = lastUpdateId;
    }
}
