package io.bastion.bench;

import io.bastion.app.Bastion;
import io.bastion.app.BastionConfig;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Benchmark v1: the new-order to ack round trip through Bastion against the same client trading venue-sim directly,
 * in one run (see the package documentation for the picture).
 * <p>
 * It writes a configuration into a fresh temporary directory, launches Bastion in this process with its simulated
 * venue, and connects one QuickFIX/J client with two sessions: BENCH to Bastion and DIRECT to venue-sim. Every order
 * is a buy of 1 far below the market, so it rests and is acked exactly once. Each route gets the same fixed-rate
 * schedule; the routes take turns in blocks (Bastion first), each block drained before the next, so both see the
 * same machine conditions without queueing behind each other. A round trip is measured from the order's intended
 * send time on the schedule to the arrival of its ack, so a sender that falls behind still charges the delay to the
 * orders it delayed (no coordinated omission). Latencies go into HdrHistograms with 3 significant digits.
 * <p>
 * A timeout, reject, unexpected message or Bastion fault is an error; the exit status is then 1.
 */
public final class RoundTripBenchmark
{
    /** The p50 ratio through Bastion over direct that DESIGN.md's performance targets allow. */
    public static final double P50_RATIO_TARGET = 2.2;

    private static final double[] PERCENTILES = { 50, 90, 99, 99.9, 100 };
    private static final String[] PERCENTILE_NAMES = { "p50", "p90", "p99", "p99.9", "max" };
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long DRAIN_POLL_NS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final double NANOS_PER_MICRO = 1000.0;
    private static final int MAX_THREAD_GROUPS = 12;
    private static final int THREAD_GROUPS_PER_LINE = 4;

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final long periodNs;
    private final long timeoutNs;
    private final Map<Route, OrderLog> logs = new EnumMap<>(Route.class);
    private final BenchmarkResult result;
    private final ThreadCpu threadCpu = new ThreadCpu();
    private final Pacer pacer = new Pacer();
    private long recordingWallNs;
    private List<Map.Entry<String, Long>> recordingCpuByThread = List.of();

    private RoundTripBenchmark(final BenchmarkOptions options, final PrintStream out)
    {
        this.options = options;
        this.out = out;
        periodNs = TimeUnit.SECONDS.toNanos(1) / options.rate();
        timeoutNs = TimeUnit.MILLISECONDS.toNanos(options.timeoutMs());
        result = new BenchmarkResult(timeoutNs);
        for (final Route route : Route.values())
        {
            logs.put(route, new OrderLog(route, options.warmup() + options.orders()));
        }
    }

    /**
     * Run from the command line (see {@link BenchmarkOptions#usage()}); exits 0 when every order was acked, 1 on any
     * error, 2 on bad options.
     *
     * @param args options.
     */
    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        if (System.getProperty("sbe.enable.precedence.checks") == null)
        {
            // Field-order checks are for tests (which set the property); SBE would otherwise turn them on.
            System.setProperty("sbe.enable.precedence.checks", "false");
        }
        final BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("bench: " + ex.getMessage());
            System.err.println(BenchmarkOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help())
        {
            System.out.println(BenchmarkOptions.usage());
            return;
        }

