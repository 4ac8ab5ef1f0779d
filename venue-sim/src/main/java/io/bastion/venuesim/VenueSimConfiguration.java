package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import quickfix.ConfigError;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Defaults and property names of the venue simulator, and the reading of them from {@code bastion.properties}.
 * <pre>
 *   venuesim.symbols=AAPL,MSFT          symbols traded, comma separated
 *   venuesim.AAPL.reference=190.00      mid price of the seeded book; required when levels &gt; 0
 *   venuesim.AAPL.tick=0.01             spacing of seeded levels (default 0.01)
 *   venuesim.AAPL.levels=5              seeded levels per side, 0 for an empty book (default 5)
 *   venuesim.AAPL.levelQty=1000         quantity of each seeded level (default 1000)
 *   venuesim.replenish=true             refill completely filled house orders (default true)
 * </pre>
 */
public final class VenueSimConfiguration
{
    /** QuickFIX/J settings of the venue's acceptor sessions, in the configuration directory. */
    public static final String SESSION_SETTINGS_FILE = "venue-sim.cfg";

    /** Bastion's properties, of which the simulator reads the {@value #PREFIX}* keys, in the same directory. */
    public static final String PROPERTIES_FILE = "bastion.properties";

    /** Prefix of every key the simulator reads. */
    public static final String PREFIX = "venuesim.";

    /** Comma-separated symbols. */
    public static final String SYMBOLS_PROP_NAME = PREFIX + "symbols";

    /** Whether completely filled house orders come back. */
    public static final String REPLENISH_PROP_NAME = PREFIX + "replenish";

    /** Per-symbol key suffix: reference price. */
    public static final String REFERENCE_SUFFIX = "reference";

    /** Per-symbol key suffix: tick between seeded levels. */
    public static final String TICK_SUFFIX = "tick";

    /** Per-symbol key suffix: seeded levels per side. */
    public static final String LEVELS_SUFFIX = "levels";

    /** Per-symbol key suffix: quantity of each seeded level. */
    public static final String LEVEL_QTY_SUFFIX = "levelQty";

    /** Default of {@link #REPLENISH_PROP_NAME}. */
    public static final boolean REPLENISH_DEFAULT = true;

    /** Default tick: 0.01. */
    public static final long TICK_DEFAULT = FixedPoint.SCALE / 100;

    /** Default seeded levels per side. */
    public static final int LEVELS_DEFAULT = 5;

    /** Most seeded levels per side. */
    public static final int LEVELS_MAX = 10_000;

    /** Default quantity of a seeded level: 1000. */
    public static final long LEVEL_QTY_DEFAULT = 1000 * FixedPoint.SCALE;

    /** Default number of finished orders per session remembered to answer late cancels and duplicate ids. */
    public static final int DONE_ORDER_RETENTION_DEFAULT = 100_000;

    private VenueSimConfiguration()
    {
    }

    /**
     * Read a configuration directory: {@value #SESSION_SETTINGS_FILE} for the sessions and the {@value #PREFIX}*
     * keys of {@value #PROPERTIES_FILE} for the books.
     *
     * @param directory the configuration directory.
     * @return a context ready for a {@link VenueSimulator}.
     * @throws IllegalArgumentException if a file is missing or unreadable, or a value is invalid.
     */
    public static VenueSimContext fromDirectory(final Path directory)
    {
        final Path sessionSettingsFile = directory.resolve(SESSION_SETTINGS_FILE);
        final Path propertiesFile = directory.resolve(PROPERTIES_FILE);
        final Properties properties = new Properties();
        final SessionSettings sessionSettings;
        try (InputStream settingsIn = Files.newInputStream(sessionSettingsFile);
            InputStream propertiesIn = Files.newInputStream(propertiesFile))
        {
            sessionSettings = new SessionSettings(settingsIn);
            properties.load(propertiesIn);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the venue-sim configuration in " + directory + ": " +
                ex, ex);
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException("invalid " + sessionSettingsFile + ": " + ex.getMessage(), ex);
        }

