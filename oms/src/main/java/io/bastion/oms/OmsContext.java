package io.bastion.oms;

import io.aeron.Aeron;
import io.bastion.protocol.Streams;
import io.bastion.risk.LimitSet;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.File;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting and dependency of the OMS; {@link #conclude()} validates them once, at start.
 */
public final class OmsContext
{
    private Aeron aeron;
    private String channel = Streams.IPC_CHANNEL;
    private int inboundStreamId = Streams.OMS_INBOUND_STREAM_ID;
    private int outboundStreamId = Streams.OMS_OUTBOUND_STREAM_ID;
    private EpochNanoClock clock = new SystemEpochNanoClock();
    private final List<String> venueNames = new ArrayList<>();
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, String> routes = new LinkedHashMap<>();
    private String defaultVenue;
    private int orderCapacity = OmsConfiguration.ORDER_CAPACITY_DEFAULT;
    private File positionsFile;
    private File killSwitchFile;
    private File tradingHaltFile;
    private File limitChangeFile;
    private long positionEntries = OmsConfiguration.POSITION_ENTRIES_DEFAULT;
    private LimitSet limits;
    private final Map<Integer, String> defaultAccounts = new LinkedHashMap<>();
    private final Map<Integer, CancelOnDisconnect> cancelOnDisconnect = new LinkedHashMap<>();
    private final Map<Integer, String> sessionNames = new LinkedHashMap<>();
    private long idBase = -1;
    private final Map<String, VenueRules> venueRules = new LinkedHashMap<>();
    private LocalTime tradingDayEnd;
    private ZoneId tradingZone = ZoneOffset.UTC;
    private boolean concluded;

    /**
     * Validate the settings; call once before use.
     *
     * @return this.
     * @throws IllegalStateException naming what is wrong.
     */
    public OmsContext conclude()
    {
        if (concluded)
        {
            throw new IllegalStateException("OmsContext already concluded");
        }
        require(positionsFile != null, "positionsFile is required");
        require(orderCapacity > 0, "orderCapacity must be positive: " + orderCapacity);
        require(!venueNames.isEmpty(), "at least one venue is required");
        for (final String venue : venueNames)
        {
            requireLength(venue, OmsConfiguration.VENUE_NAME_LENGTH, "venue name");
        }
        for (final String symbol : symbols)
        {
            requireLength(symbol, OmsConfiguration.SYMBOL_LENGTH, "symbol");
        }
        require(limits != null, "risk limits are required (risk fails closed)");
        for (final Map.Entry<Integer, String> entry : defaultAccounts.entrySet())
        {
            requireLength(entry.getValue(), OmsConfiguration.ACCOUNT_LENGTH, "default account");
            require(limits.isKnown(limits.accounts().find(entry.getValue())), "client session " + entry.getKey() +
                ": default account " + entry.getValue() + " is not in risk.accounts");
        }
        require(limits.symbols().names().equals(symbols),
            "risk limits were built for symbols " + limits.symbols().names() + ", not " + symbols);
        require(limits.venues().names().equals(venueNames),
            "risk limits were built for venues " + limits.venues().names() + ", not " + venueNames);
        require(limits.sessionNames().equals(sessionNames),
            "risk limits were built for client sessions " + limits.sessionNames() + ", not " + sessionNames);
        for (final Map.Entry<String, String> route : routes.entrySet())
        {
            require(symbols.contains(route.getKey()),
                "route for unknown symbol " + route.getKey() + " (add it to " + OmsConfiguration.SYMBOLS_PROP + ")");
            require(venueNames.contains(route.getValue()),
                "route " + route.getKey() + " -> unknown venue " + route.getValue());
        }
        require(defaultVenue == null || venueNames.contains(defaultVenue), "unknown default venue " + defaultVenue);
        if (idBase < 0)
        {
            idBase = clock.nanoTime() / 1000;
        }
        for (final String venue : venueRules.keySet())
        {
            require(venueNames.contains(venue), "venue rules for an unknown venue: " + venue);
        }
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }

    private static void requireLength(final String value, final int maxLength, final String what)
    {
        require(value != null && !value.isEmpty() && value.length() <= maxLength,
            what + " must have 1 to " + maxLength + " characters: '" + value + "'");
    }

    /** @return the Aeron client. */
    public Aeron aeron()
    {
        return aeron;
    }

    /** @param aeron the Aeron client. @return this. */
    public OmsContext aeron(final Aeron aeron)
    {
        this.aeron = aeron;
        return this;
    }

    /** @return channel of both streams. */
    public String channel()
    {
        return channel;
    }

    /** @param channel channel of both streams. @return this. */
    public OmsContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /** @return stream the OMS consumes. */
    public int inboundStreamId()
    {
        return inboundStreamId;
    }

    /** @param streamId stream the OMS consumes. @return this. */
    public OmsContext inboundStreamId(final int streamId)
    {
        this.inboundStreamId = streamId;
        return this;
    }

    /** @return stream the OMS publishes. */
    public int outboundStreamId()
    {
        return outboundStreamId;
    }

    /** @param streamId stream the OMS publishes. @return this. */
    public OmsContext outboundStreamId(final int streamId)
    {
        this.outboundStreamId = streamId;
        return this;
    }

    /** @return the clock, read once per duty cycle. */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /** @param clock the clock, read once per duty cycle. @return this. */
    public OmsContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /** @return venue names; the index of a name is its venue id. */
    public List<String> venueNames()
    {
        return venueNames;
    }

    /** @param names venue names in venue id order. @return this. */
    public OmsContext venueNames(final List<String> names)
    {
        venueNames.clear();
        venueNames.addAll(names);
        return this;
    }

    /** @return symbols the OMS accepts. */
    public List<String> symbols()
    {
        return symbols;
    }

    /** @param symbols symbols the OMS accepts. @return this. */
    public OmsContext symbols(final List<String> symbols)
    {
        this.symbols.clear();
        this.symbols.addAll(symbols);
        return this;
    }

    /** @return symbol to venue routes. */
    public Map<String, String> routes()
    {
        return routes;
    }

    /** @param symbol a symbol. @param venue its venue. @return this. */
    public OmsContext route(final String symbol, final String venue)
    {
        routes.put(symbol, venue);
        return this;
    }

    /** @return venue for unrouted symbols, or null. */
    public String defaultVenue()
    {
        return defaultVenue;
    }

    /** @param venue venue for unrouted symbols, or null for none. @return this. */
    public OmsContext defaultVenue(final String venue)
    {
        this.defaultVenue = venue;
        return this;
    }

    /** @return default account by client session number, for orders without Account (1). */
    public Map<Integer, String> defaultAccounts()
    {
        return defaultAccounts;
    }

    /**
     * @param sessionId client session number.
     * @param account   account its orders without Account (1) take.
     * @return this.
     */
    public OmsContext defaultAccount(final int sessionId, final String account)
    {
        defaultAccounts.put(sessionId, account);
        return this;
    }

    /** @return client session number to the client's CompID, for session-scoped risk limits and texts. */
    public Map<Integer, String> sessionNames()
    {
        return sessionNames;
    }

    /** @param names client session number to the client's CompID. @return this. */
    public OmsContext sessionNames(final Map<Integer, String> names)
    {
        sessionNames.putAll(names);
        return this;
    }

    /** @return cancel-on-disconnect policy by client session number (sessions not listed: OFF). */
    public Map<Integer, CancelOnDisconnect> cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    /**
     * @param sessionId client session number.
     * @param policy    what happens to its working orders when it disconnects.
     * @return this.
     */
    public OmsContext cancelOnDisconnect(final int sessionId, final CancelOnDisconnect policy)
    {
        cancelOnDisconnect.put(sessionId, policy);
        return this;
    }

    /** @return orders held in memory. */
    public int orderCapacity()
    {
        return orderCapacity;
    }

    /** @param capacity orders held in memory. @return this. */
    public OmsContext orderCapacity(final int capacity)
    {
        this.orderCapacity = capacity;
        return this;
    }

    /** @return positions file. */
    public File positionsFile()
    {
        return positionsFile;
    }

    /** @param file positions file. @return this. */
    public OmsContext positionsFile(final File file)
    {
        this.positionsFile = file;
        return this;
    }

    /** @return where engaged kill switches are kept across restarts, or null to keep them in memory only. */
    public File killSwitchFile()
    {
        return killSwitchFile;
    }

    /** @param file where engaged kill switches are kept across restarts, or null. @return this. */
    public OmsContext killSwitchFile(final File file)
    {
        this.killSwitchFile = file;
        return this;
    }

    /** @return where risk limit changes made at run time are kept, or null to keep them in memory only. */
    public File limitChangeFile()
    {
        return limitChangeFile;
    }

    /** @param file where risk limit changes made at run time are kept across restarts, or null. @return this. */
    public OmsContext limitChangeFile(final File file)
    {
        this.limitChangeFile = file;
        return this;
    }

    /** @return where trading halts are kept across restarts, or null to keep them in memory only. */
    public File tradingHaltFile()
    {
        return tradingHaltFile;
    }

    /** @param file where trading halts are kept across restarts, or null. @return this. */
    public OmsContext tradingHaltFile(final File file)
    {
        this.tradingHaltFile = file;
        return this;
    }

    /** @return capacity of the positions file. */
    public long positionEntries()
    {
        return positionEntries;
    }

    /** @param entries capacity of the positions file. @return this. */
    public OmsContext positionEntries(final long entries)
    {
        this.positionEntries = entries;
        return this;
    }

    /** @return pre-trade limits in force at start (built for {@link #symbols()} and {@link #venueNames()}). */
    public LimitSet limits()
    {
        return limits;
    }

    /** @param limits pre-trade limits in force at start. @return this. */
    public OmsContext limits(final LimitSet limits)
    {
        this.limits = limits;
        return this;
    }

    /**
     * @return whether {@link #conclude()} has run.
     */
    public boolean isConcluded()
    {
        return concluded;
    }

    /** @return first order, execution and venue ClOrdID number; from the clock (epoch micros) when unset. */
    public long idBase()
    {
        return idBase;
    }

    /** @param idBase first identifier number. @return this. */
    public OmsContext idBase(final long idBase)
    {
        this.idBase = idBase;
        return this;
    }
    /**
     * What a venue accepts; venues without rules get {@link VenueRules#DEFAULT}.
     *
     * @param venue venue name.
     * @param rules its rules.
     * @return this.
     */
    public OmsContext venueRules(final String venue, final VenueRules rules)
    {
        venueRules.put(venue, rules);
        return this;
    }

    /**
     * @param venue venue name.
     * @return its rules.
     */
    public VenueRules venueRules(final String venue)
    {
        return venueRules.getOrDefault(venue, VenueRules.DEFAULT);
    }

    /**
     * End of the trading day: Day orders still working are taken off the venue and reported done for day, and GTC
     * orders are restated (renewed) for the next day.
     *
     * @param end local time of day, or null for no end of day.
     * @return this.
     */
    public OmsContext tradingDayEnd(final LocalTime end)
    {
        this.tradingDayEnd = end;
        return this;
    }

    /**
     * @return end of the trading day, or null.
     */
    public LocalTime tradingDayEnd()
    {
        return tradingDayEnd;
    }

    /**
     * @param zone time zone of {@link #tradingDayEnd()}.
     * @return this.
     */
    public OmsContext tradingZone(final ZoneId zone)
    {
        this.tradingZone = zone;
        return this;
    }

    /**
     * @return time zone of the trading day.
     */
    public ZoneId tradingZone()
    {
        return tradingZone;
    }
}
