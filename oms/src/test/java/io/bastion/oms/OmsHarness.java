package io.bastion.oms;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ClientCancelEncoder;
import io.bastion.sbe.ClientCancelRejectDecoder;
import io.bastion.sbe.ClientExecutionReportDecoder;
import io.bastion.sbe.ClientNewOrderEncoder;
import io.bastion.sbe.ClientReplaceEncoder;
import io.bastion.sbe.ClientStatusRequestEncoder;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.MessageHeaderEncoder;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.ClientSessionCommandDecoder;
import io.bastion.sbe.KillSwitchAction;
import io.bastion.sbe.KillSwitchEncoder;
import io.bastion.sbe.KillSwitchResultDecoder;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.TradingHaltAction;
import io.bastion.sbe.TradingHaltEncoder;
import io.bastion.sbe.TradingHaltResultDecoder;
import io.bastion.sbe.ReferencePriceEncoder;
import io.bastion.sbe.RiskLimitsUpdateEncoder;
import io.bastion.sbe.RiskLimitsUpdateResultDecoder;
import io.bastion.sbe.SettingAction;
import io.bastion.sbe.SessionCommandType;
import io.bastion.sbe.SessionStatusEncoder;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueCancelDecoder;
import io.bastion.sbe.VenueCancelRejectEncoder;
import io.bastion.sbe.VenueCommandRejectedEncoder;
import io.bastion.sbe.VenueCommandType;
import io.bastion.sbe.VenueExecutionEncoder;
import io.bastion.sbe.VenueReplaceDecoder;
import io.bastion.sbe.VenueNewOrderDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Drives an {@link OmsAgent} by hand over a real embedded media driver: publishes inbound SBE, calls doWork on the
 * test's thread with a fake clock, and decodes everything the OMS publishes into records.
 */
final class OmsHarness implements AutoCloseable
{
    static final int CLIENT_SESSION = 1;
    static final int VENUE_SESSION = 1001;
    static final int SIM = 0;
    static final int OTHER_VENUE = 1;
    static final long NOW_NS = 1_700_000_000_000_000_000L;

    record ExecReport(
        int sessionId, long orderId, long execId, long transactTimeNs, ExecType execType, OrdStatus ordStatus,
        Side side, OrdType ordType, TimeInForce timeInForce, OrdRejReason ordRejReason, long orderQty, long price,
        long lastQty, long lastPx, long cumQty, long leavesQty, long avgPx, String clOrdId, String origClOrdId,
        String account, String symbol, String lastMkt, String text, long execRefId,
        ExecRestatementReason restatementReason, long stopPx, long expireTimeNs)
    {
    }

    record CancelReject(
        int sessionId, long orderId, OrdStatus ordStatus, CxlRejResponseTo responseTo, CxlRejReason reason,
        String clOrdId, String origClOrdId, String text)
    {
    }

    record LimitsResult(long requestId, boolean accepted, long version, String reason)
    {
    }

    record KillResult(long requestId, boolean accepted, int cancelledOrders, String reason)
    {
    }

    record HaltResult(long requestId, boolean accepted, String reason)
    {
    }

    record SessionCommand(int sessionId, SessionCommandType command, String text)
    {
    }

    record VenueOrder(
        int venueId, long venueClOrdId, Side side, OrdType ordType, TimeInForce timeInForce, long orderQty,
        long price, String account, String symbol)
    {
    }

    record VenueCancel(int venueId, long venueClOrdId, long origVenueClOrdId, String venueOrderId, String symbol)
    {
    }

    record VenueReplace(
        int venueId, long venueClOrdId, long origVenueClOrdId, Side side, OrdType ordType, TimeInForce timeInForce,
        long orderQty, long price, long stopPx, String venueOrderId, String symbol, String account)
    {
    }

    final Path dir;
    final File positionsFile;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final ExclusivePublication inbound;
    private final Subscription outbound;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    final ArrayDeque<Object> received = new ArrayDeque<>();
    OmsAgent oms;
    long nowNs = NOW_NS;
    /** SenderSubID (50) of the orders and replaces the harness sends: the trader. */
    String trader = "";
    /** OrderID of the order the last {@link #working} call put to work. */
    long lastAckOrderId;

