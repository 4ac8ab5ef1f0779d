package io.bastion.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the benchmark end to end with tiny numbers. Asserts counts and the absence of errors, never timings.
 */
class RoundTripBenchmarkTest
{
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAckEveryOrderOnBothRoutesAndRecordOnlyTheMeasuredOnes() throws Exception
    {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final BenchmarkOptions options = new BenchmarkOptions().rate(500).warmup(50).orders(200).blockSize(70);

        final BenchmarkResult result;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8))
        {
            result = RoundTripBenchmark.run(options, out);
        }
        final String report = output.toString(StandardCharsets.UTF_8);
        System.out.println(report);

        assertEquals(0, result.errors(), report);
        assertNull(result.abortReason(), report);
        assertEquals(0, result.bastionFaults(), report);
        for (final Route route : Route.values())
        {
            final PathResult path = result.path(route);
            assertEquals(200, path.latencyNs().getTotalCount(), route.label());
            assertEquals(200, path.senderLatenessNs().getTotalCount(), route.label());
            assertEquals(0, path.errors(), route.label());
        }
        assertTrue(report.contains("ratio Bastion / direct"), report);
        assertTrue(report.contains("errors: none"), report);
    }

    @Test
    void shouldParseOptionsAndRefuseBadOnes()
    {
        final BenchmarkOptions options = BenchmarkOptions.parse(
            new String[]{ "--rate", "3000", "--warmup", "0", "--orders", "10", "--idle", "busyspin", "--block", "5",
                "--threading", "dedicated" });
        assertEquals(3000, options.rate());
        assertEquals(0, options.warmup());
        assertEquals(10, options.orders());
        assertEquals("busyspin", options.idle());
        assertEquals(5, options.blockSize());
        assertEquals("dedicated", options.threading());
        assertEquals("wake", BenchmarkOptions.parse(new String[]{}).idle());
        assertEquals("shared", BenchmarkOptions.parse(new String[]{}).threading());
        assertTrue(BenchmarkOptions.parse(new String[]{ "--help" }).help());

        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[]{ "--rate", "0" }));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[]{ "--idle", "nap" }));
        assertThrows(IllegalArgumentException.class,
            () -> BenchmarkOptions.parse(new String[]{ "--threading", "many" }));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[]{ "--orders" }));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[]{ "--bogus", "1" }));
    }
}
