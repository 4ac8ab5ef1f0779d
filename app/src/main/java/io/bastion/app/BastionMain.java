package io.bastion.app;

import io.bastion.compliance.AuditDump;
import io.bastion.compliance.AuditProof;
import io.bastion.compliance.AuditVerifier;
import io.bastion.oms.Position;
import io.bastion.protocol.FixedPoint;
import io.bastion.venuesim.VenueSimMain;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code run}, {@code demo} and {@code venue-sim}, each with {@code --config DIR}.
 */
public final class BastionMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: bastion <command> [--config DIR]",
        "  run        start Bastion: FIX acceptor for clients, OMS, venue sessions, simulated venue",
        "  demo       start Bastion and a built-in client that trades and prints a live summary",
        "             [--orders N] stop after N orders (default: run until interrupted)",
        "  venue-sim  run only the simulated venue (reads venue-sim.cfg and venuesim.* properties)",
        "  audit-dump DIR   print every record of an audit journal directory (exit 1 if damaged)",
        "  audit verify DIR --public-key FILE   verify an audit journal: records, hash chain, signed checkpoints",
        "             (exit 0 intact, 1 not, with the first problem)",
        "  audit prove DIR SEQ   print an inclusion proof of one record (checks offline with check-proof)",
        "  audit check-proof FILE --public-key FILE   check an inclusion proof without the journal",
        "DIR defaults to ./config");

    private BastionMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args command and options.
     * @throws Exception if start-up fails.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        if (System.getProperty("sbe.enable.precedence.checks") == null)
        {
            // Field-order checks are for tests (which set the property); SBE would otherwise turn them on.
            System.setProperty("sbe.enable.precedence.checks", "false");
        }
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]))
        {
            System.out.println(USAGE);
            return;
        }

        final String command = args[0];
        if ("audit-dump".equals(command))
        {
            System.exit(AuditDump.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if ("audit".equals(command) && args.length > 1)
        {
            final String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
            switch (args[1])
            {
                case "verify" -> System.exit(AuditVerifier.run(rest, System.out, System.err));
                case "prove" -> System.exit(AuditProof.runProve(rest, System.out, System.err));
                case "check-proof" -> System.exit(AuditProof.runCheck(rest, System.out, System.err));
                default ->
                {
                    System.err.println("unknown audit command '" + args[1] + "'");
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        Path configDir = Path.of("config");
        long orders = Long.MAX_VALUE;
        for (int i = 1; i < args.length; i++)
        {
            if ("--config".equals(args[i]) && i + 1 < args.length)
            {
                configDir = Path.of(args[++i]);
            }
            else if ("--orders".equals(args[i]) && i + 1 < args.length)
            {
                orders = Long.parseLong(args[++i]);
            }
            else
            {
                fail("unknown option " + args[i]);
            }
        }
        if (!Files.isDirectory(configDir))
        {
            fail("configuration directory not found: " + configDir.toAbsolutePath());
        }

        switch (command)
        {
            case "run":
                run(configDir);
                break;
            case "demo":
                demo(configDir, orders);
                break;
            case "venue-sim":
                // venue-sim.cfg refers to ${bastion.dataDir}; QuickFIX/J substitutes system properties.
                System.setProperty(BastionConfig.DATA_DIR_PROP, BastionConfig.load(configDir).dataDir().toString());
                VenueSimMain.main(new String[]{ "--config", configDir.toString() });
                break;
            default:
                fail("unknown command " + command);
        }
    }

    private static void run(final Path configDir) throws InterruptedException
    {
        final Bastion bastion = Bastion.launch(BastionConfig.load(configDir));
        final CountDownLatch closed = new CountDownLatch(1);
        // The JVM halts once its shutdown hooks finish, so the hook itself closes Bastion: FIX sessions log out,
        // files close and the embedded media driver removes its directory.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            bastion.close();
            closed.countDown();
        }, "bastion-shutdown"));
        printBanner(bastion, System.out);
        closed.await();
    }

    private static void demo(final Path configDir, final long orders) throws Exception
    {
        final Bastion bastion = Bastion.launch(BastionConfig.load(configDir));
        final DemoClient client = new DemoClient(bastion, System.out);
        final Thread shutdown = new Thread(() ->
        {
            client.close();
            bastion.close();
        }, "bastion-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        printBanner(bastion, System.out);
        try
        {
            client.run(orders);
        }
        finally
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(shutdown);
                shutdown.run();
            }
            catch (final IllegalStateException ex)
            {
                // The JVM is already shutting down and the hook is closing everything.
            }
        }
    }

    /**
     * Print where clients connect and what runs.
     *
     * @param bastion the running process.
     * @param out     where to print.
     */
    static void printBanner(final Bastion bastion, final PrintStream out)
    {
        final BastionConfig config = bastion.config();
        out.println("Bastion is running (config " + config.directory().toAbsolutePath().normalize() + ", data " +
            config.dataDir() + ")");
        for (final String line : clientSessions(config.clientSettings()))
        {
            out.println("  FIX client session: " + line);
        }
        out.println("  venues: " + String.join(", ", config.venues()) +
            (bastion.venueSim() != null ? " (simulated venue running in process)" : ""));
        out.println("  positions: " + config.positionsFile());
        if (bastion.auditJournal() != null)
        {
            out.println("  audit journal: " + config.auditJournalDir() + " (ops/bastion audit-dump DIR prints it)");
        }
        out.println("Stop with Ctrl-C.");
    }

    static List<String> clientSessions(final SessionSettings settings)
    {
        final List<String> lines = new ArrayList<>();
        final List<SessionID> ids = new ArrayList<>();
        settings.sectionIterator().forEachRemaining(ids::add);
        ids.sort(java.util.Comparator.comparing(SessionID::toString));
        for (final SessionID id : ids)
        {
            try
            {
                final String host = settings.getStringOrDefault(id, "SocketAcceptAddress", "0.0.0.0");
                final String port = settings.getString(id, "SocketAcceptPort");
                final boolean password = settings.isSetting(id, "LogonPassword");
                lines.add(id.getBeginString() + " SenderCompID=" + id.getTargetCompID() + " TargetCompID=" +
                    id.getSenderCompID() + " at " + host + ":" + port +
                    (password ? " (Logon needs Password 554)" : " (no password)"));
            }
            catch (final ConfigError ex)
            {
                lines.add(id + ": " + ex.getMessage());
            }
        }
        return lines;
    }

    static String describe(final Position position)
    {
        final long boughtAvg = position.boughtQty() == 0 ? 0 :
            FixedPoint.mulDiv(position.boughtNotional(), FixedPoint.SCALE, position.boughtQty());
        final long soldAvg = position.soldQty() == 0 ? 0 :
            FixedPoint.mulDiv(position.soldNotional(), FixedPoint.SCALE, position.soldQty());
        return String.format("%s %-5s net %10s @ %-12s bought %8s @ %-10s sold %8s @ %-10s fills %d" +
            "  realised %s unrealised %s",
            position.account(), position.symbol(), FixedPoint.toString(position.netQty()),
            FixedPoint.toString(position.avgCost()), FixedPoint.toString(position.boughtQty()),
            FixedPoint.toString(boughtAvg), FixedPoint.toString(position.soldQty()), FixedPoint.toString(soldAvg),
            position.fillCount(), FixedPoint.toString(position.realisedPnl()),
            FixedPoint.toString(position.unrealisedPnl()));
    }

    private static void fail(final String message)
    {
        System.err.println("bastion: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
