package io.bastion.venuesim.engine;

/**
 * Outcome codes of the engine's commands; {@link #NONE} means the command was carried out.
 */
public enum RejectReason
{
    /** Carried out. */
    NONE,

    /** No book for the symbol. */
    UNKNOWN_SYMBOL,

    /** The order id is not positive (negative ids belong to house orders). */
    INVALID_ORDER_ID,

    /** An order with this id is already working. */
    DUPLICATE_ORDER_ID,

    /** Quantity is not positive. */
    INVALID_QUANTITY,

    /** A limit price is missing or not positive. */
    INVALID_PRICE,

    /** No working order has this id: never known, or already done. */
    UNKNOWN_ORDER
}
