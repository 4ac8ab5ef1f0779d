package io.bastion.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this process and of its threads, to tell whether a round trip is spent computing or waiting for a
 * thread to wake up. Threads are grouped by name with digits removed, so QuickFIX/J's numbered I/O threads add up.
 */
final class ThreadCpu
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> startCpuNsByThread = new HashMap<>();

    /**
     * @return CPU time of the whole process in nanoseconds, or -1 when the JVM does not tell.
     */
    static long processCpuNs()
    {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean)
        {
            return ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Remember every live thread's CPU time.
     */
    void start()
    {
        startCpuNsByThread.clear();
        if (!THREADS.isThreadCpuTimeSupported())
        {
            return;
        }
        for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds()))
        {
            if (info != null)
            {
                final long cpuNs = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpuNs >= 0)
                {
                    startCpuNsByThread.put(info.getThreadId(), cpuNs);
                }
            }
        }
    }

    /**
     * CPU time since {@link #start()} by thread group, largest first; threads started since count from zero.
     *
     * @return group name and nanoseconds.
     */
    List<Map.Entry<String, Long>> sinceStart()
    {
        final Map<String, Long> byGroup = new HashMap<>();
        if (THREADS.isThreadCpuTimeSupported())
        {
            for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds()))
            {
                if (info != null)
                {
                    final long cpuNs = THREADS.getThreadCpuTime(info.getThreadId());
                    if (cpuNs >= 0)
                    {
                        final long usedNs = cpuNs - startCpuNsByThread.getOrDefault(info.getThreadId(), 0L);
                        byGroup.merge(group(info.getThreadName()), usedNs, Long::sum);
                    }
                }
            }
        }
        final List<Map.Entry<String, Long>> groups = new ArrayList<>(byGroup.entrySet());
        groups.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return groups;
    }

    private static String group(final String threadName)
    {
        final int bracket = threadName.indexOf('[');
        if (bracket >= 0 && threadName.endsWith("]"))
        {
            // Agent threads are named after their role; a composite's is "[a,b]", and the embedded media driver's
            // shared thread carries its random directory name before the roles.
            final String roles = threadName.substring(bracket);
            return roles.contains("driver-conductor") ? "media driver " + roles : roles;
        }
        return threadName.replaceAll("[0-9]+", "#");
    }
}
