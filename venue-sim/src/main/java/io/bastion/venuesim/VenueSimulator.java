package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import io.bastion.venuesim.engine.CancelReason;
import io.bastion.venuesim.engine.MatchingEngine;
import io.bastion.venuesim.engine.MatchingEventListener;
import io.bastion.venuesim.engine.Order;
import io.bastion.venuesim.engine.OrderBook;
import io.bastion.venuesim.engine.OrderType;
import io.bastion.venuesim.engine.RejectReason;
import io.bastion.venuesim.engine.Side;
import io.bastion.venuesim.engine.TimeInForce;
import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RuntimeError;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.bastion.venuesim.FixCodes.*;

/**
 * A FIX trading venue: a QuickFIX/J acceptor in front of a {@link MatchingEngine} shared by all its sessions.
 * <pre>
 *   try (VenueSimulator venue = new VenueSimulator(context))
 *   {
 *       venue.start();
 *       ...
 *   }
 * </pre>
 * It answers NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G) and OrderStatusRequest (H)
 * with ExecutionReports (8) and OrderCancelRejects (9), reading fields by tag so FIX 4.2 sessions work as well as
 * FIX 4.4 ones. Orders from different sessions trade with each other and each side gets its own reports; trades
 * against house liquidity are reported to the participant only. Invalid orders get an ExecutionReport with
 * ExecType 8, an OrdRejReason and a Text naming the problem; the session stays up.
 * <p>
 * One lock guards the engine, so the read methods ({@link #bestBid(String)}, the counters, ...) may be called
 * from any thread.
 */
public final class VenueSimulator implements AutoCloseable
{
    private static final Logger LOGGER = LoggerFactory.getLogger(VenueSimulator.class);
    private static final String NO_ORDER_ID = "NONE";
    private static final String ZERO = "0";

    private final Object lock = new Object();
    private final MatchingEngine engine;
    private final SocketAcceptor acceptor;
    private final int doneOrderRetention;
    private final String idSuffix;
    private final Long2ObjectHashMap<FixOrder> workingOrderById = new Long2ObjectHashMap<>();
    private final Map<SessionID, SessionOrders> ordersBySession = new HashMap<>();
    private long lastOrderId;
    private long lastExecId;
    private long ordersAccepted;
    private long ordersRejected;
    private long ordersCanceled;
    private long ordersReplaced;
    private long cancelRejects;
    private boolean closed;

