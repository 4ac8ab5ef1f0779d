package io.bastion.gateway;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.FixVersions;
import quickfix.LogFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.SessionConnector;
import quickfix.mina.acceptor.AcceptorSessionProvider;

/**
 * Finds the acceptor's session for a Logon, and answers a configured client that logs on with a FIX version its
 * session is not configured for (an unsupported BeginString, or a supported one other than its session's) with a
 * Logout whose Text names the supported versions and the client's own, where QuickFIX/J would only disconnect.
 * <p>
 * Only CompIDs that are configured get an answer, and only for the BeginStrings FIX has defined, so a stranger learns
 * nothing and nobody can make the gateway create sessions without bound: at most one refusing session per configured
 * client and BeginString, with an in-memory store, never logged on, closed with the acceptor.
 */
final class VersionRefusingSessionProvider implements AcceptorSessionProvider
{
    private static final Logger LOGGER = LoggerFactory.getLogger(VersionRefusingSessionProvider.class);
    private static final Set<String> FIX_BEGIN_STRINGS = Set.of(
        FixVersions.BEGINSTRING_FIX40,
        FixVersions.BEGINSTRING_FIX41,
        FixVersions.BEGINSTRING_FIX42,
        FixVersions.BEGINSTRING_FIX43,
        FixVersions.BEGINSTRING_FIX44,
        FixVersions.BEGINSTRING_FIXT11);

    private final InlineSocketAcceptor acceptor;
    private final FixGatewayCounters counters;
    private final Map<String, String> beginStringsByCompIds = new HashMap<>();
    private final Map<SessionID, String> refusals = new HashMap<>();
    private final SessionFactory sessionFactory;

    VersionRefusingSessionProvider(
        final InlineSocketAcceptor acceptor,
        final SessionSettings settings,
        final LogFactory logFactory,
        final FixGatewayCounters counters)
    {
        this.acceptor = acceptor;
        this.counters = counters;
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            final SessionID sessionId = it.next();
            beginStringsByCompIds.merge(
                compIds(sessionId), sessionId.getBeginString(), (first, second) -> first + " and " + second);
        }
        sessionFactory = new DefaultSessionFactory(
            new Refusal(), new MemoryStoreFactory(), logFactory, new DefaultMessageFactory());
    }

    /**
     * {@inheritDoc}
     */
    public synchronized Session getSession(final SessionID sessionID, final SessionConnector connector)
    {
        // Acceptors do not use qualifiers or sub and location ids: look up the session as QuickFIX/J's own provider.
        final SessionID reduced = new SessionID(
            sessionID.getBeginString(), sessionID.getSenderCompID(), sessionID.getTargetCompID());
        final Session session = acceptor.acceptorSession(reduced);
        if (null != session)
        {
            return session;
        }

        final String configured = beginStringsByCompIds.get(compIds(reduced));
        final String beginString = reduced.getBeginString();
        if (null == configured || !FIX_BEGIN_STRINGS.contains(beginString))
        {
            return null;
        }

        final String client = reduced.getTargetCompID();
        final String reason = null == FixDialect.forSession(beginString, FixDialect.FIX50SP2) ?
            "BeginString " + beginString + " is not supported (supported: " + FixDialect.supportedVersions() + "); " +
                client + " is configured for " + configured :
            "BeginString " + beginString + " is not configured for " + client + "; it is configured for " + configured;
        try
        {
            final Session refusing = sessionFactory.create(reduced, refusingSettings(reduced));
            refusals.put(reduced, reason);
            acceptor.addDynamicSession(refusing);
            return refusing;
        }
        catch (final ConfigError ex)
        {
            LOGGER.warn("cannot answer the Logon of {}: {}", reduced, ex.getMessage());
            return null;
        }
    }

    private synchronized String refusal(final SessionID sessionID)
    {
        return refusals.get(sessionID);
    }

    private static SessionSettings refusingSettings(final SessionID sessionId)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, SessionFactory.SETTING_CONNECTION_TYPE, SessionFactory.ACCEPTOR_CONNECTION_TYPE);
        settings.setString(sessionId, SessionSettings.BEGINSTRING, sessionId.getBeginString());
        settings.setString(sessionId, SessionSettings.SENDERCOMPID, sessionId.getSenderCompID());
        settings.setString(sessionId, SessionSettings.TARGETCOMPID, sessionId.getTargetCompID());
        settings.setBool(sessionId, Session.SETTING_NON_STOP_SESSION, true);
        settings.setBool(sessionId, Session.SETTING_USE_DATA_DICTIONARY, false);
        settings.setBool(sessionId, Session.SETTING_VALIDATE_SEQUENCE_NUMBERS, false);
        if (sessionId.isFIXT())
        {
            settings.setString(sessionId, Session.SETTING_DEFAULT_APPL_VER_ID, FixDialect.FIX50SP2);
        }
        return settings;
    }

    private static String compIds(final SessionID sessionId)
    {
        return sessionId.getSenderCompID() + '\u0001' + sessionId.getTargetCompID();
    }

    /**
     * The refusing sessions' application: every Logon is refused with the reason found for its session.
     */
    private final class Refusal implements Application
    {
        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogon(final SessionID sessionId)
        {
        }

        public void onLogout(final SessionID sessionId)
        {
        }

        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        public void fromAdmin(final Message message, final SessionID sessionId) throws RejectLogon
        {
            if (FixTags.MSG_TYPE_LOGON.equals(FixFields.optional(message.getHeader(), FixTags.MSG_TYPE)))
            {
                final String reason = refusal(sessionId);
                counters.onLogonRejected();
                LOGGER.warn("refusing Logon of {}: {}", sessionId, reason);
                throw new RejectLogon(reason);
            }
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        public void fromApp(final Message message, final SessionID sessionId)
        {
        }
    }
}
