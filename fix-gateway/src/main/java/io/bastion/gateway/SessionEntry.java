package io.bastion.gateway;

import io.bastion.sbe.SessionRole;
import quickfix.Session;
import quickfix.SessionID;

/**
 * What the gateway knows about one configured FIX session: fixed at configuration time, immutable.
 */
final class SessionEntry
{
    private final int sessionId;
    private final SessionID fixSessionId;
    private final SessionRole role;
    private final int venueId;
    private final String venueName;
    private final FixDialect dialect;
    private final byte[] passwordDigest;
    private final String venueLogonPassword;
    private final int timestampDigits;
    private final SentVenueCommands sentCommands;

    SessionEntry(
        final int sessionId,
        final SessionID fixSessionId,
        final SessionRole role,
        final int venueId,
        final String venueName,
        final FixDialect dialect,
        final byte[] passwordDigest,
        final String venueLogonPassword,
        final int timestampDigits)
    {
        this.sessionId = sessionId;
        this.fixSessionId = fixSessionId;
        this.role = role;
        this.venueId = venueId;
        this.venueName = venueName;
        this.dialect = dialect;
        this.passwordDigest = passwordDigest;
        this.venueLogonPassword = venueLogonPassword;
        this.timestampDigits = timestampDigits;
        this.sentCommands = SessionRole.VENUE == role ?
            new SentVenueCommands(FixGatewayConfiguration.SENT_VENUE_COMMANDS_CAPACITY) : null;
    }

    int sessionId()
    {
        return sessionId;
    }

    SessionID fixSessionId()
    {
        return fixSessionId;
    }

    SessionRole role()
    {
        return role;
    }

    /**
     * @return the venue's index in the configured venue names, or -1 for a client session.
     */
    int venueId()
    {
        return venueId;
    }

    String venueName()
    {
        return venueName;
    }

    FixDialect dialect()
    {
        return dialect;
    }

    /**
     * @return SHA-256 of the LogonPassword a client must send, or null when the session has none.
     */
    byte[] passwordDigest()
    {
        return passwordDigest;
    }

    /**
     * @return the password a venue session sends in its Logon, or null.
     */
    String venueLogonPassword()
    {
        return venueLogonPassword;
    }

    /**
     * @return digits of second fractions in timestamps the gateway writes for this session.
     */
    int timestampDigits()
    {
        return timestampDigits;
    }

    /**
     * @return the commands a venue session sent recently, for correlating the venue's rejects; null for a client.
     */
    SentVenueCommands sentCommands()
    {
        return sentCommands;
    }

    /**
     * @return the counterparty's CompID, which names the session in texts sent to it and in logs.
     */
    String counterpartyCompId()
    {
        return fixSessionId.getTargetCompID();
    }

    /**
     * @return the live QuickFIX/J session, or null when its connector is not started.
     */
    Session session()
    {
        return Session.lookupSession(fixSessionId);
    }

    public String toString()
    {
        return "SessionEntry{sessionId=" + sessionId + ", " + fixSessionId + ", role=" + role + ", venueId=" + venueId +
            (null == venueName ? "" : ", venueName=" + venueName) + '}';
    }
}
