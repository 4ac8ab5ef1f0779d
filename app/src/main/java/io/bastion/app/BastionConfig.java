package io.bastion.app;

import io.bastion.compliance.AuditDurability;
import io.bastion.compliance.AuditJournalConfiguration;
import io.bastion.compliance.AuditJournalContext;
import io.bastion.compliance.AuditKeys;
import io.bastion.oms.CancelOnDisconnect;
import io.bastion.oms.OmsConfiguration;
import io.bastion.oms.OmsContext;
import io.bastion.oms.VenueRules;
import io.bastion.risk.InvalidLimitsException;
import io.bastion.risk.LimitSet;
import io.bastion.risk.LimitSetParser;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.TimeInForce;
import quickfix.ConfigError;
import quickfix.SessionID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * A configuration directory, loaded and checked: {@code bastion.properties} (everything but FIX sessions) plus the
 * QuickFIX/J session files {@code clients.cfg}, {@code venues.cfg} and {@code venue-sim.cfg}. Every problem is
 * reported as an {@link IllegalArgumentException} that names the file and key.
 */
public final class BastionConfig
{
    private static final Logger LOG = LoggerFactory.getLogger(BastionConfig.class);

    /** Everything that is not a FIX session. */
    public static final String PROPERTIES_FILE = "bastion.properties";
    /** Risk limits ({@code risk.*} settings); optional, they may also be in {@link #PROPERTIES_FILE}. */
    public static final String RISK_FILE = "risk.properties";
    /** Client session setting: the account of orders that carry no Account (1). */
    public static final String DEFAULT_ACCOUNT_SETTING = "DefaultAccount";
    /** Client session setting: off, day or all (see {@link CancelOnDisconnect}). */
    public static final String CANCEL_ON_DISCONNECT_SETTING = "CancelOnDisconnect";
    /** Client sessions, QuickFIX/J format. */
    public static final String CLIENTS_FILE = "clients.cfg";
    /** Venue sessions, QuickFIX/J format. */
    public static final String VENUES_FILE = "venues.cfg";
    /** The simulated venue's sessions, QuickFIX/J format. */
    public static final String VENUE_SIM_FILE = "venue-sim.cfg";

    /** Property: data directory. */
    public static final String DATA_DIR_PROP = "bastion.dataDir";
    /** Property: external Aeron directory; empty for an embedded media driver. */
    public static final String AERON_DIR_PROP = "aeron.dir";
    /** Property: IPC term length. */
    public static final String AERON_TERM_LENGTH_PROP = "aeron.ipcTermLength";
    /** Property: idle strategy of the agent threads. */
    public static final String IDLE_STRATEGY_PROP = "bastion.idleStrategy";
    /** Property: OMS and gateway on one thread ({@code shared}) or one thread each ({@code dedicated}). */
    public static final String THREADING_PROP = "bastion.threading";

    /** Property: venue names in venue-id order. */
    public static final String VENUES_PROP = "venues";
    /** Property: run the audit journal in process. */
    public static final String AUDIT_ENABLED_PROP = "compliance.enabled";

    /** Property: run the simulated venue in process. */
    public static final String VENUE_SIM_ENABLED_PROP = "venuesim.enabled";

    private final Path directory;
    private final Properties properties;
    private final Path dataDir;
    private final Properties variables = new Properties();

    private BastionConfig(final Path directory, final Properties properties)
    {
        this.directory = directory;
        this.properties = properties;
        final Path configured = Path.of(properties.getProperty(DATA_DIR_PROP, "data").trim());
        this.dataDir = configured.toAbsolutePath().normalize();
        variables.putAll(System.getProperties());
        variables.setProperty(DATA_DIR_PROP, dataDir.toString());
    }

    /**
     * Load a configuration directory.
     *
     * @param directory the directory.
     * @return the configuration.
     */
    public static BastionConfig load(final Path directory)
    {
        final Properties properties = read(directory.resolve(PROPERTIES_FILE));
        final Path riskFile = directory.resolve(RISK_FILE);
        if (Files.exists(riskFile))
        {
            final Properties risk = read(riskFile);
            for (final String key : risk.stringPropertyNames())
            {
                if (!key.startsWith(LimitSetParser.PREFIX))
                {
                    throw new IllegalArgumentException(riskFile + ": " + key + " is not a risk setting (risk.*)");
                }
                if (properties.containsKey(key))
                {
                    throw new IllegalArgumentException(riskFile + ": " + key + " is also set in " + PROPERTIES_FILE +
                        "; set it in one place");
                }
                properties.setProperty(key, risk.getProperty(key));
            }
        }
        return new BastionConfig(directory, properties);
    }

