package io.bastion.gateway;

import java.net.SocketAddress;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import quickfix.Acceptor;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.ProtocolFactory;
import quickfix.mina.acceptor.AbstractSocketAcceptor;

/**
 * QuickFIX/J's socket acceptor with {@link InlineEventHandling}: received messages are processed on the I/O thread.
 * Logons are matched to sessions by a {@link VersionRefusingSessionProvider}, which tells a configured client that
 * logs on with a version its session does not have why it is refused.
 */
final class InlineSocketAcceptor extends AbstractSocketAcceptor
{
    private final InlineEventHandling eventHandling = new InlineEventHandling(this);
    private final VersionRefusingSessionProvider sessionProvider;
    private boolean started;

    InlineSocketAcceptor(
        final Application application,
        final MessageStoreFactory storeFactory,
        final SessionSettings settings,
        final LogFactory logFactory,
        final MessageFactory messageFactory,
        final FixGatewayCounters counters) throws ConfigError
    {
        super(application, storeFactory, settings, logFactory, messageFactory);
        sessionProvider = new VersionRefusingSessionProvider(this, settings, logFactory, counters);
    }

    /**
     * {@inheritDoc}
     */
    public synchronized void start() throws ConfigError
    {
        if (!started)
        {
            for (final SocketAddress address : acceptAddresses(getSettings()))
            {
                setSessionProvider(address, sessionProvider);
            }
            startAcceptingConnections();
            started = true;
        }
    }

    /**
     * @param sessionId a session id without qualifier, sub or location ids.
     * @return the acceptor's session, configured or created to refuse a Logon, or null.
     */
    Session acceptorSession(final SessionID sessionId)
    {
        return getSessionMap().get(sessionId);
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
     * The socket addresses QuickFIX/J will listen on, computed as it computes them, so that the session provider is
     * in place before it binds them.
     */
    private static Set<SocketAddress> acceptAddresses(final SessionSettings settings) throws ConfigError
    {
        final Set<SocketAddress> addresses = new HashSet<>();
        try
        {
            for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
            {
                final SessionID sessionId = it.next();
                final int transportType = settings.isSetting(sessionId, Acceptor.SETTING_SOCKET_ACCEPT_PROTOCOL) ?
                    ProtocolFactory.getTransportType(
                        settings.getString(sessionId, Acceptor.SETTING_SOCKET_ACCEPT_PROTOCOL)) :
                    ProtocolFactory.SOCKET;
                final String host = settings.isSetting(sessionId, Acceptor.SETTING_SOCKET_ACCEPT_ADDRESS) ?
                    settings.getString(sessionId, Acceptor.SETTING_SOCKET_ACCEPT_ADDRESS) : null;
                final int port = (int)settings.getLong(sessionId, Acceptor.SETTING_SOCKET_ACCEPT_PORT);
                addresses.add(ProtocolFactory.createSocketAddress(transportType, host, port));
            }
        }
        catch (final FieldConvertError | IllegalArgumentException ex)
        {
            throw new ConfigError(ex);
        }
        return addresses;
    }

    /**
     * {@inheritDoc}
     */
    protected EventHandlingStrategy getEventHandlingStrategy()
    {
        return eventHandling;
    }
}
