package io.bastion.gateway;

import java.io.IOException;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.acceptor.AbstractSocketAcceptor;

/**
 * QuickFIX/J's socket acceptor with {@link InlineEventHandling}: received messages are processed on the I/O thread.
 */
final class InlineSocketAcceptor extends AbstractSocketAcceptor
{
    private final InlineEventHandling eventHandling = new InlineEventHandling(this);
    private boolean started;

    InlineSocketAcceptor(
        final Application application,
        final MessageStoreFactory storeFactory,
        final SessionSettings settings,
        final LogFactory logFactory,
        final MessageFactory messageFactory) throws ConfigError
    {
        super(application, storeFactory, settings, logFactory, messageFactory);
    }

    /**
     * {@inheritDoc}
     */
    public synchronized void start() throws ConfigError
    {
        if (!started)
        {
            startAcceptingConnections();
            started = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void stop()
    {
        stop(false);
    }

    /**
     * {@inheritDoc}
     */
    public synchronized void stop(final boolean forceDisconnect)
    {
        if (!started)
        {
            return;
        }
        try
        {
            logoutAllSessions(forceDisconnect);
            stopAcceptingConnections();
            stopSessionTimer();
        }
        finally
        {
            closeSessions();
            clearConnectorSessions();
            started = false;
        }
    }

    private void closeSessions()
    {
        for (final SessionID sessionId : getSessions())
        {
            final Session session = Session.lookupSession(sessionId);
            if (null != session)
            {
                try
                {
                    session.close();
                }
                catch (final IOException ex)
                {
                    log.warn("closing {}: {}", sessionId, ex.getMessage());
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    protected EventHandlingStrategy getEventHandlingStrategy()
    {
        return eventHandling;
    }
}
