package io.bastion.bench;

import io.bastion.app.BastionConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration directory a benchmark runs Bastion with, written in full into a fresh directory: the same
 * shape as the example {@code config/}, but with free ports, one client session (BENCH), venue-sim's BASTION and
 * DIRECT sessions, no FIX message logs (QuickFIX/J's file log would dominate the measurement), risk limits no
 * benchmark order reaches, and the data directory inside the benchmark's directory. Everything else is as shipped:
 * file message stores and the audit journal with fsync durability.
 */
final class BenchmarkConfig
{
    /** The one symbol traded. */
    static final String SYMBOL = "AAPL";
    /** Mid price of venue-sim's seeded book. */
    static final String REFERENCE_PRICE = "190.00";
    /** Limit price of every benchmark order: a buy this far below the market rests and is acked exactly once. */
    static final String ORDER_PRICE = "100.00";

    private static final int MIN_ORDER_CAPACITY = 100_000;

    private final Path directory;
    private final Path dataDir;
    private final int clientPort;
    private final int venueSimPort;

    private BenchmarkConfig(final Path directory, final int clientPort, final int venueSimPort)
    {
        this.directory = directory;
        this.dataDir = directory.resolve("data");
        this.clientPort = clientPort;
        this.venueSimPort = venueSimPort;
    }

    /**
     * Write the configuration files.
     *
     * @param directory    an empty directory; the data directory goes inside it.
     * @param idleStrategy Bastion's idle strategy.
     * @param threading    Bastion's threading: shared or dedicated.
     * @param totalOrders  orders the run sends through Bastion, all of which stay working.
     * @return the written configuration.
     */
    static BenchmarkConfig write(
        final Path directory, final String idleStrategy, final String threading, final long totalOrders)
    {
        final int clientPort = freePort();
        int venueSimPort = freePort();
        while (venueSimPort == clientPort)
        {
            venueSimPort = freePort();
        }
        final BenchmarkConfig config = new BenchmarkConfig(directory, clientPort, venueSimPort);
        final long orderCapacity = Math.max(MIN_ORDER_CAPACITY, totalOrders + MIN_ORDER_CAPACITY / 10);
        config.writeFile(BastionConfig.PROPERTIES_FILE, String.join("\n",
            "# Written by io.bastion.bench.RoundTripBenchmark for one run.",
            "bastion.dataDir=" + config.dataDir.toString().replace("\\", "/"),
            "aeron.dir=",
            "aeron.ipcTermLength=4m",
            "bastion.idleStrategy=" + idleStrategy,
            "bastion.threading=" + threading,
            "venues=SIM",
            "oms.symbols=" + SYMBOL,
            "oms.defaultVenue=SIM",
            "oms.orderCapacity=" + orderCapacity,
            "oms.positionsFile=positions.cmap",
            "oms.positionEntries=1000",
            "risk.accounts=BENCH",
            "risk.permittedSymbols=*",
            "risk.maxOrderQty=1000000",
            "risk.maxOrderNotional=1000000000",
            "risk.collarPercent=50",
            "risk.maxReferenceAgeMs=86400000",
            "risk.creditLimit=90000000000",
            "risk.maxLongQty=90000000000",
            "risk.maxShortQty=90000000000",
            "risk.maxNetQty=90000000000",
            "risk.throttleWindowMs=1000",
            "risk.maxMessages=1000000000",
            "risk.maxMessagesBeforeLogout=1000000000",
            "risk.fillWindowMs=1000",
            "risk.maxFills=1000000000",
            "risk.maxDailyLoss=90000000000",
            "risk.symbol." + SYMBOL + ".referencePrice=" + REFERENCE_PRICE,
            "compliance.enabled=true",
            "compliance.journalDir=audit",
            "compliance.durability=fsync",
            "compliance.segmentLength=67108864",
            "venuesim.enabled=true",
            "venuesim.symbols=" + SYMBOL,
            "venuesim." + SYMBOL + ".reference=" + REFERENCE_PRICE,
            "venuesim." + SYMBOL + ".tick=0.01",
            "venuesim." + SYMBOL + ".levels=5",
            "venuesim." + SYMBOL + ".levelQty=1000",
            "venuesim.replenish=true",
            ""));
        config.writeFile(BastionConfig.CLIENTS_FILE, String.join("\n",
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "SocketAcceptAddress=127.0.0.1",
            "SocketAcceptPort=" + clientPort,
            "SenderCompID=BASTION",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "HeartBtInt=30",
            "UseDataDictionary=Y",
            "ValidateUserDefinedFields=N",
            "AllowUnknownMsgFields=Y",
            "FileStorePath=${bastion.dataDir}/fix/clients",
            "TimeStampPrecision=MICROS",
            "",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "TargetCompID=" + Route.THROUGH_BASTION.senderCompId(),
            "DefaultAccount=BENCH",
            ""));
        config.writeFile(BastionConfig.VENUES_FILE, String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "SenderCompID=BASTION",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "HeartBtInt=30",
            "ReconnectInterval=1",
            "UseDataDictionary=Y",
            "ValidateUserDefinedFields=N",
            "AllowUnknownMsgFields=Y",
            "FileStorePath=${bastion.dataDir}/fix/venues",
            "TimeStampPrecision=MICROS",
            "",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "TargetCompID=SIM",
            "VenueName=SIM",
            "SocketConnectHost=127.0.0.1",
            "SocketConnectPort=" + venueSimPort,
            ""));
        config.writeFile(BastionConfig.VENUE_SIM_FILE, String.join("\n",
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "SocketAcceptAddress=127.0.0.1",
            "SocketAcceptPort=" + venueSimPort,
            "SenderCompID=SIM",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "HeartBtInt=30",
            "UseDataDictionary=Y",
            "ValidateUserDefinedFields=N",
            "AllowUnknownMsgFields=Y",
            "FileStorePath=${bastion.dataDir}/fix/venue-sim",
            "",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "TargetCompID=BASTION",
            "",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "TargetCompID=" + Route.DIRECT.senderCompId(),
            ""));
        return config;
    }

    /**
     * @return the configuration directory.
     */
    Path directory()
    {
        return directory;
    }

    /**
     * @return port of Bastion's client acceptor.
     */
    int clientPort()
    {
        return clientPort;
    }

    /**
     * @return port of venue-sim's acceptor.
     */
    int venueSimPort()
    {
        return venueSimPort;
    }

    private void writeFile(final String name, final String text)
    {
        try
        {
            Files.writeString(directory.resolve(name), text, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + directory.resolve(name), ex);
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("no free local port", ex);
        }
    }
}
