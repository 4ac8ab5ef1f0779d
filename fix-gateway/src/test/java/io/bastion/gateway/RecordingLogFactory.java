package io.bastion.gateway;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Keeps every line QuickFIX/J logs, to check what reaches the logs.
 */
final class RecordingLogFactory implements LogFactory
{
    final Queue<String> lines = new ConcurrentLinkedQueue<>();

    public Log create(final SessionID sessionID)
    {
        return new Log()
        {
            public void clear()
            {
            }

            public void onIncoming(final String message)
            {
                lines.add(sessionID + " IN " + message);
            }

            public void onOutgoing(final String message)
            {
                lines.add(sessionID + " OUT " + message);
            }

            public void onEvent(final String text)
            {
                lines.add(sessionID + " EVENT " + text);
            }

            public void onErrorEvent(final String text)
            {
                lines.add(sessionID + " ERROR " + text);
            }
        };
    }
}
