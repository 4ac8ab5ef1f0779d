package io.bastion.venuesim.engine;

/**
 * Where an order stands.
 */
public enum OrderStatus
{
    /** Accepted, nothing filled yet. */
    NEW,

    /** Some quantity filled, some still working. */
    PARTIALLY_FILLED,

    /** Done: its whole quantity filled, or it was replaced down to no more than its filled quantity. */
    FILLED,

    /** Done: canceled on request, or its remainder canceled by its type or time in force. */
    CANCELED
}
