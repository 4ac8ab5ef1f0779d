package io.bastion.risk;

/**
 * The numeric limits of the pre-trade controls, each with the property name it is configured under and its unit.
 * Where a limit is set at several scopes, the account's own value (account and symbol, else account, else the global
 * default) applies, capped by the instrument's and the venue's (see {@link LimitSet#limit}).
 */
public enum LimitType
{
    /** Largest quantity of one order, new or replaced. */
    MAX_ORDER_QTY("maxOrderQty", Unit.QUANTITY),
    /** Largest notional of one order: quantity times limit price, stop price, or the reference price (market). */
    MAX_ORDER_NOTIONAL("maxOrderNotional", Unit.MONEY),
    /** Price collar: a limit price may be at most this percentage away from the reference price. */
    COLLAR_PERCENT("collarPercent", Unit.PERCENT),
    /** Price collar: a limit price may be at most this many ticks away from the reference price. */
    COLLAR_TICKS("collarTicks", Unit.COUNT),
    /** Oldest reference price the collar and market-order valuation accept, milliseconds. */
    MAX_REFERENCE_AGE_MS("maxReferenceAgeMs", Unit.MILLISECONDS),
    /** Gross open notional of an account: its positions at reference prices plus its working orders. */
    CREDIT_LIMIT("creditLimit", Unit.MONEY),
    /** Largest long position in a symbol if every working buy order filled. */
    MAX_LONG_QTY("maxLongQty", Unit.QUANTITY),
    /** Largest short position in a symbol if every working sell order filled. */
    MAX_SHORT_QTY("maxShortQty", Unit.QUANTITY),
    /** Largest net position, long or short, in a symbol if every working order filled. */
    MAX_NET_QTY("maxNetQty", Unit.QUANTITY),
    /** The window the message throttles count over, milliseconds. */
    THROTTLE_WINDOW_MS("throttleWindowMs", Unit.MILLISECONDS),
    /** New, replace and cancel messages a session or an account may send within the window; more are rejected. */
    MAX_MESSAGES("maxMessages", Unit.COUNT),
    /** Messages within the window past which the session is logged out and its kill switch engaged. */
    MAX_MESSAGES_BEFORE_LOGOUT("maxMessagesBeforeLogout", Unit.COUNT),
    /** The window the repeated-execution throttle counts an account's fills over, milliseconds. */
    FILL_WINDOW_MS("fillWindowMs", Unit.MILLISECONDS),
    /** Fills an account may receive within the window; one more engages the account's kill switch. */
    MAX_FILLS("maxFills", Unit.COUNT),
    /**
     * Largest loss an account may make in a trading day, realised plus the change in unrealised P&amp;L at reference
     * prices; a loss past it engages the account's kill switch. Per account only (its own value, else the default).
     */
    MAX_DAILY_LOSS("maxDailyLoss", Unit.MONEY),
    /**
     * Optional: a new order with the same side, symbol, quantity and price as one the account sent within this many
     * milliseconds is refused as a duplicate. Not set, the check is off.
     */
    DUPLICATE_WINDOW_MS("duplicateWindowMs", Unit.MILLISECONDS);

    /** How a limit's value is written and held. */
    public enum Unit
    {
        /** A quantity: fixed-point mantissa. */
        QUANTITY,
        /** An amount of money: fixed-point mantissa. */
        MONEY,
        /** A percentage: fixed-point mantissa (5 is 5%). */
        PERCENT,
        /** A whole number. */
        COUNT,
        /** A duration in milliseconds, a whole number. */
        MILLISECONDS
    }

    private static final LimitType[] VALUES = values();

    private final String property;
    private final Unit unit;

    LimitType(final String property, final Unit unit)
    {
        this.property = property;
        this.unit = unit;
    }

    /**
     * @return the name the limit has in the configuration.
     */
    public String property()
    {
        return property;
    }

    /**
     * @return its unit.
     */
    public Unit unit()
    {
        return unit;
    }

    /**
     * @param property a property name.
     * @return the limit configured under it, or null.
     */
    public static LimitType ofProperty(final String property)
    {
        for (final LimitType type : VALUES)
        {
            if (type.property.equals(property))
            {
                return type;
            }
        }
        return null;
    }

    /**
     * @return true for the limits of a single order (quantity, notional, collar, reference age): the ones a client
     * session or a trader may cap.
     */
    public boolean isPerOrder()
    {
        return this == MAX_ORDER_QTY || this == MAX_ORDER_NOTIONAL || this == COLLAR_PERCENT || this == COLLAR_TICKS ||
            this == MAX_REFERENCE_AGE_MS;
    }

    static int count()
    {
        return VALUES.length;
    }
}