        int status = 1;
        try
        {
            status = run(options, System.out).errors() == 0 ? 0 : 1;
        }
        catch (final Exception ex)
        {
            System.err.println("bench: the run failed");
            ex.printStackTrace();
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * One run, printing the report as it goes.
     *
     * @param options the settings.
     * @param out     where the report goes.
     * @return the results.
     * @throws Exception if Bastion or the client cannot start.
     */
    public static BenchmarkResult run(final BenchmarkOptions options, final PrintStream out) throws Exception
    {
        return new RoundTripBenchmark(options, out).run();
    }

    private BenchmarkResult run() throws Exception
    {
        out.println("Bastion round-trip benchmark v1: NewOrderSingle -> ExecutionReport(ExecType 0), " +
            "one QuickFIX/J client, through Bastion vs direct to venue-sim");
        Machine.describe().forEach(out::println);
        out.println("load: " + Machine.loadAverage() + " (1, 5, 15 min) before the run");
        if (Machine.oneMinuteLoad() > Runtime.getRuntime().availableProcessors() / 2.0)
        {
            out.println("WARNING: the machine is already busy; expect noisy, pessimistic numbers");
        }
        out.printf(Locale.ROOT, "rate: %d orders/s per path on a fixed schedule; %d warm-up + %d recorded orders per " +
            "path;%n      paths alternate in blocks of %d orders (through Bastion first), each block drained before " +
            "the next;%n      latency = ack arrival - intended send time (coordinated omission corrected); " +
            "timeout %d ms%n", options.rate(), options.warmup(), options.orders(), options.blockSize(),
            options.timeoutMs());
        out.println("bastion: idle strategy " + options.idle() + ", threading " + options.threading() +
            ", embedded media driver, venue-sim and client in " +
            "this JVM, file message stores, audit journal (fsync), no FIX message logs");
        out.flush();

        final Path directory = Files.createTempDirectory("bastion-bench-");
        try
        {
            final long totalOrders = (long)options.warmup() + options.orders();
            final BenchmarkConfig config = BenchmarkConfig.write(directory, options.idle(), options.threading(), totalOrders);
            try (Bastion bastion = Bastion.launch(BastionConfig.load(config.directory())))
            {
                try (BenchClient client = new BenchClient(config.clientPort(), config.venueSimPort(),
                    BenchmarkConfig.SYMBOL, BenchmarkConfig.ORDER_PRICE, logs))
                {
                    client.connect(CONNECT_TIMEOUT_NS);
                    measure(client);
                }
                result.bastionFaults(bastion.faults());
            }
        }
        finally
        {
            delete(directory);
        }
        report();
        return result;
    }

    private void measure(final BenchClient client)
    {
        out.printf(Locale.ROOT, "warming up: %d orders per path...%n", options.warmup());
        out.flush();
        if (!runPhase(client, 0, options.warmup(), false))
        {
            return;
        }

        out.printf(Locale.ROOT, "recording: %d orders per path...%n", options.orders());
        out.flush();
        final long gcCount = Machine.gcCount();
        final long gcTimeMs = Machine.gcTimeMs();
        final long startNs = System.nanoTime();
        threadCpu.start();
        runPhase(client, options.warmup(), options.warmup() + options.orders(), true);
        recordingWallNs = System.nanoTime() - startNs;
        recordingCpuByThread = threadCpu.sinceStart();
        result.gc(Machine.gcCount() - gcCount, Machine.gcTimeMs() - gcTimeMs);
    }

    private boolean runPhase(final BenchClient client, final int from, final int to, final boolean record)
    {
        for (int blockFrom = from; blockFrom < to; blockFrom += options.blockSize())
        {
            final int blockTo = Math.min(to, blockFrom + options.blockSize());
            for (final Route route : Route.values())
            {
                if (!runBlock(client, route, blockFrom, blockTo, record))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Send one block of a route on its schedule, wait for its answers, and tally them.
     *
     * @return false when the run must stop: an order timed out.
     */
    private boolean runBlock(
        final BenchClient client, final Route route, final int from, final int to, final boolean record)
    {
        final OrderLog log = logs.get(route);
        final PathResult path = result.path(route);
        final long cpuStartNs = ThreadCpu.processCpuNs();
        final long wallStartNs = System.nanoTime();
        final long startNs = wallStartNs + periodNs;
        long lastSentNs = startNs;
        for (int index = from; index < to; index++)
        {
            final long intendedNs = startNs + (index - from) * periodNs;
            pacer.awaitTime(intendedNs);
            if (client.send(route, index))
            {
                lastSentNs = System.nanoTime();
                log.onSent(index, intendedNs, lastSentNs);
            }
            else
            {
                log.onNotSent(index, intendedNs, route.label() + ": session not logged on, order " +
                    BenchClient.clOrdId(route, index) + " not sent");
            }
        }
        if (record)
        {
            path.onBlockSent(to - from, lastSentNs - startNs);
        }

        final long deadlineNs = lastSentNs + timeoutNs;
        while (log.answered() < to && System.nanoTime() - deadlineNs < 0)
        {
            LockSupport.parkNanos(DRAIN_POLL_NS);
        }

        boolean timedOut = false;
        for (int index = from; index < to; index++)
        {
            final int state = log.state(index);
            final long latencyNs = log.ackNs(index) - log.intendedNs(index);
            if (state == OrderLog.PENDING || (state == OrderLog.ACKED && latencyNs > timeoutNs))
            {
                path.onTimeout();
                timedOut = true;
            }
            else if (state == OrderLog.NOT_SENT)
            {
                path.onNotSent();
            }
            else if (state == OrderLog.ACKED && record)
            {
                path.onAck(latencyNs, log.sentNs(index) - log.intendedNs(index));
            }
        }
        path.answers(log);
        if (record)
        {
            final long cpuEndNs = ThreadCpu.processCpuNs();
            final long cpuNs = cpuStartNs < 0 || cpuEndNs < 0 ? -1 : cpuEndNs - cpuStartNs;
            path.onBlockDone(cpuNs, System.nanoTime() - wallStartNs);
        }
        if (timedOut)
        {
            result.abort(route.label() + ": orders not acked within " + options.timeoutMs() + " ms in the block " +
                "starting at " + BenchClient.clOrdId(route, from));
            return false;
        }
        return true;
    }

    private void report()
    {
        final PathResult bastion = result.path(Route.THROUGH_BASTION);
        final PathResult direct = result.path(Route.DIRECT);
        out.println();
        printHeader("round trip, microseconds", "rate/s");
        printRow(Route.THROUGH_BASTION.label(), bastion.latencyNs(), bastion.achievedRate());
        printRow(Route.DIRECT.label(), direct.latencyNs(), direct.achievedRate());
        printRatios(bastion.latencyNs(), direct.latencyNs());
        final double p50Ratio = result.ratio(50);
        out.printf(Locale.ROOT, "p50 ratio %.2fx vs DESIGN.md target <= %.1fx: %s; Bastion adds %.1f us at p50%n",
            p50Ratio, P50_RATIO_TARGET,
            Double.isNaN(p50Ratio) ? "NOT MEASURED" : p50Ratio <= P50_RATIO_TARGET ? "MET" : "NOT MET",
            (bastion.latencyNs().getValueAtPercentile(50) - direct.latencyNs().getValueAtPercentile(50)) /
            NANOS_PER_MICRO);

        out.println();
        out.println("diagnosis (not the result):");
        printHeader("from actual send, us", "");
        printRow(Route.THROUGH_BASTION.label(), bastion.fromSendNs(), Double.NaN);
        printRow(Route.DIRECT.label(), direct.fromSendNs(), Double.NaN);
        printRatios(bastion.fromSendNs(), direct.fromSendNs());
        printHeader("sender lateness, us", "");
        printRow(Route.THROUGH_BASTION.label(), bastion.senderLatenessNs(), Double.NaN);
        printRow(Route.DIRECT.label(), direct.senderLatenessNs(), Double.NaN);
        out.printf(Locale.ROOT, "sender parks until %.1f us before each send (learnt parkNanos overshoot), then " +
            "yields%n", (pacer.overshootNs() + Pacer.CUSHION_NS) / NANOS_PER_MICRO);
        for (final Route route : Route.values())
        {
            final PathResult path = result.path(route);
            final double cpuNsPerOrder = path.cpuNsPerOrder();
            out.printf(Locale.ROOT, "process CPU while %s blocks ran: %s us per order, %.2f cores busy%n",
                route.label(), cpuNsPerOrder < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f",
                cpuNsPerOrder / NANOS_PER_MICRO), path.coresBusy());
        }
        reportThreads();
        out.printf(Locale.ROOT, "GC while recording: %d collections, %d ms; load average after the run: %s%n",
            result.gcCount(), result.gcTimeMs(), Machine.loadAverage());
        reportErrors();
        out.flush();
    }

    private void printRatios(final Histogram bastion, final Histogram direct)
    {
        out.printf(Locale.ROOT, "%-26s %8s %10s", "ratio Bastion / direct", "", "");
        for (final double percentile : PERCENTILES)
        {
            final boolean empty = bastion.getTotalCount() == 0 || direct.getTotalCount() == 0;
            out.printf(Locale.ROOT, " %8.2fx", empty ? Double.NaN :
                (double)bastion.getValueAtPercentile(percentile) / direct.getValueAtPercentile(percentile));
        }
        out.println();
    }

    private void printHeader(final String title, final String rateTitle)
    {
        out.printf(Locale.ROOT, "%-26s %8s %10s %9s %9s %9s %9s %9s%n", title, "count", rateTitle,
            PERCENTILE_NAMES[0], PERCENTILE_NAMES[1], PERCENTILE_NAMES[2], PERCENTILE_NAMES[3], PERCENTILE_NAMES[4]);
    }

    private void printRow(final String label, final Histogram histogram, final double rate)
    {
        out.printf(Locale.ROOT, "%-26s %8d %10s", label, histogram.getTotalCount(),
            Double.isNaN(rate) ? "" : String.format(Locale.ROOT, "%.1f", rate));
        for (final double percentile : PERCENTILES)
        {
            out.printf(Locale.ROOT, " %9.1f", histogram.getValueAtPercentile(percentile) / NANOS_PER_MICRO);
        }
        out.println();
    }

    private void reportThreads()
    {
        final StringBuilder line = new StringBuilder("CPU by thread while recording, % of one core:");
        int shown = 0;
        for (final Map.Entry<String, Long> entry : recordingCpuByThread)
        {
            final double percent = recordingWallNs <= 0 ? 0 : 100.0 * entry.getValue() / recordingWallNs;
            if (shown == MAX_THREAD_GROUPS || percent < 0.5)
            {
                break;
            }
            if (shown % THREAD_GROUPS_PER_LINE == 0)
            {
                line.append(System.lineSeparator()).append("   ");
            }
            line.append(String.format(Locale.ROOT, " %s %.0f%%;", entry.getKey(), percent));
            shown++;
        }
        out.println(line);
    }

    private void reportErrors()
    {
        if (result.errors() == 0)
        {
            out.println("errors: none");
            return;
        }
        out.println("ERRORS:");
        for (final Route route : Route.values())
        {
            final PathResult path = result.path(route);
            out.printf(Locale.ROOT, "  %s: %d timeouts, %d rejects, %d not sent, %d duplicate answers, " +
                "%d unexpected messages%n", route.label(), path.timeouts(), path.rejects(), path.notSent(),
                path.duplicates(), path.unexpected());
            if (path.firstProblem() != null)
            {
                out.println("    first: " + path.firstProblem());
            }
        }
        if (result.bastionFaults() > 0)
        {
            out.println("  Bastion reported " + result.bastionFaults() + " faults (see its log)");
        }
        if (result.abortReason() != null)
        {
            out.println("  stopped early: " + result.abortReason());
        }
    }

    private static void delete(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(RoundTripBenchmark::deleteOne);
        }
        catch (final IOException | UncheckedIOException ex)
        {
            System.err.println("bench: could not delete " + directory + ": " + ex);
        }
    }

    private static void deleteOne(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