    OmsHarness(final Path dir, final Consumer<OmsContext> configure)
    {
        this.dir = dir;
        this.positionsFile = dir.resolve("positions.cmap").toFile();
        final String aeronDir = dir.resolve("aeron-" + UUID.randomUUID()).toString();
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
            .ipcTermBufferLength(64 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        inbound = aeron.addExclusivePublication("aeron:ipc", 1001);
        outbound = aeron.addSubscription("aeron:ipc", 1002);
        startOms(configure);
    }

    void startOms(final Consumer<OmsContext> configure)
    {
        final OmsContext context = new OmsContext()
            .aeron(aeron)
            .clock(() -> nowNs)
            .venueNames(List.of("SIM", "OTHER"))
            .symbols(List.of("AAPL", "MSFT", "IBM"))
            .route("AAPL", "SIM")
            .route("MSFT", "OTHER")
            .defaultVenue("SIM")
            .positionsFile(positionsFile)
            .orderCapacity(1024)
            .idBase(1000)
            .defaultAccount(CLIENT_SESSION, "DEFAULT")
            .limits(TestLimits.wide(List.of("AAPL", "MSFT", "IBM"), List.of("SIM", "OTHER"), "10000", "5000000"));
        configure.accept(context);
        oms = new OmsAgent(context.conclude());
        await(() -> inbound.isConnected() && outbound.isConnected());
        venueUp(SIM);
        venueUp(OTHER_VENUE);
        drain();
    }

    void restartOms(final Consumer<OmsContext> configure)
    {
        oms.onClose();
        oms = null;
        startOms(configure);
    }

    static long units(final long units)
    {
        return FixedPoint.ofUnits(units);
    }

    static long px(final String price)
    {
        return FixedPoint.parse(price);
    }

    void venueUp(final int venueId)
    {
        sessionStatus(VENUE_SESSION + venueId, venueId, SessionRole.VENUE, SessionState.LOGGED_ON);
    }

    void sessionStatus(final int sessionId, final int venueId, final SessionRole role, final SessionState state)
    {
        final SessionStatusEncoder e = new SessionStatusEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(sessionId).venueId(venueId).role(role).state(state).timestampNs(nowNs);
        send(e.encodedLength());
    }

    /**
     * @param settings "risk.key=value" to set, "-risk.key" to remove.
     */
    void riskLimitsUpdate(
        final long requestId, final long expectedVersion, final String requestedBy, final String... settings)
    {
        final RiskLimitsUpdateEncoder e = new RiskLimitsUpdateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.requestId(requestId).expectedVersion(expectedVersion);
        final RiskLimitsUpdateEncoder.SettingsEncoder group = e.settingsCount(settings.length);
        for (final String setting : settings)
        {
            final boolean remove = setting.startsWith("-");
            final int equals = setting.indexOf('=');
            group.next().action(remove ? SettingAction.REMOVE : SettingAction.SET)
                .key(remove ? setting.substring(1) : setting.substring(0, equals))
                .value(remove ? "" : setting.substring(equals + 1));
        }
        e.requestedBy(requestedBy);
        send(e.encodedLength());
    }

    void killSwitch(
        final long requestId, final KillSwitchAction action, final KillSwitchScope scope, final String name,
        final int sessionId, final boolean allowRiskReducing, final String reason)
    {
        final KillSwitchEncoder e = new KillSwitchEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.requestId(requestId).action(action).scope(scope).sessionId(sessionId)
            .allowRiskReducing((short)(allowRiskReducing ? 1 : 0)).name(name).reason(reason).requestedBy("officer1");
        send(e.encodedLength());
    }

    void tradingHalt(
        final long requestId, final TradingHaltAction action, final String venue, final String symbol,
        final String reason)
    {
        final TradingHaltEncoder e = new TradingHaltEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.requestId(requestId).action(action).venue(venue).symbol(symbol).reason(reason).requestedBy("officer1");
        send(e.encodedLength());
    }

    void referencePrice(final String symbol, final long price, final long timestampNs)
    {
        final ReferencePriceEncoder e = new ReferencePriceEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.symbol(symbol).price(price).timestampNs(timestampNs);
        send(e.encodedLength());
    }

    void newOrder(
        final String clOrdId, final Side side, final OrdType ordType, final long qty, final long price,
        final String symbol, final String exDestination, final String account, final boolean possResend)
    {
        newOrder(clOrdId, side, ordType, TimeInForce.DAY, qty, price, FixedPoint.NULL_VALUE, 0, symbol,
            exDestination, account, possResend);
    }

    void newOrder(
        final String clOrdId, final Side side, final OrdType ordType, final TimeInForce timeInForce, final long qty,
        final long price, final long stopPx, final long expireTimeNs, final String symbol, final String exDestination,
        final String account, final boolean possResend)
    {
        newOrder(CLIENT_SESSION, clOrdId, side, ordType, timeInForce, qty, price, stopPx, expireTimeNs, symbol,
            exDestination, account, possResend);
    }

    void newOrderFrom(
        final int sessionId, final String clOrdId, final Side side, final OrdType ordType, final long qty,
        final long price, final String symbol, final String account)
    {
        newOrder(sessionId, clOrdId, side, ordType, TimeInForce.DAY, qty, price, FixedPoint.NULL_VALUE, 0, symbol, "",
            account, false);
    }

    private void newOrder(
        final int sessionId, final String clOrdId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long qty, final long price, final long stopPx, final long expireTimeNs,
        final String symbol, final String exDestination, final String account, final boolean possResend)
    {
        final ClientNewOrderEncoder e = new ClientNewOrderEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(sessionId).sendingTimeNs(nowNs).side(side).ordType(ordType).timeInForce(timeInForce)
            .possResend((short)(possResend ? 1 : 0)).orderQty(qty).price(price).stopPx(stopPx)
            .clOrdId(clOrdId).account(account).symbol(symbol).exDestination(exDestination)
            .expireTimeNs(expireTimeNs).trader(trader);
        send(e.encodedLength());
    }

    void newLimit(final String clOrdId, final Side side, final long qty, final long price, final String symbol)
    {
        newOrder(clOrdId, side, OrdType.LIMIT, qty, price, symbol, "", "ACME", false);
    }

    void newLimit(
        final String clOrdId, final Side side, final long qty, final long price, final String symbol,
        final String account)
    {
        newOrder(clOrdId, side, OrdType.LIMIT, qty, price, symbol, "", account, false);
    }

    void cancel(final String clOrdId, final String origClOrdId, final String symbol)
    {
        final ClientCancelEncoder e = new ClientCancelEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(CLIENT_SESSION).side(Side.BUY).orderQty(units(1)).clOrdId(clOrdId).origClOrdId(origClOrdId)
            .orderId("").symbol(symbol);
        send(e.encodedLength());
    }

    void replace(final String clOrdId, final String origClOrdId, final long qty, final long price)
    {
        replace(clOrdId, origClOrdId, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, qty, price, false);
    }

    void replace(
        final String clOrdId, final String origClOrdId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long qty, final long price, final boolean possResend)
    {
        final ClientReplaceEncoder e = new ClientReplaceEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(CLIENT_SESSION).side(side).ordType(ordType).timeInForce(timeInForce)
            .orderQty(qty).price(price).clOrdId(clOrdId).origClOrdId(origClOrdId).orderId("").symbol("AAPL")
            .stopPx(FixedPoint.NULL_VALUE).expireTimeNs(0).possResend((short)(possResend ? 1 : 0)).account("")
            .trader(trader);
        send(e.encodedLength());
    }

    void statusRequest(final String clOrdId)
    {
        final ClientStatusRequestEncoder e =
            new ClientStatusRequestEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.sessionId(CLIENT_SESSION).side(Side.BUY).clOrdId(clOrdId).orderId("").symbol("AAPL");
        send(e.encodedLength());
    }

    void venueExecution(
        final int venueId, final long venueClOrdId, final long origVenueClOrdId, final ExecType execType,
        final OrdStatus ordStatus, final long lastQty, final long lastPx, final String venueOrderId,
        final String text)
    {
        venueExecution(venueId, venueClOrdId, origVenueClOrdId, execType, ordStatus, lastQty, lastPx, venueOrderId,
            "X" + System.nanoTime(), "", FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE,
            ExecRestatementReason.NULL_VAL, false, text);
    }

    void venueExecution(
        final int venueId, final long venueClOrdId, final long origVenueClOrdId, final ExecType execType,
        final OrdStatus ordStatus, final long lastQty, final long lastPx, final String venueOrderId,
        final String venueExecId, final String venueExecRefId, final long orderQty, final long price,
        final long leavesQty, final ExecRestatementReason restatementReason, final boolean possDup, final String text)
    {
        final VenueExecutionEncoder e = new VenueExecutionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.venueId(venueId).venueClOrdId(venueClOrdId).origVenueClOrdId(origVenueClOrdId).transactTimeNs(nowNs)
            .execType(execType).ordStatus(ordStatus)
            .ordRejReason(execType == ExecType.REJECTED ? OrdRejReason.UNKNOWN_SYMBOL : OrdRejReason.NULL_VAL)
            .lastQty(lastQty).lastPx(lastPx).cumQty(0).leavesQty(leavesQty).avgPx(0)
            .venueOrderId(venueOrderId).venueExecId(venueExecId).orderQty(orderQty).price(price)
            .execRestatementReason(restatementReason).venueExecRefId(venueExecRefId).possDup((short)(possDup ? 1 : 0))
            .text(text);
        send(e.encodedLength());
    }

    void venueCommandRejected(
        final int venueId, final long venueClOrdId, final VenueCommandType type, final CommandRejectSource source,
        final String text)
    {
        final VenueCommandRejectedEncoder e =
            new VenueCommandRejectedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.venueId(venueId).venueClOrdId(venueClOrdId).commandType(type).source(source).text(text);
        send(e.encodedLength());
    }

    void venueCancelReject(final int venueId, final long venueClOrdId, final long origVenueClOrdId, final String text)
    {
        venueCancelReject(venueId, venueClOrdId, origVenueClOrdId, CxlRejResponseTo.CANCEL, text);
    }

    void venueCancelReject(
        final int venueId, final long venueClOrdId, final long origVenueClOrdId, final CxlRejResponseTo responseTo,
        final String text)
    {
        final VenueCancelRejectEncoder e =
            new VenueCancelRejectEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.venueId(venueId).venueClOrdId(venueClOrdId).origVenueClOrdId(origVenueClOrdId)
            .ordStatus(OrdStatus.FILLED).responseTo(responseTo)
            .cxlRejReason(CxlRejReason.TOO_LATE_TO_CANCEL).text(text);
        send(e.encodedLength());
    }

    /**
     * A limit order for 100 AAPL at 10, routed and acknowledged by the venue, its New report consumed.
     */
    VenueOrder working(final String clOrdId, final Side side, final TimeInForce timeInForce, final String account)
    {
        newOrder(clOrdId, side, OrdType.LIMIT, timeInForce, units(100), px("10"), FixedPoint.NULL_VALUE, 0, "AAPL", "",
            account, false);
        drain();
        final VenueOrder order = next(VenueOrder.class);
        ack(order);
        drain();
        final ExecReport ack = next(ExecReport.class);
        if (ack.execType() != ExecType.NEW)
        {
            throw new AssertionError("expected the New report of " + clOrdId + ", got " + ack);
        }
        lastAckOrderId = ack.orderId();
        return order;
    }

    void ack(final VenueOrder order)
    {
        venueExecution(order.venueId(), order.venueClOrdId(), 0, ExecType.NEW, OrdStatus.NEW, 0, 0,
            "V" + order.venueClOrdId(), "");
    }

    void fill(final VenueOrder order, final long lastQty, final long lastPx)
    {
        venueExecution(order.venueId(), order.venueClOrdId(), 0, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED,
            lastQty, lastPx, "V" + order.venueClOrdId(), "");
    }

    private void send(final int bodyLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        while (inbound.offer(buffer, 0, length) < 0)
        {
            Thread.onSpinWait();
        }
    }

    /**
     * Run the OMS until it has consumed everything sent, then collect its output.
     */
    void drain()
    {
        drain(20_000_000L);
    }

    /**
     * Run the OMS until nothing has happened for a while, then collect its output.
     *
     * @param quietNs how long nothing must happen.
     */
    void drain(final long quietNs)
    {
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince < quietNs)
        {
            final int work = oms.doWork() + outbound.poll(this::onOutbound, 100);
            if (work > 0)
            {
                idleSince = System.nanoTime();
            }
        }
    }