    /**
     * Build the books and the acceptor; nothing listens until {@link #start()}.
     *
     * @param context settings, concluded here.
     * @throws IllegalStateException    if QuickFIX/J rejects the session settings.
     * @throws IllegalArgumentException if a seed is invalid.
     */
    public VenueSimulator(final VenueSimContext context)
    {
        context.conclude();
        doneOrderRetention = context.doneOrderRetention();
        idSuffix = "-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        engine = new MatchingEngine(new EngineEvents(), context.replenish());
        for (final SymbolSeed seed : context.symbols())
        {
            engine.addBook(seed.symbol());
            if (seed.levels() > 0)
            {
                engine.seed(seed.symbol(), seed.referencePrice(), seed.tick(), seed.levels(), seed.quantityPerLevel());
            }
        }

        try
        {
            acceptor = new SocketAcceptor(
                new FixApplication(),
                context.messageStoreFactory(),
                context.sessionSettings(),
                context.logFactory(),
                new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("invalid venue-sim session settings: " + ex.getMessage(), ex);
        }
    }

    /**
     * Start accepting FIX connections.
     *
     * @throws IllegalStateException if the acceptor cannot start, e.g. its port is taken.
     */
    public void start()
    {
        try
        {
            acceptor.start();
        }
        catch (final ConfigError | RuntimeError ex)
        {
            throw new IllegalStateException("venue-sim acceptor failed to start: " + ex.getMessage(), ex);
        }
        LOGGER.info("venue-sim accepting sessions {}", acceptor.getSessions());
    }

    /**
     * Log out every session and stop accepting. Idempotent.
     */
    @Override
    public void close()
    {
        synchronized (lock)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        acceptor.stop();
    }

    /**
     * The acceptor's sessions.
     *
     * @return their ids, as seen from the venue (SenderCompID is the venue).
     */
    public List<SessionID> sessionIds()
    {
        return acceptor.getSessions();
    }

    /**
     * Whether a session is logged on.
     *
     * @param sessionId one of {@link #sessionIds()}.
     * @return true when logged on.
     */
    public boolean isLoggedOn(final SessionID sessionId)
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    /**
     * Highest bid of a symbol.
     *
     * @param symbol a traded symbol.
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} when there is no bid.
     * @throws IllegalArgumentException if the venue does not trade the symbol.
     */
    public long bestBid(final String symbol)
    {
        synchronized (lock)
        {
            return book(symbol).bestBid();
        }
    }

    /**
     * Lowest ask of a symbol.
     *
     * @param symbol a traded symbol.
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} when there is no ask.
     * @throws IllegalArgumentException if the venue does not trade the symbol.
     */
    public long bestAsk(final String symbol)
    {
        synchronized (lock)
        {
            return book(symbol).bestAsk();
        }
    }

    /**
     * Number of price levels on one side of a book.
     *
     * @param symbol a traded symbol.
     * @param side   {@link Side#BUY} for bids, {@link Side#SELL} for asks.
     * @return the number of levels.
     * @throws IllegalArgumentException if the venue does not trade the symbol.
     */
    public int depthLevels(final String symbol, final Side side)
    {
        synchronized (lock)
        {
            return book(symbol).levelCount(side);
        }
    }

    /**
     * Price of a level.
     *
     * @param symbol a traded symbol.
     * @param side   {@link Side#BUY} for bids, {@link Side#SELL} for asks.
     * @param depth  0 for the best level.
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} when there is no such level.
     * @throws IllegalArgumentException if the venue does not trade the symbol.
     */
    public long depthPrice(final String symbol, final Side side, final int depth)
    {
        synchronized (lock)
        {
            return book(symbol).priceAt(side, depth);
        }
    }

    /**
     * Working quantity of a level.
     *
     * @param symbol a traded symbol.
     * @param side   {@link Side#BUY} for bids, {@link Side#SELL} for asks.
     * @param depth  0 for the best level.
     * @return the quantity mantissa, 0 when there is no such level.
     * @throws IllegalArgumentException if the venue does not trade the symbol.
     */
    public long depthQuantity(final String symbol, final Side side, final int depth)
    {
        synchronized (lock)
        {
            return book(symbol).quantityAt(side, depth);
        }
    }

    /**
     * NewOrderSingles accepted.
     *
     * @return the count.
     */
    public long orderCount()
    {
        synchronized (lock)
        {
            return ordersAccepted;
        }
    }

    /**
     * NewOrderSingles rejected.
     *
     * @return the count.
     */
    public long rejectCount()
    {
        synchronized (lock)
        {
            return ordersRejected;
        }
    }

    /**
     * Trades, those against house liquidity included.
     *
     * @return the count.
     */
    public long tradeCount()
    {
        synchronized (lock)
        {
            return engine.tradeCount();
        }
    }

    /**
     * Orders canceled on request.
     *
     * @return the count.
     */
    public long cancelCount()
    {
        synchronized (lock)
        {
            return ordersCanceled;
        }
    }

    /**
     * Orders replaced.
     *
     * @return the count.
     */
    public long replaceCount()
    {
        synchronized (lock)
        {
            return ordersReplaced;
        }
    }

    /**
     * OrderCancelRejects sent.
     *
     * @return the count.
     */
    public long cancelRejectCount()
    {
        synchronized (lock)
        {
            return cancelRejects;
        }
    }

    /**
     * Participants' orders working in the books.
     *
     * @return the count.
     */
    public int workingOrderCount()
    {
        synchronized (lock)
        {
            return workingOrderById.size();
        }
    }

    private OrderBook book(final String symbol)
    {
        final OrderBook book = engine.book(symbol);
        if (book == null)
        {
            throw new IllegalArgumentException("venue-sim does not trade " + symbol);
        }
        return book;
    }

    private SessionOrders sessionOrders(final SessionID sessionId)
    {
        return ordersBySession.computeIfAbsent(sessionId, id -> new SessionOrders(doneOrderRetention));
    }

    private void onNewOrderSingle(final Message request, final SessionID sessionId) throws FieldNotFound
    {
        final String clOrdId = request.getString(CL_ORD_ID);
        final SessionOrders orders = sessionOrders(sessionId);
        if (orders.isKnown(clOrdId))
        {
            if (request.getHeader().isSetField(POSS_RESEND) && request.getHeader().getBoolean(POSS_RESEND))
            {
                final FixOrder known = orders.find(clOrdId);
                sendExecutionReport(known, EXEC_TYPE_ORDER_STATUS, null, 0, 0,
                    "Possible resend of ClOrdID " + clOrdId + ": order already received");
                return;
            }
            rejectOrder(request, sessionId, clOrdId, ORD_REJ_REASON_DUPLICATE_ORDER, "Duplicate ClOrdID " + clOrdId);
            return;
        }

        final OrderFields fields = new OrderFields();
        final String problem = fields.parseNewOrder(request);
        if (problem != null)
        {
            rejectOrder(request, sessionId, clOrdId, fields.ordRejReason, problem);
            return;
        }

        final long orderId = ++lastOrderId;
        final FixOrder order = new FixOrder(orderId, "S" + orderId + idSuffix, sessionId, clOrdId, fields.symbol,
            fields.side, fields.ordType, fields.timeInForce);
        workingOrderById.put(orderId, order);
        orders.add(order);
        final RejectReason reason = engine.submit(orderId, fields.symbol, fields.engineSide(), fields.engineType(),
            fields.engineTimeInForce(), fields.priceMantissa, fields.orderQtyMantissa);
        if (reason != RejectReason.NONE)
        {
            workingOrderById.remove(orderId);
            orders.remove(order);
            rejectOrder(request, sessionId, clOrdId, ordRejReason(reason), rejectText(reason, request));
        }
    }

    private void onOrderCancelRequest(final Message request, final SessionID sessionId) throws FieldNotFound
    {
        final String clOrdId = request.getString(CL_ORD_ID);
        final String origClOrdId = request.getString(ORIG_CL_ORD_ID);
        final FixOrder order = findForCancelOrReplace(
            sessionId, clOrdId, origClOrdId, CXL_REJ_RESPONSE_TO_CANCEL, "cancel");
        if (order == null)
        {
            return;
        }

        final SessionOrders orders = sessionOrders(sessionId);
        orders.rename(order, clOrdId);
        if (engine.cancel(order.orderId) != RejectReason.NONE)
        {
            orders.undoRename(order);
            throw new IllegalStateException("engine does not know working order " + order.orderIdText);
        }
    }

    private void onOrderCancelReplaceRequest(final Message request, final SessionID sessionId) throws FieldNotFound
    {
        final String clOrdId = request.getString(CL_ORD_ID);
        final String origClOrdId = request.getString(ORIG_CL_ORD_ID);
        final FixOrder order = findForCancelOrReplace(
            sessionId, clOrdId, origClOrdId, CXL_REJ_RESPONSE_TO_REPLACE, "replace");
        if (order == null)
        {
            return;
        }

        final OrderFields fields = new OrderFields();
        final String problem = fields.parseReplace(request, order);
        if (problem != null)
        {
            cancelReject(sessionId, clOrdId, origClOrdId, order.orderIdText, order.ordStatus,
                CXL_REJ_RESPONSE_TO_REPLACE, CXL_REJ_REASON_OTHER, problem);
            return;
        }

        final SessionOrders orders = sessionOrders(sessionId);
        orders.rename(order, clOrdId);
        final RejectReason reason = engine.replace(order.orderId, fields.priceMantissa, fields.orderQtyMantissa);
        if (reason != RejectReason.NONE)
        {
            orders.undoRename(order);
            cancelReject(sessionId, clOrdId, origClOrdId, order.orderIdText, order.ordStatus,
                CXL_REJ_RESPONSE_TO_REPLACE, CXL_REJ_REASON_OTHER, rejectText(reason, request));
        }
    }

    private FixOrder findForCancelOrReplace(
        final SessionID sessionId,
        final String clOrdId,
        final String origClOrdId,
        final char responseTo,
        final String action)
    {
        final SessionOrders orders = sessionOrders(sessionId);
        final FixOrder order = orders.find(origClOrdId);
        if (order == null)
        {
            cancelReject(sessionId, clOrdId, origClOrdId, NO_ORDER_ID, ORD_STATUS_REJECTED, responseTo,
                CXL_REJ_REASON_UNKNOWN_ORDER, "Unknown order: no order with ClOrdID " + origClOrdId);
        }
        else if (order.done)
        {
            cancelReject(sessionId, clOrdId, origClOrdId, order.orderIdText, order.ordStatus, responseTo,
                CXL_REJ_REASON_TOO_LATE, "Too late to " + action + ": order " + origClOrdId + " is " +
                (order.ordStatus == ORD_STATUS_FILLED ? "filled" : "canceled"));
        }
        else if (orders.isKnown(clOrdId))
        {
            cancelReject(sessionId, clOrdId, origClOrdId, order.orderIdText, order.ordStatus, responseTo,
                CXL_REJ_REASON_DUPLICATE_CL_ORD_ID, "Duplicate ClOrdID " + clOrdId);
        }
        else
        {
            return order;
        }
        return null;
    }

    private void onOrderStatusRequest(final Message request, final SessionID sessionId) throws FieldNotFound
    {
        final String clOrdId = request.getString(CL_ORD_ID);
        final FixOrder order = sessionOrders(sessionId).find(clOrdId);
        if (order == null)
        {
            final Message report =
                requestEcho(request, sessionId, clOrdId, EXEC_TYPE_ORDER_STATUS, ORD_STATUS_REJECTED);
            report.setString(TEXT, "Unknown order: no order with ClOrdID " + clOrdId);
            send(sessionId, report);
        }
        else
        {
            sendExecutionReport(order, EXEC_TYPE_ORDER_STATUS, null, 0, 0, null);
        }
    }

    private void rejectOrder(
        final Message request,
        final SessionID sessionId,
        final String clOrdId,
        final int ordRejReason,
        final String text)
    {
        ordersRejected++;
        final Message report = requestEcho(request, sessionId, clOrdId, EXEC_TYPE_REJECTED, ORD_STATUS_REJECTED);
        final boolean preFix43 = isPreFix43(sessionId.getBeginString());
        report.setInt(ORD_REJ_REASON,
            preFix43 && ordRejReason > ORD_REJ_REASON_MAX_FIX42 ? ORD_REJ_REASON_BROKER_OPTION : ordRejReason);
        report.setString(TEXT, text);
        send(sessionId, report);
    }

    /**
     * An ExecutionReport for a request that matches no order: the request's own fields echoed, nothing done.
     */
    private Message requestEcho(
        final Message request,
        final SessionID sessionId,
        final String clOrdId,
        final char execType,
        final char ordStatus)
    {
        final boolean preFix43 = isPreFix43(sessionId.getBeginString());
        final Message report = newMessage(MSG_TYPE_EXECUTION_REPORT);
        report.setString(ORDER_ID, NO_ORDER_ID);
        report.setString(CL_ORD_ID, clOrdId);
        report.setString(EXEC_ID, nextExecId());
        if (preFix43)
        {
            report.setChar(EXEC_TRANS_TYPE,
                execType == EXEC_TYPE_ORDER_STATUS ? EXEC_TRANS_TYPE_STATUS : EXEC_TRANS_TYPE_NEW);
        }
        report.setChar(EXEC_TYPE, preFix43 && execType == EXEC_TYPE_ORDER_STATUS ? ordStatus : execType);
        report.setChar(ORD_STATUS, ordStatus);
        copyIfSet(request, report, SYMBOL);
        copyIfSet(request, report, SIDE);
        copyIfSet(request, report, ORDER_QTY);
        copyIfSet(request, report, PRICE);
        copyIfSet(request, report, ORD_TYPE);
        copyIfSet(request, report, TIME_IN_FORCE);
        report.setString(LAST_QTY, ZERO);
        report.setString(LAST_PX, ZERO);
        report.setString(CUM_QTY, ZERO);
        report.setString(LEAVES_QTY, ZERO);
        report.setString(AVG_PX, ZERO);
        report.setUtcTimeStamp(TRANSACT_TIME, LocalDateTime.now(ZoneOffset.UTC), true);
        return report;
    }

    private void sendExecutionReport(
        final FixOrder order,
        final char execType,
        final String origClOrdId,
        final long lastQtyMantissa,
        final long lastPxMantissa,
        final String text)
    {
        final boolean preFix43 = isPreFix43(order.sessionId.getBeginString());
        final Message report = newMessage(MSG_TYPE_EXECUTION_REPORT);
        report.setString(ORDER_ID, order.orderIdText);
        report.setString(CL_ORD_ID, order.clOrdId);
        if (origClOrdId != null)
        {
            report.setString(ORIG_CL_ORD_ID, origClOrdId);
        }
        report.setString(EXEC_ID, nextExecId());
        if (preFix43)
        {
            report.setChar(EXEC_TRANS_TYPE,
                execType == EXEC_TYPE_ORDER_STATUS ? EXEC_TRANS_TYPE_STATUS : EXEC_TRANS_TYPE_NEW);
            report.setChar(EXEC_TYPE,
                execType == EXEC_TYPE_TRADE || execType == EXEC_TYPE_ORDER_STATUS ? order.ordStatus : execType);
        }
        else
        {
            report.setChar(EXEC_TYPE, execType);
        }
        report.setChar(ORD_STATUS, order.ordStatus);
        report.setString(SYMBOL, order.symbol);
        report.setChar(SIDE, order.side);
        report.setString(ORDER_QTY, FixedPoint.toString(order.orderQtyMantissa));
        if (order.isLimit())
        {
            report.setString(PRICE, FixedPoint.toString(order.priceMantissa));
        }
        report.setChar(ORD_TYPE, order.ordType);
        report.setChar(TIME_IN_FORCE, order.timeInForce);
        report.setString(LAST_QTY, FixedPoint.toString(lastQtyMantissa));
        report.setString(LAST_PX, FixedPoint.toString(lastPxMantissa));
        report.setString(CUM_QTY, FixedPoint.toString(order.cumQtyMantissa));
        report.setString(LEAVES_QTY, FixedPoint.toString(order.leavesQtyMantissa));
        report.setString(AVG_PX, FixedPoint.toString(order.avgPxMantissa));
        report.setUtcTimeStamp(TRANSACT_TIME, LocalDateTime.now(ZoneOffset.UTC), true);
        if (text != null)
        {
            report.setString(TEXT, text);
        }
        send(order.sessionId, report);
    }

    private void cancelReject(
        final SessionID sessionId,
        final String clOrdId,
        final String origClOrdId,
        final String orderId,
        final char ordStatus,
        final char responseTo,
        final int cxlRejReason,
        final String text)
    {
        cancelRejects++;
        final Message reject = newMessage(MSG_TYPE_ORDER_CANCEL_REJECT);
        reject.setString(ORDER_ID, orderId);
        reject.setString(CL_ORD_ID, clOrdId);
        reject.setString(ORIG_CL_ORD_ID, origClOrdId);
        reject.setChar(ORD_STATUS, ordStatus);
        reject.setChar(CXL_REJ_RESPONSE_TO, responseTo);
        reject.setInt(CXL_REJ_REASON, isPreFix43(sessionId.getBeginString()) &&
            cxlRejReason > CXL_REJ_REASON_MAX_FIX42 ? CXL_REJ_REASON_BROKER_OPTION : cxlRejReason);
        reject.setString(TEXT, text);
        send(sessionId, reject);
    }

    private void businessReject(final Message request, final SessionID sessionId, final String text)
    {
        final Message reject = newMessage(MSG_TYPE_BUSINESS_MESSAGE_REJECT);
        copyIfSet(request.getHeader(), reject, MSG_SEQ_NUM, REF_SEQ_NUM);
        copyIfSet(request.getHeader(), reject, MSG_TYPE, REF_MSG_TYPE);
        reject.setInt(BUSINESS_REJECT_REASON, BUSINESS_REJECT_REASON_OTHER);
        reject.setString(TEXT, text);
        send(sessionId, reject);
    }

    private static Message newMessage(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(MSG_TYPE, msgType);
        return message;
    }

    private static void copyIfSet(final Message from, final Message to, final int tag)
    {
        copyIfSet(from, to, tag, tag);
    }

    private static void copyIfSet(final quickfix.FieldMap from, final Message to, final int tag, final int toTag)
    {
        try
        {
            if (from.isSetField(tag))
            {
                to.setString(toTag, from.getString(tag));
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void send(final SessionID sessionId, final Message message)
    {
        final Session session = Session.lookupSession(sessionId);
        if (session == null)
        {
            LOGGER.warn("no session {} to send {} to", sessionId, message);
            return;
        }
        session.send(message);
    }

    private String nextExecId()
    {
        return "E" + ++lastExecId + idSuffix;
    }

    private static int ordRejReason(final RejectReason reason)
    {
        switch (reason)
        {
            case UNKNOWN_SYMBOL:
                return ORD_REJ_REASON_UNKNOWN_SYMBOL;
            case INVALID_QUANTITY:
                return ORD_REJ_REASON_INCORRECT_QUANTITY;
            default:
                return ORD_REJ_REASON_OTHER;
        }
    }

    private static String rejectText(final RejectReason reason, final Message request)
    {
        switch (reason)
        {
            case UNKNOWN_SYMBOL:
                return "Unknown symbol " + fieldOrAbsent(request, SYMBOL);
            case INVALID_QUANTITY:
                return "OrderQty (38) must be positive: " + fieldOrAbsent(request, ORDER_QTY);
            case INVALID_PRICE:
                return "Price (44) must be positive: " + fieldOrAbsent(request, PRICE);
            default:
                return "Refused by the matching engine: " + reason;
        }
    }

    private static String fieldOrAbsent(final Message message, final int tag)
    {
        return OrderFields.shown(OrderFields.string(message, tag));
    }

    /**
     * Engine events turned into FIX reports; runs inside the engine's commands, so under the lock.
     */
    private final class EngineEvents implements MatchingEventListener
    {
        @Override
        public void onAccepted(final Order order)
        {
            final FixOrder fixOrder = workingOrderById.get(order.orderId());
            if (fixOrder != null)
            {
                ordersAccepted++;
                fixOrder.update(order);
                sendExecutionReport(fixOrder, EXEC_TYPE_NEW, null, 0, 0, null);
            }
        }

        @Override
        public void onRejected(final long orderId, final RejectReason reason)
        {
            // The caller of submit answers with the request's own fields.
        }

        @Override
        public void onTrade(
            final long tradeId,
            final Order aggressor,
            final Order passive,
            final long priceMantissa,
            final long quantityMantissa)
        {
            reportFill(aggressor, priceMantissa, quantityMantissa);
            reportFill(passive, priceMantissa, quantityMantissa);
        }

        @Override
        public void onCanceled(final Order order, final CancelReason reason, final long canceledQuantityMantissa)
        {
            final FixOrder fixOrder = workingOrderById.get(order.orderId());
            if (fixOrder == null)
            {
                return;
            }
            fixOrder.update(order);
            if (reason == CancelReason.REQUESTED)
            {
                ordersCanceled++;
                sendExecutionReport(fixOrder, EXEC_TYPE_CANCELED, fixOrder.origClOrdId, 0, 0, null);
            }
            else
            {
                sendExecutionReport(fixOrder, EXEC_TYPE_CANCELED, null, 0, 0, cancelText(reason));
            }
            finish(fixOrder);
        }

        @Override
        public void onReplaced(final Order order)
        {
            final FixOrder fixOrder = workingOrderById.get(order.orderId());
            if (fixOrder == null)
            {
                return;
            }
            ordersReplaced++;
            fixOrder.update(order);
            sendExecutionReport(fixOrder, EXEC_TYPE_REPLACED, fixOrder.origClOrdId, 0, 0, null);
            if (fixOrder.done)
            {
                finish(fixOrder);
            }
        }

        private void reportFill(final Order order, final long priceMantissa, final long quantityMantissa)
        {
            final FixOrder fixOrder = workingOrderById.get(order.orderId());
            if (fixOrder == null)
            {
                return;
            }
            fixOrder.update(order);
            sendExecutionReport(fixOrder, EXEC_TYPE_TRADE, null, quantityMantissa, priceMantissa, null);
            if (fixOrder.done)
            {
                finish(fixOrder);
            }
        }

        private void finish(final FixOrder fixOrder)
        {
            workingOrderById.remove(fixOrder.orderId);
            sessionOrders(fixOrder.sessionId).finish(fixOrder);
        }

        private String cancelText(final CancelReason reason)
        {
            switch (reason)
            {
                case MARKET_REMAINDER:
                    return "Market order remainder canceled: no more liquidity";
                case IMMEDIATE_OR_CANCEL_REMAINDER:
                    return "IOC remainder canceled";
                case FILL_OR_KILL_UNFILLED:
                    return "FOK order canceled: not enough liquidity to fill it completely";
                default:
                    return null;
            }
        }
    }

    /**
     * QuickFIX/J callbacks; every application message is handled under the lock.
     */
    private final class FixApplication implements Application
    {
        @Override
        public void onCreate(final SessionID sessionId)
        {
            synchronized (lock)
            {
                sessionOrders(sessionId);
            }
        }

        @Override
        public void onLogon(final SessionID sessionId)
        {
            LOGGER.info("venue-sim session logged on: {}", sessionId);
        }

        @Override
        public void onLogout(final SessionID sessionId)
        {
            LOGGER.info("venue-sim session logged out: {}", sessionId);
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId)
            throws FieldNotFound, UnsupportedMessageType
        {
            final String msgType = message.getHeader().getString(MSG_TYPE);
            synchronized (lock)
            {
                try
                {
                    switch (msgType)
                    {
                        case MSG_TYPE_NEW_ORDER_SINGLE:
                            onNewOrderSingle(message, sessionId);
                            break;
                        case MSG_TYPE_ORDER_CANCEL_REQUEST:
                            onOrderCancelRequest(message, sessionId);
                            break;
                        case MSG_TYPE_ORDER_CANCEL_REPLACE_REQUEST:
                            onOrderCancelReplaceRequest(message, sessionId);
                            break;
                        case MSG_TYPE_ORDER_STATUS_REQUEST:
                            onOrderStatusRequest(message, sessionId);
                            break;
                        default:
                            throw new UnsupportedMessageType();
                    }
                }
                catch (final RuntimeException ex)
                {
                    LOGGER.error("venue-sim failed to process {} on {}", message, sessionId, ex);
                    businessReject(message, sessionId, "Venue failed to process the message: " + ex);
                }
            }
        }
    }
}
