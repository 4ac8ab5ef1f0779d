package io.bastion.oms;

import io.bastion.sbe.OrdStatus;

/**
 * The life of an order as the OMS tracks it. Pending cancel and pending replace are requests over these, not states
 * of their own; {@link Order#ordStatus()} applies FIX's precedence to combine them.
 */
enum OrderState
{
    PENDING_NEW(OrdStatus.PENDING_NEW, false),
    NEW(OrdStatus.NEW, false),
    PARTIALLY_FILLED(OrdStatus.PARTIALLY_FILLED, false),
    FILLED(OrdStatus.FILLED, true),
    DONE_FOR_DAY(OrdStatus.DONE_FOR_DAY, true),
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
