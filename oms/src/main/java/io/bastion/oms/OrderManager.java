package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.risk.ExposureBook;
import io.bastion.risk.InvalidLimitsException;
import io.bastion.risk.KillSwitches;
import io.bastion.risk.LimitSet;
import io.bastion.risk.LimitSetParser;
import io.bastion.risk.NameIndex;
import io.bastion.risk.PreTradeRisk;
import io.bastion.risk.TradingHalts;
import io.bastion.risk.ReferencePrices;
import io.bastion.risk.RiskControl;
import io.bastion.risk.SelfMatchMode;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.KillSwitchAction;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.TradingHaltAction;
import io.bastion.sbe.SessionCommandType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueCommandType;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Object2IntHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine, following the FIX order state change matrices (FIX 4.4 Volume 4, Appendix D) towards
 * clients: validates and risk-checks client orders, cancels and replaces, routes them to venues, applies whatever the
 * venues report (acknowledgements, executions, busts, corrections, cancels, replaces, restatements, rejects, in any
 * order) and answers clients with execution reports and cancel rejects. It also ends the trading day (Day orders done
 * for day, GTC orders restated, every position's day-start snapshot taken) and expires GTD orders, and disables an
 * account whose loss for the day passes its daily loss limit.
 * <p>
 * Deterministic: its only inputs are the handler calls and the time given to {@link #nowNs(long)}. Runs on the OMS
 * thread and allocates nothing per message (the end-of-day boundary is computed once a day).
 */
public final class OrderManager implements OmsInboundHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);
    private static final int TEXT_CAPACITY = 512;
    private static final int NO_VENUE = -1;
    private static final int UNKNOWN_SYMBOL = Integer.MIN_VALUE;
    private static final OrdRejReason TERMS_OK = OrdRejReason.NULL_VAL;

    private final OrderStore orders;
    private final OmsPublisher publisher;
    private final PreTradeRisk risk;
    private final LimitSetParser limitSetParser;
    private final File killSwitchFile;
    private final File tradingHaltFile;
    private final LimitChangeFile limitChanges;
    private boolean started;
    private static final long MAX_EXPOSURE_ENTRIES = 1 << 24;
    private final Int2ObjectHashMap<AsciiId> defaultAccounts = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<CancelOnDisconnect> cancelOnDisconnect = new Int2ObjectHashMap<>();
    private final PositionStore positions;
    private final AsciiId[] venueNames;
    private final boolean[] venueLoggedOn;
    private final boolean[][] venueOrdTypes;
    private final boolean[][] venueTimeInForces;
    private final boolean[] venueReplace;
    private final boolean[] venueCancelOnDisconnect;
    private final Object2IntHashMap<AsciiId> venueIdByName;
    /** Symbol to its index in the symbol table (and in the risk limits). */
    private final Object2IntHashMap<AsciiId> symbolIndexByName;
    /** Venue a symbol is routed to, by symbol index, or {@link #NO_VENUE}. */
    private final int[] routeOfSymbol;
    /** Account to its index in the risk limits' accounts; rebuilt when an update adds accounts. */
    private final Object2IntHashMap<AsciiId> accountIndexByName = new Object2IntHashMap<>(NameIndex.MISSING);
    private final Object2IntHashMap<AsciiId> traderIndexByName = new Object2IntHashMap<>(NameIndex.MISSING);
    private final int defaultVenueId;
    private final LocalTime tradingDayEnd;
    /** When the trading day ends: {@link #tradingDayEnd}, else midnight. */
    private final LocalTime dayEnd;
    private final ZoneId tradingZone;
    private final Order scratch = new Order();
    private Order[] slotHead = new Order[64];
    private final AsciiId previousClOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[TEXT_CAPACITY]);
    private final OmsCounters counters = new OmsCounters();

    private long nextId;
    private long nextVenueClOrdId;
    private long nowNs;
    private long nextDayEndNs;
    private long nextExpiryNs = Long.MAX_VALUE;
    private int textLength;

    /**
     * @param context   concluded context; the OMS needs no Aeron client of its own, so the core can run without one.
     * @param publisher where decisions go.
     * @param positions positions store.
     * @throws IllegalStateException when the context is not concluded.
     */
    public OrderManager(final OmsContext context, final OmsPublisher publisher, final PositionStore positions)
    {
        if (!context.isConcluded())
        {
            throw new IllegalStateException("OmsContext must be concluded before the OMS starts");
        }
        this.publisher = publisher;
        this.positions = positions;
        this.orders = new OrderStore(context.orderCapacity());
        this.limitSetParser = new LimitSetParser(context.symbols(), context.venueNames(), context.sessionNames());
        this.limitChanges = context.limitChangeFile() == null ? null : new LimitChangeFile(context.limitChangeFile());
        final LimitSet limits = replayLimitChanges(context.limits());
        this.risk = new PreTradeRisk(limits, new ReferencePrices(context.symbols().size()),
            new ExposureBook((int)Math.min(MAX_EXPOSURE_ENTRIES, context.positionEntries()),
                limits.accounts().size()));
        this.killSwitchFile = context.killSwitchFile();
        this.tradingHaltFile = context.tradingHaltFile();
        this.nextId = context.idBase();
        this.nextVenueClOrdId = context.idBase();
        this.tradingDayEnd = context.tradingDayEnd();
        this.dayEnd = tradingDayEnd != null ? tradingDayEnd : LocalTime.MIDNIGHT;
        this.tradingZone = context.tradingZone();

        final List<String> names = context.venueNames();
        final int venues = names.size();
        venueNames = new AsciiId[venues];
        venueLoggedOn = new boolean[venues];
        venueOrdTypes = new boolean[venues][];
        venueTimeInForces = new boolean[venues][];
        venueReplace = new boolean[venues];
        venueCancelOnDisconnect = new boolean[venues];
        venueIdByName = new Object2IntHashMap<>(NO_VENUE);
        for (int i = 0; i < venues; i++)
        {
            venueNames[i] = AsciiId.of(names.get(i));
            venueIdByName.put(venueNames[i], i);
            final VenueRules rules = context.venueRules(names.get(i));
            venueOrdTypes[i] = new boolean[OrdType.values().length];
            for (final OrdType type : rules.ordTypes())
            {
                venueOrdTypes[i][type.ordinal()] = true;
            }
            venueTimeInForces[i] = new boolean[TimeInForce.values().length];
            for (final TimeInForce tif : rules.timeInForces())
            {
                venueTimeInForces[i][tif.ordinal()] = true;
            }
            venueReplace[i] = rules.replace();
            venueCancelOnDisconnect[i] = rules.cancelOnDisconnect();
        }

        symbolIndexByName = new Object2IntHashMap<>(UNKNOWN_SYMBOL);
        routeOfSymbol = new int[context.symbols().size()];
        for (int i = 0; i < context.symbols().size(); i++)
        {
            final String symbol = context.symbols().get(i);
            final String venue = context.routes().get(symbol);
            symbolIndexByName.put(AsciiId.of(symbol), i);
            routeOfSymbol[i] = venue == null ? NO_VENUE : names.indexOf(venue);
        }
        indexAccounts(limits);
        defaultVenueId = context.defaultVenue() == null ? NO_VENUE : names.indexOf(context.defaultVenue());
        context.defaultAccounts().forEach((sessionId, account) -> defaultAccounts.put(sessionId, AsciiId.of(account)));
        context.cancelOnDisconnect().forEach(cancelOnDisconnect::put);
        seedExposure();
        restoreKillSwitches();
        restoreTradingHalts();
        scratch.reset();
    }

    /**
     * Set the time of the current duty cycle. The first call starts the OMS's day: the configured reference prices
     * take effect, and the day's P&amp;L of each account is counted from the positions file.
     *
     * @param nowNs epoch nanoseconds.
     */
    public void nowNs(final long nowNs)
    {
        this.nowNs = nowNs;
        if (!started)
        {
            started = true;
            risk.referencePrices().takeConfigured(risk.limits(), null, nowNs);
            nextDayEndNs = nextDayEndAfter(nowNs);
            resumeTradingDay(tradingDayOf(nowNs));
        }
    }

    /**
     * Run what is due at the current time: the end of the trading day and GTD expiries.
     *
     * @return work done.
     */
    public int pollTimers()
    {
        int work = 0;
        if (started && nowNs >= nextDayEndNs)
        {
            if (tradingDayEnd != null)
            {
                work += endTradingDay();
            }
            nextDayEndNs = nextDayEndAfter(nowNs);
            work += startTradingDay(tradingDayOf(nowNs));
        }
        if (nowNs >= nextExpiryNs)
        {
            work += expireDueOrders();
        }
        return work;
    }

    /**
     * @return counters of what the OMS has done.
     */
    public OmsCounters counters()
    {
        return counters;
    }

    /**
     * @return the pre-trade risk checks, for their counters and limits.
     */
    public PreTradeRisk risk()
    {
        return risk;
    }

    /**
     * @return orders still working.
     */
    public int workingOrders()
    {
        return orders.workingCount();
    }

    /**
     * {@inheritDoc}
     */
    public void onNewOrder(
        final int sessionId,
        final long sendingTimeNs,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final boolean possResend,
        final long orderQty,
        final long price,
        final long stopPx,
        final long expireTimeNs,
        final AsciiId clOrdId,
        final AsciiId account,
        final AsciiId trader,
        final AsciiId symbol,
        final AsciiId exDestination)
    {
        counters.newOrders++;
        final Request existing = orders.byClOrdId(sessionId, clOrdId);
        if (existing != null)
        {
            if (possResend)
            {
                counters.possResends++;
                statusReport(existing.order);
            }
            else
            {
                fillOrder(scratch, sessionId, side, ordType, timeInForce, orderQty, price, stopPx, expireTimeNs,
                    clOrdId, account, symbol);
                int length = put(0, "Duplicate ClOrdID (11) ");
                length += clOrdId.putBytes(text, length);
                rejectNew(scratch, OrdRejReason.DUPLICATE_ORDER, length);
                scratch.reset();
            }
            return;
        }

        final Order order = orders.allocateOrder();
        final Request request = order == null ? null : orders.allocateRequest(order, Request.NEW);
        if (request == null)
        {
            if (order != null)
            {
                orders.release(order);
            }
            fillOrder(scratch, sessionId, side, ordType, timeInForce, orderQty, price, stopPx, expireTimeNs,
                clOrdId, account, symbol);
            rejectNew(scratch, OrdRejReason.OTHER, put(0, "OMS order capacity exhausted"));
            scratch.reset();
            return;
        }

        fillOrder(order, sessionId, side, ordType, timeInForce, orderQty, price, stopPx, expireTimeNs, clOrdId,
            account, symbol);
        request.key.set(sessionId, clOrdId);
        orders.indexClOrdId(request);
        orders.add(order);
        order.traderIndex = traderIndexByName.getValue(trader);
        if (!validateNewOrder(order, exDestination))
        {
            orders.retire(order);
            return;
        }

        order.venueClOrdId = nextVenueClOrdId++;
        request.venueClOrdId = order.venueClOrdId;
        orders.indexVenueClOrdId(request);
        if (order.timeInForce == TimeInForce.GTD && order.expireTimeNs < nextExpiryNs)
        {
            nextExpiryNs = order.expireTimeNs;
        }
        counters.routed++;
        order.exposureSlot = risk.lastSlot();
        order.valuationPx = risk.lastValuationPx();
        linkToSlot(order);
        risk.recordOrder(order.accountIndex, order.symbolIndex, order.side, order.orderQty, order.price, nowNs);
        syncExposure(order);
        publisher.venueNewOrder(order);
    }

    /**
     * {@inheritDoc}
     */
    public void onCancel(
        final int sessionId,
        final Side side,
        final long orderQty,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final AsciiId orderId,
        final AsciiId symbol)
    {
        counters.cancelRequests++;
        final Order order = orders.orderByClOrdId(sessionId, origClOrdId);
        if (!checkRequest(order, sessionId, CxlRejResponseTo.CANCEL, clOrdId, origClOrdId))
        {
            return;
        }
        if (risk.checkMessage(order.accountIndex, sessionId, true, nowNs) != RiskControl.NONE)
        {
            rejectRequest(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL, CxlRejReason.OTHER,
                clOrdId, origClOrdId, riskText(order));
            tripThrottle(sessionId, order.accountIndex);
            return;
        }
        if (order.pendingCancel != null)
        {
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.ALREADY_PENDING, clOrdId, origClOrdId, order.pendingCancel.type == Request.CANCEL ?
                put(0, "A cancel is already pending") : put(0, "Bastion is already cancelling the order"));
            return;
        }

        final Request request = orders.allocateRequest(order, Request.CANCEL);
        if (request == null)
        {
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.OTHER, clOrdId, origClOrdId, put(0, "OMS request capacity exhausted"));
            return;
        }
        request.key.set(sessionId, clOrdId);
        request.origClOrdId.set(origClOrdId);
        orders.indexClOrdId(request);
        request.venueClOrdId = nextVenueClOrdId++;
        orders.indexVenueClOrdId(request);
        order.pendingCancel = request;
        report(order, ExecType.PENDING_CANCEL, request.key.clOrdId, request.origClOrdId);
        publisher.venueCancel(order, request);
    }

    /**
     * {@inheritDoc}
     */
    public void onReplace(
        final int sessionId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final boolean possResend,
        final long orderQty,
        final long price,
        final long stopPx,
        final long expireTimeNs,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final AsciiId orderId,
        final AsciiId account,
        final AsciiId trader,
        final AsciiId symbol)
    {
        counters.replaceRequests++;
        if (possResend)
        {
            final Order resent = orders.orderByClOrdId(sessionId, clOrdId);
            if (resent != null)
            {
                counters.possResends++;
                statusReport(resent);
                return;
            }
        }

        final Order order = orders.orderByClOrdId(sessionId, origClOrdId);
        if (!checkRequest(order, sessionId, CxlRejResponseTo.CANCEL_REPLACE, clOrdId, origClOrdId))
        {
            return;
        }
        if (risk.checkMessage(order.accountIndex, sessionId, false, nowNs) != RiskControl.NONE)
        {
            rejectRequest(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL_REPLACE,
                CxlRejReason.OTHER, clOrdId, origClOrdId, riskText(order));
            tripThrottle(sessionId, order.accountIndex);
            return;
        }
        final int length = checkReplace(order, side, ordType, timeInForce, orderQty, price, stopPx, expireTimeNs,
            account, trader.isEmpty() ? order.traderIndex : traderIndexByName.getValue(trader), symbol);
        if (length > 0)
        {
            counters.replaceRejects++;
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL_REPLACE,
                order.hasPendingRequest() ? CxlRejReason.ALREADY_PENDING : CxlRejReason.BROKER_OPTION,
                clOrdId, origClOrdId, length);
            return;
        }

        final Request request = orders.allocateRequest(order, Request.REPLACE);
        if (request == null)
        {
            counters.replaceRejects++;
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL_REPLACE,
                CxlRejReason.OTHER, clOrdId, origClOrdId, put(0, "OMS request capacity exhausted"));
            return;
        }
        request.key.set(sessionId, clOrdId);
        request.origClOrdId.set(origClOrdId);
        request.ordType = ordType;
        request.timeInForce = timeInForce;
        request.orderQty = orderQty;
        request.price = isPriced(ordType) ? price : FixedPoint.NULL_VALUE;
        request.stopPx = isStop(ordType) ? stopPx : FixedPoint.NULL_VALUE;
        request.expireTimeNs = timeInForce == TimeInForce.GTD ? expireTimeNs : 0;
        orders.indexClOrdId(request);
        request.venueClOrdId = nextVenueClOrdId++;
        orders.indexVenueClOrdId(request);
        order.pendingReplace = request;
        report(order, ExecType.PENDING_REPLACE, request.key.clOrdId, request.origClOrdId);
        publisher.venueReplace(order, request);
    }

    /**
     * {@inheritDoc}
     */
    public void onStatusRequest(
        final int sessionId, final Side side, final AsciiId clOrdId, final AsciiId orderId, final AsciiId symbol)
    {
        counters.statusRequests++;
        final Order order = orders.orderByClOrdId(sessionId, clOrdId);
        if (order != null)
        {
            statusReport(order);
            return;
        }

        final Order unknown = scratch;
        unknown.key.set(sessionId, clOrdId);
        unknown.side = side;
        unknown.ordType = OrdType.LIMIT;
        unknown.timeInForce = TimeInForce.DAY;
        unknown.symbol.set(symbol);
        unknown.state = OrderState.REJECTED;
        int length = put(0, "Unknown order: ClOrdID (11) ");
        length += clOrdId.putBytes(text, length);
        publisher.executionReport(unknown, nextId++, ExecType.ORDER_STATUS, OrdStatus.REJECTED, 0, 0,
            OrdRejReason.UNKNOWN_ORDER, unknown.key.clOrdId, null, 0, ExecRestatementReason.NULL_VAL, text, length,
            null, nowNs);
        scratch.reset();
    }

    /**
     * {@inheritDoc}
     */
    public void onVenueExecution(
        final int venueId,
        final long venueClOrdId,
        final long origVenueClOrdId,
        final long transactTimeNs,
        final ExecType execType,
        final OrdStatus ordStatus,
        final OrdRejReason ordRejReason,
        final ExecRestatementReason restatementReason,
        final boolean possDup,
        final long orderQty,
        final long price,
        final long lastQty,
        final long lastPx,
        final long cumQty,
        final long leavesQty,
        final long avgPx,
        final AsciiId venueOrderId,
        final AsciiId venueExecId,
        final AsciiId venueExecRefId,
        final DirectBuffer venueText,
        final int venueTextLength)
    {
        counters.venueExecutions++;
        Request request = orders.byVenueClOrdId(venueClOrdId);
        if (request == null && origVenueClOrdId != 0 && origVenueClOrdId != FixedPoint.NULL_VALUE)
        {
            request = orders.byVenueClOrdId(origVenueClOrdId);
        }
        if (request == null || request.order.venueId != venueId)
        {
            counters.unknownVenueReports++;
            if (LOG.isWarnEnabled())
            {
                LOG.warn("execution report for an unknown order: venue={} clOrdId={} orderId={} execId={} " +
                    "execType={}", venueId, venueClOrdId, venueOrderId, venueExecId, execType);
            }
            return;
        }
        final Order order = request.order;
        if (!venueOrderId.isEmpty())
        {
            order.venueOrderId.set(venueOrderId);
        }

        switch (execType)
        {
            case NEW:
                onVenueAck(order);
                break;

            case TRADE:
            case PARTIAL_FILL:
            case FILL:
                if (lastQty == FixedPoint.NULL_VALUE || lastQty == 0)
                {
                    onVenueTradeWithoutQuantity(order, ordStatus);
                }
                else
                {
                    onVenueFill(order, venueExecId, lastQty, lastPx);
                }
                break;

            case TRADE_CANCEL:
                onVenueBust(order, venueExecRefId, venueExecId);
                break;

            case TRADE_CORRECT:
                onVenueCorrection(order, venueExecRefId, venueExecId, lastQty, lastPx);
                break;

            case CANCELED:
                onVenueCanceled(order, restatementReason, venueText, venueTextLength);
                break;

            case EXPIRED:
                onVenueFinished(order, OrderState.EXPIRED);
                break;

            case DONE_FOR_DAY:
                onVenueFinished(order, OrderState.DONE_FOR_DAY);
                break;

            case REPLACED:
                onVenueReplaced(order, request, restatementReason, orderQty, price, leavesQty);
                break;

            case RESTATED:
                onVenueRestated(order, restatementReason, orderQty, price, leavesQty);
                break;

            case REJECTED:
                if (request.type == Request.NEW)
                {
                    onVenueReject(order, ordRejReason, venueText, venueTextLength);
                }
                else
                {
                    onRequestRefused(request, CxlRejReason.OTHER, venueRefusalText(order, venueText, venueTextLength));
                }
                break;

            case PENDING_NEW:
            case PENDING_CANCEL:
            case PENDING_REPLACE:
            case ORDER_STATUS:
                counters.venueInformationalReports++;
                break;

            default:
                counters.ignoredVenueReports++;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onVenueCancelReject(
        final int venueId,
        final long venueClOrdId,
        final long origVenueClOrdId,
        final OrdStatus ordStatus,
        final CxlRejResponseTo responseTo,
        final CxlRejReason reason,
        final DirectBuffer venueText,
        final int venueTextLength)
    {
        final Request request = orders.byVenueClOrdId(venueClOrdId);
        if (request == null || request.order.venueId != venueId || request.type == Request.NEW)
        {
            counters.unknownVenueReports++;
            return;
        }
        final int length = venueRefusalText(request.order, venueText, venueTextLength);
        onRequestRefused(request, reason == CxlRejReason.NULL_VAL ? CxlRejReason.OTHER : reason, length);
    }

    /**
     * {@inheritDoc}
     */
    public void onVenueCommandRejected(
        final int venueId,
        final long venueClOrdId,
        final VenueCommandType commandType,
        final CommandRejectSource source,
        final DirectBuffer venueText,
        final int venueTextLength)
    {
        counters.venueCommandRejects++;
        final Request request = orders.byVenueClOrdId(venueClOrdId);
        if (request == null || request.order.venueId != venueId)
        {
            counters.unknownVenueReports++;
            return;
        }
        final Order order = request.order;
        int length = put(0, "Venue ");
        length += venueNames[venueId].putBytes(text, length);
        length += put(length, source == CommandRejectSource.NOT_SENT ? " not reached: " :
            source == CommandRejectSource.SESSION_REJECT ? " session reject: " : " business reject: ");
        length += copyText(length, venueText, venueTextLength);
        if (request.type == Request.NEW)
        {
            if (order.state == OrderState.PENDING_NEW)
            {
                counters.rejects++;
                order.state = OrderState.REJECTED;
                report(order, nextId++, ExecType.REJECTED, 0, 0, source == CommandRejectSource.NOT_SENT ?
                    OrdRejReason.EXCHANGE_CLOSED : OrdRejReason.BROKER_OPTION, order.key.clOrdId, null, 0,
                    ExecRestatementReason.NULL_VAL, length);
                retireIfDone(order);
            }
            else
            {
                counters.ignoredVenueReports++;
            }
            return;
        }
        onRequestRefused(request, CxlRejReason.BROKER_OPTION, length);
    }

    /**
     * {@inheritDoc}
     */
    public void onKillSwitch(
        final long requestId,
        final KillSwitchAction action,
        final KillSwitchScope scope,
        final int sessionId,
        final boolean allowRiskReducing,
        final String name,
        final String reason,
        final String requestedBy)
    {
        if (action != KillSwitchAction.ENGAGE && action != KillSwitchAction.RELEASE)
        {
            publisher.killSwitchResult(requestId, false, 0, "unknown action " + action);
            return;
        }
        final int index = killSwitchIndex(scope, name, sessionId);
        if (index < 0)
        {
            publisher.killSwitchResult(requestId, false, 0, scope == null || scope == KillSwitchScope.NULL_VAL ?
                "unknown scope" : "unknown " + KillSwitches.scopeWord(scope) + " '" +
                (scope == KillSwitchScope.SESSION ? Integer.toString(sessionId) : name) + "'");
            return;
        }
        final String label = scope == KillSwitchScope.GLOBAL ? "" :
            scope == KillSwitchScope.SESSION ? Integer.toString(sessionId) : name;
        final KillSwitches switches = risk.killSwitches();
        if (action == KillSwitchAction.ENGAGE)
        {
            if (reason.isBlank())
            {
                publisher.killSwitchResult(requestId, false, 0, "a reason is required to engage a kill switch");
                return;
            }
            final KillSwitches.Engagement engagement = new KillSwitches.Engagement(scope, label, index,
                allowRiskReducing, clip(StateFile.clean(reason)), StateFile.clean(requestedBy), nowNs);
            switches.engage(engagement);
            saveKillSwitches();
            final int cancelled = cancelCovered(scope, index);
            LOG.warn("kill switch {} engaged by {} (request {}, risk-reducing orders {}): {}; {} working orders " +
                "sent to be cancelled", engagement.describe(), requestedBy, requestId,
                allowRiskReducing ? "allowed" : "blocked", reason, cancelled);
            publisher.killSwitchResult(requestId, true, cancelled, "");
        }
        else
        {
            final KillSwitches.Engagement released = switches.release(scope, index);
            if (released == null)
            {
                publisher.killSwitchResult(requestId, false, 0, "kill switch " +
                    (scope == KillSwitchScope.GLOBAL ? "global" : KillSwitches.scopeWord(scope) + " " + label) +
                    " is not engaged");
                return;
            }
            saveKillSwitches();
            LOG.warn("kill switch {} released by {} (request {}): {}", released.describe(), requestedBy, requestId,
                reason);
            publisher.killSwitchResult(requestId, true, 0, "");
        }
    }

    /**
     * @return the index a switch of this scope covers, or -1 when the name is unknown.
     */
    private int killSwitchIndex(final KillSwitchScope scope, final String name, final int sessionId)
    {
        final LimitSet limits = risk.limits();
        if (scope == null)
        {
            return -1;
        }
        return switch (scope)
        {
            case GLOBAL -> 0;
            case VENUE -> limits.venues().find(name);
            case ACCOUNT -> limits.accounts().find(name);
            case SYMBOL -> limits.symbols().find(name);
            case SESSION -> sessionId > 0 ? sessionId : -1;
            default -> -1;
        };
    }

    /**
     * Take every working order a newly engaged switch covers off its venue; the client hears of each as an unsolicited
     * cancel when the venue confirms it.
     */
    private int cancelCovered(final KillSwitchScope scope, final int index)
    {
        int cancelled = 0;
        Order order = orders.firstWorking();
        while (order != null)
        {
            final Order next = order.nextWorking;
            if (!order.state.isTerminal() && order.pendingCancel == null && covers(scope, index, order))
            {
                cancelled++;
                takeOffVenue(order, OrderState.CANCELED, Order.KILL_SWITCH);
            }
            order = next;
        }
        return cancelled;
    }

    private static boolean covers(final KillSwitchScope scope, final int index, final Order order)
    {
        return switch (scope)
        {
            case GLOBAL -> true;
            case VENUE -> order.venueId == index;
            case ACCOUNT -> order.accountIndex == index;
            case SESSION -> order.key.sessionId == index;
            case SYMBOL -> order.symbolIndex == index;
            default -> false;
        };
    }

    /**
     * A message throttle went past its logout threshold: engage the kill switch of the session or the account that
     * tripped it (cancelling their working orders), and log the session out. The text of the rejection is the reason.
     */
    private void tripThrottle(final int sessionId, final int accountIndex)
    {
        final KillSwitchScope scope = risk.lastTrip();
        if (scope != KillSwitchScope.SESSION && scope != KillSwitchScope.ACCOUNT)
        {
            return;
        }
        final boolean session = scope == KillSwitchScope.SESSION;
        final String reason = engageOnTrip(scope, session ? sessionId : accountIndex,
            session ? Integer.toString(sessionId) : risk.limits().accounts().name(accountIndex), "THROTTLE", false);
        LOG.warn("client session {} logged out", sessionId);
        publisher.sessionCommand(sessionId, SessionCommandType.LOGOUT, reason);
    }

    /**
     * A throttle or the daily loss limit tripped: engage the kill switch of what tripped it, with the text of the last
     * rejection as its reason and the control as who engaged it, and cancel the working orders it covers.
     *
     * @return the reason.
     */
    private String engageOnTrip(
        final KillSwitchScope scope, final int index, final String name, final String by,
        final boolean allowRiskReducing)
    {
        final String reason = text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0));
        risk.killSwitches().engage(
            new KillSwitches.Engagement(scope, name, index, allowRiskReducing, clip(reason), by, nowNs));
        saveKillSwitches();
        final int cancelled = cancelCovered(scope, index);
        LOG.warn("{}; kill switch {} {} engaged, {} working orders sent to be cancelled", reason,
            KillSwitches.scopeWord(scope), name, cancelled);
        return reason;
    }

    /**
     * An account received more fills within the window than its repeated-execution throttle allows: engage its kill
     * switch (cancelling its working orders), which stays engaged until released.
     */
    private void tripFillThrottle(final int accountIndex)
    {
        if (risk.killSwitches().engaged(KillSwitchScope.ACCOUNT, accountIndex) != null)
        {
            return;
        }
        engageOnTrip(KillSwitchScope.ACCOUNT, accountIndex, risk.limits().accounts().name(accountIndex),
            "FILL_THROTTLE", false);
    }

    /**
     * After the day's P&amp;L of an account changed: when its loss has just passed its daily loss limit, disable it.
     */
    private void checkDailyLoss(final int accountIndex)
    {
        if (accountIndex >= 0 && risk.checkDailyLoss(accountIndex))
        {
            tripDailyLoss(accountIndex);
        }
    }

    private void checkDailyLosses()
    {
        for (int account = 0, accounts = risk.limits().accounts().size(); account < accounts; account++)
        {
            checkDailyLoss(account);
        }
    }

    /**
     * An account's loss for the day passed its daily loss limit: engage its kill switch (cancelling its working
     * orders), letting orders that reduce its positions through, until a risk officer releases it.
     */
    private void tripDailyLoss(final int accountIndex)
    {
        counters.dailyLossTrips++;
        final String name = risk.limits().accounts().name(accountIndex);
        final KillSwitches.Engagement engaged = risk.killSwitches().engaged(KillSwitchScope.ACCOUNT, accountIndex);
        if (engaged != null)
        {
            LOG.warn("{} (day P&L {}); kill switch account {} already engaged by {}",
                text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0)),
                FixedPoint.toString(risk.dayPnl(accountIndex)), name, engaged.engagedBy());
            return;
        }
        LOG.warn("account {} day P&L {}", name, FixedPoint.toString(risk.dayPnl(accountIndex)));
        engageOnTrip(KillSwitchScope.ACCOUNT, accountIndex, name, RiskControl.DAILY_LOSS.name(), true);
    }

    /**
     * A client session with cancel-on-disconnect logged out: take its working orders (as its policy says) off their
     * venues; its client hears of each when it logs on again.
     */
    private void cancelOnClientDisconnect(final int sessionId)
    {
        final CancelOnDisconnect policy = cancelOnDisconnect.get(sessionId);
        if (policy == null || policy == CancelOnDisconnect.OFF)
        {
            return;
        }
        int cancelled = 0;
        Order order = orders.firstWorking();
        while (order != null)
        {
            final Order next = order.nextWorking;
            if (order.key.sessionId == sessionId && !order.state.isTerminal() && order.pendingCancel == null &&
                policy.cancels(order.timeInForce))
            {
                cancelled++;
                takeOffVenue(order, OrderState.CANCELED, Order.DISCONNECT);
            }
            order = next;
        }
        if (cancelled > 0)
        {
            LOG.warn("client session {} disconnected: {} working orders sent to be cancelled (cancel-on-disconnect {})",
                sessionId, cancelled, policy);
        }
    }

    private int disconnectText(final Order order)
    {
        int length = put(0, "CANCEL_ON_DISCONNECT: cancelled, session ");
        length += put(length, Integer.toString(order.key.sessionId));
        return length + put(length, " disconnected");
    }

    private int killSwitchText(final Order order)
    {
        final KillSwitches.Engagement engagement = risk.killSwitches().covering(order.accountIndex, order.symbolIndex,
            order.venueId, order.key.sessionId);
        if (engagement == null)
        {
            return put(0, "KILL_SWITCH: cancelled by a kill switch since released");
        }
        int length = put(0, "KILL_SWITCH: cancelled, ");
        length += put(length, engagement.describe());
        length += put(length, " engaged by ");
        length += put(length, engagement.engagedBy());
        length += put(length, ": ");
        return length + put(length, engagement.reason());
    }

    private static String clip(final String reason)
    {
        return reason.length() > KillSwitches.MAX_REASON_LENGTH ? reason.substring(0, KillSwitches.MAX_REASON_LENGTH) :
            reason;
    }

    private void saveKillSwitches()
    {
        if (killSwitchFile == null)
        {
            return;
        }
        try
        {
            KillSwitchFile.save(killSwitchFile, risk.killSwitches().all());
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.error("cannot save the kill switches to {}: after a restart they will be as last saved", killSwitchFile,
                ex);
        }
    }

    /**
     * Switches engaged before a restart stay engaged.
     */
    private void restoreKillSwitches()
    {
        for (final KillSwitchFile.Saved saved : KillSwitchFile.load(killSwitchFile))
        {
            int sessionId = 0;
            if (saved.scope() == KillSwitchScope.SESSION)
            {
                sessionId = Integer.parseInt(saved.name());
            }
            final int index = killSwitchIndex(saved.scope(), saved.name(), sessionId);
            if (index < 0)
            {
                LOG.error("kill switch {} {} from {} names nothing configured now; not restored",
                    saved.scope(), saved.name(), killSwitchFile);
                continue;
            }
            final KillSwitches.Engagement engagement = new KillSwitches.Engagement(saved.scope(), saved.name(), index,
                saved.allowRiskReducing(), saved.reason(), saved.engagedBy(), saved.timeNs());
            risk.killSwitches().engage(engagement);
            LOG.warn("kill switch {} still engaged (by {}: {}); release it to trade", engagement.describe(),
                saved.engagedBy(), saved.reason());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTradingHalt(
        final long requestId,
        final TradingHaltAction action,
        final String venue,
        final String symbol,
        final String reason,
        final String requestedBy)
    {
        final String refusal = applyTradingHalt(action, venue, symbol, reason, requestedBy, nowNs);
        if (refusal != null)
        {
            publisher.tradingHaltResult(requestId, false, refusal);
            return;
        }
        saveTradingHalts();
        LOG.warn("trading {} {} by {} (request {}): {}", action == TradingHaltAction.HALT ? "halted" : "resumed in",
            haltSubject(venue, symbol), requestedBy, requestId, reason);
        publisher.tradingHaltResult(requestId, true, "");
    }

    /**
     * @return why the command cannot take effect, or null when it took effect.
     */
    private String applyTradingHalt(
        final TradingHaltAction action,
        final String venue,
        final String symbol,
        final String reason,
        final String haltedBy,
        final long timeNs)
    {
        if (action != TradingHaltAction.HALT && action != TradingHaltAction.RESUME)
        {
            return "unknown action " + action;
        }
        final LimitSet limits = risk.limits();
        if (venue.isEmpty() && symbol.isEmpty())
        {
            return "name a venue, an instrument, or both";
        }
        final int venueIndex = venue.isEmpty() ? TradingHalts.ALL_VENUES : limits.venues().find(venue);
        if (!venue.isEmpty() && venueIndex == NameIndex.MISSING)
        {
            return "unknown venue '" + venue + "'";
        }
        final int symbolIndex = symbol.isEmpty() ? TradingHalts.ALL_SYMBOLS : limits.symbols().find(symbol);
        if (!symbol.isEmpty() && symbolIndex == NameIndex.MISSING)
        {
            return "unknown symbol '" + symbol + "'";
        }
        final TradingHalts halts = risk.halts();
        if (action == TradingHaltAction.RESUME)
        {
            return halts.resume(venueIndex, symbolIndex) == null ? haltSubject(venue, symbol) + " is not halted" : null;
        }
        if (reason.isBlank())
        {
            return "a reason is required to halt trading";
        }
        halts.halt(new TradingHalts.Halt(venueIndex, symbolIndex, venue, symbol, clip(StateFile.clean(reason)),
            StateFile.clean(haltedBy), timeNs));
        return null;
    }

    private static String haltSubject(final String venue, final String symbol)
    {
        if (symbol.isEmpty())
        {
            return "venue " + venue;
        }
        return venue.isEmpty() ? symbol : symbol + " at " + venue;
    }

    private void saveTradingHalts()
    {
        if (tradingHaltFile == null)
        {
            return;
        }
        try
        {
            TradingHaltFile.save(tradingHaltFile, risk.halts().all());
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.error("cannot save the trading halts to {}: after a restart they will be as last saved",
                tradingHaltFile, ex);
        }
    }

    /**
     * Halts in force before a restart stay in force.
     */
    private void restoreTradingHalts()
    {
        for (final TradingHaltFile.Saved saved : TradingHaltFile.load(tradingHaltFile))
        {
            final String refusal = applyTradingHalt(TradingHaltAction.HALT, saved.venue(), saved.symbol(),
                saved.reason(), saved.haltedBy(), saved.timeNs());
            if (refusal != null)
            {
                LOG.error("trading halt of {} from {} not restored: {}", haltSubject(saved.venue(), saved.symbol()),
                    tradingHaltFile, refusal);
                continue;
            }
            LOG.warn("trading in {} still halted (by {}: {}); resume it to trade",
                haltSubject(saved.venue(), saved.symbol()), saved.haltedBy(), saved.reason());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRiskLimitsUpdate(
        final long requestId,
        final long expectedVersion,
        final Map<String, String> changes,
        final Set<String> removals,
        final String requestedBy)
    {
        final LimitSet current = risk.limits();
        if (expectedVersion != 0 && expectedVersion != current.version())
        {
            LOG.warn("risk limits update {} by {} refused: made against version {}, version {} is in force",
                requestId, requestedBy, expectedVersion, current.version());
            publisher.riskLimitsUpdateResult(requestId, false, current.version(), "stale: made against version " +
                expectedVersion + ", version " + current.version() + " is in force");
            return;
        }
        try
        {
            final LimitSet next = limitSetParser.update(current, changes, removals);
            if (!saveLimitChange(requestId, next.version(), changes, removals, requestedBy))
            {
                publisher.riskLimitsUpdateResult(requestId, false, current.version(), "cannot save the change to " +
                    limitChanges.file() + ", so it is not applied");
                return;
            }
            risk.limits(next);
            indexAccounts(next);
            risk.referencePrices().takeConfigured(next, current, nowNs);
            risk.dailyPnl().revalueAll();
            checkDailyLosses();
            LOG.info("risk limits version {} in force, by {} (request {}): set {}, removed {}", next.version(),
                requestedBy, requestId, changes, removals);
            publisher.riskLimitsUpdateResult(requestId, true, next.version(), "");
        }
        catch (final InvalidLimitsException ex)
        {
            LOG.warn("risk limits update {} by {} refused, version {} stays in force: {}", requestId, requestedBy,
                current.version(), ex.getMessage());
            publisher.riskLimitsUpdateResult(requestId, false, current.version(), ex.getMessage());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onReferencePrice(final AsciiId symbol, final long price, final long timestampNs)
    {
        final int symbolIndex = risk.limits().symbols().find(symbol);
        final ReferencePrices prices = risk.referencePrices();
        if (symbolIndex == NameIndex.MISSING || price == FixedPoint.NULL_VALUE || price <= 0 ||
            timestampNs < prices.timeNs(symbolIndex))
        {
            counters.ignoredReferencePrices++;
            return;
        }
        final long previous = prices.price(symbolIndex);
        prices.update(symbolIndex, price, timestampNs);
        if (price != previous)
        {
            final ExposureBook exposure = risk.exposure();
            for (int slot = exposure.firstSlotOfSymbol(symbolIndex); slot != ExposureBook.NONE;
                slot = exposure.nextSlotOfSymbol(slot))
            {
                risk.dailyPnl().revalue(slot);
                checkDailyLoss(exposure.account(slot));
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionStatus(
        final int sessionId, final int venueId, final SessionRole role, final SessionState state, final long timestampNs)
    {
        if (role == SessionRole.CLIENT && state == SessionState.LOGGED_OUT)
        {
            cancelOnClientDisconnect(sessionId);
            return;
        }
        if (role != SessionRole.VENUE || venueId < 0 || venueId >= venueLoggedOn.length)
        {
            return;
        }
        final boolean wasLoggedOn = venueLoggedOn[venueId];
        venueLoggedOn[venueId] = state == SessionState.LOGGED_ON;
        if (wasLoggedOn && state == SessionState.LOGGED_OUT && venueCancelOnDisconnect[venueId])
        {
            cancelOnVenueDisconnect(venueId);
        }
    }

    private boolean checkRequest(
        final Order order,
        final int sessionId,
        final CxlRejResponseTo responseTo,
        final AsciiId clOrdId,
        final AsciiId origClOrdId)
    {
        if (order == null)
        {
            int length = put(0, "Unknown order: OrigClOrdID (41) ");
            length += origClOrdId.putBytes(text, length);
            rejectRequest(sessionId, 0, OrdStatus.REJECTED, responseTo, CxlRejReason.UNKNOWN_ORDER, clOrdId,
                origClOrdId, length);
            return false;
        }
        if (orders.byClOrdId(sessionId, clOrdId) != null)
        {
            int length = put(0, "Duplicate ClOrdID (11) ");
            length += clOrdId.putBytes(text, length);
            rejectRequest(sessionId, order.orderId, order.ordStatus(), responseTo, CxlRejReason.DUPLICATE_CLORDID,
                clOrdId, origClOrdId, length);
            return false;
        }
        if (order.state.isTerminal())
        {
            int length = put(0, "Too late to cancel: order is ");
            length += put(length, order.state.name());
            rejectRequest(sessionId, order.orderId, order.ordStatus(), responseTo, CxlRejReason.TOO_LATE_TO_CANCEL,
                clOrdId, origClOrdId, length);
            return false;
        }
        if (!venueLoggedOn[order.venueId])
        {
            int length = put(0, "Venue ");
            length += venueNames[order.venueId].putBytes(text, length);
            length += put(length, " not connected");
            rejectRequest(sessionId, order.orderId, order.ordStatus(), responseTo, CxlRejReason.BROKER_OPTION,
                clOrdId, origClOrdId, length);
            return false;
        }
        return true;
    }

    private void rejectRequest(
        final int sessionId,
        final long orderId,
        final OrdStatus ordStatus,
        final CxlRejResponseTo responseTo,
        final CxlRejReason reason,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final int length)
    {
        if (responseTo == CxlRejResponseTo.CANCEL_REPLACE)
        {
            counters.replaceRejects++;
        }
        cancelReject(sessionId, orderId, ordStatus, responseTo, reason, clOrdId, origClOrdId, length);
    }

    /**
     * @return 0 when the replace may go to the venue, else the length of the reason written to the text.
     */
    private int checkReplace(
        final Order order,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final long stopPx,
        final long expireTimeNs,
        final AsciiId account,
        final int traderIndex,
        final AsciiId symbol)
    {
        if (order.pendingCancel != null)
        {
            return put(0, "A cancel is pending");
        }
        if (order.pendingReplace != null)
        {
            return put(0, "A cancel/replace is already pending");
        }
        if (order.state == OrderState.PENDING_NEW)
        {
            return put(0, "Order not yet acknowledged by the venue");
        }
        if (side != order.side)
        {
            return put(0, "Side (54) cannot be changed by a replace");
        }
        if (!symbol.isEmpty() && !symbol.equals(order.symbol))
        {
            return put(0, "Symbol (55) cannot be changed by a replace");
        }
        if (!account.isEmpty() && !account.equals(order.account))
        {
            return put(0, "Account (1) cannot be changed by a replace");
        }
        if (!venueReplace[order.venueId])
        {
            int length = put(0, "Venue ");
            length += venueNames[order.venueId].putBytes(text, length);
            return length + put(length, " does not support cancel/replace; cancel and re-enter");
        }
        if (checkTerms(ordType, timeInForce, orderQty, price, stopPx, expireTimeNs, order.venueId) != TERMS_OK)
        {
            return textLength;
        }
        final RiskControl control = risk.checkOrder(order.accountIndex, order.symbolIndex, order.venueId,
            order.key.sessionId, traderIndex, order.side,
            orderQty, Math.max(0, orderQty - order.cumQty), isPriced(ordType) ? price : FixedPoint.NULL_VALUE,
            isStop(ordType) ? stopPx : FixedPoint.NULL_VALUE, order.reservedQty, order.reservedNotional, nowNs);
        if (control != RiskControl.NONE ||
            preventSelfMatch(order, ordType, isPriced(ordType) ? price : FixedPoint.NULL_VALUE) != RiskControl.NONE)
        {
            return riskText(order);
        }
        return 0;
    }

    private void onVenueAck(final Order order)
    {
        if (order.state == OrderState.PENDING_NEW)
        {
            order.state = OrderState.NEW;
            report(order, ExecType.NEW, order.key.clOrdId, null);
        }
        else
        {
            counters.ignoredVenueReports++;
        }
    }

    /**
     * Some venues acknowledge with a trade-type ExecType and OrdStatus New but no quantity (QuickFIX/J's example
     * Executor does): that is an acknowledgement, not an execution.
     */
    private void onVenueTradeWithoutQuantity(final Order order, final OrdStatus ordStatus)
    {
        if (ordStatus == OrdStatus.NEW || ordStatus == OrdStatus.PENDING_NEW)
        {
            onVenueAck(order);
        }
        else
        {
            counters.venueInformationalReports++;
        }
    }

    private void onVenueFill(final Order order, final AsciiId venueExecId, final long lastQty, final long lastPx)
    {
        if (lastQty <= 0 || lastPx == FixedPoint.NULL_VALUE || lastPx < 0)
        {
            counters.ignoredVenueReports++;
            return;
        }
        if (!venueExecId.isEmpty() && orders.fillOf(order, venueExecId) != null)
        {
            counters.duplicateExecutions++;
            return;
        }
        if (order.state == OrderState.PENDING_NEW)
        {
            order.state = OrderState.NEW;
            report(order, ExecType.NEW, order.key.clOrdId, null);
        }

        counters.fills++;
        final long execId = nextId++;
        recordFill(order, venueExecId, execId, lastQty, lastPx);
        order.execute(lastQty, lastPx);
        if (order.state.isTerminal())
        {
            counters.lateFills++;
            if (LOG.isWarnEnabled())
            {
                LOG.warn("execution for a finished order applied: orderId={} state={} venueExecId={}",
                    order.orderId, order.state, venueExecId);
            }
        }
        else
        {
            order.state = order.workingState();
        }
        if (order.cumQty > order.orderQty)
        {
            counters.overfills++;
            if (LOG.isWarnEnabled())
            {
                LOG.warn("overfill: orderId={} cumQty={} orderQty={}", order.orderId, order.cumQty, order.orderQty);
            }
        }
        positions.applyFill(order.account, order.symbol, order.side, lastQty, lastPx, nowNs);
        executeExposure(order, lastQty, lastPx, ExposureBook.notional(lastQty, lastPx));
        report(order, execId, ExecType.TRADE, lastQty, lastPx, OrdRejReason.NULL_VAL, order.key.clOrdId, null, 0,
            ExecRestatementReason.NULL_VAL, 0);
        if (order.accountIndex >= 0 && risk.countFill(order.accountIndex, nowNs))
        {
            tripFillThrottle(order.accountIndex);
        }
        checkDailyLoss(order.accountIndex);
        retireIfDone(order);
    }

    /**
     * Keep an execution for duplicate detection and later busts and corrections, findable by its venue ExecID.
     */
    private void recordFill(
        final Order order,
        final AsciiId venueExecId,
        final long execId,
        final long qty,
        final long px)
    {
        final Fill fill = orders.allocateFill(order);
        if (fill == null)
        {
            counters.unrecordedFills++;
            LOG.error("no execution capacity: execution applied but not kept for duplicate detection or busts");
            return;
        }
        fill.venueId = order.venueId;
        fill.venueExecId.set(venueExecId);
        fill.execId = execId;
        fill.qty = qty;
        fill.px = px;
        if (!venueExecId.isEmpty())
        {
            orders.indexFill(fill);
        }
    }

    private void onVenueBust(final Order order, final AsciiId venueExecRefId, final AsciiId venueExecId)
    {
        final Fill fill = findExecution(order, venueExecRefId);
        if (fill == null)
        {
            return;
        }
        counters.busts++;
        fill.busted = true;
        order.execute(-fill.qty, fill.px);
        countPositionAdjustment(
            positions.applyBust(order.account, order.symbol, order.side, fill.qty, fill.px, nowNs));
        executeExposure(order, -fill.qty, positions.lastFillPx(order.account, order.symbol),
            -ExposureBook.notional(fill.qty, fill.px));
        reopenOrRecompute(order);
        report(order, nextId++, ExecType.TRADE_CANCEL, 0, 0, OrdRejReason.NULL_VAL, order.key.clOrdId, null,
            fill.execId, ExecRestatementReason.NULL_VAL, 0);
        checkDailyLoss(order.accountIndex);
        retireIfDone(order);
    }

    private void onVenueCorrection(
        final Order order,
        final AsciiId venueExecRefId,
        final AsciiId venueExecId,
        final long lastQty,
        final long lastPx)
    {
        if (lastQty <= 0 || lastPx == FixedPoint.NULL_VALUE || lastPx < 0)
        {
            counters.ignoredVenueReports++;
            return;
        }
        final Fill fill = findExecution(order, venueExecRefId);
        if (fill == null)
        {
            return;
        }
        counters.corrections++;
        fill.busted = true;
        order.execute(-fill.qty, fill.px);
        order.execute(lastQty, lastPx);
        countPositionAdjustment(positions.applyCorrection(
            order.account, order.symbol, order.side, fill.qty, fill.px, lastQty, lastPx, nowNs));
        executeExposure(order, lastQty - fill.qty, positions.lastFillPx(order.account, order.symbol),
            ExposureBook.notional(lastQty, lastPx) - ExposureBook.notional(fill.qty, fill.px));
        final long execId = nextId++;
        recordFill(order, venueExecId, execId, lastQty, lastPx);
        reopenOrRecompute(order);
        report(order, execId, ExecType.TRADE_CORRECT, lastQty, lastPx, OrdRejReason.NULL_VAL, order.key.clOrdId,
            null, fill.execId, ExecRestatementReason.NULL_VAL, 0);
        checkDailyLoss(order.accountIndex);
        retireIfDone(order);
    }

    private void countPositionAdjustment(final PositionAdjustment adjustment)
    {
        if (adjustment == PositionAdjustment.NO_SUCH_FILL)
        {
            counters.positionAdjustmentsUnmatched++;
            LOG.error("the position had no fill matching a bust or correction the order had");
        }
    }

    private Fill findExecution(final Order order, final AsciiId venueExecRefId)
    {
        final Fill fill = venueExecRefId.isEmpty() ? null : orders.fillOf(order, venueExecRefId);
        if (fill == null)
        {
            counters.unknownExecRefs++;
            if (LOG.isWarnEnabled())
            {
                LOG.warn("bust or correction of an unknown execution: orderId={} venueExecRefId={}",
                    order.orderId, venueExecRefId);
            }
            return null;
        }
        if (fill.busted)
        {
            counters.duplicateExecutions++;
            return null;
        }
        return fill;
    }

    /**
     * After a bust or correction: a filled order whose CumQty fell below OrderQty works again (FIX J.1.a), and
     * a working order's status follows its quantities; other finished states (cancelled, done for day...) stay.
     */
    private void reopenOrRecompute(final Order order)
    {
        if (order.state == OrderState.FILLED || order.state == OrderState.PARTIALLY_FILLED ||
            order.state == OrderState.NEW)
        {
            order.state = order.workingState();
            if (!order.state.isTerminal())
            {
                orders.unretire(order);
            }
        }
    }

    private void onVenueCanceled(
        final Order order,
        final ExecRestatementReason restatementReason,
        final DirectBuffer venueText,
        final int venueTextLength)
    {
        final Request cancel = order.pendingCancel;
        if (order.state.isTerminal())
        {
            order.pendingCancel = null;
            counters.ignoredVenueReports++;
            rejectPendingReplace(order);
            retireIfDone(order);
            return;
        }

        order.pendingCancel = null;
        final Request replace = order.pendingReplace;
        order.pendingReplace = null;
        if (cancel != null && cancel.type == Request.CANCEL)
        {
            order.state = OrderState.CANCELED;
            report(order, ExecType.CANCELED, cancel.key.clOrdId, cancel.origClOrdId);
        }
        else if (cancel != null && order.internalCancelOutcome != null)
        {
            finish(order, order.internalCancelOutcome);
        }
        else
        {
            counters.unsolicitedCancels++;
            order.state = OrderState.CANCELED;
            int length = 0;
            if (venueTextLength > 0)
            {
                length = put(0, "Cancelled by venue ");
                length += venueNames[order.venueId].putBytes(text, length);
                length += put(length, ": ");
                length += copyText(length, venueText, venueTextLength);
            }
            report(order, nextId++, ExecType.CANCELED, 0, 0, OrdRejReason.NULL_VAL, order.key.clOrdId, null, 0,
                restatementReason, length);
        }
        refuseReplace(order, replace);
        retireIfDone(order);
    }

    private void onVenueFinished(final Order order, final OrderState outcome)
    {
        if (order.state.isTerminal())
        {
            counters.ignoredVenueReports++;
            return;
        }
        final Request replace = order.pendingReplace;
        order.pendingReplace = null;
        final Request cancel = order.pendingCancel;
        order.pendingCancel = null;
        finish(order, cancel != null && order.internalCancelOutcome != null ? order.internalCancelOutcome : outcome);
        if (cancel != null && cancel.type == Request.CANCEL)
        {
            cancelReject(cancel.key.sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.TOO_LATE_TO_CANCEL, cancel.key.clOrdId, cancel.origClOrdId,
                put(0, "Order ended at the venue before the cancel"));
        }
        refuseReplace(order, replace);
        retireIfDone(order);
    }

    private void finish(final Order order, final OrderState outcome)
    {
        order.state = outcome;
        if (outcome == OrderState.DONE_FOR_DAY)
        {
            counters.doneForDay++;
            report(order, ExecType.DONE_FOR_DAY, order.key.clOrdId, null);
        }
        else if (outcome == OrderState.CANCELED)
        {
            final int length;
            if (order.internalCancelCause == Order.DISCONNECT)
            {
                counters.disconnectCancels++;
                length = disconnectText(order);
            }
            else if (order.internalCancelCause == Order.SELF_MATCH)
            {
                counters.selfMatchCancels++;
                length = put(0, "SELF_MATCH: cancelled, a new order of the same account or self-match group would " +
                    "have traded with it");
            }
            else
            {
                counters.killSwitchCancels++;
                length = killSwitchText(order);
            }
            report(order, nextId++, ExecType.CANCELED, 0, 0, OrdRejReason.NULL_VAL, order.key.clOrdId, null, 0,
                ExecRestatementReason.NULL_VAL, length);
        }
        else
        {
            counters.expired++;
            report(order, ExecType.EXPIRED, order.key.clOrdId, null);
        }
    }

    private void onVenueReplaced(
        final Order order,
        final Request request,
        final ExecRestatementReason restatementReason,
        final long venueOrderQty,
        final long venuePrice,
        final long venueLeavesQty)
    {
        final Request replace = order.pendingReplace;
        if (replace == null || (request != replace && request.type != Request.NEW))
        {
            onVenueRestated(order, restatementReason, venueOrderQty, venuePrice, venueLeavesQty);
            return;
        }
        order.pendingReplace = null;
        if (order.state.isTerminal())
        {
            counters.ignoredVenueReports++;
            refuseReplace(order, replace);
            retireIfDone(order);
            return;
        }

        counters.replaced++;
        previousClOrdId.set(order.key.clOrdId);
        order.key.set(order.key.sessionId, replace.key.clOrdId);
        order.venueClOrdId = replace.venueClOrdId;
        order.ordType = replace.ordType;
        order.timeInForce = replace.timeInForce;
        order.price = replace.price;
        order.stopPx = replace.stopPx;
        order.expireTimeNs = replace.expireTimeNs;
        final long newQty = venueOrderQty != FixedPoint.NULL_VALUE && venueOrderQty > 0 ? venueOrderQty :
            replace.orderQty;
        order.orderQty = Math.max(newQty, order.cumQty);
        order.state = order.workingState();
        if (order.timeInForce == TimeInForce.GTD && order.expireTimeNs < nextExpiryNs)
        {
            nextExpiryNs = order.expireTimeNs;
        }
        report(order, ExecType.REPLACED, order.key.clOrdId, previousClOrdId);
        retireIfDone(order);
    }

    private void onVenueRestated(
        final Order order,
        final ExecRestatementReason restatementReason,
        final long venueOrderQty,
        final long venuePrice,
        final long venueLeavesQty)
    {
        if (order.state.isTerminal() || order.state == OrderState.PENDING_NEW)
        {
            counters.ignoredVenueReports++;
            return;
        }
        long newQty = order.orderQty;
        if (venueOrderQty != FixedPoint.NULL_VALUE && venueOrderQty > 0)
        {
            newQty = venueOrderQty;
        }
        else if (venueLeavesQty != FixedPoint.NULL_VALUE && venueLeavesQty >= 0)
        {
            newQty = order.cumQty + venueLeavesQty;
        }
        if (venuePrice != FixedPoint.NULL_VALUE && venuePrice > 0 && isPriced(order.ordType))
        {
            order.price = venuePrice;
        }
        order.orderQty = Math.max(newQty, order.cumQty);
        order.state = order.cumQty == 0 && order.orderQty == 0 ? OrderState.CANCELED : order.workingState();
        counters.restatements++;
        final Request replace = order.state.isTerminal() ? order.pendingReplace : null;
        if (replace != null)
        {
            order.pendingReplace = null;
        }
        report(order, nextId++, ExecType.RESTATED, 0, 0, OrdRejReason.NULL_VAL, order.key.clOrdId, null, 0,
            restatementReason == ExecRestatementReason.NULL_VAL ? ExecRestatementReason.OTHER : restatementReason,
            0);
        refuseReplace(order, replace);
        retireIfDone(order);
    }

    private void onVenueReject(
        final Order order, final OrdRejReason reason, final DirectBuffer venueText, final int venueTextLength)
    {
        if (order.state != OrderState.PENDING_NEW)
        {
            counters.ignoredVenueReports++;
            return;
        }

        order.state = OrderState.REJECTED;
        int length = put(0, "Rejected by venue ");
        length += venueNames[order.venueId].putBytes(text, length);
        if (venueTextLength > 0)
        {
            length += put(length, ": ");
            length += copyText(length, venueText, venueTextLength);
        }
        counters.rejects++;
        final Request cancel = order.pendingCancel;
        order.pendingCancel = null;
        report(order, nextId++, ExecType.REJECTED, 0, 0, reason == OrdRejReason.NULL_VAL ? OrdRejReason.OTHER :
            reason, order.key.clOrdId, null, 0, ExecRestatementReason.NULL_VAL, length);
        if (cancel != null && cancel.type == Request.CANCEL)
        {
            cancelReject(cancel.key.sessionId, order.orderId, OrdStatus.REJECTED, CxlRejResponseTo.CANCEL,
                CxlRejReason.TOO_LATE_TO_CANCEL, cancel.key.clOrdId, cancel.origClOrdId,
                put(0, "Order rejected by the venue"));
        }
        retireIfDone(order);
    }

    /**
     * The venue refused a cancel or replace request: clear it and tell the client, with the order's status once the
     * pending state is gone.
     */
    private void onRequestRefused(final Request request, final CxlRejReason reason, final int textLength)
    {
        final Order order = request.order;
        if (request == order.pendingCancel)
        {
            order.pendingCancel = null;
            if (request.type == Request.CANCEL)
            {
                cancelReject(request.key.sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                    reason, request.key.clOrdId, request.origClOrdId, textLength);
            }
            else if (LOG.isWarnEnabled())
            {
                LOG.warn("venue refused Bastion's own cancel: orderId={} state={}", order.orderId, order.state);
            }
        }
        else if (request == order.pendingReplace)
        {
            order.pendingReplace = null;
            counters.replaceRejects++;
            cancelReject(request.key.sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL_REPLACE,
                reason, request.key.clOrdId, request.origClOrdId, textLength);
        }
        else
        {
            counters.ignoredVenueReports++;
        }
        retireIfDone(order);
    }

    private void rejectPendingReplace(final Order order)
    {
        final Request replace = order.pendingReplace;
        order.pendingReplace = null;
        refuseReplace(order, replace);
    }

    private void refuseReplace(final Order order, final Request replace)
    {
        if (replace != null)
        {
            counters.replaceRejects++;
            int length = put(0, "Too late to replace: order is ");
            length += put(length, order.state.name());
            cancelReject(replace.key.sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL_REPLACE,
                CxlRejReason.TOO_LATE_TO_CANCEL, replace.key.clOrdId, replace.origClOrdId, length);
        }
    }

    private int endTradingDay()
    {
        int work = 0;
        Order order = orders.firstWorking();
        while (order != null)
        {
            final Order next = order.nextWorking;
            if (!order.state.isTerminal() && order.state != OrderState.PENDING_NEW)
            {
                if (order.timeInForce == TimeInForce.DAY)
                {
                    work++;
                    takeOffVenue(order, OrderState.DONE_FOR_DAY);
                }
                else if (order.timeInForce == TimeInForce.GTC || order.timeInForce == TimeInForce.GTD)
                {
                    work++;
                    counters.restatements++;
                    report(order, nextId++, ExecType.RESTATED, 0, 0, OrdRejReason.NULL_VAL, order.key.clOrdId, null,
                        0, ExecRestatementReason.GT_RENEWAL, 0);
                }
            }
            order = next;
        }
        return work;
    }

    private int expireDueOrders()
    {
        int work = 0;
        long earliest = Long.MAX_VALUE;
        Order order = orders.firstWorking();
        while (order != null)
        {
            final Order next = order.nextWorking;
            if (order.timeInForce == TimeInForce.GTD && !order.state.isTerminal())
            {
                if (order.expireTimeNs <= nowNs)
                {
                    if (order.state != OrderState.PENDING_NEW && order.internalCancelOutcome == null)
                    {
                        work++;
                        takeOffVenue(order, OrderState.EXPIRED);
                    }
                }
                else if (order.expireTimeNs < earliest)
                {
                    earliest = order.expireTimeNs;
                }
            }
            order = next;
        }
        nextExpiryNs = earliest;
        return work;
    }

    /**
     * Bastion ends an order on its own (end of day, GTD expiry): cancel it at the venue and report the outcome when
     * the venue confirms; when the venue is not connected, report it at once.
     */
    private void takeOffVenue(final Order order, final OrderState outcome, final byte cause)
    {
        order.internalCancelCause = cause;
        takeOffVenue(order, outcome);
    }

    private void takeOffVenue(final Order order, final OrderState outcome)
    {
        if (order.pendingCancel != null)
        {
            return;
        }
        if (!venueLoggedOn[order.venueId])
        {
            rejectPendingReplace(order);
            finish(order, outcome);
            retireIfDone(order);
            return;
        }
        final Request request = orders.allocateRequest(order, Request.INTERNAL_CANCEL);
        if (request == null)
        {
            LOG.error("no request capacity to take order {} off its venue", order.orderId);
            return;
        }
        order.internalCancelOutcome = outcome;
        request.venueClOrdId = nextVenueClOrdId++;
        orders.indexVenueClOrdId(request);
        order.pendingCancel = request;
        publisher.venueCancel(order, request);
    }

    private void cancelOnVenueDisconnect(final int venueId)
    {
        Order order = orders.firstWorking();
        while (order != null)
        {
            final Order next = order.nextWorking;
            if (order.venueId == venueId && !order.state.isTerminal())
            {
                final Request cancel = order.pendingCancel;
                final Request replace = order.pendingReplace;
                order.pendingCancel = null;
                order.pendingReplace = null;
                counters.unsolicitedCancels++;
                order.state = OrderState.CANCELED;
                int length = put(0, "Venue ");
                length += venueNames[venueId].putBytes(text, length);
                length += put(length, " disconnected; it cancels working orders on disconnect");
                final boolean requested = cancel != null && cancel.type == Request.CANCEL;
                report(order, nextId++, ExecType.CANCELED, 0, 0, OrdRejReason.NULL_VAL,
                    requested ? cancel.key.clOrdId : order.key.clOrdId, requested ? cancel.origClOrdId : null, 0,
                    ExecRestatementReason.CANCEL_ON_SYSTEM_FAILURE, length);
                refuseReplace(order, replace);
                retireIfDone(order);
            }
            order = next;
        }
    }

    /**
     * Bring what the order holds in risk's exposure book to what it should hold: nothing once it is finished, else what
     * is left to fill at its valuation price, or while a replace is pending the larger of the old and the new terms.
     * Called after every change to an order, so every unit is reserved once and released once.
     */
    private void syncExposure(final Order order)
    {
        if (order.exposureSlot < 0)
        {
            return;
        }
        long qty = 0;
        long px = 0;
        final Request replace = order.pendingReplace;
        if (!order.state.isTerminal())
        {
            qty = Math.max(0, order.orderQty - order.cumQty);
            px = valuationPx(order.ordType, order.price, order.stopPx, order.valuationPx);
            if (replace == null && qty == order.reservedQty && px == order.reservedPx)
            {
                return;
            }
        }
        long notional = qty == 0 ? 0 : ExposureBook.notional(qty, px);
        if (replace != null && !order.state.isTerminal())
        {
            final long newQty = Math.max(0, replace.orderQty - order.cumQty);
            qty = Math.max(qty, newQty);
            notional = Math.max(notional, ExposureBook.notional(newQty,
                valuationPx(replace.ordType, replace.price, replace.stopPx, order.valuationPx)));
        }
        order.reservedPx = replace == null ? px : FixedPoint.NULL_VALUE;
        if (qty != order.reservedQty || notional != order.reservedNotional)
        {
            risk.exposure().reserve(order.exposureSlot, order.side, qty - order.reservedQty,
                notional - order.reservedNotional);
            order.reservedQty = qty;
            order.reservedNotional = notional;
        }
    }

    /**
     * An execution, bust or correction moved the position (quantity and notional with their signs): the exposure book
     * and the day's P&amp;L follow. The price is that of the position's last surviving fill.
     */
    private void executeExposure(final Order order, final long qty, final long px, final long notional)
    {
        if (order.exposureSlot >= 0)
        {
            risk.exposure().execute(order.exposureSlot, order.side, qty, px);
            risk.dailyPnl().trade(order.exposureSlot, order.side, notional);
        }
    }

    private static long valuationPx(final OrdType ordType, final long price, final long stopPx, final long marketPx)
    {
        return isPriced(ordType) ? price : isStop(ordType) ? stopPx : marketPx;
    }

    private boolean saveLimitChange(
        final long requestId,
        final long version,
        final Map<String, String> changes,
        final Set<String> removals,
        final String requestedBy)
    {
        if (limitChanges == null)
        {
            return true;
        }
        try
        {
            limitChanges.append(new LimitChangeFile.Change(version, nowNs, requestedBy, changes, removals));
            return true;
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.error("risk limits update {} by {} refused: cannot save it to {}", requestId, requestedBy,
                limitChanges.file(), ex);
            return false;
        }
    }

    /**
     * The limits in force when the OMS last stopped: the configuration's, with every change made at run time since
     * replayed on top, in order.
     *
     * @throws IllegalStateException if a saved change no longer applies to the configuration.
     */
    private LimitSet replayLimitChanges(final LimitSet configured)
    {
        if (limitChanges == null)
        {
            return configured;
        }
        if (limitChanges.dropTornTail())
        {
            LOG.warn("{} ended in a change that was never finished (nor acknowledged); it is cut off",
                limitChanges.file());
        }
        LimitSet limits = configured;
        for (final LimitChangeFile.Change change : limitChanges.load())
        {
            try
            {
                limits = limitSetParser.update(limits, change.changes(), change.removals());
            }
            catch (final InvalidLimitsException ex)
            {
                throw new IllegalStateException("risk limits version " + change.version() + " (made by " +
                    change.requestedBy() + ", kept in " + limitChanges.file() + ") no longer applies to the " +
                    "configuration: " + ex.getMessage() + "; correct the configuration, or write the limits wanted " +
                    "into it and remove the file", ex);
            }
            if (limits.version() != change.version())
            {
                LOG.warn("risk limits change made as version {} is version {} now", change.version(),
                    limits.version());
            }
        }
        if (limits != configured)
        {
            LOG.warn("risk limits version {} in force: the configuration with {} changes made at run time, from {}",
                limits.version(), limits.version() - configured.version(), limitChanges.file());
        }
        return limits;
    }

    private void indexAccounts(final LimitSet limits)
    {
        for (int i = accountIndexByName.size(); i < limits.accounts().size(); i++)
        {
            accountIndexByName.put(AsciiId.of(limits.accounts().name(i)), i);
        }
        for (int i = traderIndexByName.size(); i < limits.traders().size(); i++)
        {
            traderIndexByName.put(AsciiId.of(limits.traders().name(i)), i);
        }
    }

    /**
     * Positions carried over from the positions file count for the credit and position limits from the start.
     */
    private void seedExposure()
    {
        final LimitSet limits = risk.limits();
        final ExposureBook exposure = risk.exposure();
        for (final Position position : positions.readAll())
        {
            final int account = limits.accounts().find(position.account());
            final int symbol = limits.symbols().find(position.symbol());
            if (account == NameIndex.MISSING || symbol == NameIndex.MISSING || position.netQty() == 0)
            {
                continue;
            }
            final int slot = exposure.acquire(account, symbol);
            if (slot == ExposureBook.NONE)
            {
                LOG.error("no room in risk's exposure book for the position {}/{}: orders for it will be refused",
                    position.account(), position.symbol());
                continue;
            }
            exposure.position(slot, position.netQty(), position.markPx());
        }
    }

    /**
     * At start: positions whose day-start snapshot is from an earlier trading day (the OMS was down when it ended)
     * start this one, and each account's P&amp;L for the day is counted from the snapshots, so a restart during the
     * day keeps the day's loss.
     */
    private void resumeTradingDay(final long day)
    {
        positions.tradingDay(day);
        int started = 0;
        for (final Position position : positions.readAll())
        {
            if (position.dayStartDay() < day)
            {
                positions.startDay(position.account(), position.symbol(), day, dayStartPx(position));
                started++;
            }
        }
        final LimitSet limits = risk.limits();
        final ExposureBook exposure = risk.exposure();
        for (final Position position : positions.readAll())
        {
            final int account = limits.accounts().find(position.account());
            final int symbol = limits.symbols().find(position.symbol());
            final long boughtToday = position.boughtNotional() - position.dayStartBoughtNotional();
            final long soldToday = position.soldNotional() - position.dayStartSoldNotional();
            if (account == NameIndex.MISSING || symbol == NameIndex.MISSING ||
                (position.netQty() == 0 && position.dayStartNetQty() == 0 && boughtToday == 0 && soldToday == 0))
            {
                continue;
            }
            final int slot = exposure.acquire(account, symbol);
            if (slot == ExposureBook.NONE)
            {
                LOG.error("no room in risk's exposure book for the position {}/{}: its P&L for the day is not " +
                    "counted", position.account(), position.symbol());
                continue;
            }
            risk.dailyPnl().seed(slot, position.dayStartNetQty(), position.dayStartPx(), boughtToday, soldToday);
        }
        LOG.info("trading day {}: {} positions took their day-start snapshot", LocalDate.ofEpochDay(day), started);
        checkDailyLosses();
    }

    /**
     * The trading day ended: every position as it stands, at its mark, is where the next day's P&amp;L counts from.
     * Once a day, so reading every position is fine here.
     */
    private int startTradingDay(final long day)
    {
        positions.tradingDay(day);
        int started = 0;
        for (final Position position : positions.readAll())
        {
            positions.startDay(position.account(), position.symbol(), day, dayStartPx(position));
            started++;
        }
        risk.dailyPnl().startDay();
        checkDailyLosses();
        LOG.info("trading day {} started: {} positions took their day-start snapshot, every account's P&L for the " +
            "day is 0", LocalDate.ofEpochDay(day), started);
        return started;
    }

    /**
     * @return the mark the daily P&amp;L values the position at now: its symbol's reference price, else its last
     * execution's price.
     */
    private long dayStartPx(final Position position)
    {
        final LimitSet limits = risk.limits();
        final int account = limits.accounts().find(position.account());
        final int symbol = limits.symbols().find(position.symbol());
        final int slot = account == NameIndex.MISSING || symbol == NameIndex.MISSING ? ExposureBook.NONE :
            risk.exposure().find(account, symbol);
        long px = slot == ExposureBook.NONE ? FixedPoint.NULL_VALUE : risk.dailyPnl().mark(slot);
        if (px == FixedPoint.NULL_VALUE && symbol != NameIndex.MISSING)
        {
            px = risk.referencePrices().price(symbol);
        }
        return px != FixedPoint.NULL_VALUE ? px : position.markPx();
    }

    /**
     * @return the trading day a time falls in, numbered as the date (days since 1970-01-01) on which it ends, or
     * the date before it when it ends at midnight.
     */
    private long tradingDayOf(final long timeNs)
    {
        return Instant.ofEpochSecond(0, nextDayEndAfter(timeNs) - 1).atZone(tradingZone).toLocalDate().toEpochDay();
    }

    /**
     * Self-match prevention for an order about to go to its venue (new, or the terms of a replace): find the working
     * orders of its account's self-match group, same symbol and venue, opposite side, whose prices cross its price.
     * With {@link SelfMatchMode#cancelsResting} each is taken off its venue before the order is sent; with
     * {@link SelfMatchMode#refusesIncoming} the order is refused (the text is in the risk checks' last rejection).
     * Stop orders, not yet triggered, neither cross nor are crossed.
     *
     * @return {@link RiskControl#NONE}, or {@link RiskControl#SELF_MATCH} when the order is refused.
     */
    private RiskControl preventSelfMatch(final Order incoming, final OrdType ordType, final long price)
    {
        final LimitSet limits = risk.limits();
        final SelfMatchMode mode = limits.selfMatchMode(incoming.accountIndex);
        if (mode == SelfMatchMode.OFF || isStop(ordType))
        {
            return RiskControl.NONE;
        }
        final boolean buy = incoming.side == Side.BUY;
        final ExposureBook book = risk.exposure();
        Order first = null;
        for (final int account : limits.selfMatchGroupMembers(limits.selfMatchGroup(incoming.accountIndex)))
        {
            final int slot = book.find(account, incoming.symbolIndex);
            if (slot == ExposureBook.NONE || slot >= slotHead.length ||
                (buy ? book.workingSellQty(slot) : book.workingBuyQty(slot)) == 0)
            {
                continue;
            }
            Order resting = slotHead[slot];
            while (resting != null)
            {
                final Order next = resting.nextInSlot;
                if (resting != incoming && resting.venueId == incoming.venueId && !resting.state.isTerminal() &&
                    (resting.side == Side.BUY) != buy && !isStop(resting.ordType) && crosses(buy, price, resting))
                {
                    if (first == null)
                    {
                        first = resting;
                    }
                    if (!mode.cancelsResting())
                    {
                        break;
                    }
                    takeOffVenue(resting, OrderState.CANCELED, Order.SELF_MATCH);
                }
                resting = next;
            }
            if (first != null && !mode.cancelsResting())
            {
                break;
            }
        }
        if (first == null || !mode.refusesIncoming())
        {
            return RiskControl.NONE;
        }
        return risk.rejectSelfMatch(first.orderId, first.accountIndex);
    }

    /**
     * @return true when an order on the other side at this price (null: market) would trade with the resting order,
     * at its price or, while a replace of it is pending, its new one.
     */
    private static boolean crosses(final boolean buy, final long price, final Order resting)
    {
        if (crosses(buy, price, resting.price))
        {
            return true;
        }
        final Request replace = resting.pendingReplace;
        return replace != null && crosses(buy, price, replace.price);
    }

    private static boolean crosses(final boolean buy, final long price, final long restingPrice)
    {
        if (price == FixedPoint.NULL_VALUE || restingPrice == FixedPoint.NULL_VALUE)
        {
            return true;
        }
        return buy ? restingPrice <= price : restingPrice >= price;
    }

    private void linkToSlot(final Order order)
    {
        final int slot = order.exposureSlot;
        if (slot < 0)
        {
            return;
        }
        if (slot >= slotHead.length)
        {
            slotHead = Arrays.copyOf(slotHead, Math.max(slot + 1, slotHead.length * 2));
        }
        final Order head = slotHead[slot];
        order.prevInSlot = null;
        order.nextInSlot = head;
        if (head != null)
        {
            head.prevInSlot = order;
        }
        slotHead[slot] = order;
        order.inSlotList = true;
    }

    private void unlinkFromSlot(final Order order)
    {
        if (!order.inSlotList)
        {
            return;
        }
        if (order.prevInSlot != null)
        {
            order.prevInSlot.nextInSlot = order.nextInSlot;
        }
        else
        {
            slotHead[order.exposureSlot] = order.nextInSlot;
        }
        if (order.nextInSlot != null)
        {
            order.nextInSlot.prevInSlot = order.prevInSlot;
        }
        order.prevInSlot = null;
        order.nextInSlot = null;
        order.inSlotList = false;
    }

    private void retireIfDone(final Order order)
    {
        syncExposure(order);
        if (order.state.isTerminal() && !order.hasPendingRequest())
        {
            unlinkFromSlot(order);
            orders.retire(order);
        }
    }

    private boolean validateNewOrder(final Order order, final AsciiId exDestination)
    {
        order.accountIndex = accountIndexByName.getValue(order.account);
        if (risk.checkMessage(order.accountIndex, order.key.sessionId, false, nowNs) != RiskControl.NONE)
        {
            rejectNew(order, RiskControl.THROTTLE.ordRejReason(), riskText(order));
            tripThrottle(order.key.sessionId, order.accountIndex);
            return false;
        }
        if (order.side != Side.BUY && order.side != Side.SELL && order.side != Side.SELL_SHORT)
        {
            return rejectNew(order, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                putWithChar("Unsupported Side (54) ", order.side.value()));
        }
        final OrdRejReason termsError = checkTerms(order.ordType, order.timeInForce, order.orderQty, order.price,
            order.stopPx, order.expireTimeNs, NO_VENUE);
        if (termsError != TERMS_OK)
        {
            return rejectNew(order, termsError, textLength);
        }
        if (!isPriced(order.ordType))
        {
            order.price = FixedPoint.NULL_VALUE;
        }
        if (!isStop(order.ordType))
        {
            order.stopPx = FixedPoint.NULL_VALUE;
        }
        if (order.timeInForce != TimeInForce.GTD)
        {
            order.expireTimeNs = 0;
        }

        if (order.symbol.isEmpty())
        {
            return rejectNew(order, OrdRejReason.UNKNOWN_SYMBOL, put(0, "Symbol (55) is required"));
        }
        order.symbolIndex = symbolIndexByName.getValue(order.symbol);
        if (order.symbolIndex == UNKNOWN_SYMBOL)
        {
            int length = put(0, "Unknown symbol ");
            length += order.symbol.putBytes(text, length);
            return rejectNew(order, OrdRejReason.UNKNOWN_SYMBOL, length);
        }

        final int venueId;
        if (!exDestination.isEmpty())
        {
            venueId = venueIdByName.getValue(exDestination);
            if (venueId == NO_VENUE)
            {
                int length = put(0, "Unknown venue: ExDestination (100) ");
                length += exDestination.putBytes(text, length);
                return rejectNew(order, OrdRejReason.OTHER, length);
            }
        }
        else
        {
            final int routedVenue = routeOfSymbol[order.symbolIndex];
            venueId = routedVenue != NO_VENUE ? routedVenue : defaultVenueId;
            if (venueId == NO_VENUE)
            {
                int length = put(0, "No route for symbol ");
                length += order.symbol.putBytes(text, length);
                return rejectNew(order, OrdRejReason.OTHER, length);
            }
        }
        order.venueId = venueId;

        final OrdRejReason venueError = checkTerms(order.ordType, order.timeInForce, order.orderQty, order.price,
            order.stopPx, order.expireTimeNs, venueId);
        if (venueError != TERMS_OK)
        {
            return rejectNew(order, venueError, textLength);
        }

        final RiskControl control = risk.checkOrder(order.accountIndex, order.symbolIndex, venueId,
            order.key.sessionId, order.traderIndex, order.side,
            order.orderQty, order.orderQty, order.price, order.stopPx, 0, 0, nowNs);
        if (control != RiskControl.NONE ||
            risk.checkDuplicate(order.accountIndex, order.symbolIndex, order.side, order.orderQty, order.price,
            nowNs) != RiskControl.NONE)
        {
            return rejectNew(order, risk.lastControl().ordRejReason(), riskText(order));
        }

        if (!venueLoggedOn[venueId])
        {
            int length = put(0, "Venue ");
            length += venueNames[venueId].putBytes(text, length);
            length += put(length, " not connected");
            return rejectNew(order, OrdRejReason.EXCHANGE_CLOSED, length);
        }
        if (preventSelfMatch(order, order.ordType, order.price) != RiskControl.NONE)
        {
            return rejectNew(order, RiskControl.SELF_MATCH.ordRejReason(), riskText(order));
        }

        return true;
    }

    /**
     * Check an order's terms, either against what Bastion handles (venueId {@link #NO_VENUE}) or against what a
     * venue accepts. On failure the reason is in the text, its length in {@link #textLength}.
     */
    private OrdRejReason checkTerms(
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final long stopPx,
        final long expireTimeNs,
        final int venueId)
    {
        if (venueId != NO_VENUE)
        {
            if (!venueOrdTypes[venueId][ordType.ordinal()])
            {
                int length = putWithChar("Unsupported OrdType (40) ", ordType.value());
                length += put(length, ": venue ");
                length += venueNames[venueId].putBytes(text, length);
                textLength = length + put(length, " does not accept it");
                return OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC;
            }
            if (!venueTimeInForces[venueId][timeInForce.ordinal()])
            {
                int length = putWithChar("Unsupported TimeInForce (59) ", timeInForce.value());
                length += put(length, ": venue ");
                length += venueNames[venueId].putBytes(text, length);
                textLength = length + put(length, " does not accept it");
                return OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC;
            }
            return TERMS_OK;
        }

        if (ordType != OrdType.LIMIT && ordType != OrdType.MARKET && ordType != OrdType.STOP &&
            ordType != OrdType.STOP_LIMIT)
        {
            final int length = putWithChar("Unsupported OrdType (40) ", ordType.value());
            textLength = length + put(length, ": market (1), limit (2), stop (3) and stop limit (4) are accepted");
            return OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC;
        }
        if (timeInForce != TimeInForce.DAY && timeInForce != TimeInForce.GTC && timeInForce != TimeInForce.IOC &&
            timeInForce != TimeInForce.FOK && timeInForce != TimeInForce.GTD)
        {
            textLength = putWithChar("Unsupported TimeInForce (59) ", timeInForce.value());
            return OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC;
        }
        if (orderQty == FixedPoint.NULL_VALUE || orderQty <= 0)
        {
            int length = put(0, "OrderQty (38) must be positive");
            if (orderQty != FixedPoint.NULL_VALUE)
            {
                length += put(length, ": ");
                length += FixedPoint.format(orderQty, text, length);
            }
            textLength = length;
            return OrdRejReason.INCORRECT_QUANTITY;
        }
        if (isPriced(ordType))
        {
            if (price == FixedPoint.NULL_VALUE)
            {
                textLength = put(0, ordType == OrdType.LIMIT ? "Price (44) is required for a limit order" :
                    "Price (44) is required for a stop limit order");
                return OrdRejReason.OTHER;
            }
            if (price <= 0)
            {
                final int length = put(0, "Price (44) must be positive: ");
                textLength = length + FixedPoint.format(price, text, length);
                return OrdRejReason.OTHER;
            }
        }
        if (isStop(ordType) && (stopPx == FixedPoint.NULL_VALUE || stopPx <= 0))
        {
            textLength = put(0, "StopPx (99) is required and must be positive for a stop order");
            return OrdRejReason.OTHER;
        }
        if (timeInForce == TimeInForce.GTD && expireTimeNs <= nowNs)
        {
            textLength = put(0, expireTimeNs == 0 ? "ExpireTime (126) is required for a GTD order" :
                "ExpireTime (126) is in the past");
            return expireTimeNs == 0 ? OrdRejReason.OTHER : OrdRejReason.STALE_ORDER;
        }
        return TERMS_OK;
    }

    private int riskText(final Order order)
    {
        if (order.account.isEmpty())
        {
            return put(0, "UNKNOWN_ACCOUNT: no Account (1), and the session has no DefaultAccount");
        }
        int length = risk.formatLastRejection(text, 0);
        length += put(length, " (account ");
        length += order.account.putBytes(text, length);
        return length + put(length, ")");
    }

    private static boolean isPriced(final OrdType ordType)
    {
        return ordType == OrdType.LIMIT || ordType == OrdType.STOP_LIMIT;
    }

    private static boolean isStop(final OrdType ordType)
    {
        return ordType == OrdType.STOP || ordType == OrdType.STOP_LIMIT;
    }

    private Order fillOrder(
        final Order order,
        final int sessionId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final long stopPx,
        final long expireTimeNs,
        final AsciiId clOrdId,
        final AsciiId account,
        final AsciiId symbol)
    {
        order.key.set(sessionId, clOrdId);
        order.orderId = nextId++;
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.orderQty = orderQty;
        order.price = price;
        order.stopPx = stopPx;
        order.expireTimeNs = expireTimeNs;
        if (account.isEmpty())
        {
            final AsciiId sessionDefault = defaultAccounts.get(sessionId);
            order.account.set(sessionDefault == null ? account : sessionDefault);
        }
        else
        {
            order.account.set(account);
        }
        order.symbol.set(symbol);
        order.state = OrderState.PENDING_NEW;
        return order;
    }

    private boolean rejectNew(final Order order, final OrdRejReason reason, final int length)
    {
        counters.rejects++;
        order.state = OrderState.REJECTED;
        report(order, nextId++, ExecType.REJECTED, 0, 0, reason, order.key.clOrdId, null, 0,
            ExecRestatementReason.NULL_VAL, length);
        return false;
    }

    private void statusReport(final Order order)
    {
        report(order, ExecType.ORDER_STATUS, order.key.clOrdId, null);
    }

    private void report(final Order order, final ExecType execType, final AsciiId clOrdId, final AsciiId origClOrdId)
    {
        report(order, nextId++, execType, 0, 0, OrdRejReason.NULL_VAL, clOrdId, origClOrdId, 0,
            ExecRestatementReason.NULL_VAL, 0);
    }

    private void report(
        final Order order,
        final long execId,
        final ExecType execType,
        final long lastQty,
        final long lastPx,
        final OrdRejReason reason,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final long execRefId,
        final ExecRestatementReason restatement,
        final int length)
    {
        final AsciiId lastMkt = execType == ExecType.TRADE || execType == ExecType.TRADE_CORRECT ?
            venueNames[order.venueId] : null;
        syncExposure(order);
        publisher.executionReport(order, execId, execType, order.ordStatus(), lastQty, lastPx, reason, clOrdId,
            origClOrdId, execRefId, restatement, text, length, lastMkt, nowNs);
    }

    private void cancelReject(
        final int sessionId,
        final long orderId,
        final OrdStatus ordStatus,
        final CxlRejResponseTo responseTo,
        final CxlRejReason reason,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final int length)
    {
        counters.cancelRejects++;
        publisher.cancelReject(sessionId, orderId, ordStatus, responseTo, reason, clOrdId, origClOrdId, text,
            length);
    }

    private int venueRefusalText(final Order order, final DirectBuffer venueText, final int venueTextLength)
    {
        int length = put(0, "Venue ");
        length += venueNames[order.venueId].putBytes(text, length);
        length += put(length, " refused the request");
        if (venueTextLength > 0)
        {
            length += put(length, ": ");
            length += copyText(length, venueText, venueTextLength);
        }
        return length;
    }

    private int copyText(final int offset, final DirectBuffer source, final int sourceLength)
    {
        final int copy = Math.max(0, Math.min(sourceLength, TEXT_CAPACITY - offset));
        text.putBytes(offset, source, 0, copy);
        return copy;
    }

    private long nextDayEndAfter(final long timeNs)
    {
        final Instant now = Instant.ofEpochSecond(0, timeNs);
        ZonedDateTime end = now.atZone(tradingZone).with(dayEnd);
        if (!end.toInstant().isAfter(now))
        {
            end = end.plusDays(1);
        }
        final Instant instant = end.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private int put(final int offset, final String value)
    {
        return text.putStringWithoutLengthAscii(offset, value);
    }

    private int putWithChar(final String prefix, final byte value)
    {
        final int length = put(0, prefix);
        text.putByte(length, value);
        return length + 1;
    }
}
