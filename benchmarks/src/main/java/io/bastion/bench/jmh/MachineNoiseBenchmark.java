package io.bastion.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * A control for {@link OmsCoreBenchmark}'s latency percentiles: an operation that only burns CPU, touching no memory,
 * for about as long as one order takes the OMS core. Whatever tail it shows comes from the machine (other processes
 * taking the core, the hypervisor, interrupts), not from the code measured; run it next to the OMS core benchmark and
 * read the OMS core's tail against it. Same modes, units and run lengths as {@link OmsCoreBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MachineNoiseBenchmark
{
    /** Units of {@link Blackhole#consumeCPU(long)} per operation; 1000 is about 2 µs on the machine measured. */
    @Param("1000")
    public long tokens;

    /**
     * Burn CPU for about one order's time.
     */
    @Benchmark
    public void burnCpu()
    {
        Blackhole.consumeCPU(tokens);
    }
}
