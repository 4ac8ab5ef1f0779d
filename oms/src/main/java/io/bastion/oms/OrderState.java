package io.bastion.oms;

import io.bastion.sbe.OrdStatus;

/**
 * The life of an order as the OMS tracks it; pending cancel is a flag over these, not a state of its own.
 */
enum OrderState
{
    PENDING_NEW(OrdStatus.PENDING_NEW, false),
    NEW(OrdStatus.NEW, false),
    PARTIALLY_FILLED(OrdStatus.PARTIALLY_FILLED, false),
    FILLED(OrdStatus.FILLED, true),
    CANCELED(OrdStatus.CANCELED, true),
    REJECTED(OrdStatus.REJECTED, true),
    EXPIRED(OrdStatus.EXPIRED, true);

    private final OrdStatus ordStatus;
    private final boolean terminal;

    OrderState(final OrdStatus ordStatus, final boolean terminal)
    {
        this.ordStatus = ordStatus;
        this.terminal = terminal;
    }

    OrdStatus ordStatus()
    {
        return ordStatus;
    }

    boolean isTerminal()
    {
        return terminal;
    }
}
