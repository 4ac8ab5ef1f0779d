package io.bastion.gateway;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.collections.Int2ObjectHashMap;
import quickfix.SessionID;

/**
 * The stable {@code int} numbers of the gateway's FIX sessions, as carried in SBE messages ({@code sessionId}), and
 * what they name. Client sessions are numbered from 1, venue sessions from
 * {@link FixGatewayConfiguration#FIRST_VENUE_SESSION_ID} plus the venue id. A session's name is its QuickFIX/J
 * session id text, e.g. {@code FIX.4.4:BASTION->CLIENT1}.
 * <p>
 * Immutable once built; safe to read from any thread.
 */
public final class SessionRegistry
{
    /** Returned for a session that is not configured. */
    public static final int NULL_SESSION_ID = 0;

    private final Int2ObjectHashMap<SessionEntry> byId = new Int2ObjectHashMap<>();
    private final Map<SessionID, SessionEntry> byFixSessionId = new HashMap<>();
    private final Map<String, SessionEntry> byName = new HashMap<>();
    private final SessionEntry[] byVenueId;
    private final int clientSessionCount;
    private final int venueSessionCount;

    SessionRegistry(final List<SessionEntry> clients, final List<SessionEntry> venues, final int venueCount)
    {
        byVenueId = new SessionEntry[venueCount];
        for (final SessionEntry entry : clients)
        {
            add(entry);
        }
        for (final SessionEntry entry : venues)
        {
            add(entry);
            byVenueId[entry.venueId()] = entry;
        }
        clientSessionCount = clients.size();
        venueSessionCount = venues.size();
    }

    /**
     * @return number of configured client (acceptor) sessions.
     */
    public int clientSessionCount()
    {
        return clientSessionCount;
    }

    /**
     * @return number of configured venue (initiator) sessions.
     */
    public int venueSessionCount()
    {
        return venueSessionCount;
    }

    /**
     * The number of a session by its name.
     *
     * @param sessionName such as {@code FIX.4.4:BASTION->CLIENT1}.
     * @return its number, or {@link #NULL_SESSION_ID} when not configured.
     */
    public int sessionId(final String sessionName)
    {
        final SessionEntry entry = byName.get(sessionName);
        return null == entry ? NULL_SESSION_ID : entry.sessionId();
    }

    /**
     * The name of a session by its number.
     *
     * @param sessionId the session's number.
     * @return its name, or null when not configured.
     */
    public String sessionName(final int sessionId)
    {
        final SessionEntry entry = byId.get(sessionId);
        return null == entry ? null : entry.fixSessionId().toString();
    }

    /**
     * Is the session a client session?
     *
     * @param sessionId the session's number.
     * @return true for a configured client session.
     */
    public boolean isClientSession(final int sessionId)
    {
        final SessionEntry entry = byId.get(sessionId);
        return null != entry && entry.venueId() < 0;
    }

    /**
     * The venue of a venue session.
     *
     * @param sessionId the session's number.
     * @return the venue id, or -1 for a client session or an unknown number.
     */
    public int venueId(final int sessionId)
    {
        final SessionEntry entry = byId.get(sessionId);
        return null == entry ? -1 : entry.venueId();
    }

    /**
     * The session of a venue.
     *
     * @param venueId index of the venue in the configured venue names.
     * @return the session's number, or {@link #NULL_SESSION_ID} when the venue has no session.
     */
    public int venueSessionId(final int venueId)
    {
        final SessionEntry entry = venueEntry(venueId);
        return null == entry ? NULL_SESSION_ID : entry.sessionId();
    }

    /**
     * @return the names of all configured sessions by number, in ascending order (clients first).
     */
    public Map<Integer, String> sessionNames()
    {
        final Map<Integer, String> names = new TreeMap<>();
        for (final SessionEntry entry : byId.values())
        {
            names.put(entry.sessionId(), entry.fixSessionId().toString());
        }
        return Collections.unmodifiableMap(names);
    }

    SessionEntry entry(final int sessionId)
    {
        return byId.get(sessionId);
    }

    SessionEntry entry(final SessionID fixSessionId)
    {
        return byFixSessionId.get(fixSessionId);
    }

    SessionEntry venueEntry(final int venueId)
    {
        return venueId >= 0 && venueId < byVenueId.length ? byVenueId[venueId] : null;
    }

    private void add(final SessionEntry entry)
    {
        byId.put(entry.sessionId(), entry);
        byFixSessionId.put(entry.fixSessionId(), entry);
        byName.put(entry.fixSessionId().toString(), entry);
    }
}
