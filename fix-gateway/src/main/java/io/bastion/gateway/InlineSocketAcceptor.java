package io.bastion.gateway;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
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
            InlineEventHandling.closeSessions(getSessions(), log);
            clearConnectorSessions();
            started = false;
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
