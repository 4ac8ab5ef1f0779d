package io.bastion.console;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The admin console: a Micronaut HTTP server over its own application context, started inside Bastion's process
 * by the launcher ({@link #start(AdminConsoleContext)}) or in a process of its own ({@link #main(String[])}).
 * <p>
 * Micronaut reads no configuration of its own here (no {@code application.yml}, environment variables or system
 * properties): every setting comes from the {@link AdminConsoleContext}.
 */
public final class AdminConsole implements AutoCloseable
{
    private static final String USAGE = "usage: AdminConsole --positions FILE --api-keys FILE [--port N] " +
        "[--bind ADDRESS] [--key-cache-seconds N] [--allow-plain-http-on-network]\n" +
        "  --positions   the OMS's positions file (Chronicle Map); the console only reads it\n" +
        "  --api-keys    API keys file, lines <name>=<role>:<hash> made by io.bastion.console.ApiKeyTool\n" +
        "  --port        HTTP port, default " + AdminConsoleConfiguration.PORT_DEFAULT + "; 0 picks a free one\n" +
        "  --bind        address to bind, default " + AdminConsoleConfiguration.BIND_ADDRESS_DEFAULT +
        " (plain HTTP: loopback only unless --allow-plain-http-on-network)\n" +
        "  --key-cache-seconds  how long a verified key is remembered, default " +
        AdminConsoleConfiguration.API_KEY_CACHE_SECONDS_DEFAULT + "; 0 verifies every request";

    private final ApplicationContext applicationContext;
    private final EmbeddedServer server;
    private final PositionsSource positions;
    private final ApiKeyAuthenticator authenticator;
    private boolean closed;

    private AdminConsole(
        final ApplicationContext applicationContext,
        final EmbeddedServer server,
        final PositionsSource positions,
        final ApiKeyAuthenticator authenticator)
    {
        this.applicationContext = applicationContext;
        this.server = server;
        this.positions = positions;
        this.authenticator = authenticator;
    }

    /**
     * Conclude the context and start serving.
     *
     * @param ctx the settings; concluded here.
     * @return the running console.
     * @throws IllegalStateException    if a setting is wrong or the server cannot start (port taken).
     * @throws IllegalArgumentException if the API keys file is malformed.
     */
    public static AdminConsole start(final AdminConsoleContext ctx)
    {
        ctx.conclude();
        final PositionsSource positions = new PositionsSource(ctx.positionsFile());
        final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(ctx.apiKeys(), ctx.apiKeyCacheNs(), ctx.nanoClock());

        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.application.name", "bastion-admin-console");
        properties.put("micronaut.server.host", ctx.bindAddress());
        // Micronaut's "any free port" is -1; ours is 0, like a ServerSocket's.
        properties.put("micronaut.server.port", ctx.port() == 0 ? -1 : ctx.port());
        properties.put("micronaut.server.max-request-size", AdminConsoleConfiguration.MAX_REQUEST_BYTES);
        properties.put("micronaut.server.cors.enabled", false);
        // One event loop thread is plenty for an admin API and leaves the cores to the OMS.
        properties.put("micronaut.netty.event-loops.default.num-threads", 1);

        ApplicationContext applicationContext = null;
        try
        {
            applicationContext = ApplicationContext.builder()
                .enableDefaultPropertySources(false)
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .banner(false)
                .properties(properties)
                .singletons(positions, authenticator)
                .start();
            final EmbeddedServer server = applicationContext.getBean(EmbeddedServer.class);
            server.start();
            LoggerFactory.getLogger(AdminConsole.class).info("admin console on http://{}:{} with {} API key(s)",
                ctx.bindAddress(), server.getPort(), ctx.apiKeys().size());
            return new AdminConsole(applicationContext, server, positions, authenticator);
        }
        catch (final RuntimeException ex)
        {
            if (applicationContext != null)
            {
                applicationContext.close();
            }
            positions.close();
            throw new IllegalStateException("cannot start the admin console on " + ctx.bindAddress() + ':' +
                ctx.port() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the port the server listens on.
     */
    public int port()
    {
        return server.getPort();
    }

    /**
     * @return the address the server binds.
     */
    public String host()
    {
        return server.getHost();
    }

    /**
     * Stop serving, then close the positions file.
     */
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            try
            {
                applicationContext.close();
            }
            finally
            {
                positions.close();
            }
        }
    }

    ApiKeyAuthenticator authenticator()
    {
        return authenticator;
    }

    /**
     * Run the console in a process of its own until it is terminated. The JVM needs the flags Chronicle Map needs
     * (see the root POM's {@code bastion.jvm.flags}).
     *
     * @param args {@code --positions FILE --api-keys FILE [--port N] [--bind ADDRESS] [--key-cache-seconds N]
     *             [--allow-plain-http-on-network]}.
     * @throws InterruptedException if interrupted while serving.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        // Before any logger or Chronicle class loads: the console's own logging configuration, and no phoning home.
        setDefault("logback.configurationFile", "io/bastion/console/admin-console-logback.xml");
        setDefault("chronicle.analytics.disable", "true");
        setDefault("chronicle.announcer.disable", "true");

        final AdminConsoleContext ctx;
        try
        {
            ctx = parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println(ex.getMessage() + '\n' + USAGE);
            System.exit(2);
            return;
        }

        final AdminConsole console;
        try
        {
            console = start(ctx);
        }
        catch (final RuntimeException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            console.close();
            stopped.countDown();
        }, "admin-console-shutdown"));
        stopped.await();
    }

    static AdminConsoleContext parse(final String[] args)
    {
        final AdminConsoleContext ctx = new AdminConsoleContext();
        for (int i = 0; i < args.length; i++)
        {
            final String option = args[i];
            if ("--allow-plain-http-on-network".equals(option))
            {
                ctx.allowPlainHttpOnNetwork(true);
                continue;
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(option + " needs a value");
            }
            final String value = args[++i];
            switch (option)
            {
                case "--positions" -> ctx.positionsFile(new File(value));
                case "--api-keys" -> ctx.apiKeysFile(Path.of(value));
                case "--port" -> ctx.port(parseLong(option, value, 0, 65_535).intValue());
                case "--bind" -> ctx.bindAddress(value);
                case "--key-cache-seconds" ->
                    ctx.apiKeyCacheNs(TimeUnit.SECONDS.toNanos(parseLong(option, value, 0, 86_400)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (ctx.positionsFile() == null || ctx.apiKeysFile() == null)
        {
            throw new IllegalArgumentException("--positions and --api-keys are required");
        }
        return ctx;
    }

    private static Long parseLong(final String option, final String value, final long min, final long max)
    {
        final long parsed;
        try
        {
            parsed = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + " must be a number: " + value, ex);
        }
        if (parsed < min || parsed > max)
        {
            throw new IllegalArgumentException(option + " must be " + min + " to " + max + ": " + value);
        }
        return parsed;
    }

    private static void setDefault(final String property, final String value)
    {
        if (System.getProperty(property) == null)
        {
            System.setProperty(property, value);
        }
    }
}
