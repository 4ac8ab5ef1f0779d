package io.bastion.venuesim.engine;

/**
 * Side of an order.
 */
public enum Side
{
    /** Buys: rests on the bid side, trades against asks. */
    BUY,

    /** Sells: rests on the ask side, trades against bids. */
    SELL;

    /**
     * The side this one trades against.
     *
     * @return {@link #SELL} for {@link #BUY} and the other way round.
     */
    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }
}
