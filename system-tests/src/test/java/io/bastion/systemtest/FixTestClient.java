package io.bastion.systemtest;

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
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real QuickFIX/J FIX 4.4 client session for system tests: collects everything it receives, so tests can wait
 * for a message with a deadline.
 */
final class FixTestClient implements Application, AutoCloseable
{
    private static final long TIMEOUT_MS = 10_000;

    final SessionID sessionId;
    private final SocketInitiator initiator;
    private final String password;
    private final BlockingQueue<Message> appMessages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminMessages = new LinkedBlockingQueue<>();
    private volatile boolean loggedOn;

    FixTestClient(final String senderCompId, final int port, final String password) throws ConfigError
    {
        this("FIX.4.4", senderCompId, port, password);
    }

    /**
     * @param beginString FIX.4.2, FIX.4.4, or FIXT.1.1 for FIX 5.0SP2.
     */
    FixTestClient(final String beginString, final String senderCompId, final int port, final String password)
        throws ConfigError
    {
        this.password = password;
        sessionId = new SessionID(beginString, senderCompId, "BASTION");
        final SessionSettings settings = new SessionSettings();
        if ("FIXT.1.1".equals(beginString))
        {
            settings.setString(sessionId, "DefaultApplVerID", "FIX.5.0SP2");
            settings.setString(sessionId, "TransportDataDictionary", "FIXT11.xml");
            settings.setString(sessionId, "AppDataDictionary", "FIX50SP2.xml");
        }
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", "127.0.0.1");
        settings.setString(sessionId, "SocketConnectPort", Integer.toString(port));
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setString(sessionId, "HeartBtInt", "30");
        settings.setString(sessionId, "ReconnectInterval", "60");
        settings.setString(sessionId, "ResetOnLogon", "Y");
        settings.setString(sessionId, "UseDataDictionary", "Y");
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
            new DefaultMessageFactory());
        initiator.start();
    }

    boolean awaitLogon() throws InterruptedException
    {
        return awaitLogon(TIMEOUT_MS);
    }

    boolean awaitLogon(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!loggedOn && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    boolean isLoggedOn()
    {
        return loggedOn;
    }

    void send(final Message message) throws SessionNotFound
    {
        if (!Session.sendToTarget(message, sessionId))
        {
            throw new IllegalStateException("not sent: " + message);
        }
    }

    Message awaitApp(final String msgType) throws InterruptedException, FieldNotFound
    {
        return await(appMessages, m -> msgType.equals(m.getHeader().getString(MsgType.FIELD)), msgType);
    }

    Message awaitAdmin(final String msgType) throws InterruptedException, FieldNotFound
    {
        return await(adminMessages, m -> msgType.equals(m.getHeader().getString(MsgType.FIELD)), msgType);
    }

    private static Message await(
        final BlockingQueue<Message> queue, final Checked<Message> predicate, final String what)
        throws InterruptedException, FieldNotFound
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true)
        {
            final long remaining = deadline - System.currentTimeMillis();
            final Message message = queue.poll(Math.max(0, remaining), TimeUnit.MILLISECONDS);
            if (message == null)
            {
                throw new AssertionError("no " + what + " within " + TIMEOUT_MS + " ms");
            }
            if (predicate.test(message))
            {
                return message;
            }
            throw new AssertionError("expected " + what + " but received " + message);
        }
    }

    /**
     * A predicate that may throw {@link FieldNotFound}.
     *
     * @param <T> type tested.
     */
    interface Checked<T>
    {
        boolean test(T value) throws FieldNotFound;
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
        try
        {
            if (password != null && MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                message.setString(554, password);
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        try
        {
            final String type = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.REJECT.equals(type) || MsgType.LOGOUT.equals(type))
            {
                adminMessages.add(message);
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
    {
        appMessages.add(message);
    }

    public void close()
    {
        try
        {
            initiator.stop(true);
        }
        catch (final RuntimeError ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