    private static Properties read(final Path file)
    {
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            properties.load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return properties;
    }

    /**
     * A copy with some properties replaced (tests, benchmarks).
     *
     * @param overrides properties to set.
     * @return the new configuration.
     */
    public BastionConfig with(final Properties overrides)
    {
        final Properties merged = new Properties();
        merged.putAll(properties);
        merged.putAll(overrides);
        return new BastionConfig(directory, merged);
    }

    /** @return the configuration directory. */
    public Path directory()
    {
        return directory;
    }

    /** @return all properties. */
    public Properties properties()
    {
        return properties;
    }

    /** @return the absolute data directory. */
    public Path dataDir()
    {
        return dataDir;
    }

    /** @return the external Aeron directory, or null for an embedded media driver. */
    public String aeronDir()
    {
        final String value = properties.getProperty(AERON_DIR_PROP, "").trim();
        return value.isEmpty() ? null : value;
    }

    /** @return IPC term length in bytes. */
    public int ipcTermLength()
    {
        final String value = properties.getProperty(AERON_TERM_LENGTH_PROP, "4m").trim().toLowerCase();
        final long multiplier = value.endsWith("m") ? 1024 * 1024 : value.endsWith("k") ? 1024 : 1;
        final String digits = multiplier == 1 ? value : value.substring(0, value.length() - 1);
        try
        {
            return Math.toIntExact(Long.parseLong(digits) * multiplier);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            throw invalid(AERON_TERM_LENGTH_PROP, value, "a size such as 4m or 65536");
        }
    }

    /** @return the idle strategy name: wake, backoff, busyspin or sleep. */
    public String idleStrategy()
    {
        final String value = properties.getProperty(IDLE_STRATEGY_PROP, "wake").trim();
        if (!List.of("wake", "backoff", "busyspin", "sleep").contains(value))
        {
            throw invalid(IDLE_STRATEGY_PROP, value, "wake, backoff, busyspin or sleep");
        }
        return value;
    }

    /** @return true when the OMS and the gateway's outbound agent share one thread. */
    public boolean sharedCoreThread()
    {
        final String value = properties.getProperty(THREADING_PROP, "shared").trim();
        if (!List.of("shared", "dedicated").contains(value))
        {
            throw invalid(THREADING_PROP, value, "shared or dedicated");
        }
        return "shared".equals(value);
    }

    /** @return venue names in venue-id order. */
    public List<String> venues()
    {
        final List<String> venues = list(VENUES_PROP);
        if (venues.isEmpty())
        {
            throw invalid(VENUES_PROP, "", "at least one venue name");
        }
        return venues;
    }

    /** @return true when the simulated venue runs in process. */
    public boolean venueSimEnabled()
    {
        return bool(VENUE_SIM_ENABLED_PROP, true);
    }

    /** @return the positions file, under the data directory unless absolute. */
    public Path positionsFile()
    {
        return dataDir.resolve(properties.getProperty(
            OmsConfiguration.POSITIONS_FILE_PROP, OmsConfiguration.POSITIONS_FILE_DEFAULT).trim());
    }

    /** @return the file keeping engaged kill switches across restarts, under the data directory unless absolute. */
    public Path killSwitchFile()
    {
        return dataDir.resolve(properties.getProperty(
            OmsConfiguration.KILL_SWITCH_FILE_PROP, OmsConfiguration.KILL_SWITCH_FILE_DEFAULT).trim());
    }

    /** @return the file keeping trading halts across restarts, under the data directory unless absolute. */
    public Path tradingHaltFile()
    {
        return dataDir.resolve(properties.getProperty(
            OmsConfiguration.TRADING_HALT_FILE_PROP, OmsConfiguration.TRADING_HALT_FILE_DEFAULT).trim());
    }

    /** @return the file keeping risk limit changes made at run time, under the data directory unless absolute. */
    public Path limitChangeFile()
    {
        return dataDir.resolve(properties.getProperty(
            OmsConfiguration.LIMIT_CHANGE_FILE_PROP, OmsConfiguration.LIMIT_CHANGE_FILE_DEFAULT).trim());
    }

