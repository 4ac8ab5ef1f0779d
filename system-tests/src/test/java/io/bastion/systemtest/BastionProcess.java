package io.bastion.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bastion as a real operating-system process ({@code BastionMain run --config DIR}), so tests can kill it and start
 * it again.
 */
final class BastionProcess implements AutoCloseable
{
    private final Process process;
    private final Path log;

    private BastionProcess(final Process process, final Path log)
    {
        this.process = process;
        this.log = log;
    }

    static BastionProcess start(final TestConfig config, final String logName)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(System.getProperty("bastion.test.jvm.flags", "").trim().split("\\s+"))
            .filter(s -> !s.isEmpty()).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.bastion.app.BastionMain");
        command.add("run");
        command.add("--config");
        command.add(config.configDir.toString());

        final Path log = config.root.resolve(logName);
        try
        {
            final Process process = new ProcessBuilder(command)
                .directory(config.root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
            final BastionProcess bastion = new BastionProcess(process, log);
            bastion.awaitPort(config.clientPort);
            return bastion;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Kill the process without letting it shut down (SIGKILL).
     */
    void kill()
    {
        process.destroyForcibly();
        awaitExit(30);
    }

    public void close()
    {
        if (process.isAlive())
        {
            process.destroy();
            if (!awaitExit(10))
            {
                kill();
            }
        }
    }

    private boolean awaitExit(final int seconds)
    {
        try
        {
            return process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitPort(final int port)
    {
        final long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException("Bastion exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket())
            {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (final IOException ex)
            {
                try
                {
                    Thread.sleep(50);
                }
                catch (final InterruptedException ie)
                {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
        throw new IllegalStateException("Bastion did not listen on " + port + " within 60 s; see " + log);
    }

    File logFile()
    {
        return log.toFile();
    }
}
