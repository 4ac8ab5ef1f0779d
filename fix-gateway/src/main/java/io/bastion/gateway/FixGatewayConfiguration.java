package io.bastion.gateway;

import io.bastion.protocol.Streams;
import org.agrona.SystemUtil;

import java.util.concurrent.TimeUnit;

/**
 * Defaults, system property names and custom QuickFIX/J session setting names of the FIX gateway. No other class
 * reads a setting.
 * <p>
 * Custom session settings, in the standard QuickFIX/J session files:
 * <ul>
 *     <li>{@value #VENUE_NAME_SETTING}: required on every venue (initiator) session; names an entry of the
 *     configured venue names, whose index is the venue id used in SBE messages. At most one session per venue.</li>
 *     <li>{@value #LOGON_PASSWORD_SETTING}: on a client (acceptor) session, the password the client's Logon must
 *     carry in Password (554); on a venue session, the password the gateway sends in Password (554).</li>
 *     <li>{@value #SESSION_NUMBER_SETTING}: optional stable number (1 to {@value #MAX_CLIENT_SESSION_ID}) of a
 *     client session in SBE messages. Either every client session has one, or none has and they are numbered
 *     1..n in ascending order of their session id text ({@code FIX.4.4:BASTION->CLIENT1}).</li>
 * </ul>
 */
public final class FixGatewayConfiguration
{
    /** Custom session setting: the venue an initiator session connects to. */
    public static final String VENUE_NAME_SETTING = "VenueName";

    /** Custom session setting: the Logon password (554) required from a client or sent to a venue. */
    public static final String LOGON_PASSWORD_SETTING = "LogonPassword";

    /** Custom session setting: the stable number of a client session. */
    public static final String SESSION_NUMBER_SETTING = "BastionSessionId";

    /** Highest number of a client session; venue sessions are numbered above it. */
    public static final int MAX_CLIENT_SESSION_ID = 1000;

    /** Number of the session of venue 0; venue {@code n} has {@code FIRST_VENUE_SESSION_ID + n}. */
    public static final int FIRST_VENUE_SESSION_ID = MAX_CLIENT_SESSION_ID + 1;

    /** Venue id carried in SBE messages about client sessions. */
    public static final int CLIENT_VENUE_ID = -1;

    /** Longest venue name: the size of the SBE VenueName field. */
    public static final int MAX_VENUE_NAME_LENGTH = 16;

    /** Role name of the gateway's agent. */
    public static final String ROLE_NAME = "fix-gateway";

    /** System property: how long a FIX thread retries an offer to the OMS inbound stream before giving up. */
    public static final String OFFER_TIMEOUT_PROP_NAME = "bastion.fix.gateway.offer.timeout";

    /** Default offer timeout: 1 ms. */
    public static final long OFFER_TIMEOUT_DEFAULT_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /** System property: fragments polled from the OMS outbound stream per duty cycle. */
    public static final String FRAGMENT_LIMIT_PROP_NAME = "bastion.fix.gateway.fragment.limit";

    /** Default fragment limit. */
    public static final int FRAGMENT_LIMIT_DEFAULT = 16;

    /**
     * Venue commands remembered per venue session by MsgSeqNum, to trace a venue's session Reject back to the command
     * it refuses; a power of two.
     */
    public static final int SENT_VENUE_COMMANDS_CAPACITY = 4096;

    /**
     * Longest Text (58) forwarded to the OMS ({@link Streams#MAX_TEXT_LENGTH}); longer texts are cut, as they carry no
     * order semantics.
     */
    public static final int MAX_TEXT_LENGTH = Streams.MAX_TEXT_LENGTH;

    private FixGatewayConfiguration()
    {
    }

    /**
     * @return offer timeout from {@link #OFFER_TIMEOUT_PROP_NAME}, default {@link #OFFER_TIMEOUT_DEFAULT_NS}.
     */
    public static long offerTimeoutNs()
    {
        return SystemUtil.getDurationInNanos(OFFER_TIMEOUT_PROP_NAME, OFFER_TIMEOUT_DEFAULT_NS);
    }

    /**
     * @return fragment limit from {@link #FRAGMENT_LIMIT_PROP_NAME}, default {@link #FRAGMENT_LIMIT_DEFAULT}.
     */
    public static int fragmentLimit()
    {
        return Integer.getInteger(FRAGMENT_LIMIT_PROP_NAME, FRAGMENT_LIMIT_DEFAULT);
    }
}
