package io.bastion.oms;

import io.bastion.sbe.ClientNewOrderDecoder;

/**
 * Defaults and property names of the OMS. Properties are read from the {@code oms.*} keys of
 * {@code bastion.properties} by the launcher and applied to an {@link OmsContext}.
 */
public final class OmsConfiguration
{
    /** Longest ClOrdID. */
    public static final int CL_ORD_ID_LENGTH = ClientNewOrderDecoder.clOrdIdLength();

    /** Longest account. */
    public static final int ACCOUNT_LENGTH = ClientNewOrderDecoder.accountLength();

    /** Longest symbol. */
    public static final int SYMBOL_LENGTH = ClientNewOrderDecoder.symbolLength();

    /** Longest venue name. */
    public static final int VENUE_NAME_LENGTH = ClientNewOrderDecoder.exDestinationLength();

    /** Longest venue OrderID. */
    public static final int ORDER_ID_LENGTH = 64;

    /** Length of a venue ExecID. */
    public static final int EXEC_ID_LENGTH = io.bastion.sbe.VenueExecutionDecoder.venueExecIdLength();

    /** Fragments read per duty cycle. */
    public static final int FRAGMENT_LIMIT = 64;

    /** Property: comma-separated symbols the OMS trades. */
    public static final String SYMBOLS_PROP = "oms.symbols";

    /** Property prefix: {@code oms.route.<SYMBOL>=<VENUE>} routes a symbol to a venue. */
    public static final String ROUTE_PROP_PREFIX = "oms.route.";

    /** Property: venue for symbols without a route and orders without ExDestination. */
    public static final String DEFAULT_VENUE_PROP = "oms.defaultVenue";

    /** Property: orders held in memory (working and recently finished). */
    public static final String ORDER_CAPACITY_PROP = "oms.orderCapacity";

    /** Default of {@link #ORDER_CAPACITY_PROP}. */
    public static final int ORDER_CAPACITY_DEFAULT = 100_000;

    /**
     * Requests (new, cancel, replace) pooled per order of {@link #ORDER_CAPACITY_PROP}. Orders share the pool; when it
     * runs out the oldest finished orders are recycled.
     */
    public static final int REQUESTS_PER_ORDER = 2;

    /**
     * Executions pooled per order of {@link #ORDER_CAPACITY_PROP}, kept for duplicate detection, busts and
     * corrections. Orders share the pool; when it runs out the oldest finished orders are recycled.
     */
    public static final int FILLS_PER_ORDER = 4;

    /** Property: positions file (Chronicle Map), relative to the data directory unless absolute. */
    public static final String POSITIONS_FILE_PROP = "oms.positionsFile";

    /** Default of {@link #POSITIONS_FILE_PROP}. */
    public static final String POSITIONS_FILE_DEFAULT = "positions.cmap";

    /** Property: file keeping the engaged kill switches across restarts, under the data directory. */
    public static final String KILL_SWITCH_FILE_PROP = "oms.killSwitchFile";

    /** Default of {@link #KILL_SWITCH_FILE_PROP}. */
    public static final String KILL_SWITCH_FILE_DEFAULT = "killswitches.state";

    /** Property: file keeping the risk limit changes made at run time, under the data directory. */
    public static final String LIMIT_CHANGE_FILE_PROP = "oms.limitChangeFile";

    /** Default of {@link #LIMIT_CHANGE_FILE_PROP}. */
    public static final String LIMIT_CHANGE_FILE_DEFAULT = "limits.changes";

    /** Property: file keeping the trading halts across restarts, under the data directory. */
    public static final String TRADING_HALT_FILE_PROP = "oms.tradingHaltFile";

    /** Default of {@link #TRADING_HALT_FILE_PROP}. */
    public static final String TRADING_HALT_FILE_DEFAULT = "halts.state";

    /** Property: how many positions the file holds. */
    public static final String POSITION_ENTRIES_PROP = "oms.positionEntries";

    /** Default of {@link #POSITION_ENTRIES_PROP}. */
    public static final long POSITION_ENTRIES_DEFAULT = 100_000;

    /** Property: local time the trading day ends (HH:mm or HH:mm:ss); empty for none. */
    public static final String TRADING_DAY_END_PROP = "oms.tradingDay.end";

    /** Property: time zone of {@link #TRADING_DAY_END_PROP}. */
    public static final String TRADING_DAY_ZONE_PROP = "oms.tradingDay.zone";

    /** Property pattern {@code venue.<NAME>.ordTypes}: order types the venue takes, by name (MARKET,LIMIT,...). */
    public static final String VENUE_ORD_TYPES_SUFFIX = ".ordTypes";

    /** Property pattern {@code venue.<NAME>.timeInForces}: times in force the venue takes (DAY,GTC,IOC,...). */
    public static final String VENUE_TIME_IN_FORCES_SUFFIX = ".timeInForces";

    /** Property pattern {@code venue.<NAME>.replace}: whether the venue takes cancel/replace. */
    public static final String VENUE_REPLACE_SUFFIX = ".replace";

    /** Property pattern {@code venue.<NAME>.cancelOnDisconnect}: whether the venue cancels orders on logout. */
    public static final String VENUE_CANCEL_ON_DISCONNECT_SUFFIX = ".cancelOnDisconnect";

    /** Prefix of per-venue properties. */
    public static final String VENUE_PROP_PREFIX = "venue.";

    private OmsConfiguration()
    {
    }
}
