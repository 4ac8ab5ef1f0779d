package io.bastion.gateway;

import org.slf4j.Logger;
import quickfix.LogUtil;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.SessionConnector;

import java.io.IOException;
import java.util.List;

/**
 * Processes each received FIX message on the I/O thread that decoded it, instead of handing it through QuickFIX/J's
 * queue to a message-processing thread: one thread wake-up less per inbound message on the latency path. A session
 * is served by one I/O thread, so its messages stay in order; the gateway's applications are thread safe for the
 * different sessions' threads and the session timer.
 */
final class InlineEventHandling implements EventHandlingStrategy
{
    private final SessionConnector connector;

    InlineEventHandling(final SessionConnector connector)
    {
        this.connector = connector;
    }

    /**
     * Close the connector's sessions (stores and logs), which also removes them from QuickFIX/J's registry.
     *
     * @param sessionIds the connector's sessions.
     * @param log        where to report a session that fails to close.
     */
    static void closeSessions(final List<SessionID> sessionIds, final Logger log)
    {
        for (final SessionID sessionId : sessionIds)
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
    public void onMessage(final Session session, final Message message)
    {
        try
        {
            session.next(message);
        }
        catch (final Throwable ex)
        {
            LogUtil.logThrowable(session.getSessionID(), ex.getMessage(), ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public SessionConnector getSessionConnector()
    {
        return connector;
    }

    /**
     * {@inheritDoc}
     */
    public int getQueueSize()
    {
        return 0;
    }

    /**
     * {@inheritDoc}
     */
    public int getQueueSize(final SessionID sessionID)
    {
        return 0;
    }
}
