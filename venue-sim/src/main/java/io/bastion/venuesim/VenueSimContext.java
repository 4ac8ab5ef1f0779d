package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import quickfix.ConfigError;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Every setting and dependency of a {@link VenueSimulator}, set fluently, validated once by {@link #conclude()}.
 * <pre>
 *   new VenueSimulator(new VenueSimContext()
 *       .sessionSettings(new SessionSettings("venue-sim.cfg"))
 *       .seed("AAPL", FixedPoint.parse("190"), FixedPoint.parse("0.01"), 5, FixedPoint.parse("1000")))
 * </pre>
 * {@link VenueSimConfiguration#fromProperties(java.util.Properties)} fills the symbols from properties.
 */
public final class VenueSimContext
{
    private SessionSettings sessionSettings;
    private MessageStoreFactory messageStoreFactory;
    private LogFactory logFactory;
    private final List<SymbolSeed> symbols = new ArrayList<>();
    private boolean replenish = VenueSimConfiguration.REPLENISH_DEFAULT;
    private int doneOrderRetention = VenueSimConfiguration.DONE_ORDER_RETENTION_DEFAULT;
    private boolean concluded;

    /**
     * QuickFIX/J settings of the acceptor sessions (e.g. read from {@code venue-sim.cfg}). Required.
     *
     * @param sessionSettings the settings.
     * @return this.
     */
    public VenueSimContext sessionSettings(final SessionSettings sessionSettings)
    {
        this.sessionSettings = sessionSettings;
        return this;
    }

    /**
     * QuickFIX/J settings of the acceptor sessions.
     *
     * @return the settings.
     */
    public SessionSettings sessionSettings()
    {
        return sessionSettings;
    }

    /**
     * Where sessions keep sequence numbers and sent messages; default a {@link FileStoreFactory} on the settings
     * (needs {@code FileStorePath}).
     *
     * @param messageStoreFactory the factory.
     * @return this.
     */
    public VenueSimContext messageStoreFactory(final MessageStoreFactory messageStoreFactory)
    {
        this.messageStoreFactory = messageStoreFactory;
        return this;
    }

    /**
     * Where sessions keep sequence numbers and sent messages.
     *
     * @return the factory.
     */
    public MessageStoreFactory messageStoreFactory()
    {
        return messageStoreFactory;
    }

    /**
     * Session logs; default an {@link SLF4JLogFactory} on the settings.
     *
     * @param logFactory the factory.
     * @return this.
     */
    public VenueSimContext logFactory(final LogFactory logFactory)
    {
        this.logFactory = logFactory;
        return this;
    }

    /**
     * Session logs.
     *
     * @return the factory.
     */
    public LogFactory logFactory()
    {
        return logFactory;
    }

    /**
     * Trade a symbol, seeding its book with house liquidity: {@code levels} bids at {@code referencePrice - k * tick}
     * and as many asks at {@code referencePrice + k * tick}, {@code k = 1..levels}.
     *
     * @param symbol           the symbol (FIX tag 55).
     * @param referencePrice   mantissa of the mid price.
     * @param tick             mantissa of the spacing between levels.
     * @param levels           levels per side, 0 for an empty book.
     * @param quantityPerLevel mantissa of each level's quantity.
     * @return this.
     */
    public VenueSimContext seed(
        final String symbol,
        final long referencePrice,
        final long tick,
        final int levels,
        final long quantityPerLevel)
    {
        symbols.add(new SymbolSeed(symbol, referencePrice, tick, levels, quantityPerLevel));
        return this;
    }

    /**
     * Trade a symbol with an empty book.
     *
     * @param symbol the symbol (FIX tag 55).
     * @return this.
     */
    public VenueSimContext symbol(final String symbol)
    {
        symbols.add(new SymbolSeed(symbol, 0, 0, 0, 0));
        return this;
    }

    /**
     * Symbols traded, with their seeds, in the order given.
     *
     * @return an unmodifiable view.
     */
    public List<SymbolSeed> symbols()
    {
        return Collections.unmodifiableList(symbols);
    }

    /**
     * Whether a house order that is filled completely comes back at the back of its level. Default true.
     *
     * @param replenish the flag.
     * @return this.
     */
    public VenueSimContext replenish(final boolean replenish)
    {
        this.replenish = replenish;
        return this;
    }

    /**
     * Whether completely filled house orders come back.
     *
     * @return the flag.
     */
    public boolean replenish()
    {
        return replenish;
    }

    /**
     * How many finished orders each session remembers, to answer a late cancel with "too late" rather than
     * "unknown" and to refuse a reused ClOrdID. Default {@value VenueSimConfiguration#DONE_ORDER_RETENTION_DEFAULT}.
     *
     * @param doneOrderRetention positive count.
     * @return this.
     */
    public VenueSimContext doneOrderRetention(final int doneOrderRetention)
    {
        this.doneOrderRetention = doneOrderRetention;
        return this;
    }

    /**
     * How many finished orders each session remembers.
     *
     * @return the count.
     */
    public int doneOrderRetention()
    {
        return doneOrderRetention;
    }

    /**
     * Validate the settings and fill in defaults; called by the {@link VenueSimulator}. Idempotent.
     *
     * @return this.
     * @throws IllegalStateException    if the session settings are missing or define no acceptor session.
     * @throws IllegalArgumentException if a symbol or seed is invalid.
     */
    public VenueSimContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (sessionSettings == null)
        {
            throw new IllegalStateException("sessionSettings is required");
        }
        if (!hasAcceptorSession(sessionSettings))
        {
            throw new IllegalStateException("sessionSettings define no session with ConnectionType=acceptor");
        }
        if (doneOrderRetention <= 0)
        {
            throw new IllegalArgumentException("doneOrderRetention must be positive: " + doneOrderRetention);
        }
        validateSymbols();

        if (messageStoreFactory == null)
        {
            messageStoreFactory = new FileStoreFactory(sessionSettings);
        }
        if (logFactory == null)
        {
            logFactory = new SLF4JLogFactory(sessionSettings);
        }
        concluded = true;
        return this;
    }

    private void validateSymbols()
    {
        final Set<String> seen = new HashSet<>();
        for (final SymbolSeed seed : symbols)
        {
            final String symbol = seed.symbol();
            if (symbol == null || symbol.isEmpty() || symbol.chars().anyMatch(c -> c <= ' ' || c > '~'))
            {
                throw new IllegalArgumentException("invalid symbol '" + symbol + "'");
            }
            if (!seen.add(symbol))
            {
                throw new IllegalArgumentException("symbol " + symbol + " is configured twice");
            }
            if (seed.levels() == 0)
            {
                continue;
            }
            if (seed.levels() < 0 || seed.tick() <= 0 || seed.quantityPerLevel() <= 0 || seed.referencePrice() <= 0)
            {
                throw new IllegalArgumentException("seed of " + symbol + " needs levels >= 0 and a positive " +
                    "reference price, tick and quantity: " + seed);
            }
            if (seed.referencePrice() - (long)seed.levels() * seed.tick() <= 0)
            {
                throw new IllegalArgumentException("seed of " + symbol + ": reference " +
                    FixedPoint.toString(seed.referencePrice()) + " is too low for " + seed.levels() +
                    " levels of tick " + FixedPoint.toString(seed.tick()));
            }
        }
    }

    private static boolean hasAcceptorSession(final SessionSettings settings)
    {
        try
        {
            final Iterator<SessionID> sessions = settings.sectionIterator();
            while (sessions.hasNext())
            {
                final SessionID sessionId = sessions.next();
                if (settings.isSetting(sessionId, SessionFactory.SETTING_CONNECTION_TYPE) &&
                    SessionFactory.ACCEPTOR_CONNECTION_TYPE.equals(
                    settings.getString(sessionId, SessionFactory.SETTING_CONNECTION_TYPE)))
                {
                    return true;
                }
            }
            return false;
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("invalid sessionSettings: " + ex.getMessage(), ex);
        }
    }
}
