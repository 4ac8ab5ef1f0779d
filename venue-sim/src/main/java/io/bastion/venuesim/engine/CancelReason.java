package io.bastion.venuesim.engine;

/**
 * Why the engine canceled an order, or what was left of it.
 */
public enum CancelReason
{
    /** The owner asked. */
    REQUESTED,

    /** A market order found no more liquidity; market orders never rest. */
    MARKET_REMAINDER,

    /** The remainder of an immediate-or-cancel order. */
    IMMEDIATE_OR_CANCEL_REMAINDER,

    /** A fill-or-kill order could not be filled completely on arrival; nothing traded. */
    FILL_OR_KILL_UNFILLED
}
