package io.bastion.gateway;

import java.util.List;

import io.aeron.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import static io.bastion.gateway.TestSettings.BASTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixGatewayContextTest
{
    private static final List<String> VENUE_NAMES = List.of("VENUEX", "VENUEA");

    @Test
    void shouldRequireVenueNameOnEveryVenueSession()
    {
        final SessionSettings venues = TestSettings.initiator(1);
        TestSettings.session(venues, BASTION, "VENUEA");

        final String message = concludeFailure(context().venueSettings(venues));

        assertTrue(message.contains("venue session FIX.4.4:BASTION->VENUEA: VenueName missing (one of " +
            "[VENUEX, VENUEA])"), message);
    }

    @Test
    void shouldRejectUnknownVenueName()
    {
        final SessionSettings venues = TestSettings.initiator(1);
        TestSettings.session(venues, BASTION, "VENUEB", "VenueName", "VENUEB");

        final String message = concludeFailure(context().venueSettings(venues));

        assertTrue(message.contains("venue session FIX.4.4:BASTION->VENUEB: VenueName=VENUEB is not one of the " +
            "venue names [VENUEX, VENUEA]"), message);
    }

    @Test
    void shouldRejectTwoSessionsForOneVenue()
    {
        final SessionSettings venues = TestSettings.initiator(1);
        TestSettings.session(venues, BASTION, "VENUEA", "VenueName", "VENUEA");
        TestSettings.session(venues, BASTION, "VENUEA2", "VenueName", "VENUEA");

        final String message = concludeFailure(context().venueSettings(venues));

        assertTrue(message.contains("venue session FIX.4.4:BASTION->VENUEA2: venue VENUEA already has session " +
            "FIX.4.4:BASTION->VENUEA"), message);
    }

    @Test
    void shouldRejectWrongConnectionTypesAndUnsupportedVersions()
    {
        final SessionSettings clients = TestSettings.initiator(1);
        final SessionID fix43 = new SessionID("FIX.4.3", BASTION, "OLDCLIENT");
        clients.setString(fix43, "BeginString", "FIX.4.3");
        clients.setString(fix43, "SenderCompID", BASTION);
        clients.setString(fix43, "TargetCompID", "OLDCLIENT");

        final String message = concludeFailure(context().clientSettings(clients));

        assertTrue(message.contains("client session FIX.4.3:BASTION->OLDCLIENT: ConnectionType must be acceptor " +
            "(is initiator)"), message);
        assertTrue(message.contains("client session FIX.4.3:BASTION->OLDCLIENT: BeginString FIX.4.3 is not " +
            "supported (supported: FIX.4.2, FIX.4.4, FIXT.1.1 with DefaultApplVerID=FIX.5.0SP2)"), message);
    }

    @Test
    void shouldAcceptFix42Fix44AndFix50Sp2ClientAndFix42Venue()
    {
        final SessionSettings clients = TestSettings.acceptor(1);
        TestSettings.versionSession(clients, TestSettings.FIX42, BASTION, "CLIENT42");
        TestSettings.versionSession(clients, TestSettings.FIX44, BASTION, "CLIENT44");
        TestSettings.fixtSession(clients, BASTION, "CLIENT50");
        final SessionSettings venues = TestSettings.initiator(1);
        TestSettings.versionSession(venues, TestSettings.FIX42, BASTION, "VENUEA", "VenueName", "VENUEA");

        try (AeronFixture aeron = new AeronFixture())
        {
            final SessionRegistry registry = context()
                .clientSettings(clients)
                .venueSettings(venues)
                .aeron(aeron.aeron())
                .conclude()
                .sessionRegistry();

            assertEquals(3, registry.clientSessionCount());
            assertEquals(3, registry.sessionId("FIXT.1.1:BASTION->CLIENT50"));
            assertEquals(1002, registry.sessionId("FIX.4.2:BASTION->VENUEA"));
        }
    }

    @Test
    void shouldRequireFix50Sp2AndItsAppDataDictionaryOnFixtSessions()
    {
        final SessionSettings clients = TestSettings.acceptor(1);
        TestSettings.versionSession(clients, TestSettings.FIXT11, BASTION, "CLIENT50", "DefaultApplVerID", "FIX.5.0");
        TestSettings.versionSession(clients, TestSettings.FIXT11, BASTION, "CLIENT51", "DefaultApplVerID",
            "FIX.5.0SP2");
        clients.setString("AppDataDictionary", "FIX50SP2.xml");

        final String message = concludeFailure(context().clientSettings(clients));

        assertTrue(message.contains("client session FIXT.1.1:BASTION->CLIENT50: DefaultApplVerID FIX.5.0 is not " +
            "supported over FIXT.1.1 (supported: FIX.4.2, FIX.4.4, FIXT.1.1 with DefaultApplVerID=FIX.5.0SP2)"),
            message);
        assertTrue(message.contains("client session FIXT.1.1:BASTION->CLIENT51: AppDataDictionary (FIX50SP2.xml) " +
            "missing from the session's own section"), message);
    }

    @Test
    void shouldReportEveryProblemAtOnce()
    {
        final SessionSettings clients = TestSettings.acceptor(1);
        TestSettings.session(clients, BASTION, "CLIENT1", "LogonPassword", "");
        final SessionSettings venues = TestSettings.initiator(1);
        TestSettings.session(venues, BASTION, "VENUEA", "VenueName", "VENUEA",
            "RejectMessageOnUnhandledException", "Y");

        final String message = concludeFailure(new FixGatewayContext()
            .clientSettings(clients)
            .venueSettings(venues)
            .venueNames(List.of("VENUEA", "VENUEA", "A-VENUE-NAME-TOO-LONG"))
            .inboundStreamId(5)
            .outboundStreamId(5));

        assertTrue(message.contains("aeron is required"), message);
        assertTrue(message.contains("inboundStreamId and outboundStreamId must differ, both are 5"), message);
        assertTrue(message.contains("venueNames[1] VENUEA repeats venueNames[0]"), message);
        assertTrue(message.contains("venueNames[2] A-VENUE-NAME-TOO-LONG is longer than 16 characters"), message);
        assertTrue(message.contains("client session FIX.4.4:BASTION->CLIENT1: LogonPassword is empty"), message);
        assertTrue(message.contains("client session FIX.4.4:BASTION->CLIENT1: FileStorePath missing"), message);
        assertTrue(message.contains("venue session FIX.4.4:BASTION->VENUEA: RejectMessageOnUnhandledException=Y"),
            message);
    }

    @Test
    void shouldRequireClientSessions()
    {
        assertTrue(concludeFailure(context().clientSettings(null)).contains("clientSettings is required"));
        assertTrue(concludeFailure(context().clientSettings(TestSettings.acceptor(1)))
            .contains("clientSettings has no [SESSION]"));
    }

    @Test
    void shouldRequireSessionNumbersOnAllClientSessionsOrNone()
    {
        final SessionSettings clients = TestSettings.acceptor(1);
        TestSettings.session(clients, BASTION, "CLIENT1", "BastionSessionId", "7");
        TestSettings.session(clients, BASTION, "CLIENT2");
        TestSettings.session(clients, BASTION, "CLIENT3", "BastionSessionId", "7");

        final String message = concludeFailure(context().clientSettings(clients));

        assertTrue(message.contains("BastionSessionId is set on 2 of 3 client sessions"), message);
        assertTrue(message.contains("client session FIX.4.4:BASTION->CLIENT3: BastionSessionId=7 is also the " +
            "number of FIX.4.4:BASTION->CLIENT1"), message);
    }

    @Test
    void shouldNumberSessionsExplicitlyAndByVenueId()
    {
        final SessionSettings clients = TestSettings.acceptor(1);
        TestSettings.session(clients, BASTION, "CLIENT1", "BastionSessionId", "17");
        TestSettings.session(clients, BASTION, "CLIENT2", "BastionSessionId", "3");
        final SessionSettings venues = TestSettings.initiator(1);
        TestSettings.session(venues, BASTION, "VENUEA", "VenueName", "VENUEA");

        try (AeronFixture aeron = new AeronFixture())
        {
            final FixGatewayContext context = context()
                .clientSettings(clients)
                .venueSettings(venues)
                .aeron(aeron.aeron())
                .conclude();
            final SessionRegistry registry = context.sessionRegistry();

            assertEquals(17, registry.sessionId("FIX.4.4:BASTION->CLIENT1"));
            assertEquals(3, registry.sessionId("FIX.4.4:BASTION->CLIENT2"));
            assertEquals(1002, registry.sessionId("FIX.4.4:BASTION->VENUEA"));
            assertEquals(2, registry.clientSessionCount());
            assertEquals(1, registry.venueSessionCount());
            assertEquals("N", setting(clients), "Logons of unknown sessions, which may carry passwords, not logged");
            assertThrows(IllegalStateException.class, context::conclude);
        }
    }

    private static String setting(final SessionSettings settings)
    {
        try
        {
            return settings.getString("LogMessageWhenSessionNotFound");
        }
        catch (final quickfix.ConfigError ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static FixGatewayContext context()
    {
        final SessionSettings clients = TestSettings.acceptor(1);
        TestSettings.session(clients, BASTION, "CLIENT1");
        return new FixGatewayContext()
            .clientSettings(clients)
            .venueNames(VENUE_NAMES)
            .messageStoreFactory(new MemoryStoreFactory());
    }

    private static String concludeFailure(final FixGatewayContext context)
    {
        return assertThrows(ConfigurationException.class, context::conclude).getMessage();
    }
}
