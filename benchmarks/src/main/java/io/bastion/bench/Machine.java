package io.bastion.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark ran on, for the top of its report.
 */
final class Machine
{
    private Machine()
    {
    }

    /**
     * @return lines naming cores, CPU model, memory, JVM, heap, collectors and operating system.
     */
    static List<String> describe()
    {
        final Runtime runtime = Runtime.getRuntime();
        final List<String> collectors = new ArrayList<>();
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            collectors.add(collector.getName());
        }
        final List<String> lines = new ArrayList<>();
        lines.add("cpu:  " + runtime.availableProcessors() + " cores available, " +
            procValue("/proc/cpuinfo", "model name", "model unknown"));
        lines.add("ram:  " + procValue("/proc/meminfo", "MemTotal", "unknown") + "; max heap " +
            runtime.maxMemory() / (1024 * 1024) + " MiB; GC " + String.join(", ", collectors));
        lines.add("jvm:  " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") +
            " (" + System.getProperty("java.vm.vendor") + ")");
        lines.add("os:   " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
            System.getProperty("os.arch"));
        return lines;
    }

    /**
     * @return collections so far, over all collectors.
     */
    static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    /**
     * @return milliseconds of collection so far, over all collectors.
     */
    static long gcTimeMs()
    {
        long timeMs = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            timeMs += Math.max(0, collector.getCollectionTime());
        }
        return timeMs;
    }

    /**
     * @return the 1, 5 and 15 minute load averages, or "unknown".
     */
    static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (final IOException | RuntimeException ex)
        {
            return "unknown";
        }
    }

    /**
     * @return the 1 minute load average, or 0 when unknown.
     */
    static double oneMinuteLoad()
    {
        try
        {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    private static String procValue(final String file, final String key, final String absent)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8))
            {
                final int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key))
                {
                    return line.substring(colon + 1).trim().replaceAll("\\s+", " ");
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return absent;
        }
        return absent;
    }
}
