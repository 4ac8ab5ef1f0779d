package io.bastion.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of the project's default configuration directory in a temporary directory, with free ports and its own
 * data directory, so tests exercise the configuration users get.
 */
final class TestConfig
{
    final Path root;
    final Path configDir;
    final Path dataDir;
    final int clientPort;
    final int venuePort;

    private TestConfig(final Path root, final int clientPort, final int venuePort)
    {
        this.root = root;
        this.configDir = root.resolve("config");
        this.dataDir = root.resolve("data");
        this.clientPort = clientPort;
        this.venuePort = venuePort;
    }

    static TestConfig create()
    {
        try
        {
            final Path root = Files.createTempDirectory("bastion-system-test");
            final TestConfig config = new TestConfig(root, freePort(), freePort());
            Files.createDirectories(config.configDir);
            final Path source = Path.of(System.getProperty("bastion.config.dir", "../config"));
            config.copy(source, "bastion.properties", "bastion.dataDir=data",
                "bastion.dataDir=" + config.dataDir);
            config.copy(source, "clients.cfg", "SocketAcceptPort=9878", "SocketAcceptPort=" + config.clientPort);
            config.copy(source, "venues.cfg", "SocketConnectPort=9880", "SocketConnectPort=" + config.venuePort);
            config.copy(source, "venue-sim.cfg", "SocketAcceptPort=9880", "SocketAcceptPort=" + config.venuePort);
            config.copy(source, "risk.properties", "risk.accounts=ACME,DEMO-ACCT,DEMO-MM",
                "risk.accounts=ACME,DEMO-ACCT,DEMO-MM,PROBE");
            // VenueReady's probes rest far from the market (price 1): a collar of 100% lets them through.
            config.withRisk("risk.account.PROBE.collarPercent=100");
            return config;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Override properties of bastion.properties (later keys win when a properties file is loaded).
     *
     * @param lines {@code key=value} lines.
     * @return this.
     */
    TestConfig withProperties(final String... lines)
    {
        return append("bastion.properties", lines);
    }

    /**
     * Override risk settings of risk.properties (later keys win when a properties file is loaded).
     *
     * @param lines {@code risk.key=value} lines.
     * @return this.
     */
    TestConfig withRisk(final String... lines)
    {
        return append("risk.properties", lines);
    }

    private TestConfig append(final String file, final String... lines)
    {
        try
        {
            Files.writeString(configDir.resolve(file),
                System.lineSeparator() + String.join(System.lineSeparator(), lines) + System.lineSeparator(),
                java.nio.file.StandardOpenOption.APPEND);
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Path positionsFile()
    {
        return dataDir.resolve("positions.cmap");
    }

    void delete()
    {
        if (Boolean.getBoolean("bastion.keepTestDirs"))
        {
            System.out.println("kept " + root);
            return;
        }
        org.agrona.IoUtil.delete(root.toFile(), true);
    }

    private void copy(final Path source, final String name, final String from, final String to) throws IOException
    {
        final String text = Files.readString(source.resolve(name));
        if (!text.contains(from))
        {
            throw new IllegalStateException(name + " no longer contains '" + from + "'");
        }
        Files.writeString(configDir.resolve(name), text.replace(from, to));
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
