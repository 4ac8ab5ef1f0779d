package io.bastion.venuesim.engine;

/**
 * How an order is priced.
 */
public enum OrderType
{
    /** Trades at any price; never rests, its unfilled remainder is canceled. */
    MARKET,

    /** Trades at its limit price or better; what is left rests unless its time in force says otherwise. */
    LIMIT
}
