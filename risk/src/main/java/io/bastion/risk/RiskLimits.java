package io.bastion.risk;

import io.bastion.protocol.FixedPoint;

/**
 * Limits the checks apply, as fixed-point mantissas. {@link FixedPoint#NULL_VALUE} means "not configured", and an
 * unconfigured limit rejects every order (risk fails closed).
 *
 * @param maxOrderQty      largest quantity one order may have.
 * @param maxOrderNotional largest notional (quantity times price) one limit order may have.
 */
public record RiskLimits(long maxOrderQty, long maxOrderNotional)
{
    /** No limit configured: every order is rejected. */
    public static final RiskLimits NONE = new RiskLimits(FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE);
}
