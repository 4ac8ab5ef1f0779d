package io.bastion.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.aeron.Aeron;
import io.aeron.exceptions.ConfigurationException;
import io.bastion.protocol.Streams;
import io.bastion.sbe.SessionRole;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import quickfix.ConfigError;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * Every setting and dependency of a {@link FixGateway}. Fluent setters; {@link #conclude()} applies defaults and
 * validates once, reporting every problem found, each naming the offending session or setting.
 * <p>
 * Client sessions come from {@link #clientSettings(SessionSettings)} (ConnectionType=acceptor), venue sessions from
 * {@link #venueSettings(SessionSettings)} (ConnectionType=initiator, each with the custom setting
 * {@value FixGatewayConfiguration#VENUE_NAME_SETTING}), both standard QuickFIX/J session settings. The custom settings
 * are described in {@link FixGatewayConfiguration}.
 * <p>
 * Every session, client or venue, may be FIX.4.2, FIX.4.4, or FIXT.1.1 with DefaultApplVerID=FIX.5.0SP2; a FIXT
 * session that uses a data dictionary must name AppDataDictionary in its own section, the only place QuickFIX/J
 * reads it. {@link #conclude()} reports any other version.
 * <p>
 * {@link #conclude()} sets {@code LogMessageWhenSessionNotFound=N} in the client settings' defaults unless they set
 * it, so that a Logon from an unknown CompID, which may carry a password, is not logged.
 */
public final class FixGatewayContext
{
    private static final String CONNECTION_TYPE = SessionFactory.SETTING_CONNECTION_TYPE;
    private static final String TIMESTAMP_PRECISION = Session.SETTING_TIMESTAMP_PRECISION;
    private static final String REJECT_ON_UNHANDLED_EXCEPTION = Session.SETTING_REJECT_MESSAGE_ON_UNHANDLED_EXCEPTION;
    private static final String DEFAULT_APPL_VER_ID = Session.SETTING_DEFAULT_APPL_VER_ID;
    private static final String APP_DATA_DICTIONARY = Session.SETTING_APP_DATA_DICTIONARY;
    private static final int DEFAULT_TIMESTAMP_DIGITS = 3;

    private boolean isConcluded;

    private SessionSettings clientSettings;
    private SessionSettings venueSettings;
    private List<String> venueNames = List.of();
    private Aeron aeron;
    private String channel = Streams.IPC_CHANNEL;
    private int inboundStreamId = Streams.OMS_INBOUND_STREAM_ID;
    private int outboundStreamId = Streams.OMS_OUTBOUND_STREAM_ID;
    private MessageStoreFactory messageStoreFactory;
    private LogFactory logFactory;
    private EpochNanoClock epochNanoClock;
    private long offerTimeoutNs = FixGatewayConfiguration.offerTimeoutNs();
    private Runnable onInboundPublished = () -> {};
    private int fragmentLimit = FixGatewayConfiguration.fragmentLimit();

    private SessionRegistry sessionRegistry;
    private MessageStoreFactory clientStoreFactory;
    private MessageStoreFactory venueStoreFactory;
    private LogFactory clientLogFactory;
    private LogFactory venueLogFactory;

    /**
     * Apply defaults and validate. Called by {@link FixGateway}; may be called earlier to check a configuration.
     *
     * @return this.
     * @throws ConfigurationException listing every problem found.
     * @throws IllegalStateException  if already concluded.
     */
    public FixGatewayContext conclude()
    {
        if (isConcluded)
        {
            throw new IllegalStateException("FixGatewayContext already concluded");
        }

        final List<String> errors = new ArrayList<>();
        if (null == venueSettings)
        {
            venueSettings = new SessionSettings();
        }
        if (null == epochNanoClock)
        {
            epochNanoClock = new SystemEpochNanoClock();
        }
        validateVenueNames(errors);
        if (null == aeron)
        {
            errors.add("aeron is required");
        }
        if (null == channel || channel.isEmpty())
        {
            errors.add("channel is required");
        }
        if (inboundStreamId == outboundStreamId)
        {
            errors.add("inboundStreamId and outboundStreamId must differ, both are " + inboundStreamId);
        }
        if (null == onInboundPublished)
        {
            errors.add("onInboundPublished must not be null");
        }
        if (offerTimeoutNs < 0)
        {
            errors.add("offerTimeoutNs must not be negative: " + offerTimeoutNs);
        }
        if (fragmentLimit <= 0)
        {
            errors.add("fragmentLimit must be positive: " + fragmentLimit);
        }

        final List<SessionEntry> clients = new ArrayList<>();
        final List<SessionEntry> venues = new ArrayList<>();
        if (null == clientSettings)
        {
            errors.add("clientSettings is required");
        }
        else
        {
            readClientSessions(errors, clients);
        }
        readVenueSessions(errors, venues);

        if (!errors.isEmpty())
        {
            throw new ConfigurationException(
                "invalid FIX gateway configuration:\n  - " + String.join("\n  - ", errors));
        }

        if (!clientSettings.isSetting(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND))
        {
            clientSettings.setBool(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND, false);
        }
        sessionRegistry = new SessionRegistry(clients, venues, venueNames.size());
        clientStoreFactory = null != messageStoreFactory ? messageStoreFactory : new FileStoreFactory(clientSettings);
        venueStoreFactory = null != messageStoreFactory ? messageStoreFactory : new FileStoreFactory(venueSettings);
        clientLogFactory = new PasswordMaskingLogFactory(
            null != logFactory ? logFactory : new SLF4JLogFactory(clientSettings));
        venueLogFactory = new PasswordMaskingLogFactory(
            null != logFactory ? logFactory : new SLF4JLogFactory(venueSettings));
        isConcluded = true;

        return this;
    }

    /**
     * @return true once {@link #conclude()} succeeded.
     */
    public boolean isConcluded()
    {
        return isConcluded;
    }

    /**
     * @param clientSettings QuickFIX/J settings of the client (acceptor) sessions, e.g. loaded from
     *                       {@code clients.cfg}.
     * @return this.
     */
    public FixGatewayContext clientSettings(final SessionSettings clientSettings)
    {
        this.clientSettings = clientSettings;
        return this;
    }

    /**
     * @return settings of the client (acceptor) sessions.
     */
    public SessionSettings clientSettings()
    {
        return clientSettings;
    }

    /**
     * @param venueSettings QuickFIX/J settings of the venue (initiator) sessions, e.g. loaded from
     *                      {@code venues.cfg}; may have no sessions; null means none.
     * @return this.
     */
    public FixGatewayContext venueSettings(final SessionSettings venueSettings)
    {
        this.venueSettings = venueSettings;
        return this;
    }

    /**
     * @return settings of the venue (initiator) sessions.
     */
    public SessionSettings venueSettings()
    {
        return venueSettings;
    }

    /**
     * @param venueNames the venues; the index of a name is the venue id in SBE messages.
     * @return this.
     */
    public FixGatewayContext venueNames(final List<String> venueNames)
    {
        this.venueNames = null == venueNames ? null : List.copyOf(venueNames);
        return this;
    }

    /**
     * @return the venues; the index of a name is the venue id in SBE messages.
     */
    public List<String> venueNames()
    {
        return venueNames;
    }

    /**
     * @param aeron client to add the publication and subscription with; owned by the caller.
     * @return this.
     */
    public FixGatewayContext aeron(final Aeron aeron)
    {
        this.aeron = aeron;
        return this;
    }

    /**
     * @return the Aeron client.
     */
    public Aeron aeron()
    {
        return aeron;
    }

    /**
     * @param channel Aeron channel of both streams; default {@link Streams#IPC_CHANNEL}.
     * @return this.
     */
    public FixGatewayContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /**
     * @return Aeron channel of both streams.
     */
    public String channel()
    {
        return channel;
    }

    /**
     * @param inboundStreamId the stream the gateway publishes to; default {@link Streams#OMS_INBOUND_STREAM_ID}.
     * @return this.
     */
    public FixGatewayContext inboundStreamId(final int inboundStreamId)
    {
        this.inboundStreamId = inboundStreamId;
        return this;
    }

    /**
     * @return the stream the gateway publishes to (the OMS inbound stream).
     */
    public int inboundStreamId()
    {
        return inboundStreamId;
    }

    /**
     * @param outboundStreamId the stream the gateway subscribes to; default {@link Streams#OMS_OUTBOUND_STREAM_ID}.
     * @return this.
     */
    public FixGatewayContext outboundStreamId(final int outboundStreamId)
    {
        this.outboundStreamId = outboundStreamId;
        return this;
    }

    /**
     * @return the stream the gateway subscribes to (the OMS outbound stream).
     */
    public int outboundStreamId()
    {
        return outboundStreamId;
    }

    /**
     * @param messageStoreFactory store of FIX sequence numbers and sent messages for every session; default a
     *                            {@link FileStoreFactory} per settings (each session then needs FileStorePath).
     * @return this.
     */
    public FixGatewayContext messageStoreFactory(final MessageStoreFactory messageStoreFactory)
    {
        this.messageStoreFactory = messageStoreFactory;
        return this;
    }

    /**
     * @return the message store factory given, or null for the default.
     */
    public MessageStoreFactory messageStoreFactory()
    {
        return messageStoreFactory;
    }

    /**
     * @param logFactory QuickFIX/J session logs; default an {@link SLF4JLogFactory} per settings. Passwords are
     *                   masked in whatever it is given.
     * @return this.
     */
    public FixGatewayContext logFactory(final LogFactory logFactory)
    {
        this.logFactory = logFactory;
        return this;
    }

    /**
     * @return the log factory given, or null for the default.
     */
    public LogFactory logFactory()
    {
        return logFactory;
    }

    /**
     * @param epochNanoClock clock of timestamps in SBE messages and of TransactTime on venue orders; default
     *                       {@link SystemEpochNanoClock}.
     * @return this.
     */
    public FixGatewayContext epochNanoClock(final EpochNanoClock epochNanoClock)
    {
        this.epochNanoClock = epochNanoClock;
        return this;
    }

    /**
     * @return the clock.
     */
    public EpochNanoClock epochNanoClock()
    {
        return epochNanoClock;
    }

    /**
     * @param offerTimeoutNs how long a FIX thread retries an offer to the inbound stream; default
     *                       {@link FixGatewayConfiguration#offerTimeoutNs()}.
     * @return this.
     */
    public FixGatewayContext offerTimeoutNs(final long offerTimeoutNs)
    {
        this.offerTimeoutNs = offerTimeoutNs;
        return this;
    }

    /**
     * @return how long a FIX thread retries an offer to the inbound stream.
     */
    public long offerTimeoutNs()
    {
        return offerTimeoutNs;
    }

    /**
     * @param onInboundPublished called on the FIX thread after each message the inbound stream accepted, e.g. to
     *                           wake the consumer's thread instead of letting it sleep out its idle period;
     *                           default does nothing. Must be thread safe and must not block.
     * @return this.
     */
    public FixGatewayContext onInboundPublished(final Runnable onInboundPublished)
    {
        this.onInboundPublished = onInboundPublished;
        return this;
    }

    /**
     * @return called after each message the inbound stream accepted.
     */
    public Runnable onInboundPublished()
    {
        return onInboundPublished;
    }

    /**
     * @param fragmentLimit fragments polled per duty cycle; default {@link FixGatewayConfiguration#fragmentLimit()}.
     * @return this.
     */
    public FixGatewayContext fragmentLimit(final int fragmentLimit)
    {
        this.fragmentLimit = fragmentLimit;
        return this;
    }

    /**
     * @return fragments polled per duty cycle.
     */
    public int fragmentLimit()
    {
        return fragmentLimit;
    }

    /**
     * @return the session numbering, available once concluded.
     */
    public SessionRegistry sessionRegistry()
    {
        return sessionRegistry;
    }

    MessageStoreFactory clientStoreFactory()
    {
        return clientStoreFactory;
    }

    MessageStoreFactory venueStoreFactory()
    {
        return venueStoreFactory;
    }

    LogFactory clientLogFactory()
    {
        return clientLogFactory;
    }

    LogFactory venueLogFactory()
    {
        return venueLogFactory;
    }

    private void validateVenueNames(final List<String> errors)
    {
        if (null == venueNames)
        {
            errors.add("venueNames must not be null");
            venueNames = List.of();
            return;
        }

        final Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < venueNames.size(); i++)
        {
            final String name = venueNames.get(i);
            if (null == name || name.isEmpty())
            {
                errors.add("venueNames[" + i + "] is empty");
            }
            else if (name.length() > FixGatewayConfiguration.MAX_VENUE_NAME_LENGTH)
            {
                errors.add("venueNames[" + i + "] " + name + " is longer than " +
                    FixGatewayConfiguration.MAX_VENUE_NAME_LENGTH + " characters");
            }
            else
            {
                final Integer previous = seen.putIfAbsent(name, i);
                if (null != previous)
                {
                    errors.add("venueNames[" + i + "] " + name + " repeats venueNames[" + previous + "]");
                }
            }
        }
    }

    private void readClientSessions(final List<String> errors, final List<SessionEntry> clients)
    {
        final List<SessionID> sessionIds = sortedSessionIds(clientSettings);
        if (sessionIds.isEmpty())
        {
            errors.add("clientSettings has no [SESSION]");
            return;
        }

        int numbered = 0;
        final Map<Integer, SessionID> byNumber = new HashMap<>();
        for (final SessionID sessionId : sessionIds)
        {
            final String what = "client session " + sessionId;
            final FixDialect dialect = commonChecks(errors, clientSettings, sessionId, what, "acceptor");
            if (isSet(clientSettings, sessionId, FixGatewayConfiguration.VENUE_NAME_SETTING))
            {
                errors.add(what + ": " + FixGatewayConfiguration.VENUE_NAME_SETTING +
                    " is a venue session setting (are clients.cfg and venues.cfg swapped?)");
            }

            byte[] passwordDigest = null;
            final String password = setting(clientSettings, sessionId, FixGatewayConfiguration.LOGON_PASSWORD_SETTING);
            if (null != password)
            {
                if (password.isEmpty())
                {
                    errors.add(what + ": " + FixGatewayConfiguration.LOGON_PASSWORD_SETTING + " is empty");
                }
                passwordDigest = LogonPasswords.digest(password);
            }

            int number = clients.size() + 1;
            final String numberText =
                setting(clientSettings, sessionId, FixGatewayConfiguration.SESSION_NUMBER_SETTING);
            if (null != numberText)
            {
                numbered++;
                number = parseSessionNumber(errors, what, numberText);
                final SessionID previous = byNumber.putIfAbsent(number, sessionId);
                if (null != previous && number > 0)
                {
                    errors.add(what + ": " + FixGatewayConfiguration.SESSION_NUMBER_SETTING + "=" + number +
                        " is also the number of " + previous);
                }
            }

            clients.add(new SessionEntry(
                number,
                sessionId,
                SessionRole.CLIENT,
                FixGatewayConfiguration.CLIENT_VENUE_ID,
                null,
                dialect,
                passwordDigest,
                null,
                timestampDigits(errors, clientSettings, sessionId, what)));
        }

        if (numbered != 0 && numbered != sessionIds.size())
        {
            errors.add("clientSettings: " + FixGatewayConfiguration.SESSION_NUMBER_SETTING + " is set on " + numbered +
                " of " + sessionIds.size() + " client sessions; set it on all or none");
        }
    }

    private void readVenueSessions(final List<String> errors, final List<SessionEntry> venues)
    {
        final Map<String, SessionID> sessionByVenue = new HashMap<>();
        for (final SessionID sessionId : sortedSessionIds(venueSettings))
        {
            final String what = "venue session " + sessionId;
            final FixDialect dialect = commonChecks(errors, venueSettings, sessionId, what, "initiator");
            if ("Y".equalsIgnoreCase(setting(venueSettings, sessionId, REJECT_ON_UNHANDLED_EXCEPTION)))
            {
                errors.add(what + ": " + REJECT_ON_UNHANDLED_EXCEPTION +
                    "=Y would acknowledge venue reports the OMS did not receive; remove it");
            }
            final String venueName = setting(venueSettings, sessionId, FixGatewayConfiguration.VENUE_NAME_SETTING);
            if (null == venueName)
            {
                errors.add(what + ": " + FixGatewayConfiguration.VENUE_NAME_SETTING + " missing (one of " +
                    venueNames + ")");
                continue;
            }

            final int venueId = venueNames.indexOf(venueName);
            if (venueId < 0)
            {
                errors.add(what + ": " + FixGatewayConfiguration.VENUE_NAME_SETTING + "=" + venueName +
                    " is not one of the venue names " + venueNames);
                continue;
            }

            final SessionID previous = sessionByVenue.putIfAbsent(venueName, sessionId);
            if (null != previous)
            {
                errors.add(what + ": venue " + venueName + " already has session " + previous);
                continue;
            }

            venues.add(new SessionEntry(
                FixGatewayConfiguration.FIRST_VENUE_SESSION_ID + venueId,
                sessionId,
                SessionRole.VENUE,
                venueId,
                venueName,
                dialect,
                null,
                setting(venueSettings, sessionId, FixGatewayConfiguration.LOGON_PASSWORD_SETTING),
                timestampDigits(errors, venueSettings, sessionId, what)));
        }
    }

    private FixDialect commonChecks(
        final List<String> errors,
        final SessionSettings settings,
        final SessionID sessionId,
        final String what,
        final String connectionType)
    {
        final String actualConnectionType = setting(settings, sessionId, CONNECTION_TYPE);
        if (!connectionType.equals(actualConnectionType))
        {
            errors.add(what + ": " + CONNECTION_TYPE + " must be " + connectionType + " (is " +
                actualConnectionType + ")");
        }
        if (null == messageStoreFactory && !isSet(settings, sessionId, FileStoreFactory.SETTING_FILE_STORE_PATH))
        {
            errors.add(what + ": " + FileStoreFactory.SETTING_FILE_STORE_PATH +
                " missing (the default FileStoreFactory needs it; or give a messageStoreFactory)");
        }

        final String beginString = sessionId.getBeginString();
        final String defaultApplVerId = setting(settings, sessionId, DEFAULT_APPL_VER_ID);
        final FixDialect dialect = FixDialect.forSession(beginString, defaultApplVerId);
        if (null == dialect)
        {
            errors.add(what + ": " + (FixDialect.FIXT11.equals(beginString) ?
                DEFAULT_APPL_VER_ID + " " + defaultApplVerId + " is not supported over " + beginString :
                "BeginString " + beginString + " is not supported") +
                " (supported: " + FixDialect.supportedVersions() + ")");
        }
        else if (FixDialect.FIXT11.equals(beginString) && !"N".equalsIgnoreCase(setting(settings, sessionId,
            Session.SETTING_USE_DATA_DICTIONARY)) && !isSetInSection(settings, sessionId, APP_DATA_DICTIONARY))
        {
            errors.add(what + ": " + APP_DATA_DICTIONARY + " (FIX50SP2.xml) missing from the session's own " +
                "section; QuickFIX/J reads it there only, not from [DEFAULT], and would leave application " +
                "messages unvalidated");
        }

        return dialect;
    }

    private static boolean isSetInSection(final SessionSettings settings, final SessionID sessionId, final String key)
    {
        try
        {
            return settings.getSessionProperties(sessionId).containsKey(key);
        }
        catch (final ConfigError ex)
        {
            return false;
        }
    }

    private static int parseSessionNumber(final List<String> errors, final String what, final String text)
    {
        try
        {
            final int number = Integer.parseInt(text.trim());
            if (number >= 1 && number <= FixGatewayConfiguration.MAX_CLIENT_SESSION_ID)
            {
                return number;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }

        errors.add(what + ": " + FixGatewayConfiguration.SESSION_NUMBER_SETTING + "=" + text +
            " is not a number from 1 to " + FixGatewayConfiguration.MAX_CLIENT_SESSION_ID);
        return -1;
    }

    private static int timestampDigits(
        final List<String> errors, final SessionSettings settings, final SessionID sessionId, final String what)
    {
        final String precision = setting(settings, sessionId, TIMESTAMP_PRECISION);
        if (null == precision)
        {
            return DEFAULT_TIMESTAMP_DIGITS;
        }

        switch (precision)
        {
            case "SECONDS":
                return 0;
            case "MILLIS":
                return 3;
            case "MICROS":
                return 6;
            case "NANOS":
                return 9;
            default:
                errors.add(what + ": " + TIMESTAMP_PRECISION + "=" + precision +
                    " is not one of SECONDS, MILLIS, MICROS, NANOS");
                return DEFAULT_TIMESTAMP_DIGITS;
        }
    }

    private static List<SessionID> sortedSessionIds(final SessionSettings settings)
    {
        // SessionSettings keeps sections in a hash map: file order is lost, so number in a deterministic order.
        final List<SessionID> sessionIds = new ArrayList<>();
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            sessionIds.add(it.next());
        }
        sessionIds.sort(Comparator.comparing(SessionID::toString));
        return sessionIds;
    }

    private static boolean isSet(final SessionSettings settings, final SessionID sessionId, final String key)
    {
        return settings.isSetting(sessionId, key);
    }

    private static String setting(final SessionSettings settings, final SessionID sessionId, final String key)
    {
        try
        {
            return settings.isSetting(sessionId, key) ? settings.getString(sessionId, key) : null;
        }
        catch (final ConfigError ex)
        {
            return null;
        }
    }
}
