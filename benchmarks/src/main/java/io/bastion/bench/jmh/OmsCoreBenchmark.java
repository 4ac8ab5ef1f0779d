package io.bastion.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The OMS core alone, no I/O (DESIGN.md target: at least 1 M orders/s on one thread, p99 at most 5 µs, 0 bytes
 * allocated per order). One operation is one order's whole life through {@link OmsCore}: the OMS's order state
 * machine, pre-trade risk checks, positions (Chronicle Map) and SBE encoding of everything it publishes.
 * <ul>
 *     <li>{@code newAckFill}: new order, venue ack, one full fill (3 inbound messages, 3 outbound).</li>
 *     <li>{@code newAckPartialFillCancel}: new order, venue ack, partial fill, client cancel, venue cancel
 *     confirmation (5 inbound, 6 outbound).</li>
 * </ul>
 * Throughput is in orders per microsecond (1.0 ops/us = 1 M orders/s); sample time in microseconds per order.
 * Run with {@code -prof gc} for {@code gc.alloc.rate.norm}, the bytes allocated per order.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true",
    "-Dsbe.enable.precedence.checks=false" })
public class OmsCoreBenchmark
{
    /** Orders the OMS holds; beyond it, each new order recycles the oldest finished one. */
    @Param("100000")
    public int orderCapacity;

    private OmsCore core;

    /**
     * Create the OMS core and log its venue on, then collect once: the OMS's pools (a few hundred MB of long-lived
     * objects at the default capacity) would otherwise be copied by the first young collection, a one-off pause of
     * tens of milliseconds at start that would land in whichever iteration it happened to fall.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        core = new OmsCore(orderCapacity);
        System.gc();
    }

    /**
     * Check that every order went the expected way, then free the positions file.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            System.out.println();
            System.out.println("OMS core: " + core.verify());
        }
        finally
        {
            core.close();
        }
    }

    /**
     * New order, venue ack, full fill.
     *
     * @return execution reports so far, for JMH to consume.
     */
    @Benchmark
    public long newAckFill()
    {
        return core.newAckFill();
    }

    /**
     * New order, venue ack, partial fill, cancel, venue cancel confirmation.
     *
     * @return execution reports so far, for JMH to consume.
     */
    @Benchmark
    public long newAckPartialFillCancel()
    {
        return core.newAckPartialFillCancel();
    }
}