    /** @return the audit journal directory, under the data directory unless absolute. */
    public Path auditJournalDir()
    {
        return dataDir.resolve(properties.getProperty(
            AuditJournalConfiguration.JOURNAL_DIR_PROP, AuditJournalConfiguration.JOURNAL_DIR_DEFAULT).trim());
    }

    /** @return the key file that signs the audit journal's checkpoints, under the data directory unless absolute. */
    public Path auditSigningKeyFile()
    {
        return dataDir.resolve(properties.getProperty(
            AuditJournalConfiguration.SIGNING_KEY_PROP, AuditJournalConfiguration.SIGNING_KEY_DEFAULT).trim());
    }

    /**
     * @param privateKeyFile a private key file.
     * @return its public key's file: the same name with {@code .pub} for {@code .key}.
     */
    public static Path publicKeyFile(final Path privateKeyFile)
    {
        final String name = privateKeyFile.getFileName().toString();
        return privateKeyFile.resolveSibling((name.endsWith(".key") ? name.substring(0, name.length() - 4) : name) +
            ".pub");
    }

    /**
     * The audit signing key: read from its file, or, when the file does not exist, a new key pair written there and
     * beside it (the public key for the verifier).
     */
    private PrivateKey auditSigningKey()
    {
        final Path file = auditSigningKeyFile();
        try
        {
            if (!Files.exists(file))
            {
                Files.createDirectories(file.toAbsolutePath().getParent());
                AuditKeys.write(AuditKeys.generate(), file, publicKeyFile(file));
                LOG.warn("audit journal: new signing key {} (public key {}); verify the journal with " +
                    "'ops/bastion audit verify DIR --public-key {}'. In production keep the key outside the data " +
                    "directory ({})", file, publicKeyFile(file), publicKeyFile(file),
                    AuditJournalConfiguration.SIGNING_KEY_PROP);
            }
            return AuditKeys.readPrivateKey(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read or create the audit signing key " + file, ex);
        }
    }

    /** @return true when the audit journal runs in process. */
    public boolean auditEnabled()
    {
        return bool(AUDIT_ENABLED_PROP, true);
    }

    /**
     * Apply the {@code compliance.*} properties.
     *
     * @param context the audit journal context to fill.
     * @return the context.
     */
    public AuditJournalContext applyTo(final AuditJournalContext context)
    {
        context.journalDir(auditJournalDir().toFile())
            .segmentLength(longValue(AuditJournalConfiguration.SEGMENT_LENGTH_PROP,
                AuditJournalConfiguration.SEGMENT_LENGTH_DEFAULT))
            .checkpointRecords(longValue(AuditJournalConfiguration.CHECKPOINT_RECORDS_PROP,
                AuditJournalConfiguration.CHECKPOINT_RECORDS_DEFAULT))
            .checkpointIntervalNs(longValue(AuditJournalConfiguration.CHECKPOINT_INTERVAL_MS_PROP,
                AuditJournalConfiguration.CHECKPOINT_INTERVAL_MS_DEFAULT) * 1_000_000L)
            .signingKey(auditSigningKey());
        final String durability = properties.getProperty(AuditJournalConfiguration.DURABILITY_PROP);
        if (durability != null && !durability.isBlank())
        {
            try
            {
                context.durability(AuditDurability.parse(durability.trim()));
            }
            catch (final IllegalArgumentException ex)
            {
                throw invalid(AuditJournalConfiguration.DURABILITY_PROP, durability, "fsync or none");
            }
        }
        return context;
    }

    /** @return client sessions. */
    public SessionSettings clientSettings()
    {
        return sessionSettings(CLIENTS_FILE);
    }

    /** @return venue sessions. */
    public SessionSettings venueSettings()
    {
        return sessionSettings(VENUES_FILE);
    }

    /** @return the simulated venue's sessions. */
    public SessionSettings venueSimSettings()
    {
        return sessionSettings(VENUE_SIM_FILE);
    }

    /**
     * @return the risk limits of {@code risk.*}, version 1, for a configuration without session-scoped limits.
     * @throws IllegalArgumentException naming every bad setting.
     */
    public LimitSet limits()
    {
        return limits(Map.of());
    }

    /**
     * @param sessionNames client session number to the client's CompID, for {@code risk.session.<CompID>.*}.
     * @return the risk limits of {@code risk.*}, version 1.
     * @throws IllegalArgumentException naming every bad setting.
     */
    public LimitSet limits(final Map<Integer, String> sessionNames)
    {
        final Map<String, String> settings = new TreeMap<>();
        for (final String key : properties.stringPropertyNames())
        {
            settings.put(key, properties.getProperty(key));
        }
        try
        {
            return new LimitSetParser(list(OmsConfiguration.SYMBOLS_PROP), venues(), sessionNames).parse(settings);
        }
        catch (final InvalidLimitsException ex)
        {
            throw new IllegalArgumentException(directory.resolve(RISK_FILE) + " (or " + PROPERTIES_FILE +
                "): invalid risk limits: " + ex.getMessage(), ex);
        }
    }

    /**
     * The default account of each client session that sets {@link #DEFAULT_ACCOUNT_SETTING}, by the session's number.
     *
     * @param sessionNumber the number of a client session by its name (such as {@code FIX.4.4:BASTION->CLIENT1}).
     * @return session number to account.
     */
    public Map<Integer, String> defaultAccounts(final ToIntFunction<String> sessionNumber)
    {
        return clientSessionSetting(sessionNumber, DEFAULT_ACCOUNT_SETTING);
    }

    /**
     * The cancel-on-disconnect policy of each client session that sets {@link #CANCEL_ON_DISCONNECT_SETTING}.
     *
     * @param sessionNumber the number of a client session by its name (such as {@code FIX.4.4:BASTION->CLIENT1}).
     * @return session number to policy.
     * @throws IllegalArgumentException naming the session if a value is not off, day or all.
     */
    public Map<Integer, CancelOnDisconnect> cancelOnDisconnect(final ToIntFunction<String> sessionNumber)
    {
        final Map<Integer, CancelOnDisconnect> policies = new TreeMap<>();
        clientSessionSetting(sessionNumber, CANCEL_ON_DISCONNECT_SETTING).forEach((session, value) ->
        {
            try
            {
                policies.put(session, CancelOnDisconnect.valueOf(value.toUpperCase(Locale.ROOT)));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(directory.resolve(CLIENTS_FILE) + ": session " + session + " " +
                    CANCEL_ON_DISCONNECT_SETTING + "=" + value + " is invalid; expected off, day or all", ex);
            }
        });
        return policies;
    }

    private Map<Integer, String> clientSessionSetting(final ToIntFunction<String> sessionNumber, final String name)
    {
        final SessionSettings settings = clientSettings();
        final Map<Integer, String> values = new TreeMap<>();
        final Iterator<SessionID> sessions = settings.sectionIterator();
        while (sessions.hasNext())
        {
            final SessionID session = sessions.next();
            try
            {
                if (settings.isSetting(session, name))
                {
                    values.put(sessionNumber.applyAsInt(session.toString()), settings.getString(session, name).trim());
                }
            }
            catch (final ConfigError ex)
            {
                throw new IllegalArgumentException(directory.resolve(CLIENTS_FILE) + ": " + ex.getMessage(), ex);
            }
        }
        return values;
    }

    /**
     * Apply the {@code oms.*} and {@code risk.*} properties.
     *
     * @param context the OMS context to fill.
     * @return the context.
     */
    public OmsContext applyTo(final OmsContext context)
    {
        return applyTo(context, Map.of());
    }

    /**
     * Apply the {@code oms.*} and {@code risk.*} properties, with the client sessions' names for session-scoped limits.
     *
     * @param context      the OMS context to fill.
     * @param sessionNames client session number to the client's CompID.
     * @return the context.
     */
    public OmsContext applyTo(final OmsContext context, final Map<Integer, String> sessionNames)
    {
        context.venueNames(venues())
            .symbols(list(OmsConfiguration.SYMBOLS_PROP))
            .orderCapacity((int)longValue(OmsConfiguration.ORDER_CAPACITY_PROP,
                OmsConfiguration.ORDER_CAPACITY_DEFAULT))
            .positionEntries(longValue(OmsConfiguration.POSITION_ENTRIES_PROP,
                OmsConfiguration.POSITION_ENTRIES_DEFAULT))
            .positionsFile(positionsFile().toFile())
            .killSwitchFile(killSwitchFile().toFile())
            .tradingHaltFile(tradingHaltFile().toFile())
            .limitChangeFile(limitChangeFile().toFile())
            .sessionNames(sessionNames)
            .limits(limits(sessionNames));

        final String defaultVenue = properties.getProperty(OmsConfiguration.DEFAULT_VENUE_PROP, "").trim();
        context.defaultVenue(defaultVenue.isEmpty() ? null : defaultVenue);
        for (final String name : properties.stringPropertyNames())
        {
            if (name.startsWith(OmsConfiguration.ROUTE_PROP_PREFIX))
            {
                context.route(name.substring(OmsConfiguration.ROUTE_PROP_PREFIX.length()),
                    properties.getProperty(name).trim());
            }
        }
        for (final String venue : venues())
        {
            context.venueRules(venue, venueRules(venue));
        }
        final String dayEnd = properties.getProperty(OmsConfiguration.TRADING_DAY_END_PROP, "").trim();
        if (!dayEnd.isEmpty())
        {
            try
            {
                context.tradingDayEnd(LocalTime.parse(dayEnd));
            }
            catch (final DateTimeParseException ex)
            {
                throw invalid(OmsConfiguration.TRADING_DAY_END_PROP, dayEnd, "a time of day such as 22:00");
            }
        }
        final String zone = properties.getProperty(OmsConfiguration.TRADING_DAY_ZONE_PROP, "UTC").trim();
        try
        {
            context.tradingZone(ZoneId.of(zone));
        }
        catch (final DateTimeException ex)
        {
            throw invalid(OmsConfiguration.TRADING_DAY_ZONE_PROP, zone, "a time zone such as UTC or America/New_York");
        }
        return context;
    }

    /**
     * What a venue accepts, from {@code venue.<NAME>.*}; unset keys keep {@link VenueRules#DEFAULT}.
     *
     * @param venue venue name.
     * @return its rules.
     */
    public VenueRules venueRules(final String venue)
    {
        final String prefix = OmsConfiguration.VENUE_PROP_PREFIX + venue;
        final VenueRules defaults = VenueRules.DEFAULT;
        return new VenueRules(
            enumSet(prefix + OmsConfiguration.VENUE_ORD_TYPES_SUFFIX, OrdType.class, defaults.ordTypes()),
            enumSet(prefix + OmsConfiguration.VENUE_TIME_IN_FORCES_SUFFIX, TimeInForce.class,
                defaults.timeInForces()),
            bool(prefix + OmsConfiguration.VENUE_REPLACE_SUFFIX, defaults.replace()),
            bool(prefix + OmsConfiguration.VENUE_CANCEL_ON_DISCONNECT_SUFFIX, defaults.cancelOnDisconnect()));
    }

    private <E extends Enum<E>> Set<E> enumSet(final String key, final Class<E> type, final Set<E> defaultValue)
    {
        final String value = properties.getProperty(key, "").trim();
        if (value.isEmpty())
        {
            return defaultValue;
        }
        final Set<E> result = EnumSet.noneOf(type);
        for (final String item : value.split(","))
        {
            try
            {
                final E element = Enum.valueOf(type, item.trim().toUpperCase(Locale.ROOT));
                if ("NULL_VAL".equals(element.name()))
                {
                    throw new IllegalArgumentException(item);
                }
                result.add(element);
            }
            catch (final IllegalArgumentException ex)
            {
                throw invalid(key, value, "a comma-separated list of " + type.getSimpleName() + " names");
            }
        }
        return result;
    }

    private SessionSettings sessionSettings(final String fileName)
    {
        final Path file = directory.resolve(fileName);
        try (InputStream in = Files.newInputStream(file))
        {
            return new SessionSettings(in, variables);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
        }
    }

    private List<String> list(final String key)
    {
        final String value = properties.getProperty(key, "").trim();
        final List<String> items = new ArrayList<>();
        if (!value.isEmpty())
        {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }

    private long longValue(final String key, final long defaultValue)
    {
        final String value = properties.getProperty(key);
        if (value == null || value.isBlank())
        {
            return defaultValue;
        }
        try
        {
            return Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw invalid(key, value, "a whole number");
        }
    }

    private boolean bool(final String key, final boolean defaultValue)
    {
        final String value = properties.getProperty(key, Boolean.toString(defaultValue)).trim();
        if (!value.equals("true") && !value.equals("false"))
        {
            throw invalid(key, value, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private IllegalArgumentException invalid(final String key, final String value, final String expected)
    {
        return new IllegalArgumentException(
            directory.resolve(PROPERTIES_FILE) + ": " + key + "='" + value + "' is invalid; expected " + expected);
    }
}
