package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.risk.PreTradeRisk;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.collections.Object2IntHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The order state machine: validates and risk-checks client orders, routes them to venues, applies venue
 * executions and answers clients with execution reports. Deterministic: its only inputs are the handler calls and
 * the time given to {@link #nowNs(long)}. Runs on the OMS thread and allocates nothing per message.
 */
public final class OrderManager implements OmsInboundHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);
    private static final int TEXT_CAPACITY = 512;
    private static final int NO_VENUE = -1;
    private static final int UNKNOWN_SYMBOL = Integer.MIN_VALUE;

    private final OrderStore orders;
    private final OmsPublisher publisher;
    private final PreTradeRisk risk;
    private final PositionStore positions;
    private final AsciiId[] venueNames;
    private final boolean[] venueLoggedOn;
    private final Object2IntHashMap<AsciiId> venueIdByName;
    private final Object2IntHashMap<AsciiId> routeBySymbol;
    private final int defaultVenueId;
    private final AsciiId defaultAccount;
    private final Order scratch = new Order();
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[TEXT_CAPACITY]);
    private final OmsCounters counters = new OmsCounters();

    private long nextId;
    private long nowNs;

    /**
     * @param context   concluded context.
     * @param publisher where decisions go.
     * @param positions positions store.
     */
    public OrderManager(final OmsContext context, final OmsPublisher publisher, final PositionStore positions)
    {
        this.publisher = publisher;
        this.positions = positions;
        this.orders = new OrderStore(context.orderCapacity());
        this.risk = new PreTradeRisk(context.riskLimits());
        this.nextId = context.idBase();

        final List<String> names = context.venueNames();
        venueNames = new AsciiId[names.size()];
        venueLoggedOn = new boolean[names.size()];
        venueIdByName = new Object2IntHashMap<>(NO_VENUE);
        for (int i = 0; i < names.size(); i++)
        {
            venueNames[i] = AsciiId.of(names.get(i));
            venueIdByName.put(venueNames[i], i);
        }

        routeBySymbol = new Object2IntHashMap<>(UNKNOWN_SYMBOL);
        for (final String symbol : context.symbols())
        {
            final String venue = context.routes().get(symbol);
            routeBySymbol.put(AsciiId.of(symbol), venue == null ? NO_VENUE : names.indexOf(venue));
        }
        defaultVenueId = context.defaultVenue() == null ? NO_VENUE : names.indexOf(context.defaultVenue());
        defaultAccount = AsciiId.of(context.defaultAccount());
        scratch.reset();
    }

    /**
     * Set the time of the current duty cycle.
     *
     * @param nowNs epoch nanoseconds.
     */
    public void nowNs(final long nowNs)
    {
        this.nowNs = nowNs;
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
        final AsciiId clOrdId,
        final AsciiId account,
        final AsciiId symbol,
        final AsciiId exDestination)
    {
        counters.newOrders++;
        final Order existing = orders.byClOrdId(sessionId, clOrdId);
        if (existing != null)
        {
            if (possResend)
            {
                counters.possResends++;
                report(existing, ExecType.ORDER_STATUS, 0, 0, OrdRejReason.NULL_VAL, false, 0);
            }
            else
            {
                final Order order = fillOrder(scratch, sessionId, side, ordType, timeInForce, orderQty, price, stopPx,
                    clOrdId, account, symbol);
                int length = put(0, "Duplicate ClOrdID (11) ");
                length += clOrdId.putBytes(text, length);
                rejectNew(order, OrdRejReason.DUPLICATE_ORDER, length);
                scratch.reset();
            }
            return;
        }

        Order order = orders.allocate();
        final boolean indexed = order != null;
        if (!indexed)
        {
            order = scratch;
        }
        fillOrder(order, sessionId, side, ordType, timeInForce, orderQty, price, stopPx, clOrdId, account, symbol);
        if (!indexed)
        {
            rejectNew(order, OrdRejReason.OTHER, put(0, "OMS order capacity exhausted"));
            scratch.reset();
            return;
        }

        orders.add(order);
        if (!validateNewOrder(order, exDestination))
        {
            orders.retire(order);
            return;
        }

        order.venueClOrdId = nextId++;
        orders.addVenueClOrdId(order);
        counters.routed++;
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
        final Order order = orders.byClOrdId(sessionId, origClOrdId);
        if (order == null)
        {
            int length = put(0, "Unknown order: OrigClOrdID (41) ");
            length += origClOrdId.putBytes(text, length);
            cancelReject(sessionId, 0, OrdStatus.REJECTED, CxlRejResponseTo.CANCEL, CxlRejReason.UNKNOWN_ORDER,
                clOrdId, origClOrdId, length);
            return;
        }
        if (orders.byClOrdId(sessionId, clOrdId) != null)
        {
            int length = put(0, "Duplicate ClOrdID (11) ");
            length += clOrdId.putBytes(text, length);
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.DUPLICATE_CLORDID, clOrdId, origClOrdId, length);
            return;
        }
        if (order.state.isTerminal())
        {
            int length = put(0, "Too late to cancel: order is ");
            length += put(length, order.state.name());
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.TOO_LATE_TO_CANCEL, clOrdId, origClOrdId, length);
            return;
        }
        if (order.pendingCancel)
        {
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.ALREADY_PENDING, clOrdId, origClOrdId, put(0, "A cancel is already pending"));
            return;
        }
        if (!venueLoggedOn[order.venueId])
        {
            int length = put(0, "Venue ");
            length += venueNames[order.venueId].putBytes(text, length);
            length += put(length, " not connected");
            cancelReject(sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
                CxlRejReason.BROKER_OPTION, clOrdId, origClOrdId, length);
            return;
        }

        order.cancelKey.set(sessionId, clOrdId);
        order.cancelVenueClOrdId = nextId++;
        order.pendingCancel = true;
        orders.addCancel(order);
        report(order, ExecType.PENDING_CANCEL, 0, 0, OrdRejReason.NULL_VAL, true, 0);
        publisher.venueCancel(order);
    }

    /**
     * {@inheritDoc}
     */
    public void onReplace(
        final int sessionId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final AsciiId orderId,
        final AsciiId symbol)
    {
        counters.replaceRequests++;
        final Order order = orders.byClOrdId(sessionId, origClOrdId);
        final int length = put(0, "Cancel/replace is not supported by this OMS version; cancel and re-enter");
        cancelReject(sessionId, order == null ? 0 : order.orderId, order == null ? OrdStatus.REJECTED :
            order.ordStatus(), CxlRejResponseTo.CANCEL_REPLACE, CxlRejReason.BROKER_OPTION, clOrdId, origClOrdId,
            length);
    }

    /**
     * {@inheritDoc}
     */
    public void onStatusRequest(
        final int sessionId, final Side side, final AsciiId clOrdId, final AsciiId orderId, final AsciiId symbol)
    {
        counters.statusRequests++;
        final Order order = orders.byClOrdId(sessionId, clOrdId);
        if (order != null)
        {
            report(order, ExecType.ORDER_STATUS, 0, 0, OrdRejReason.NULL_VAL, false, 0);
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
            OrdRejReason.UNKNOWN_ORDER, false, text, length, null, nowNs);
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
        final long lastQty,
        final long lastPx,
        final long cumQty,
        final long leavesQty,
        final long avgPx,
        final AsciiId venueOrderId,
        final AsciiId venueExecId,
        final DirectBuffer venueText,
        final int venueTextLength)
    {
        counters.venueExecutions++;
        Order order = orders.byVenueClOrdId(venueClOrdId);
        if (order == null && origVenueClOrdId != 0)
        {
            order = orders.byVenueClOrdId(origVenueClOrdId);
        }
        if (order == null || order.venueId != venueId)
        {
            counters.unknownVenueReports++;
            if (LOG.isWarnEnabled())
            {
                LOG.warn("execution report for an unknown order: venue={} clOrdId={} orderId={} execId={}",
                    venueId, venueClOrdId, venueOrderId, venueExecId);
            }
            return;
        }
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
                onVenueFill(order, lastQty, lastPx);
                break;

            case CANCELED:
            case EXPIRED:
                onVenueCancel(order, execType);
                break;

            case REJECTED:
                onVenueReject(order, ordRejReason, venueText, venueTextLength);
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
        final Order order = orders.byVenueClOrdId(venueClOrdId);
        if (order == null || order.venueId != venueId || order.cancelVenueClOrdId != venueClOrdId)
        {
            counters.unknownVenueReports++;
            return;
        }

        order.pendingCancel = false;
        int length = put(0, "Venue rejected the cancel");
        if (venueTextLength > 0)
        {
            length += put(length, ": ");
            final int copy = Math.min(venueTextLength, TEXT_CAPACITY - length);
            text.putBytes(length, venueText, 0, copy);
            length += copy;
        }
        cancelReject(order.cancelKey.sessionId, order.orderId, order.ordStatus(), CxlRejResponseTo.CANCEL,
            reason == CxlRejReason.NULL_VAL ? CxlRejReason.OTHER : reason, order.cancelKey.clOrdId,
            order.key.clOrdId, length);
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionStatus(
        final int sessionId, final int venueId, final SessionRole role, final SessionState state, final long timestampNs)
    {
        if (role == SessionRole.VENUE && venueId >= 0 && venueId < venueLoggedOn.length)
        {
            venueLoggedOn[venueId] = state == SessionState.LOGGED_ON;
        }
    }

    private void onVenueAck(final Order order)
    {
        if (order.state == OrderState.PENDING_NEW)
        {
            order.state = OrderState.NEW;
            report(order, ExecType.NEW, 0, 0, OrdRejReason.NULL_VAL, false, 0);
        }
        else
        {
            counters.ignoredVenueReports++;
        }
    }

    private void onVenueFill(final Order order, final long lastQty, final long lastPx)
    {
        if (order.state.isTerminal() || lastQty <= 0 || lastPx == FixedPoint.NULL_VALUE)
        {
            counters.ignoredVenueReports++;
            return;
        }
        if (order.state == OrderState.PENDING_NEW)
        {
            order.state = OrderState.NEW;
            report(order, ExecType.NEW, 0, 0, OrdRejReason.NULL_VAL, false, 0);
        }

        counters.fills++;
        order.fill(lastQty, lastPx);
        positions.applyFill(order.account, order.symbol, order.side, lastQty, lastPx, nowNs);
        report(order, ExecType.TRADE, lastQty, lastPx, OrdRejReason.NULL_VAL, false, 0);
        if (order.state.isTerminal())
        {
            order.pendingCancel = false;
            orders.retire(order);
        }
    }

    private void onVenueCancel(final Order order, final ExecType execType)
    {
        if (order.state.isTerminal())
        {
            counters.ignoredVenueReports++;
            return;
        }

        final boolean requested = order.pendingCancel;
        order.pendingCancel = false;
        order.state = execType == ExecType.CANCELED || requested ? OrderState.CANCELED : OrderState.EXPIRED;
        final ExecType reported = order.state == OrderState.CANCELED ? ExecType.CANCELED : ExecType.EXPIRED;
        report(order, reported, 0, 0, OrdRejReason.NULL_VAL, requested, 0);
        orders.retire(order);
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
            final int copy = Math.min(venueTextLength, TEXT_CAPACITY - length);
            text.putBytes(length, venueText, 0, copy);
            length += copy;
        }
        counters.rejects++;
        report(order, ExecType.REJECTED, 0, 0, reason == OrdRejReason.NULL_VAL ? OrdRejReason.OTHER : reason, false,
            length);
        orders.retire(order);
    }

    private boolean validateNewOrder(final Order order, final AsciiId exDestination)
    {
        if (order.side != Side.BUY && order.side != Side.SELL && order.side != Side.SELL_SHORT)
        {
            return rejectNew(order, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                putWithChar("Unsupported Side (54) ", order.side.value()));
        }
        if (order.ordType != OrdType.LIMIT && order.ordType != OrdType.MARKET)
        {
            final int length = putWithChar("Unsupported OrdType (40) ", order.ordType.value());
            return rejectNew(order, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                length + put(length, ": only market (1) and limit (2) orders are accepted"));
        }
        if (order.timeInForce != TimeInForce.DAY && order.timeInForce != TimeInForce.GTC &&
            order.timeInForce != TimeInForce.IOC && order.timeInForce != TimeInForce.FOK)
        {
            return rejectNew(order, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                putWithChar("Unsupported TimeInForce (59) ", order.timeInForce.value()));
        }
        if (order.orderQty == FixedPoint.NULL_VALUE || order.orderQty <= 0)
        {
            int length = put(0, "OrderQty (38) must be positive");
            if (order.orderQty != FixedPoint.NULL_VALUE)
            {
                length += put(length, ": ");
                length += FixedPoint.format(order.orderQty, text, length);
            }
            return rejectNew(order, OrdRejReason.INCORRECT_QUANTITY, length);
        }
        if (order.ordType == OrdType.LIMIT)
        {
            if (order.price == FixedPoint.NULL_VALUE)
            {
                return rejectNew(order, OrdRejReason.OTHER, put(0, "Price (44) is required for a limit order"));
            }
            if (order.price <= 0)
            {
                int length = put(0, "Price (44) must be positive: ");
                length += FixedPoint.format(order.price, text, length);
                return rejectNew(order, OrdRejReason.OTHER, length);
            }
        }
        else
        {
            order.price = FixedPoint.NULL_VALUE;
        }

        if (order.symbol.isEmpty())
        {
            return rejectNew(order, OrdRejReason.UNKNOWN_SYMBOL, put(0, "Symbol (55) is required"));
        }
        final int routedVenue = routeBySymbol.getValue(order.symbol);
        if (routedVenue == UNKNOWN_SYMBOL)
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
            venueId = routedVenue != NO_VENUE ? routedVenue : defaultVenueId;
            if (venueId == NO_VENUE)
            {
                int length = put(0, "No route for symbol ");
                length += order.symbol.putBytes(text, length);
                return rejectNew(order, OrdRejReason.OTHER, length);
            }
        }
        order.venueId = venueId;

        final RiskControl control = risk.checkNewOrder(order.orderQty, order.price);
        if (control != RiskControl.NONE)
        {
            int length = risk.formatLastRejection(text, 0);
            length += put(length, " (account ");
            length += order.account.putBytes(text, length);
            length += put(length, ")");
            return rejectNew(order, OrdRejReason.ORDER_EXCEEDS_LIMIT, length);
        }

        if (!venueLoggedOn[venueId])
        {
            int length = put(0, "Venue ");
            length += venueNames[venueId].putBytes(text, length);
            length += put(length, " not connected");
            return rejectNew(order, OrdRejReason.EXCHANGE_CLOSED, length);
        }

        return true;
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
        order.account.set(account.isEmpty() ? defaultAccount : account);
        order.symbol.set(symbol);
        order.state = OrderState.PENDING_NEW;
        return order;
    }

    private boolean rejectNew(final Order order, final OrdRejReason reason, final int textLength)
    {
        counters.rejects++;
        order.state = OrderState.REJECTED;
        report(order, ExecType.REJECTED, 0, 0, reason, false, textLength);
        return false;
    }

    private void report(
        final Order order,
        final ExecType execType,
        final long lastQty,
        final long lastPx,
        final OrdRejReason reason,
        final boolean cancelIds,
        final int textLength)
    {
        final AsciiId lastMkt = execType == ExecType.TRADE ? venueNames[order.venueId] : null;
        publisher.executionReport(order, nextId++, execType, order.ordStatus(), lastQty, lastPx, reason, cancelIds,
            text, textLength, lastMkt, nowNs);
    }

    private void cancelReject(
        final int sessionId,
        final long orderId,
        final OrdStatus ordStatus,
        final CxlRejResponseTo responseTo,
        final CxlRejReason reason,
        final AsciiId clOrdId,
        final AsciiId origClOrdId,
        final int textLength)
    {
        counters.cancelRejects++;
        publisher.cancelReject(sessionId, orderId, ordStatus, responseTo, reason, clOrdId, origClOrdId, text,
            textLength);
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
