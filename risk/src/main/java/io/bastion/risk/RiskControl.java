package io.bastion.risk;

/**
 * The pre-trade controls; {@link #NONE} means every control passed. The name is the prefix of a rejection's text.
 */
public enum RiskControl
{
    /** Every control passed. */
    NONE,
    /** Order quantity above the maximum per order. */
    MAX_ORDER_QTY,
    /** Order notional (quantity times limit price) above the maximum per order. */
    MAX_ORDER_NOTIONAL
}
