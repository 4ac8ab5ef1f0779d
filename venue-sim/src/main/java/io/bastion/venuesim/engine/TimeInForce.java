package io.bastion.venuesim.engine;

/**
 * How long an order may work.
 */
public enum TimeInForce
{
    /** Rests until canceled; the simulator has no end of day, so it behaves like {@link #GOOD_TILL_CANCEL}. */
    DAY,

    /** Rests until canceled. */
    GOOD_TILL_CANCEL,

    /** Immediate or cancel: trades what it can on arrival, the remainder is canceled. */
    IMMEDIATE_OR_CANCEL,

    /** Fill or kill: trades its whole quantity on arrival or nothing at all. */
    FILL_OR_KILL;

    /**
     * Whether an order with this time in force may rest in the book.
     *
     * @return true for {@link #DAY} and {@link #GOOD_TILL_CANCEL}.
     */
    public boolean mayRest()
    {
        return this == DAY || this == GOOD_TILL_CANCEL;
    }
}
