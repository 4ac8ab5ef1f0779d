package io.bastion.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Settings of a {@link RoundTripBenchmark} run, from the command line or built fluently (tests).
 * <pre>
 *   --rate N       orders per second on each path's fixed schedule (default 2000)
 *   --warmup N     orders per path sent first and not recorded (default 5000)
 *   --orders N     orders per path recorded (default 20000)
 *   --block N      orders per block; the paths take turns block by block (default 100)
 *   --idle NAME    Bastion's idle strategy: wake, backoff, busyspin or sleep (default wake)
 *   --threading T  shared (OMS and gateway on one thread) or dedicated (default shared)
 *   --timeout-ms N an order not acked within this time is an error (default 10000)
 * </pre>
 */
public final class BenchmarkOptions
{
    /** Default of {@link #rate()}. */
    public static final int RATE_DEFAULT = 2000;
    /** Default of {@link #warmup()}. */
    public static final int WARMUP_DEFAULT = 5000;
    /** Default of {@link #orders()}. */
    public static final int ORDERS_DEFAULT = 20_000;
    /** Default of {@link #blockSize()}. */
    public static final int BLOCK_DEFAULT = 100;
    /** Default of {@link #idle()}. */
    public static final String IDLE_DEFAULT = "wake";

    /** Default of {@link #threading()}. */
    public static final String THREADING_DEFAULT = "shared";
    /** Default of {@link #timeoutMs()}. */
    public static final long TIMEOUT_MS_DEFAULT = 10_000;

    private static final List<String> IDLE_STRATEGIES = List.of("wake", "backoff", "busyspin", "sleep");
    private static final List<String> THREADINGS = List.of("shared", "dedicated");
    private static final int MAX_RATE = 1_000_000;
    private static final int MAX_ORDERS = 10_000_000;

    private int rate = RATE_DEFAULT;
    private int warmup = WARMUP_DEFAULT;
    private int orders = ORDERS_DEFAULT;
    private int blockSize = BLOCK_DEFAULT;
    private String idle = IDLE_DEFAULT;
    private String threading = THREADING_DEFAULT;
    private long timeoutMs = TIMEOUT_MS_DEFAULT;
    private boolean help;

    /**
     * The usage text of the command line.
     *
     * @return several lines, no trailing line separator.
     */
    public static String usage()
    {
        return String.join(System.lineSeparator(),
            "usage: bastion bench [options]",
            "Round trip NewOrderSingle -> ExecutionReport(ExecType 0) of one QuickFIX/J client, through Bastion",
            "(acceptor -> OMS -> venue initiator -> venue-sim) and directly to venue-sim, in the same run.",
            "  --rate N        orders per second on each path's fixed schedule (default " + RATE_DEFAULT + ")",
            "  --warmup N      orders per path sent first, not recorded (default " + WARMUP_DEFAULT + ")",
            "  --orders N      orders per path recorded (default " + ORDERS_DEFAULT + ")",
            "  --block N       orders per block; the paths take turns block by block (default " + BLOCK_DEFAULT + ")",
            "  --idle NAME     Bastion's idle strategy: wake, backoff, busyspin or sleep (default " + IDLE_DEFAULT + ")",
            "  --threading T   shared (OMS and gateway on one thread) or dedicated (default " + THREADING_DEFAULT +
                ")",
            "  --timeout-ms N  an order not acked within N ms is an error (default " + TIMEOUT_MS_DEFAULT + ")",
            "  --help          this text",
            "Exit status: 0 when every order was acked, 1 on any timeout, reject or fault, 2 on bad options.");
    }

