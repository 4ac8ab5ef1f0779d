package io.bastion.compliance;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Streams;
import io.bastion.sbe.ClientExecutionReportEncoder;
import io.bastion.sbe.ClientNewOrderEncoder;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.MessageHeaderEncoder;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.SessionStatusEncoder;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueExecutionEncoder;
import io.bastion.sbe.VenueNewOrderEncoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A real embedded media driver, publications on the OMS's two streams, and an {@link AuditJournalAgent} driven by
 * hand on the test's thread with a fake clock.
 */
final class JournalHarness implements AutoCloseable
{
    static final long NOW_NS = 1_700_000_000_123_456_789L;
    static final int INBOUND = Streams.OMS_INBOUND_STREAM_ID;
    static final int OUTBOUND = Streams.OMS_OUTBOUND_STREAM_ID;

    /**
     * A record read back from the journal.
     */
    record Rec(long sequence, long timestampNs, int streamId, byte[] message)
    {
        boolean sameAs(final Rec other)
        {
            return sequence == other.sequence && timestampNs == other.timestampNs && streamId == other.streamId &&
                Arrays.equals(message, other.message);
        }

        public String toString()
        {
            return "Rec[" + sequence + ", " + timestampNs + ", " + streamId + ", " + message.length + " bytes]";
        }
    }

    final Path dir;
    final Path journalDir;
    private MediaDriver driver;
    private Aeron aeron;
    private ExclusivePublication inbound;
    private ExclusivePublication outbound;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ClientNewOrderEncoder newOrderEncoder = new ClientNewOrderEncoder();
    private final ClientExecutionReportEncoder reportEncoder = new ClientExecutionReportEncoder();
    private final VenueNewOrderEncoder venueNewOrderEncoder = new VenueNewOrderEncoder();
    private final VenueExecutionEncoder venueExecutionEncoder = new VenueExecutionEncoder();
    private final SessionStatusEncoder sessionStatusEncoder = new SessionStatusEncoder();
    private final List<byte[]> sent = new ArrayList<>();
    AuditJournalAgent agent;
    long nowNs = NOW_NS;
    boolean keepSent = true;

