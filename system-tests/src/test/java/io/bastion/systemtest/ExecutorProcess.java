package io.bastion.systemtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * QuickFIX/J's example Executor as a venue, in its own JVM on the QuickFIX/J it was built for (see the system-tests
 * pom), accepting Bastion's SIM session on the port venues.cfg names.
 */
final class ExecutorProcess implements AutoCloseable
{
    private final Process process;

    private ExecutorProcess(final Process process)
    {
        this.process = process;
    }

    static ExecutorProcess start(final TestConfig config, final String marketPrice)
    {
        final Path lib = Path.of(System.getProperty("bastion.executor.lib", "target/executor-lib"));
        final Path settings = config.root.resolve("executor.cfg");
        try
        {
            Files.writeString(settings, String.join(System.lineSeparator(), List.of(
                "[DEFAULT]",
                "ConnectionType=acceptor",
                "SocketAcceptAddress=127.0.0.1",
                "SocketAcceptPort=" + config.venuePort,
                "SenderCompID=SIM",
                "StartTime=00:00:00",
                "EndTime=00:00:00",
                "HeartBtInt=30",
                "UseDataDictionary=Y",
                "FileStorePath=" + config.root.resolve("executor-store"),
                "ValidOrderTypes=1,2",
                "DefaultMarketPrice=" + marketPrice,
                "AlwaysFillLimitOrders=N",
                "",
                "[SESSION]",
                "BeginString=FIX.4.4",
                "TargetCompID=BASTION",
                "")));
            final Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib.toAbsolutePath() + "/*",
                "quickfix.examples.executor.Executor", settings.toString())
                .directory(config.root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(config.root.resolve("executor.log").toFile())
                .start();
            final ExecutorProcess executor = new ExecutorProcess(process);
            executor.awaitPort(config.venuePort);
            return executor;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void awaitPort(final int port)
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException("the Executor exited with " + process.exitValue());
            }
            try (Socket socket = new Socket())
            {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (final IOException notYet)
            {
                try
                {
                    Thread.sleep(50);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new IllegalStateException("the Executor never listened on " + port);
    }

    public void close()
    {
        try (OutputStream stdin = process.getOutputStream())
        {
            stdin.write('\n');
        }
        catch (final IOException ignored)
        {
            // already gone
        }
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
