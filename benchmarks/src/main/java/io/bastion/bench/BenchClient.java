package io.bastion.bench;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RuntimeError;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's FIX client: one QuickFIX/J {@link SocketInitiator} with a session per {@link Route}, an in-memory
 * store and no message log. Orders are sent on the caller's thread; ExecutionReports arrive on QuickFIX/J's one
 * message-processing thread, which timestamps them first thing and files them in the route's {@link OrderLog} by
 * the index encoded in the ClOrdID.
 */
final class BenchClient implements Application, AutoCloseable
{
    private static final int TAG_CL_ORD_ID = 11;
    private static final int TAG_MSG_TYPE = 35;
    private static final int TAG_ORDER_QTY = 38;
    private static final int TAG_PRICE = 44;
    private static final int TAG_TEXT = 58;
    private static final int TAG_EXEC_TYPE = 150;
    private static final int TAG_BUSINESS_REJECT_REF_ID = 379;
    private static final String MSG_TYPE_EXECUTION_REPORT = "8";
    private static final String MSG_TYPE_BUSINESS_REJECT = "j";
    private static final String MSG_TYPE_REJECT = "3";
    private static final char EXEC_TYPE_NEW = '0';
    private static final char EXEC_TYPE_PENDING_NEW = 'A';
    private static final char EXEC_TYPE_REJECTED = '8';
    private static final char PROBE_PREFIX = 'P';

    private final Map<Route, SessionID> sessionIds = new EnumMap<>(Route.class);
    private final Map<Route, OrderLog> logs = new EnumMap<>(Route.class);
    private final Map<Route, Session> sessions = new EnumMap<>(Route.class);
    private final Map<Route, Boolean> probeAcked = new EnumMap<>(Route.class);
    private final SocketInitiator initiator;
    private final String symbol;
    private final String price;
    private long probeSequence;

    /**
     * @param bastionPort   port of Bastion's client acceptor.
     * @param venueSimPort  port of venue-sim's acceptor.
     * @param symbol        symbol of every order.
     * @param price         limit price of every order, a decimal far from the market so that every order rests.
     * @param logs          where each route's answers go.
     */
    BenchClient(
        final int bastionPort,
        final int venueSimPort,
        final String symbol,
        final String price,
        final Map<Route, OrderLog> logs) throws ConfigError
    {
        this.symbol = symbol;
        this.price = price;
        this.logs.putAll(logs);

        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "1");
        settings.setString("ResetOnLogon", "Y");
        // Nothing is ever resent: keeping every sent order in memory would only feed the garbage collector.
        settings.setString("PersistMessages", "N");
        settings.setString("UseDataDictionary", "Y");
        for (final Route route : Route.values())
        {
            final SessionID id = new SessionID("FIX.4.4", route.senderCompId(), route.targetCompId());
            sessionIds.put(route, id);
            settings.setLong(id, "SocketConnectPort", route == Route.THROUGH_BASTION ? bastionPort : venueSimPort);
            probeAcked.put(route, Boolean.FALSE);
        }
        initiator = new SocketInitiator(
            this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
    }

    /**
     * Connect both sessions and wait until each has logged on and acked a probe order, which proves the whole path,
     * Bastion's venue session included, is up.
     *
     * @param timeoutNs how long to try.
     * @throws IllegalStateException if a route is not ready in time.
     */
    void connect(final long timeoutNs) throws ConfigError
    {
        initiator.start();
        final long deadlineNs = System.nanoTime() + timeoutNs;
        for (final Route route : Route.values())
        {
            Session session = null;
            while (session == null || !session.isLoggedOn())
            {
                session = Session.lookupSession(sessionIds.get(route));
                awaitStep(deadlineNs, route, "log on");
            }
            sessions.put(route, session);

            long nextProbeNs = System.nanoTime();
            while (!isProbeAcked(route))
            {
                if (System.nanoTime() - nextProbeNs >= 0)
                {
                    session.send(newOrder("" + PROBE_PREFIX + route.prefix() + (++probeSequence)));
                    nextProbeNs = System.nanoTime() + 100_000_000L;
                }
                awaitStep(deadlineNs, route, "ack a probe order");
            }
        }
    }

    /**
     * Send one benchmark order.
     *
     * @param route its route.
     * @param index its index in the route's {@link OrderLog}.
     * @return false when QuickFIX/J did not send it (session not logged on).
     */
    boolean send(final Route route, final int index)
    {
        return sessions.get(route).send(newOrder(clOrdId(route, index)));
    }