    /**
     * Parse a command line.
     *
     * @param args the arguments.
     * @return the options.
     * @throws IllegalArgumentException naming the option at fault.
     */
    public static BenchmarkOptions parse(final String[] args)
    {
        final BenchmarkOptions options = new BenchmarkOptions();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg))
            {
                options.help = true;
                continue;
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(
                    arg.startsWith("--") ? "option " + arg + " needs a value" : "unknown argument " + arg);
            }
            final String value = args[++i];
            switch (arg)
            {
                case "--rate":
                    options.rate(intValue(arg, value));
                    break;
                case "--warmup":
                    options.warmup(intValue(arg, value));
                    break;
                case "--orders":
                    options.orders(intValue(arg, value));
                    break;
                case "--block":
                    options.blockSize(intValue(arg, value));
                    break;
                case "--idle":
                    options.idle(value);
                    break;
                case "--threading":
                    options.threading(value);
                    break;
                case "--timeout-ms":
                    options.timeoutMs(intValue(arg, value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    /**
     * @param rate orders per second on each path's schedule, 1 to 1,000,000.
     * @return this.
     */
    public BenchmarkOptions rate(final int rate)
    {
        this.rate = check("--rate", rate, 1, MAX_RATE);
        return this;
    }

    /**
     * @return orders per second on each path's schedule.
     */
    public int rate()
    {
        return rate;
    }

    /**
     * @param warmup orders per path sent before recording, 0 or more.
     * @return this.
     */
    public BenchmarkOptions warmup(final int warmup)
    {
        this.warmup = check("--warmup", warmup, 0, MAX_ORDERS);
        return this;
    }

    /**
     * @return orders per path sent before recording.
     */
    public int warmup()
    {
        return warmup;
    }

    /**
     * @param orders orders per path recorded, 1 or more.
     * @return this.
     */
    public BenchmarkOptions orders(final int orders)
    {
        this.orders = check("--orders", orders, 1, MAX_ORDERS);
        return this;
    }

    /**
     * @return orders per path recorded.
     */
    public int orders()
    {
        return orders;
    }

    /**
     * @param blockSize orders a path sends before the other path takes its turn, 1 or more.
     * @return this.
     */
    public BenchmarkOptions blockSize(final int blockSize)
    {
        this.blockSize = check("--block", blockSize, 1, MAX_ORDERS);
        return this;
    }

    /**
     * @return orders a path sends before the other path takes its turn.
     */
    public int blockSize()
    {
        return blockSize;
    }

    /**
     * @param idle Bastion's idle strategy: wake, backoff, busyspin or sleep.
     * @return this.
     */
    public BenchmarkOptions idle(final String idle)
    {
        if (!IDLE_STRATEGIES.contains(idle))
        {
            throw new IllegalArgumentException("--idle must be wake, backoff, busyspin or sleep: " + idle);
        }
        this.idle = idle;
        return this;
    }

    /**
     * @return Bastion's idle strategy.
     */
    public String idle()
    {
        return idle;
    }

    /**
     * @param threading shared or dedicated.
     * @return this.
     */
    public BenchmarkOptions threading(final String threading)
    {
        if (!THREADINGS.contains(threading))
        {
            throw new IllegalArgumentException("--threading must be shared or dedicated: " + threading);
        }
        this.threading = threading;
        return this;
    }

    /**
     * @return Bastion's threading: shared or dedicated.
     */
    public String threading()
    {
        return threading;
    }

    /**
     * @param timeoutMs an order not acked within this many milliseconds is an error, 1 or more.
     * @return this.
     */
    public BenchmarkOptions timeoutMs(final long timeoutMs)
    {
        this.timeoutMs = check("--timeout-ms", timeoutMs, 1, TimeUnit.HOURS.toMillis(1));
        return this;
    }

    /**
     * @return milliseconds within which every order must be acked.
     */
    public long timeoutMs()
    {
        return timeoutMs;
    }

    /**
     * @return true when the command line asked for the usage text.
     */
    public boolean help()
    {
        return help;
    }

    private static int intValue(final String option, final String value)
    {
        try
        {
            return Integer.parseInt(value.trim().replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + " needs a whole number: " + value, ex);
        }
    }

    private static int check(final String option, final int value, final int min, final int max)
    {
        return (int)check(option, (long)value, min, max);
    }

    private static long check(final String option, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return value;
    }
}
