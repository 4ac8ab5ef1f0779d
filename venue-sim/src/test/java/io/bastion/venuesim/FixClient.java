package io.bastion.venuesim;

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
import quickfix.SocketInitiator;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A QuickFIX/J initiator playing a participant in tests: it queues every application message it receives.
 */
final class FixClient implements AutoCloseable
{
    static final long TIMEOUT_MS = 10_000;

    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final SessionID sessionId;
    private final SocketInitiator initiator;

    FixClient(final String beginString, final String senderCompId, final String targetCompId, final int port)
        throws ConfigError
    {
        sessionId = new SessionID(beginString, senderCompId, targetCompId);
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", "127.0.0.1");
        settings.setLong(sessionId, "SocketConnectPort", port);
        settings.setString(sessionId, "NonStopSession", "Y");
        settings.setLong(sessionId, "HeartBtInt", 30);
        settings.setLong(sessionId, "ReconnectInterval", 1);
        settings.setString(sessionId, "ResetOnLogon", "Y");
        settings.setString(sessionId, "UseDataDictionary", "Y");

        initiator = new SocketInitiator(new ClientApplication(), new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
    }

    FixClient awaitLogon() throws InterruptedException
    {
        assertTrue(loggedOn.await(TIMEOUT_MS, TimeUnit.MILLISECONDS),
            sessionId + " did not log on");
        return this;
    }

    void send(final Message message)
    {
        assertTrue(Session.lookupSession(sessionId).send(message), "sent on " + sessionId);
    }

    /**
     * The next application message, waiting up to {@link #TIMEOUT_MS}.
     */
    Message next() throws InterruptedException
    {
        final Message message = received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(message, sessionId + " received nothing within " + TIMEOUT_MS + " ms");
        return message;
    }

    /**
     * The next application message, checked to be of the given type.
     */
    Message next(final String msgType) throws InterruptedException, FieldNotFound
    {
        final Message message = next();
        assertEquals(msgType, message.getHeader().getString(35), message.toString());
        return message;
    }

    boolean isLoggedOn()
    {
        return initiator.isLoggedOn();
    }

    @Override
    public void close()
    {
        initiator.stop(true);
    }

    private final class ClientApplication implements Application
    {
        @Override
        public void onCreate(final SessionID sessionId)
        {
        }

        @Override
        public void onLogon(final SessionID sessionId)
        {
            loggedOn.countDown();
        }

        @Override
        public void onLogout(final SessionID sessionId)
        {
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
        {
            received.add(message);
        }
    }
}
