package io.bastion.oms;

import io.bastion.sbe.OrdType;
import io.bastion.sbe.TimeInForce;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a venue accepts and how it behaves, so the OMS refuses clearly what the venue cannot take instead of letting
 * the venue reject it, and knows what a venue disconnect means for working orders.
 *
 * @param ordTypes           order types the venue accepts.
 * @param timeInForces       times in force the venue accepts.
 * @param replace            whether the venue takes OrderCancelReplaceRequest (35=G).
 * @param cancelOnDisconnect whether the venue cancels working orders when the session drops; if so the OMS reports
 *                           them cancelled when the venue logs out.
 */
public record VenueRules(
    Set<OrdType> ordTypes, Set<TimeInForce> timeInForces, boolean replace, boolean cancelOnDisconnect)
{
    /**
     * Market and limit orders; Day, GTC, IOC, FOK and GTD; replace supported; orders survive a disconnect.
     */
    public static final VenueRules DEFAULT = new VenueRules(
        EnumSet.of(OrdType.MARKET, OrdType.LIMIT),
        EnumSet.of(TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTD),
        true,
        false);

    /**
     * Copies the sets so the rules cannot change under the OMS.
     */
    public VenueRules
    {
        ordTypes = Set.copyOf(ordTypes);
        timeInForces = Set.copyOf(timeInForces);
    }
}
