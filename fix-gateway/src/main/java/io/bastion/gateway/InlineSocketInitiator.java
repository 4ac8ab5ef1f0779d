package io.bastion.gateway;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.SessionSettings;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.initiator.AbstractSocketInitiator;

/**
 * QuickFIX/J's socket initiator with {@link InlineEventHandling}: received messages are processed on the I/O thread.
 */
final class InlineSocketInitiator extends AbstractSocketInitiator
{
    private final InlineEventHandling eventHandling = new InlineEventHandling(this);
    private boolean started;

    InlineSocketInitiator(
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
            createSessionInitiators();
            startInitiators();
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
            stopInitiators();
        }
        finally
        {
            InlineEventHandling.closeSessions(getSessions(), log);
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
