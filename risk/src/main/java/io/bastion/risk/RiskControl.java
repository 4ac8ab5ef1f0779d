package io.bastion.risk;

import io.bastion.sbe.OrdRejReason;

/**
 * The pre-trade controls; {@link #NONE} means every control passed. The name is the prefix of a rejection's text, and
 * each carries the FIX OrdRejReason (103) its rejections get.
 */
public enum RiskControl
{
    /** Every control passed. */
    NONE(OrdRejReason.NULL_VAL),
    /** Too many new, replace and cancel messages from the session or the account within the throttle's window. */
    THROTTLE(OrdRejReason.OTHER),
    /** The account's repeated-execution throttle (fills within a window) is not configured. */
    FILL_THROTTLE(OrdRejReason.BROKER_OPTION),
    /**
     * The account has no daily loss limit configured, or its loss for the day has passed the limit and the order does
     * not reduce its position.
     */
    DAILY_LOSS(OrdRejReason.BROKER_OPTION),
    /** The account sent an order with the same side, symbol, quantity and price within its duplicate window. */
    DUPLICATE_ORDER(OrdRejReason.DUPLICATE_ORDER),
    /** The account is not in the configuration (or the order has none and its session no default). */
    UNKNOWN_ACCOUNT(OrdRejReason.UNKNOWN_ACCOUNT),
    /** A kill switch covering the order is engaged (and the order does not reduce the position it allows). */
    KILL_SWITCH(OrdRejReason.BROKER_OPTION),
    /** The venue or the instrument is halted. */
    TRADING_HALT(OrdRejReason.EXCHANGE_CLOSED),
    /** The venue or the instrument is outside its trading hours. */
    TRADING_HOURS(OrdRejReason.EXCHANGE_CLOSED),
    /** The order would trade with a working order of its account or its account's self-match group. */
    SELF_MATCH(OrdRejReason.OTHER),
    /** The account may not trade the instrument, or has no instrument permissions configured. */
    NOT_PERMITTED(OrdRejReason.BROKER_OPTION),
    /** The instrument is on the global or the account's restricted list. */
    RESTRICTED(OrdRejReason.BROKER_OPTION),
    /** Order quantity above the maximum per order. */
    MAX_ORDER_QTY(OrdRejReason.ORDER_EXCEEDS_LIMIT),
    /** Order notional (quantity times limit, stop or reference price) above the maximum per order. */
    MAX_ORDER_NOTIONAL(OrdRejReason.ORDER_EXCEEDS_LIMIT),
    /** Limit price outside the band around the reference price, or no fresh reference price to check it against. */
    PRICE_COLLAR(OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND),
    /** No room left to track the account's exposure in the symbol: the order cannot be checked, so it is refused. */
    RISK_CAPACITY(OrdRejReason.OTHER),
    /** The account's gross open notional (positions plus working orders plus this order) above its credit limit. */
    CREDIT_LIMIT(OrdRejReason.ORDER_EXCEEDS_LIMIT),
    /** The long position the account would have if every working buy order filled, above the maximum. */
    MAX_LONG_QTY(OrdRejReason.ORDER_EXCEEDS_LIMIT),
    /** The short position the account would have if every working sell order filled, above the maximum. */
    MAX_SHORT_QTY(OrdRejReason.ORDER_EXCEEDS_LIMIT),
    /** The net position the account would have if every working order filled, above the maximum and growing. */
    MAX_NET_QTY(OrdRejReason.ORDER_EXCEEDS_LIMIT);

    private final OrdRejReason ordRejReason;

    RiskControl(final OrdRejReason ordRejReason)
    {
        this.ordRejReason = ordRejReason;
    }

    /**
     * @return the OrdRejReason (103) of a rejection by this control.
     */
    public OrdRejReason ordRejReason()
    {
        return ordRejReason;
    }
}
