package io.bastion.systemtest;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;
import quickfix.field.MsgType;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A venue the test plays by hand: a real QuickFIX/J FIX 4.4 acceptor (SIM, on the port venues.cfg points Bastion
 * at) that hands the test every order message Bastion sends and sends whatever execution report the test writes,
 * so scenarios a matching engine would not produce on demand (unsolicited cancels, busts) run over real sessions.
 */
final class ScriptedVenue implements Application, AutoCloseable
{
    private static final long TIMEOUT_MS = 10_000;

    private final SessionID sessionId = new SessionID("FIX.4.4", "SIM", "BASTION");
    private final ThreadedSocketAcceptor acceptor;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private volatile boolean loggedOn;
    private int execIds;

    ScriptedVenue(final int port) throws ConfigError
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "acceptor");
        settings.setString(sessionId, "SocketAcceptAddress", "127.0.0.1");
        settings.setString(sessionId, "SocketAcceptPort", Integer.toString(port));
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setString(sessionId, "UseDataDictionary", "Y");
        acceptor = new ThreadedSocketAcceptor(this, new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(settings), new DefaultMessageFactory());
        acceptor.start();
    }

    boolean awaitLogon() throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!loggedOn && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    /**
     * @param msgType expected MsgType.
     * @return the next application message Bastion sent.
     */
    Message await(final String msgType) throws InterruptedException, FieldNotFound
    {
        final Message message = received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (message == null)
        {
            throw new AssertionError("the venue received no " + msgType + " within " + TIMEOUT_MS + " ms");
        }
        if (!msgType.equals(message.getHeader().getString(MsgType.FIELD)))
        {
            throw new AssertionError("the venue expected " + msgType + " but received " + message);
        }
        return message;
    }

    /**
     * @param timeoutMs how long to wait.
     * @return the next application message Bastion sent, or null if none came in time.
     */
    Message poll(final long timeoutMs) throws InterruptedException
    {
        return received.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Send an execution report for an order.
     *
     * @param clOrdId     ClOrdID (11): Bastion's venue ClOrdID of the request reported on.
     * @param origClOrdId OrigClOrdID (41), or null.
     * @param execType    ExecType (150).
     * @param ordStatus   OrdStatus (39).
     * @param orderQty    OrderQty (38).
     * @param cumQty      CumQty (14).
     * @param lastQty     LastQty (32), or null.
     * @param lastPx      LastPx (31), or null.
     * @param extra       further tag=value pairs.
     * @return the ExecID it used.
     */
    String report(
        final String clOrdId, final String origClOrdId, final char execType, final char ordStatus,
        final String orderQty, final String cumQty, final String lastQty, final String lastPx, final String... extra)
    {
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        final String execId = "VE" + (++execIds);
        report.setString(37, "VORDER-" + execIds);
        report.setString(17, execId);
        report.setString(11, clOrdId);
        if (origClOrdId != null)
        {
            report.setString(41, origClOrdId);
        }
        report.setChar(150, execType);
        report.setChar(39, ordStatus);
        report.setChar(54, '1');
        report.setString(55, "AAPL");
        report.setString(38, orderQty);
        report.setString(14, cumQty);
        final java.math.BigDecimal leaves = new java.math.BigDecimal(orderQty).subtract(new java.math.BigDecimal(cumQty));
        final boolean done = ordStatus == '2' || ordStatus == '4' || ordStatus == '8' || ordStatus == 'C';
        report.setString(151, done ? "0" : leaves.toPlainString());
        report.setString(6, "0");
        if (lastQty != null)
        {
            report.setString(32, lastQty);
            report.setString(31, lastPx);
        }
        for (final String pair : extra)
        {
            final int eq = pair.indexOf('=');
            report.setString(Integer.parseInt(pair.substring(0, eq)), pair.substring(eq + 1));
        }
        report.setUtcTimeStamp(60, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        if (!Session.lookupSession(sessionId).send(report))
        {
            throw new IllegalStateException("venue could not send " + report);
        }
        return execId;
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        loggedOn = true;
    }

    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
    {
        received.add(message);
    }

    public void close()
    {
        acceptor.stop(true);
    }
}
