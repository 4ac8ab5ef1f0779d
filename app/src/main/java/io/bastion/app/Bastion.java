package io.bastion.app;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.bastion.compliance.AuditJournalAgent;
import io.bastion.compliance.AuditJournalContext;
import io.bastion.gateway.FixGateway;
import io.bastion.gateway.FixGatewayContext;
import io.bastion.oms.OmsAgent;
import io.bastion.oms.OmsContext;
import io.bastion.venuesim.VenueSimConfiguration;
import io.bastion.venuesim.VenueSimContext;
import io.bastion.venuesim.VenueSimulator;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FileLogFactory;
import quickfix.LogFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every component of Bastion in one process: an embedded media driver (unless an external one is configured), the
 * audit journal, the OMS agent on its own thread, the FIX gateway with its agent, and, when enabled, the simulated
 * venue.
 */
public final class Bastion implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Bastion.class);

    private final BastionConfig config;
    private final AtomicLong faults = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private MediaDriver driver;
    private Aeron aeron;
    private String aeronDirectory;
    private OmsAgent oms;
    private AgentRunner omsRunner;
    private VenueSimulator venueSim;
    private FixGateway gateway;
    private AgentRunner gatewayRunner;
    private AuditJournalAgent auditJournal;
    private AgentRunner auditRunner;
    private FileChannel dataDirLockChannel;
    private FileLock dataDirLock;

    private Bastion(final BastionConfig config)
    {
        this.config = config;
    }

    /**
     * Start everything the configuration asks for.
     *
     * @param config the configuration.
     * @return the running process.
     */
    public static Bastion launch(final BastionConfig config)
    {
        final Bastion bastion = new Bastion(config);
        try
        {
            bastion.start();
            return bastion;
        }
        catch (final RuntimeException ex)
        {
            bastion.close();
            throw ex;
        }
    }

    private void start()
    {
        final File dataDir = config.dataDir().toFile();
        if (!dataDir.isDirectory() && !dataDir.mkdirs())
        {
            throw new IllegalStateException("cannot create data directory " + dataDir);
        }
        lockDataDir(dataDir);
        final ErrorHandler errorHandler = this::onFault;

        final String aeronDir;
        if (config.aeronDir() == null)
        {
            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(embeddedAeronDir(config.dataDir().toString()))
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .ipcTermBufferLength(config.ipcTermLength())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .errorHandler(errorHandler));
            aeronDir = driver.aeronDirectoryName();
        }
        else
        {
            aeronDir = config.aeronDir();
        }
        aeronDirectory = aeronDir;
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir).errorHandler(errorHandler));

        if (config.auditEnabled())
        {
            // Subscribes before the OMS and gateway publish, so the journal starts with the first message.
            auditJournal = new AuditJournalAgent(config.applyTo(new AuditJournalContext().aeron(aeron)).conclude());
            auditRunner = new AgentRunner(
                new SleepingMillisIdleStrategy(1), errorHandler, (AtomicCounter)null, auditJournal);
            AgentRunner.startOnThread(auditRunner);
        }


        if (config.venueSimEnabled())
        {
            final SessionSettings simSettings = config.venueSimSettings();
            final VenueSimContext simContext = VenueSimConfiguration.fromProperties(config.properties())
                .sessionSettings(simSettings)
                .logFactory(logFactory(simSettings));
            venueSim = new VenueSimulator(simContext.conclude());
            venueSim.start();
        }

        final IdleStrategy omsIdle = idleStrategy();
        final SessionSettings clientSettings = config.clientSettings();
        final SessionSettings venueSettings = config.venueSettings();
        final FixGatewayContext gatewayContext = new FixGatewayContext()
            .aeron(aeron)
            .clientSettings(clientSettings)
            .venueSettings(venueSettings)
            .venueNames(config.venues())
            .logFactory(logFactory(clientSettings, venueSettings))
            .onInboundPublished(omsIdle instanceof WakeableIdleStrategy ? ((WakeableIdleStrategy)omsIdle)::wake :
                () -> {})
            .conclude();

        final Map<Integer, String> clientNames = new TreeMap<>();
        gatewayContext.sessionRegistry().sessionNames().forEach((number, name) ->
        {
            if (gatewayContext.sessionRegistry().isClientSession(number))
            {
                clientNames.put(number, new SessionID(name).getTargetCompID());
            }
        });
        final OmsContext omsContext = config.applyTo(new OmsContext().aeron(aeron), clientNames);
        config.defaultAccounts(gatewayContext.sessionRegistry()::sessionId).forEach(omsContext::defaultAccount);
        config.cancelOnDisconnect(gatewayContext.sessionRegistry()::sessionId).forEach(omsContext::cancelOnDisconnect);
        oms = new OmsAgent(omsContext.conclude());
        gateway = new FixGateway(gatewayContext);

        if (config.sharedCoreThread())
        {
            // The gateway polls the OMS's output in the same duty cycle that produced it: one thread wake-up per
            // hop instead of two.
            omsRunner = new AgentRunner(omsIdle, errorHandler, (AtomicCounter)null,
                new CompositeAgent(oms, gateway.agent()));
            AgentRunner.startOnThread(omsRunner);
        }
        else
        {
            omsRunner = new AgentRunner(omsIdle, errorHandler, (AtomicCounter)null, oms);
            AgentRunner.startOnThread(omsRunner);
            gatewayRunner = new AgentRunner(idleStrategy(), errorHandler, (AtomicCounter)null, gateway.agent());
            AgentRunner.startOnThread(gatewayRunner);
        }
        gateway.start();
    }

    /**
     * @return the configuration it runs with.
     */
    public BastionConfig config()
    {
        return config;
    }

    /**
     * @return the OMS agent (positions and counters; read them, never drive it).
     */
    public OmsAgent oms()
    {
        return oms;
    }

    /**
     * @return the Aeron directory Bastion's streams are in: admin tools publish their commands (kill switch, limit
     * updates) to the OMS's inbound stream there.
     */
    public String aeronDirectory()
    {
        return aeronDirectory;
    }

    /**
     * @return the FIX gateway.
     */
    public FixGateway gateway()
    {
        return gateway;
    }

    /**
     * @return the simulated venue, or null when disabled.
     */
    public VenueSimulator venueSim()
    {
        return venueSim;
    }

    /**
     * @return the audit journal agent, or null when disabled.
     */
    public AuditJournalAgent auditJournal()
    {
        return auditJournal;
    }

    /**
     * @return faults the agents and the media driver reported.
     */
    public long faults()
    {
        return faults.get();
    }

    /**
     * Stop everything, in reverse order of start.
     */
    public void close()
    {
        if (closed.getAndSet(true))
        {
            return;
        }
        if (null == omsRunner && null != oms)
        {
            oms.onClose();
        }
        CloseHelper.closeAll(gatewayRunner, omsRunner, gateway, venueSim, auditRunner, aeron, driver, dataDirLock,
            dataDirLockChannel);
    }

    private void lockDataDir(final File dataDir)
    {
        final File lockFile = new File(dataDir, "bastion.lock");
        try
        {
            dataDirLockChannel = FileChannel.open(
                lockFile.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            dataDirLock = dataDirLockChannel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            dataDirLock = null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot lock " + lockFile, ex);
        }
        if (null == dataDirLock)
        {
            throw new IllegalStateException("another Bastion is active on data directory " + dataDir +
                " (it holds " + lockFile + ")");
        }
    }

    private void onFault(final Throwable throwable)
    {
        faults.incrementAndGet();
        LOG.error("fault in a Bastion agent", throwable);
    }

    private IdleStrategy idleStrategy()
    {
        switch (config.idleStrategy())
        {
            case "wake":
                return new WakeableIdleStrategy(20, 5, 1_000_000L);
            case "busyspin":
                return new BusySpinIdleStrategy();
            case "sleep":
                return new SleepingMillisIdleStrategy(1);
            default:
                return new BackoffIdleStrategy(100, 10, 1_000, 100_000);
        }
    }

    /**
     * Each session logs where its own file says: client sessions by clients.cfg, venue sessions by venues.cfg.
     */
    private static LogFactory logFactory(final SessionSettings clientSettings, final SessionSettings venueSettings)
    {
        final Set<SessionID> clientSessions = new HashSet<>();
        clientSettings.sectionIterator().forEachRemaining(clientSessions::add);
        final LogFactory clientLogs = logFactory(clientSettings);
        final LogFactory venueLogs = logFactory(venueSettings);
        return sessionId -> (clientSessions.contains(sessionId) ? clientLogs : venueLogs).create(sessionId);
    }

    private static LogFactory logFactory(final SessionSettings settings)
    {
        final Properties defaults = settings.getDefaultProperties();
        return defaults.containsKey(FileLogFactory.SETTING_FILE_LOG_PATH) ?
            new FileLogFactory(settings) : new SLF4JLogFactory(settings);
    }

    /**
     * One embedded Aeron directory per data directory: a process restarted after a crash replaces what its
     * predecessor left in /dev/shm instead of leaking it. The data directory's lock guarantees no live Bastion
     * still uses it.
     */
    private static String embeddedAeronDir(final String dataDir)
    {
        final File shm = new File("/dev/shm");
        final File base = shm.isDirectory() ? shm : new File(System.getProperty("java.io.tmpdir"));
        final UUID id = UUID.nameUUIDFromBytes(dataDir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new File(base, "bastion-" + id).getAbsolutePath();
    }
}