    int doWork()
    {
        return oms.doWork();
    }

    long lastVenueClOrdId;
    long lastReplaceVenueClOrdId;
    long lastCancelVenueClOrdId;
    private final MessageHeaderDecoder discardHeader = new MessageHeaderDecoder();
    private final VenueNewOrderDecoder discardVenueOrder = new VenueNewOrderDecoder();
    private final VenueReplaceDecoder discardVenueReplace = new VenueReplaceDecoder();
    private final VenueCancelDecoder discardVenueCancel = new VenueCancelDecoder();
    private final io.aeron.logbuffer.FragmentHandler recordVenueIds = this::onOutboundDiscard;

    /**
     * Consume the OMS's output without keeping it, noting only the last venue ClOrdIDs of new orders, replaces and
     * cancels.
     */
    int pollOutboundRecordingVenueIds()
    {
        return outbound.poll(recordVenueIds, 100);
    }

    @SuppressWarnings("unchecked")
    <T> T next(final Class<T> type)
    {
        final Object message = received.poll();
        if (message == null)
        {
            throw new AssertionError("expected a " + type.getSimpleName() + " but the OMS sent nothing more");
        }
        if (!type.isInstance(message))
        {
            throw new AssertionError("expected a " + type.getSimpleName() + " but got " + message);
        }
        return (T)message;
    }

