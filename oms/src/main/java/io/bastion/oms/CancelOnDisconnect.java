package io.bastion.oms;

import io.bastion.sbe.TimeInForce;

/**
 * What happens to a client session's working orders when the session logs out or its connection drops, chosen per
 * session ({@code CancelOnDisconnect} in clients.cfg).
 */
public enum CancelOnDisconnect
{
    /** Orders keep working (the default). */
    OFF,
    /** Orders that end with the day (Day, IOC, FOK) are cancelled at their venues; GTC and GTD orders keep working. */
    DAY,
    /** Every working order is cancelled at its venue, GTC and GTD included. */
    ALL;

    /**
     * @param timeInForce an order's time in force.
     * @return true when this policy cancels such an order.
     */
    public boolean cancels(final TimeInForce timeInForce)
    {
        return this == ALL || (this == DAY && timeInForce != TimeInForce.GTC && timeInForce != TimeInForce.GTD);
    }
}