        return fromProperties(properties).sessionSettings(sessionSettings);
    }

    /**
     * Read the {@code venuesim.*} keys into a new context; other keys are ignored.
     *
     * @param properties e.g. the contents of {@code bastion.properties}.
     * @return a context holding the symbols, seeds and replenish flag; session settings still to be set.
     * @throws IllegalArgumentException naming the key and value at fault.
     */
    public static VenueSimContext fromProperties(final Properties properties)
    {
        return fromProperties(properties, new VenueSimContext());
    }

    /**
     * Read the {@code venuesim.*} keys into a context; other keys are ignored.
     *
     * @param properties e.g. the contents of {@code bastion.properties}.
     * @param context    to add the symbols and seeds to.
     * @return the context.
     * @throws IllegalArgumentException naming the key and value at fault.
     */
    public static VenueSimContext fromProperties(final Properties properties, final VenueSimContext context)
    {
        final Set<String> symbols = symbols(properties);
        checkNoStraySymbolKeys(properties, symbols);
        for (final String symbol : symbols)
        {
            final String prefix = PREFIX + symbol + ".";
            final int levels = (int)parseLong(properties, prefix + LEVELS_SUFFIX, LEVELS_DEFAULT, 0, LEVELS_MAX);
            if (levels == 0)
            {
                context.symbol(symbol);
                continue;
            }

            final long tick = parseDecimal(properties, prefix + TICK_SUFFIX, TICK_DEFAULT);
            final long quantity = parseDecimal(properties, prefix + LEVEL_QTY_SUFFIX, LEVEL_QTY_DEFAULT);
            final String referenceKey = prefix + REFERENCE_SUFFIX;
            if (properties.getProperty(referenceKey) == null)
            {
                throw new IllegalArgumentException(referenceKey + " is required: " + symbol + " has " + levels +
                    " seeded levels (set " + prefix + LEVELS_SUFFIX + "=0 for an empty book)");
            }
            final long reference = parseDecimal(properties, referenceKey, 0);
            if (reference - (long)levels * tick <= 0)
            {
                throw new IllegalArgumentException(referenceKey + "=" + properties.getProperty(referenceKey) +
                    " is too low for " + levels + " levels of tick " + FixedPoint.toString(tick) +
                    ": the lowest bid would not be positive");
            }
            context.seed(symbol, reference, tick, levels, quantity);
        }

        final String replenish = value(properties, REPLENISH_PROP_NAME);
        if (replenish != null)
        {
            if (!"true".equalsIgnoreCase(replenish) && !"false".equalsIgnoreCase(replenish))
            {
                throw new IllegalArgumentException(
                    REPLENISH_PROP_NAME + "=" + replenish + " is not a boolean: use true or false");
            }
            context.replenish(Boolean.parseBoolean(replenish));
        }
        return context;
    }

    private static Set<String> symbols(final Properties properties)
    {
        final Set<String> symbols = new LinkedHashSet<>();
        final String list = value(properties, SYMBOLS_PROP_NAME);
        if (list == null)
        {
            return symbols;
        }
        for (final String entry : list.split(",", -1))
        {
            final String symbol = entry.trim();
            if (symbol.isEmpty() || symbol.chars().anyMatch(c -> c <= ' ' || c > '~'))
            {
                throw new IllegalArgumentException(SYMBOLS_PROP_NAME + "=" + list + " has an invalid symbol '" +
                    symbol + "': symbols are non-empty printable ASCII without spaces");
            }
            if (!symbols.add(symbol))
            {
                throw new IllegalArgumentException(SYMBOLS_PROP_NAME + "=" + list + " lists " + symbol + " twice");
            }
        }
        return symbols;
    }

    /**
     * A per-symbol key with a known suffix for an unlisted symbol, or an unknown suffix for a listed one, is
     * almost certainly a typo that would otherwise be silently ignored.
     */
    private static void checkNoStraySymbolKeys(final Properties properties, final Set<String> symbols)
    {
        for (final String key : properties.stringPropertyNames())
        {
            if (!key.startsWith(PREFIX))
            {
                continue;
            }
            final int dot = key.lastIndexOf('.');
            if (dot <= PREFIX.length())
            {
                continue;
            }
            final String symbol = key.substring(PREFIX.length(), dot);
            final String suffix = key.substring(dot + 1);
            final boolean knownSuffix = REFERENCE_SUFFIX.equals(suffix) || TICK_SUFFIX.equals(suffix) ||
                LEVELS_SUFFIX.equals(suffix) || LEVEL_QTY_SUFFIX.equals(suffix);
            if (symbols.contains(symbol) && !knownSuffix)
            {
                throw new IllegalArgumentException("unknown key " + key + ": per-symbol keys are " + REFERENCE_SUFFIX +
                    ", " + TICK_SUFFIX + ", " + LEVELS_SUFFIX + " and " + LEVEL_QTY_SUFFIX);
            }
            if (!symbols.contains(symbol) && knownSuffix)
            {
                throw new IllegalArgumentException(
                    key + " configures " + symbol + ", which " + SYMBOLS_PROP_NAME + " does not list");
            }
        }
    }

    private static String value(final Properties properties, final String key)
    {
        final String value = properties.getProperty(key);
        return value == null ? null : value.trim();
    }

    private static long parseDecimal(final Properties properties, final String key, final long defaultValue)
    {
        final String text = value(properties, key);
        if (text == null)
        {
            return defaultValue;
        }
        final long mantissa = FixedPoint.parse(text);
        if (mantissa == FixedPoint.INVALID)
        {
            throw new IllegalArgumentException(key + "=" + text + " is not a decimal number with at most " +
                FixedPoint.DECIMALS + " decimals");
        }
        if (mantissa <= 0)
        {
            throw new IllegalArgumentException(key + "=" + text + " must be positive");
        }
        return mantissa;
    }

    private static long parseLong(
        final Properties properties, final String key, final long defaultValue, final long min, final long max)
    {
        final String text = value(properties, key);
        if (text == null)
        {
            return defaultValue;
        }
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + "=" + text + " is not a whole number", ex);
        }
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(key + "=" + text + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }
}