    /**
     * @param route a route.
     * @return whether its session is logged on now.
     */
    boolean isLoggedOn(final Route route)
    {
        final Session session = sessions.get(route);
        return session != null && session.isLoggedOn();
    }

    static String clOrdId(final Route route, final int index)
    {
        return route.prefix() + Integer.toString(index);
    }

    private NewOrderSingle newOrder(final String clOrdId)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new Side(Side.BUY), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
            new OrdType(OrdType.LIMIT));
        order.set(new Symbol(symbol));
        order.setString(TAG_ORDER_QTY, "1");
        order.setString(TAG_PRICE, price);
        order.set(new TimeInForce(TimeInForce.DAY));
        return order;
    }

    private synchronized boolean isProbeAcked(final Route route)
    {
        return probeAcked.get(route);
    }

    private synchronized void probeAcked(final Route route)
    {
        probeAcked.put(route, Boolean.TRUE);
    }

    private static void awaitStep(final long deadlineNs, final Route route, final String what)
    {
        if (System.nanoTime() - deadlineNs > 0)
        {
            throw new IllegalStateException("the " + route.label() + " route did not " + what + " in time");
        }
        LockSupport.parkNanos(1_000_000L);
    }

    /**
     * {@inheritDoc}
     */
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final long nowNs = System.nanoTime();
        final Route route = route(sessionId);
        final OrderLog log = logs.get(route);
        final String msgType = message.getHeader().getString(TAG_MSG_TYPE);
        if (MSG_TYPE_EXECUTION_REPORT.equals(msgType))
        {
            onExecutionReport(route, log, message, nowNs);
        }
        else if (MSG_TYPE_BUSINESS_REJECT.equals(msgType))
        {
            final String refId = message.isSetField(TAG_BUSINESS_REJECT_REF_ID) ?
                message.getString(TAG_BUSINESS_REJECT_REF_ID) : "";
            final int index = index(route, refId);
            final String text = "BusinessMessageReject " + text(message);
            if (index >= 0)
            {
                log.onReject(index, text);
            }
            else
            {
                log.onUncorrelatedReject(text);
            }
        }
        else
        {
            log.unexpected("unexpected message type " + msgType);
        }
    }

    private void onExecutionReport(final Route route, final OrderLog log, final Message report, final long nowNs)
        throws FieldNotFound
    {
        final String clOrdId = report.getString(TAG_CL_ORD_ID);
        final char execType = report.getChar(TAG_EXEC_TYPE);
        if (clOrdId.length() > 1 && clOrdId.charAt(0) == PROBE_PREFIX)
        {
            if (execType == EXEC_TYPE_NEW)
            {
                probeAcked(route);
            }
            return;
        }

        final int index = index(route, clOrdId);
        if (index < 0)
        {
            log.unexpected("ExecutionReport for unknown ClOrdID " + clOrdId);
        }
        else if (execType == EXEC_TYPE_NEW)
        {
            log.onAck(index, nowNs);
        }
        else if (execType == EXEC_TYPE_REJECTED)
        {
            log.onReject(index, text(report));
        }
        else if (execType != EXEC_TYPE_PENDING_NEW)
        {
            log.unexpected("ExecutionReport with ExecType " + execType + " for " + clOrdId);
        }
    }

    /**
     * The index encoded in a ClOrdID of the route, or -1 if it is not one of ours.
     */
    private static int index(final Route route, final String clOrdId)
    {
        final int length = clOrdId.length();
        if (length < 2 || length > 10 || clOrdId.charAt(0) != route.prefix())
        {
            return -1;
        }
        int index = 0;
        for (int i = 1; i < length; i++)
        {
            final char c = clOrdId.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private static String text(final Message message)
    {
        try
        {
            return message.isSetField(TAG_TEXT) ? message.getString(TAG_TEXT) : "(no Text)";
        }
        catch (final FieldNotFound ex)
        {
            return "(no Text)";
        }
    }

    private Route route(final SessionID sessionId)
    {
        return sessionId.equals(sessionIds.get(Route.DIRECT)) ? Route.DIRECT : Route.THROUGH_BASTION;
    }

    /**
     * {@inheritDoc}
     */
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        if (MSG_TYPE_REJECT.equals(message.getHeader().getString(TAG_MSG_TYPE)))
        {
            logs.get(route(sessionId)).onUncorrelatedReject("session-level Reject " + text(message));
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCreate(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onLogon(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onLogout(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    /**
     * Log out and disconnect both sessions.
     */
    public void close()
    {
        try
        {
            initiator.stop();
        }
        catch (final RuntimeError ex)
        {
            System.err.println("benchmark client stop: " + ex.getMessage());
        }
    }
}
