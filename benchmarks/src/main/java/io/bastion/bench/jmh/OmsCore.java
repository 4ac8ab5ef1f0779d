package io.bastion.bench.jmh;

import io.bastion.oms.AsciiId;
import io.bastion.oms.OmsConfiguration;
import io.bastion.oms.OmsContext;
import io.bastion.oms.OmsCounters;
import io.bastion.oms.OmsPublisher;
import io.bastion.oms.OrderManager;
import io.bastion.oms.PositionStore;
import io.bastion.protocol.FixedPoint;
import io.bastion.risk.LimitSetParser;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The OMS core alone, with no I/O: an {@link OrderManager} with its real pre-trade risk checks and its real
 * positions file (Chronicle Map, in a temporary directory), publishing into a {@link CapturingOutput} instead of an
 * Aeron stream. Its methods play a client and a venue around one order's whole life, calling the OMS's
 * {@link io.bastion.oms.OmsInboundHandler} callbacks with primitives and reused identifiers, exactly as
 * {@link io.bastion.oms.OmsInboundAdapter} does after decoding; the venue ClOrdIDs the OMS chose are read back from its
 * output. Nothing here allocates per order: identifiers are written from counters into reused {@link AsciiId}s.
 * <p>
 * Every order is a limit order for 100 AAPL at 1.00 on account ACME, alternately a buy and a sell, routed to venue
 * SIM. Finished orders stay in the OMS's pools until it recycles them, oldest first, so after {@code orderCapacity}
 * orders every new order also recycles one. Each method checks that its order went the expected way and counts it
 * in {@link #unexpected()} when not; {@link #verify()} fails on any such order or on any reject the OMS counted.
 * <p>
 * Not thread-safe: one thread drives it, as one thread runs the OMS.
 */
public final class OmsCore implements AutoCloseable
{
    /** Client session of every order. */
    public static final int CLIENT_SESSION = 1;

    /** Venue the orders are routed to. */
    public static final int VENUE_ID = 0;

    /** Time of the first message, epoch nanoseconds; each message advances the clock by {@link #TICK_NS}. */
    public static final long START_NS = 1_700_000_000_000_000_000L;

    /** How far the clock moves between two inbound messages. */
    public static final long TICK_NS = 1_000L;

    /** First order, execution and venue ClOrdID number. */
    public static final long ID_BASE = 1_000_000L;

    private static final int VENUE_SESSION = 1001;
    private static final long ORDER_QTY = FixedPoint.ofUnits(100);
    private static final long PARTIAL_QTY = FixedPoint.ofUnits(40);
    private static final long PRICE = FixedPoint.ofUnits(1);
    private static final byte ORDER_PREFIX = 'C';
    private static final byte CANCEL_PREFIX = 'K';
    private static final byte VENUE_ORDER_PREFIX = 'V';
    private static final byte ACK_PREFIX = 'A';
    private static final byte FILL_PREFIX = 'F';
    private static final byte CANCELED_PREFIX = 'X';

    static
    {
        // Before any Chronicle class or SBE codec loads (BUILD.md; SBE field-order checks are for tests); the JMH fork
        // also passes them on its command line.
        if (System.getProperty("chronicle.analytics.disable") == null)
        {
            System.setProperty("chronicle.analytics.disable", "true");
        }
        if (System.getProperty("chronicle.announcer.disable") == null)
        {
            System.setProperty("chronicle.announcer.disable", "true");
        }
        if (System.getProperty("sbe.enable.precedence.checks") == null)
        {
            System.setProperty("sbe.enable.precedence.checks", "false");
        }
    }

    private final Path dir;
    private final PositionStore positions;
    private final CapturingOutput output = new CapturingOutput();
    private final OmsPublisher publisher = new OmsPublisher(output);
    private final OrderManager oms;

    private final UnsafeBuffer idBuffer = new UnsafeBuffer(new byte[32]);
    private final AsciiId clOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    private final AsciiId cancelClOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    private final AsciiId account = AsciiId.of("ACME");
    private final AsciiId symbol = AsciiId.of("AAPL");
    private final AsciiId none = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    private final AsciiId venueOrderId = new AsciiId(OmsConfiguration.ORDER_ID_LENGTH);
    private final AsciiId venueExecId = new AsciiId(OmsConfiguration.EXEC_ID_LENGTH);
    private final UnsafeBuffer noText = new UnsafeBuffer(new byte[16]);

    private long nowNs = START_NS;
    private long sequence;
    private long completedOrders;
    private long unexpected;
    private long expectedReports;

    /**
     * Create the OMS core with its positions file in a new temporary directory, and log the venue on.
     *
     * @param orderCapacity orders the OMS holds, working and finished; finished ones are recycled beyond it.
     */
    public OmsCore(final int orderCapacity)
    {
        try
        {
            dir = Files.createTempDirectory("bastion-jmh-oms");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }

        // No Aeron client: the core alone needs none; only OmsAgent's streams do. A fixed idBase keeps runs alike.
        final OmsContext context = new OmsContext()
            .venueNames(List.of("SIM", "OTHER"))
            .symbols(List.of("AAPL", "MSFT", "IBM"))
            .route("AAPL", "SIM")
            .route("MSFT", "OTHER")
            .defaultVenue("SIM")
            .positionsFile(dir.resolve(OmsConfiguration.POSITIONS_FILE_DEFAULT).toFile())
            .orderCapacity(orderCapacity)
            .idBase(ID_BASE)
            .limits(new LimitSetParser(List.of("AAPL", "MSFT", "IBM"), List.of("SIM", "OTHER")).parse(Map.ofEntries(
                Map.entry("risk.accounts", "ACME"),
                Map.entry("risk.permittedSymbols", "*"),
                Map.entry("risk.maxOrderQty", "10000"),
                Map.entry("risk.maxOrderNotional", "5000000"),
                Map.entry("risk.collarPercent", "10"),
                Map.entry("risk.maxReferenceAgeMs", "86400000"),
                Map.entry("risk.creditLimit", "90000000000"),
                Map.entry("risk.maxLongQty", "90000000000"),
                Map.entry("risk.maxShortQty", "90000000000"),
                Map.entry("risk.maxNetQty", "90000000000"),
                Map.entry("risk.throttleWindowMs", "1000"),
                Map.entry("risk.maxMessages", "1000000000"),
                Map.entry("risk.maxMessagesBeforeLogout", "1000000000"),
                Map.entry("risk.fillWindowMs", "1000"),
                Map.entry("risk.maxFills", "1000000000"),
                Map.entry("risk.maxDailyLoss", "90000000000"),
                Map.entry("risk.symbol.AAPL.referencePrice", "1.00"))))
            .conclude();

        positions = new PositionStore(context.positionsFile(), context.positionEntries());
        oms = new OrderManager(context, publisher, positions);
        oms.nowNs(nowNs);
        oms.onSessionStatus(VENUE_SESSION, VENUE_ID, SessionRole.VENUE, SessionState.LOGGED_ON, nowNs);
    }

    /**
     * One order's life: a new order from the client, routed to the venue; the venue's ack; one full fill.
     *
     * @return execution reports sent to the client so far.
     */
    public long newAckFill()
    {
        final long n = ++sequence;
        if (!newOrder(n))
        {
            return output.executionReports();
        }
        final long venueClOrdId = output.newOrderVenueClOrdId();

        venueExecution(venueClOrdId, 0, ExecType.NEW, OrdStatus.NEW, 0, 0, 0, ORDER_QTY, ACK_PREFIX, n);
        expect(ExecType.NEW, OrdStatus.NEW);

        venueExecution(venueClOrdId, 0, ExecType.TRADE, OrdStatus.FILLED, ORDER_QTY, PRICE, ORDER_QTY, 0,
            FILL_PREFIX, n);
        expect(ExecType.TRADE, OrdStatus.FILLED);

        completedOrders++;
        return output.executionReports();
    }

    /**
     * One order's life: a new order from the client, routed to the venue; the venue's ack; a partial fill; a cancel
     * request from the client, sent on to the venue; the venue's cancel confirmation.
     *
     * @return execution reports sent to the client so far.
     */
    public long newAckPartialFillCancel()
    {
        final long n = ++sequence;
        if (!newOrder(n))
        {
            return output.executionReports();
        }
        final long venueClOrdId = output.newOrderVenueClOrdId();

        venueExecution(venueClOrdId, 0, ExecType.NEW, OrdStatus.NEW, 0, 0, 0, ORDER_QTY, ACK_PREFIX, n);
        expect(ExecType.NEW, OrdStatus.NEW);

        venueExecution(venueClOrdId, 0, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, PARTIAL_QTY, PRICE, PARTIAL_QTY,
            ORDER_QTY - PARTIAL_QTY, FILL_PREFIX, n);
        expect(ExecType.TRADE, OrdStatus.PARTIALLY_FILLED);

        final long cancelsBefore = output.venueCancels();
        id(cancelClOrdId, CANCEL_PREFIX, n);
        tick();
        oms.onCancel(CLIENT_SESSION, side(n), ORDER_QTY, cancelClOrdId, clOrdId, none, symbol);
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL);
        if (output.venueCancels() != cancelsBefore + 1 || output.cancelOrigVenueClOrdId() != venueClOrdId)
        {
            unexpected++;
            return output.executionReports();
        }

        venueExecution(output.cancelVenueClOrdId(), venueClOrdId, ExecType.CANCELED, OrdStatus.CANCELED, 0, 0,
            PARTIAL_QTY, 0, CANCELED_PREFIX, n);
        expect(ExecType.CANCELED, OrdStatus.CANCELED);

        completedOrders++;
        return output.executionReports();
    }

    /**
     * @return orders taken through their whole life so far.
     */
    public long completedOrders()
    {
        return completedOrders;
    }

    /**
     * @return orders that did not go the expected way (a missing or unexpected message from the OMS).
     */
    public long unexpected()
    {
        return unexpected;
    }

    /**
     * @return the OMS's counters.
     */
    public OmsCounters counters()
    {
        return oms.counters();
    }

    /**
     * @return what the OMS published.
     */
    public CapturingOutput output()
    {
        return output;
    }

    /**
     * Check that every order went the expected way and the OMS refused or ignored nothing.
     *
     * @return a one-line summary.
     * @throws IllegalStateException naming what went wrong.
     */
    public String verify()
    {
        final OmsCounters counters = oms.counters();
        final String summary = "orders=" + completedOrders + " unexpected=" + unexpected +
            " newOrders=" + counters.newOrders() + " routed=" + counters.routed() + " fills=" + counters.fills() +
            " cancels=" + counters.cancelRequests() + " rejects=" + counters.rejects() +
            " cancelRejects=" + counters.cancelRejects() + " unknownVenueReports=" + counters.unknownVenueReports() +
            " ignoredVenueReports=" + counters.ignoredVenueReports() + " unrecordedFills=" + counters.unrecordedFills() +
            " duplicateExecutions=" + counters.duplicateExecutions() + " workingOrders=" + oms.workingOrders() +
            " outputRefused=" + publisher.failedCount() + " otherMessages=" + output.otherMessages();
        final boolean clean = unexpected == 0 && completedOrders == sequence && counters.fills() == completedOrders &&
            counters.rejects() == 0 && counters.cancelRejects() == 0 && counters.unknownVenueReports() == 0 &&
            counters.ignoredVenueReports() == 0 && counters.unrecordedFills() == 0 &&
            counters.duplicateExecutions() == 0 && oms.workingOrders() == 0 &&
            publisher.failedCount() == 0 && output.otherMessages() == 0 && output.cancelRejects() == 0;
        if (!clean)
        {
            throw new IllegalStateException("the OMS core did not take every order through its life: " + summary);
        }
        return summary;
    }

    /**
     * Close the positions file and delete the temporary directory.
     */
    public void close()
    {
        positions.close();
        IoUtil.delete(dir.toFile(), true);
    }

    private boolean newOrder(final long n)
    {
        final long routedBefore = output.venueNewOrders();
        id(clOrdId, ORDER_PREFIX, n);
        tick();
        oms.onNewOrder(CLIENT_SESSION, nowNs, side(n), OrdType.LIMIT, TimeInForce.DAY, false, ORDER_QTY, PRICE,
            FixedPoint.NULL_VALUE, 0, clOrdId, account, none, symbol, none);
        if (output.venueNewOrders() != routedBefore + 1)
        {
            unexpected++;
            return false;
        }
        id(venueOrderId, VENUE_ORDER_PREFIX, n);
        return true;
    }

    private void venueExecution(
        final long venueClOrdId,
        final long origVenueClOrdId,
        final ExecType execType,
        final OrdStatus ordStatus,
        final long lastQty,
        final long lastPx,
        final long cumQty,
        final long leavesQty,
        final byte execIdPrefix,
        final long n)
    {
        id(venueExecId, execIdPrefix, n);
        tick();
        oms.onVenueExecution(VENUE_ID, venueClOrdId, origVenueClOrdId, nowNs, execType, ordStatus,
            OrdRejReason.NULL_VAL, ExecRestatementReason.NULL_VAL, false, ORDER_QTY, PRICE, lastQty, lastPx, cumQty,
            leavesQty, lastQty == 0 ? 0 : lastPx, venueOrderId, venueExecId, none, noText, 0);
    }

    /**
     * The message just given to the OMS must have produced exactly one more execution report, of this type.
     */
    private void expect(final ExecType execType, final OrdStatus ordStatus)
    {
        expectedReports++;
        if (output.executionReports() != expectedReports || output.lastExecType() != execType ||
            output.lastOrdStatus() != ordStatus)
        {
            unexpected++;
            expectedReports = output.executionReports();
        }
    }

    /**
     * The OMS agent reads the clock once per duty cycle; here each inbound message gets a duty cycle of its own.
     */
    private void tick()
    {
        nowNs += TICK_NS;
        oms.nowNs(nowNs);
        oms.pollTimers();
    }

    private void id(final AsciiId id, final byte prefix, final long n)
    {
        idBuffer.putByte(0, prefix);
        final int length = 1 + idBuffer.putNaturalLongAscii(1, n);
        id.wrapFixed(idBuffer, 0, length);
    }

    private static Side side(final long n)
    {
        return (n & 1) == 0 ? Side.BUY : Side.SELL;
    }
}