    void assertNothingMore()
    {
        if (!received.isEmpty())
        {
            throw new AssertionError("unexpected output: " + received);
        }
    }

    private void onOutboundDiscard(
        final DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header header)
    {
        discardHeader.wrap(buffer, offset);
        if (discardHeader.templateId() == VenueNewOrderDecoder.TEMPLATE_ID)
        {
            discardVenueOrder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, discardHeader.blockLength(),
                discardHeader.version());
            lastVenueClOrdId = discardVenueOrder.venueClOrdId();
        }
        else if (discardHeader.templateId() == VenueReplaceDecoder.TEMPLATE_ID)
        {
            discardVenueReplace.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, discardHeader.blockLength(),
                discardHeader.version());
            lastReplaceVenueClOrdId = discardVenueReplace.venueClOrdId();
        }
        else if (discardHeader.templateId() == VenueCancelDecoder.TEMPLATE_ID)
        {
            discardVenueCancel.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, discardHeader.blockLength(),
                discardHeader.version());
            lastCancelVenueClOrdId = discardVenueCancel.venueClOrdId();
        }
    }

    private void onOutbound(
        final DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header header)
    {
        headerDecoder.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        switch (headerDecoder.templateId())
        {
            case ClientExecutionReportDecoder.TEMPLATE_ID:
            {
                final ClientExecutionReportDecoder d = new ClientExecutionReportDecoder()
                    .wrap(buffer, body, blockLength, version);
                received.add(new ExecReport(d.sessionId(), d.orderId(), d.execId(), d.transactTimeNs(), d.execType(),
                    d.ordStatus(), d.side(), d.ordType(), d.timeInForce(), d.ordRejReason(), d.orderQty(), d.price(),
                    d.lastQty(), d.lastPx(), d.cumQty(), d.leavesQty(), d.avgPx(), d.clOrdId().trim(),
                    d.origClOrdId().trim(), d.account().trim(), d.symbol().trim(), d.lastMkt().trim(), d.text(),
                    d.execRefId(), d.execRestatementReason(), d.stopPx(), d.expireTimeNs()));
                break;
            }
            case ClientCancelRejectDecoder.TEMPLATE_ID:
            {
                final ClientCancelRejectDecoder d = new ClientCancelRejectDecoder()
                    .wrap(buffer, body, blockLength, version);
                received.add(new CancelReject(d.sessionId(), d.orderId(), d.ordStatus(), d.responseTo(),
                    d.cxlRejReason(), d.clOrdId().trim(), d.origClOrdId().trim(), d.text()));
                break;
            }
            case ClientSessionCommandDecoder.TEMPLATE_ID:
            {
                final ClientSessionCommandDecoder d = new ClientSessionCommandDecoder()
                    .wrap(buffer, body, blockLength, version);
                received.add(new SessionCommand(d.sessionId(), d.command(), d.text()));
                break;
            }
            case KillSwitchResultDecoder.TEMPLATE_ID:
            {
                final KillSwitchResultDecoder d = new KillSwitchResultDecoder().wrap(buffer, body, blockLength, version);
                received.add(new KillResult(d.requestId(), d.accepted() == 1, d.cancelledOrders(), d.reason()));
                break;
            }
            case TradingHaltResultDecoder.TEMPLATE_ID:
            {
                final TradingHaltResultDecoder d = new TradingHaltResultDecoder().wrap(buffer, body, blockLength,
                    version);
                received.add(new HaltResult(d.requestId(), d.accepted() == 1, d.reason()));
                break;
            }
            case RiskLimitsUpdateResultDecoder.TEMPLATE_ID:
            {
                final RiskLimitsUpdateResultDecoder d = new RiskLimitsUpdateResultDecoder()
                    .wrap(buffer, body, blockLength, version);
                received.add(new LimitsResult(d.requestId(), d.accepted() == 1, d.version(), d.reason()));
                break;
            }
            case VenueNewOrderDecoder.TEMPLATE_ID:
            {
                final VenueNewOrderDecoder d = new VenueNewOrderDecoder().wrap(buffer, body, blockLength, version);
                received.add(new VenueOrder(d.venueId(), d.venueClOrdId(), d.side(), d.ordType(), d.timeInForce(),
                    d.orderQty(), d.price(), d.account().trim(), d.symbol().trim()));
                break;
            }
            case VenueCancelDecoder.TEMPLATE_ID:
            {
                final VenueCancelDecoder d = new VenueCancelDecoder().wrap(buffer, body, blockLength, version);
                received.add(new VenueCancel(d.venueId(), d.venueClOrdId(), d.origVenueClOrdId(),
                    d.venueOrderId().trim(), d.symbol().trim()));
                break;
            }
            case VenueReplaceDecoder.TEMPLATE_ID:
            {
                final VenueReplaceDecoder d = new VenueReplaceDecoder().wrap(buffer, body, blockLength, version);
                received.add(new VenueReplace(d.venueId(), d.venueClOrdId(), d.origVenueClOrdId(), d.side(),
                    d.ordType(), d.timeInForce(), d.orderQty(), d.price(), d.stopPx(), d.venueOrderId().trim(),
                    d.symbol().trim(), d.account().trim()));
                break;
            }
            default:
                throw new AssertionError("unexpected template " + headerDecoder.templateId());
        }
    }

    private static void await(final java.util.function.BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out");
            }
            Thread.onSpinWait();
        }
    }

    public void close()
    {
        if (oms != null)
        {
            oms.onClose();
        }
        CloseHelper.closeAll(inbound, outbound, aeron, driver);
        IoUtil.delete(dir.toFile(), true);
    }

    static Path tempDir() throws java.io.IOException
    {
        return Files.createTempDirectory("bastion-oms-test");
    }
}