    JournalHarness()
    {
        try
        {
            dir = Files.createTempDirectory("bastion-compliance-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        journalDir = dir.resolve("audit");
    }

    /**
     * A media driver in a fresh directory and a client of it; stopped with the agent, as a restart of the one-process
     * deployment would. (A subscriber that restarts while the publications live on joins where the driver says,
     * which may be before what it already read: the journal would then hold those messages twice.)
     */
    private void connect()
    {
        if (null == aeron)
        {
            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(dir.resolve("aeron-" + UUID.randomUUID()).toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
                .ipcTermBufferLength(64 * 1024)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        }
    }

    AuditJournalContext context()
    {
        connect();
        return new AuditJournalContext()
            .aeron(aeron)
            .clock(() -> nowNs)
            .journalDir(journalDir.toFile());
    }

    AuditJournalAgent start(final Consumer<AuditJournalContext> configure)
    {
        final AuditJournalContext context = context();
        configure.accept(context);
        agent = new AuditJournalAgent(context.conclude());
        inbound = aeron.addExclusivePublication(Streams.IPC_CHANNEL, INBOUND);
        outbound = aeron.addExclusivePublication(Streams.IPC_CHANNEL, OUTBOUND);
        await(() -> inbound.isConnected() && outbound.isConnected() && agent.isConnected());
        return agent;
    }

    AuditJournalAgent start()
    {
        return start((context) -> {});
    }

    /**
     * Stop the agent, the publishers and the media driver, as a restart of the process would.
     */
    void stop()
    {
        try
        {
            if (null != agent)
            {
                agent.onClose();
            }
        }
        finally
        {
            agent = null;
            CloseHelper.closeAll(inbound, outbound, aeron, driver);
            inbound = null;
            outbound = null;
            aeron = null;
            driver = null;
        }
    }

    AuditJournalAgent restart(final Consumer<AuditJournalContext> configure)
    {
        stop();
        return start(configure);
    }

    static void await(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Drive the agent until it has journaled the given sequence; more duty cycles than needed are not run.
     */
    void workUntil(final long sequence)
    {
        final long deadlineNs = System.nanoTime() + 10_000_000_000L;
        while (agent.lastSequence() < sequence)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("journal reached sequence " + agent.lastSequence() + ", not " + sequence);
            }
            agent.doWork();
        }
    }

    List<byte[]> sent()
    {
        return sent;
    }

    int newOrder(final String clOrdId, final Side side, final String qty, final String price, final String symbol)
    {
        final ClientNewOrderEncoder e = newOrderEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(1).sendingTimeNs(nowNs).side(side).ordType(OrdType.LIMIT).timeInForce(TimeInForce.DAY)
            .possResend((short)0).orderQty(FixedPoint.parse(qty)).price(FixedPoint.parse(price))
            .stopPx(FixedPoint.NULL_VALUE).clOrdId(clOrdId).account("ACME").symbol(symbol).exDestination("");
        return send(inbound, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    int venueNewOrder(final long venueClOrdId, final String qty, final String price)
    {
        final VenueNewOrderEncoder e = venueNewOrderEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.venueId(0).venueClOrdId(venueClOrdId).side(Side.BUY).ordType(OrdType.LIMIT).timeInForce(TimeInForce.DAY)
            .orderQty(FixedPoint.parse(qty)).price(FixedPoint.parse(price)).stopPx(FixedPoint.NULL_VALUE)
            .account("ACME").symbol("AAPL");
        return send(outbound, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    int venueFill(final long venueClOrdId, final String lastQty, final String lastPx)
    {
        final VenueExecutionEncoder e = venueExecutionEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.venueId(0).venueClOrdId(venueClOrdId).origVenueClOrdId(0).transactTimeNs(nowNs).execType(ExecType.TRADE)
            .ordStatus(OrdStatus.PARTIALLY_FILLED).ordRejReason(OrdRejReason.NULL_VAL)
            .lastQty(FixedPoint.parse(lastQty)).lastPx(FixedPoint.parse(lastPx)).cumQty(FixedPoint.parse(lastQty))
            .leavesQty(0).avgPx(FixedPoint.parse(lastPx)).venueOrderId("V" + venueClOrdId).venueExecId("X1")
            .text("");
        return send(inbound, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    int executionReport(
        final String clOrdId, final long orderId, final long execId, final ExecType execType, final OrdStatus ordStatus,
        final String qty, final String price, final String lastQty, final String lastPx, final String cumQty,
        final String leavesQty, final String avgPx, final String text)
    {
        final ClientExecutionReportEncoder e = reportEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(1).orderId(orderId).execId(execId).transactTimeNs(nowNs).execType(execType).ordStatus(ordStatus)
            .side(Side.BUY).ordType(OrdType.LIMIT).timeInForce(TimeInForce.DAY).ordRejReason(OrdRejReason.NULL_VAL)
            .orderQty(FixedPoint.parse(qty)).price(FixedPoint.parse(price)).lastQty(FixedPoint.parse(lastQty))
            .lastPx(FixedPoint.parse(lastPx)).cumQty(FixedPoint.parse(cumQty)).leavesQty(FixedPoint.parse(leavesQty))
            .avgPx(FixedPoint.parse(avgPx)).clOrdId(clOrdId).origClOrdId("").account("ACME").symbol("AAPL")
            .lastMkt("SIM").text(text);
        return send(outbound, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    int sessionStatus(final int sessionId, final int venueId, final SessionRole role, final SessionState state)
    {
        final SessionStatusEncoder e = sessionStatusEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(sessionId).venueId(venueId).role(role).state(state).timestampNs(nowNs);
        return send(inbound, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Publish raw bytes, such as a message of another protocol, on a stream.
     */
    int raw(final int streamId, final byte[] bytes)
    {
        buffer.putBytes(0, bytes);
        return send(streamId == INBOUND ? inbound : outbound, bytes.length);
    }

    private int send(final ExclusivePublication publication, final int length)
    {
        final long deadlineNs = System.nanoTime() + 10_000_000_000L;
        long result;
        while ((result = publication.offer(buffer, 0, length)) < 0)
        {
            if (result == ExclusivePublication.CLOSED || result == ExclusivePublication.MAX_POSITION_EXCEEDED ||
                System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("offer failed: " + result);
            }
            Thread.onSpinWait();
        }
        if (keepSent)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(0, copy);
            sent.add(copy);
        }
        return length;
    }

    List<Rec> read()
    {
        final List<Rec> records = new ArrayList<>();
        final AuditJournalReader.Result result = readInto(records);
        if (!result.isWhole())
        {
            throw new AssertionError("journal is damaged: " + result.defect());
        }
        return records;
    }

    AuditJournalReader.Result readInto(final List<Rec> records)
    {
        try
        {
            return new AuditJournalReader(journalDir).read(
                (sequence, timestampNs, streamId, message, offset, length) ->
                records.add(new Rec(sequence, timestampNs, streamId, copy(message, offset, length))));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    List<Path> segments()
    {
        try
        {
            return new AuditJournalReader(journalDir).segments();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    public void close()
    {
        try
        {
            stop();
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }
}
