package io.bastion.venuesim;

import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the venue simulator on its own until SIGTERM or Ctrl-C.
 * <pre>
 *   java ... io.bastion.venuesim.VenueSimMain --config DIR
 * </pre>
 * reads {@code DIR/venue-sim.cfg} (QuickFIX/J acceptor sessions) and the {@code venuesim.*} keys of
 * {@code DIR/bastion.properties} (symbols and seeded books); see {@link VenueSimConfiguration}. Like every Bastion
 * JVM it needs {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED} (Agrona) and an SLF4J provider
 * (Logback) on the class path for its logs.
 */
public final class VenueSimMain
{
    private static final String USAGE = "usage: VenueSimMain --config DIR   (reads DIR/" +
        VenueSimConfiguration.SESSION_SETTINGS_FILE + " and DIR/" + VenueSimConfiguration.PROPERTIES_FILE + ")";

    private VenueSimMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args {@code --config DIR}.
     * @throws InterruptedException if interrupted while running.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final Path directory = configDirectory(args);
        if (directory == null)
        {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }

        final VenueSimContext context;
        final VenueSimulator venue;
        try
        {
            context = VenueSimConfiguration.fromDirectory(directory);
            venue = new VenueSimulator(context);
            venue.start();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            System.err.println("venue-sim: " + ex.getMessage());
            System.exit(1);
            return;
        }

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(
            () ->
            {
                venue.close();
                stopped.countDown();
            },
            "venue-sim-shutdown"));

        try
        {
            printBanner(System.out, context);
        }
        catch (final RuntimeException | Error ex)
        {
            venue.close();
            throw ex;
        }
        stopped.await();
    }

    static Path configDirectory(final String[] args)
    {
        if (args.length == 2 && "--config".equals(args[0]))
        {
            return Paths.get(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--config="))
        {
            return Paths.get(args[0].substring("--config=".length()));
        }
        return null;
    }

    static void printBanner(final PrintStream out, final VenueSimContext context)
    {
        out.println("venue-sim running; Ctrl-C or SIGTERM stops it.");
        final SessionSettings settings = context.sessionSettings();
        final Iterator<SessionID> sessions = settings.sectionIterator();
        while (sessions.hasNext())
        {
            final SessionID session = sessions.next();
            out.println("  " + session.getBeginString() + ": connect to " + setting(settings, session,
                "SocketAcceptAddress", "0.0.0.0 (all interfaces)") + ":" +
                setting(settings, session, "SocketAcceptPort", "?") + " with SenderCompID=" +
                session.getTargetCompID() + " TargetCompID=" + session.getSenderCompID());
        }
        for (final SymbolSeed seed : context.symbols())
        {
            out.println("  book " + seed);
        }
        out.println("  house liquidity replenished: " + context.replenish());
    }

    private static String setting(
        final SessionSettings settings, final SessionID session, final String key, final String otherwise)
    {
        try
        {
            return settings.isSetting(session, key) ? settings.getString(session, key) : otherwise;
        }
        catch (final ConfigError ex)
        {
            return otherwise;
        }
    }
}
