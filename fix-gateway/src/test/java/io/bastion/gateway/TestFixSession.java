package io.bastion.gateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.Connector;
import quickfix.DefaultMessageFactory;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;

/**
 * The other end of one FIX session, played by a real QuickFIX/J connector: a client (initiator) or a venue
 * (acceptor). Records what it receives.
 */
final class TestFixSession implements Application, AutoCloseable
{
    final AtomicInteger logons = new AtomicInteger();
    final AtomicInteger logouts = new AtomicInteger();
    private final SessionID sessionId;
    private final String passwordToSend;
    private final List<Message> appMessages = new ArrayList<>();
    private final List<Message> adminMessages = new ArrayList<>();
    private final List<String> sentRejects = new ArrayList<>();
    private final Connector connector;
    private volatile String receivedLogonPassword;

    private TestFixSession(
        final SessionSettings settings, final SessionID sessionId, final String passwordToSend, final boolean acceptor)
    {
        this.sessionId = sessionId;
        this.passwordToSend = passwordToSend;
        try
        {
            connector = acceptor ?
                new SocketAcceptor(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                    new DefaultMessageFactory()) :
                new SocketInitiator(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                    new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A FIX 4.4 client connecting to the gateway's acceptor.
     */
    static TestFixSession client(final int gatewayPort, final String compId, final String password)
    {
        final SessionSettings settings = TestSettings.initiator(gatewayPort);
        final SessionID sessionId = TestSettings.session(settings, compId, TestSettings.BASTION);
        return new TestFixSession(settings, sessionId, password, false);
    }

    /**
     * A client of a FIX version connecting to the gateway's acceptor: FIX.4.2, FIX.4.4, or FIXT.1.1 (FIX 5.0SP2).
     */
    static TestFixSession versionClient(final int gatewayPort, final String beginString, final String compId)
    {
        final SessionSettings settings = TestSettings.initiator(gatewayPort);
        final SessionID sessionId = TestSettings.FIXT11.equals(beginString) ?
            TestSettings.fixtSession(settings, compId, TestSettings.BASTION) :
            TestSettings.versionSession(settings, beginString, compId, TestSettings.BASTION);
        return new TestFixSession(settings, sessionId, null, false);
    }

    /**
     * A FIX 4.4 venue accepting the gateway's initiator.
     */
    static TestFixSession venue(final int port, final String compId)
    {
        return venue(port, TestSettings.FIX44, compId);
    }

    /**
     * A venue of a FIX version accepting the gateway's initiator.
     */
    static TestFixSession venue(final int port, final String beginString, final String compId)
    {
        final SessionSettings settings = TestSettings.acceptor(port);
        final SessionID sessionId = TestSettings.versionSession(settings, beginString, compId, TestSettings.BASTION);
        return new TestFixSession(settings, sessionId, null, true);
    }

    TestFixSession start()
    {
        try
        {
            connector.start();
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException(ex);
        }
        return this;
    }

    SessionID sessionId()
    {
        return sessionId;
    }

    boolean isLoggedOn()
    {
        final Session session = Session.lookupSession(sessionId);
        return null != session && session.isLoggedOn();
    }

    TestFixSession awaitLogon()
    {
        Await.until(sessionId + " logged on", this::isLoggedOn);
        return this;
    }

    void send(final Message message)
    {
        final Session session = Session.lookupSession(sessionId);
        if (null == session || !session.send(message))
        {
            throw new IllegalStateException("could not send on " + sessionId);
        }
    }

    /**
     * Send with PossDupFlag (43) and OrigSendingTime (122) as set on the message; {@link #send(Message)} strips them.
     */
    void sendPossDup(final Message message)
    {
        final Session session = Session.lookupSession(sessionId);
        if (null == session || !session.send(message, true))
        {
            throw new IllegalStateException("could not send on " + sessionId);
        }
    }

    Message newMessage(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(8, sessionId.getBeginString());
        message.getHeader().setString(35, msgType);
        return message;
    }

    /**
     * Wait for, and take, the first application message of a type that matches.
     */
    Message awaitApp(final String msgType, final Predicate<Message> match)
    {
        return Await.value("MsgType " + msgType + " at " + sessionId, () ->
        {
            synchronized (sentRejects)
            {
                if (!sentRejects.isEmpty())
                {
                    throw new AssertionError(sessionId + " refused what it received: " + sentRejects);
                }
            }
            return take(appMessages, msgType, match);
        });
    }

    /**
     * Wait for, and take, the first admin message of a type that matches.
     */
    Message awaitAdmin(final String msgType, final Predicate<Message> match)
    {
        return Await.value("MsgType " + msgType + " at " + sessionId, () -> take(adminMessages, msgType, match));
    }

    String receivedLogonPassword()
    {
        return receivedLogonPassword;
    }

    public void close()
    {
        connector.stop(true);
    }

    public void onCreate(final SessionID sessionID)
    {
    }

    public void onLogon(final SessionID sessionID)
    {
        logons.incrementAndGet();
    }

    public void onLogout(final SessionID sessionID)
    {
        logouts.incrementAndGet();
    }

    public void toAdmin(final Message message, final SessionID sessionID)
    {
        if ("3".equals(msgType(message)))
        {
            synchronized (sentRejects)
            {
                sentRejects.add(message.toString());
            }
        }
        if (null != passwordToSend && "A".equals(msgType(message)))
        {
            message.setString(554, passwordToSend);
        }
    }

    public void fromAdmin(final Message message, final SessionID sessionID)
    {
        if ("A".equals(msgType(message)))
        {
            receivedLogonPassword = message.isSetField(554) ? get(message, 554) : null;
        }
        synchronized (adminMessages)
        {
            adminMessages.add(message);
        }
    }

    public void toApp(final Message message, final SessionID sessionID)
    {
    }

    public void fromApp(final Message message, final SessionID sessionID)
    {
        synchronized (appMessages)
        {
            appMessages.add(message);
        }
    }

    static String get(final FieldMap fields, final int tag)
    {
        try
        {
            return fields.getString(tag);
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    static String msgType(final Message message)
    {
        try
        {
            return message.getHeader().getString(35);
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    private static Message take(final List<Message> messages, final String msgType, final Predicate<Message> match)
    {
        synchronized (messages)
        {
            for (final Iterator<Message> it = messages.iterator(); it.hasNext(); )
            {
                final Message message = it.next();
                if (msgType.equals(msgType(message)) && match.test(message))
                {
                    it.remove();
                    return message;
                }
            }
        }
        return null;
    }
}
