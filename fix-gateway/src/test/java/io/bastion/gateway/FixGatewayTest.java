package io.bastion.gateway;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ClientCancelDecoder;
import io.bastion.sbe.ClientCancelRejectEncoder;
import io.bastion.sbe.ClientExecutionReportEncoder;
import io.bastion.sbe.ClientSessionCommandEncoder;
import io.bastion.sbe.ClientNewOrderDecoder;
import io.bastion.sbe.ClientReplaceDecoder;
import io.bastion.sbe.ClientStatusRequestDecoder;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.SessionCommandType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.SessionStatusDecoder;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueCancelEncoder;
import io.bastion.sbe.VenueCancelRejectDecoder;
import io.bastion.sbe.VenueCommandRejectedDecoder;
import io.bastion.sbe.VenueExecutionDecoder;
import io.bastion.sbe.VenueNewOrderEncoder;
import io.bastion.sbe.VenueReplaceEncoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SessionSettings;

import static io.bastion.gateway.TestFixSession.get;
import static io.bastion.gateway.TestSettings.BASTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway between real QuickFIX/J sessions over loopback (a client, a venue) and a real media driver, with the
 * test playing the OMS on the SBE streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixGatewayTest
{
    private static final List<String> VENUE_NAMES = List.of("VENUEX", "VENUEA");
    private static final int VENUE_A = 1;
    private static final String VENUE_PASSWORD = "venue-secret";

    private final List<Throwable> agentErrors = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong inboundPublished = new java.util.concurrent.atomic.AtomicLong();
    private volatile String publishingThread;
    private final RecordingLogFactory fixLogs = new RecordingLogFactory();
    private AeronFixture aeron;
    private OmsStub oms;
    private TestFixSession venue;
    private FixGateway gateway;
    private AgentRunner agentRunner;
    private TestFixSession client1;
    private int clientPort;
    private int client1SessionId;

    @BeforeAll
    void startGateway()
    {
        aeron = new AeronFixture();
        oms = new OmsStub(aeron.aeron());
        clientPort = TestSettings.freePort();
        final int venuePort = TestSettings.freePort();
        venue = TestFixSession.venue(venuePort, "VENUEA").start();

        final SessionSettings clients = TestSettings.acceptor(clientPort);
        TestSettings.session(clients, BASTION, "CLIENT1");
        TestSettings.session(clients, BASTION, "CLIENT2", "LogonPassword", "secret2");
        TestSettings.session(clients, BASTION, "CLIENT3", "LogonPassword", "secret3");
        TestSettings.session(clients, BASTION, "CLIENT4", "LogonPassword", "secret4");
        TestSettings.session(clients, BASTION, "CLIENT5");
        final SessionSettings venues = TestSettings.initiator(venuePort);
        TestSettings.session(venues, BASTION, "VENUEA", "VenueName", "VENUEA", "LogonPassword", VENUE_PASSWORD);

        gateway = new FixGateway(new FixGatewayContext()
            .clientSettings(clients)
            .venueSettings(venues)
            .venueNames(VENUE_NAMES)
            .aeron(aeron.aeron())
            .messageStoreFactory(new MemoryStoreFactory())
            .logFactory(fixLogs)
            .onInboundPublished(() ->
            {
                publishingThread = Thread.currentThread().getName();
                inboundPublished.incrementAndGet();
            }));
        agentRunner = oms.startGateway(gateway, agentErrors);

        client1 = TestFixSession.client(clientPort, "CLIENT1", null).start().awaitLogon();
        client1SessionId = gateway.sessionRegistry().sessionId("FIX.4.4:BASTION->CLIENT1");
        Await.until("gateway sees VENUEA logged on", () -> gateway.isLoggedOn(1002));
    }

    @AfterAll
    void closeGateway()
    {
        CloseHelper.closeAll(client1, agentRunner, gateway, venue, oms, aeron);
    }

    @AfterEach
    void agentHasNotFailed()
    {
        assertEquals(List.of(), agentErrors);
    }

    @Test
    void shouldNumberClientSessionsFromOneAndVenueSessionsByVenueId()
    {
        final SessionRegistry registry = gateway.sessionRegistry();

        assertEquals(5, gateway.clientSessionCount());
        assertEquals(1, gateway.venueSessionCount());
        assertEquals(1, registry.sessionId("FIX.4.4:BASTION->CLIENT1"));
        assertEquals(4, registry.sessionId("FIX.4.4:BASTION->CLIENT4"));
        assertEquals(5, registry.sessionId("FIX.4.4:BASTION->CLIENT5"));
        assertEquals(1002, registry.sessionId("FIX.4.4:BASTION->VENUEA"));
        assertEquals(1002, registry.venueSessionId(VENUE_A));
        assertEquals(SessionRegistry.NULL_SESSION_ID, registry.venueSessionId(0));
        assertEquals("FIX.4.4:BASTION->CLIENT2", registry.sessionName(2));
        assertTrue(registry.isClientSession(1));
        assertFalse(registry.isClientSession(1002));
        assertEquals(VENUE_A, registry.venueId(1002));
        assertEquals(-1, registry.venueId(1));
        assertTrue(gateway.isLoggedOn(client1SessionId));
    }

    @Test
    void shouldForwardNewOrderSingleAsClientNewOrderWithEveryField()
    {
        final long beforeNs = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - 1);
        final Message order = client1.newMessage("D");
        order.getHeader().setString(97, "Y");
        order.getHeader().setString(50, "JDOE");
        order.setString(11, "NOS-1");
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setChar(40, '4');
        order.setString(38, "1500");
        order.setString(44, "101.25");
        order.setString(99, "100.5");
        order.setChar(59, '1');
        order.setString(1, "ACC-7");
        order.setString(55, "AAPL");
        order.setString(100, "VENUEA");
        client1.send(order);

        final ClientNewOrderDecoder decoded = oms.awaitClientNewOrder(d -> "NOS-1".equals(d.clOrdId()));
        final long afterNs = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() + 1);
        final long deadlineMs = System.currentTimeMillis() + 5_000;
        while (inboundPublished.get() != gateway.counters().inboundPublished() &&
            System.currentTimeMillis() < deadlineMs)
        {
            Thread.onSpinWait();
        }
        assertTrue(inboundPublished.get() > 0, "the consumer is signalled after a published message");
        assertEquals(gateway.counters().inboundPublished(), inboundPublished.get(),
            "one signal per message the inbound stream accepted");
        assertTrue(publishingThread.startsWith("NioProcessor"),
            "received messages are processed on the I/O thread, not handed to a queue: " + publishingThread);

        assertEquals(client1SessionId, decoded.sessionId());
        assertTrue(decoded.sendingTimeNs() >= beforeNs && decoded.sendingTimeNs() <= afterNs,
            () -> "sendingTimeNs " + decoded.sendingTimeNs() + " not in [" + beforeNs + ", " + afterNs + "]");
        assertEquals(Side.BUY, decoded.side());
        assertEquals(OrdType.STOP_LIMIT, decoded.ordType());
        assertEquals(TimeInForce.GTC, decoded.timeInForce());
        assertEquals(1, decoded.possResend());
        assertEquals(150_000_000_000L, decoded.orderQty());
        assertEquals(10_125_000_000L, decoded.price());
        assertEquals(10_050_000_000L, decoded.stopPx());
        assertEquals("NOS-1", decoded.clOrdId());
        assertEquals("ACC-7", decoded.account());
        assertEquals("JDOE", decoded.trader(), "SenderSubID (50) names the trader");
        assertEquals("AAPL", decoded.symbol());
        assertEquals("VENUEA", decoded.exDestination());
    }

    @Test
    void shouldForwardAbsentOptionalFieldsAsNullAndUnknownEnumValuesAsOther()
    {
        final Message order = client1.newMessage("D");
        order.setString(11, "NOS-2");
        order.setChar(54, '5');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setChar(40, 'B');
        order.setString(38, "0.00000001");
        order.setString(55, "MSFT");
        client1.send(order);

        final ClientNewOrderDecoder decoded = oms.awaitClientNewOrder(d -> "NOS-2".equals(d.clOrdId()));

        assertEquals(Side.SELL_SHORT, decoded.side());
        assertEquals(OrdType.OTHER, decoded.ordType(), "Limit on close (B) is valid FIX 4.4 but not in the schema");
        assertEquals(TimeInForce.DAY, decoded.timeInForce());
        assertEquals(0, decoded.possResend());
        assertEquals(1L, decoded.orderQty());
        assertEquals(FixedPoint.NULL_VALUE, decoded.price());
        assertEquals(FixedPoint.NULL_VALUE, decoded.stopPx());
        assertEquals("", decoded.account());
        assertEquals("", decoded.trader());
        assertEquals("MSFT", decoded.symbol());
        assertEquals("", decoded.exDestination());
    }

    @Test
    void shouldForwardCancelReplaceAndStatusRequests()
    {
        final Message cancel = client1.newMessage("F");
        cancel.setString(11, "CXL-1");
        cancel.setString(41, "ORD-1");
        cancel.setString(37, "7001");
        cancel.setChar(54, '2');
        cancel.setString(38, "1000");
        cancel.setString(55, "AAPL");
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        client1.send(cancel);

        final ClientCancelDecoder decodedCancel = oms.awaitClientCancel(d -> "CXL-1".equals(d.clOrdId()));
        assertEquals(client1SessionId, decodedCancel.sessionId());
        assertEquals(Side.SELL, decodedCancel.side());
        assertEquals(100_000_000_000L, decodedCancel.orderQty());
        assertEquals("ORD-1", decodedCancel.origClOrdId());
        assertEquals("7001", decodedCancel.orderId());
        assertEquals("AAPL", decodedCancel.symbol());

        final Message replace = client1.newMessage("G");
        replace.setString(11, "RPL-1");
        replace.setString(41, "ORD-1");
        replace.setChar(54, '2');
        replace.setChar(40, '2');
        replace.setString(38, "2000");
        replace.setString(44, "102.5");
        replace.setString(55, "AAPL");
        replace.getHeader().setString(50, "ASMITH");
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        client1.send(replace);

        final ClientReplaceDecoder decodedReplace = oms.awaitClientReplace(d -> "RPL-1".equals(d.clOrdId()));
        assertEquals(client1SessionId, decodedReplace.sessionId());
        assertEquals(Side.SELL, decodedReplace.side());
        assertEquals(OrdType.LIMIT, decodedReplace.ordType());
        assertEquals(TimeInForce.DAY, decodedReplace.timeInForce());
        assertEquals(200_000_000_000L, decodedReplace.orderQty());
        assertEquals(10_250_000_000L, decodedReplace.price());
        assertEquals("ORD-1", decodedReplace.origClOrdId());
        assertEquals("", decodedReplace.orderId());
        assertEquals("ASMITH", decodedReplace.trader());
        assertEquals("AAPL", decodedReplace.symbol());

        final Message status = client1.newMessage("H");
        status.setString(11, "ORD-1");
        status.setString(37, "7001");
        status.setChar(54, '2');
        status.setString(55, "AAPL");
        client1.send(status);

        final ClientStatusRequestDecoder decodedStatus =
            oms.awaitClientStatusRequest(d -> "ORD-1".equals(d.clOrdId()));
        assertEquals(client1SessionId, decodedStatus.sessionId());
        assertEquals(Side.SELL, decodedStatus.side());
        assertEquals("7001", decodedStatus.orderId());
        assertEquals("AAPL", decodedStatus.symbol());
    }

    @Test
    void shouldLogAClientSessionOutWhenTheOmsAsksWithItsText()
    {
        try (TestFixSession client = TestFixSession.client(clientPort, "CLIENT5", null).start().awaitLogon())
        {
            final int sessionId = gateway.sessionRegistry().sessionId("FIX.4.4:BASTION->CLIENT5");
            Await.until("gateway sees CLIENT5 logged on", () -> gateway.isLoggedOn(sessionId));
            final ClientSessionCommandEncoder command = oms.clientSessionCommand();
            command.sessionId(sessionId).command(SessionCommandType.LOGOUT)
                .text("THROTTLE: session CLIENT5 sent 201 messages in 1,000 ms > 200: tripped, logged out");
            oms.send(command.encodedLength());

            final Message logout = client.awaitAdmin("5", m -> true);
            assertEquals("THROTTLE: session CLIENT5 sent 201 messages in 1,000 ms > 200: tripped, logged out",
                get(logout, 58));
            Await.until("gateway sees CLIENT5 logged out", () -> !gateway.isLoggedOn(sessionId));
            assertTrue(client1.isLoggedOn(), "other sessions stay logged on");
        }
    }

    @Test
    void shouldAnswerUnsupportedMessageTypeWithBusinessMessageReject()
    {
        final Message massStatus = client1.newMessage("AF");
        massStatus.setString(584, "MSR-1");
        massStatus.setInt(585, 7);
        client1.send(massStatus);

        final Message reject = client1.awaitApp("j", m -> "AF".equals(get(m, 372)));
        assertEquals("3", get(reject, 380));
        assertTrue(client1.isLoggedOn());
    }

    @Test
    void shouldRejectTooLongClOrdIdAndBadQuantityAndKeepTheSessionWorking()
    {
        final long rejectedBefore = gateway.counters().clientMessagesRejected();
        final Message tooLong = newOrder("X".repeat(65), "100");
        client1.send(tooLong);

        final Message reject = client1.awaitAdmin("3", m -> "11".equals(get(m, 371)));
        assertEquals("5", get(reject, 373));
        assertEquals("ClOrdID (11) longer than 64 characters", get(reject, 58));
        assertEquals("D", get(reject, 372));

        client1.send(newOrder("NOS-BADQTY", "10.123456789"));
        final Message badQty = client1.awaitAdmin("3", m -> "38".equals(get(m, 371)));
        assertEquals("6", get(badQty, 373));
        assertTrue(get(badQty, 58).startsWith("OrderQty (38) '10.123456789' is not a decimal"), get(badQty, 58));

        client1.send(newOrder("NOS-AFTER-REJECT", "100"));
        final ClientNewOrderDecoder decoded = oms.awaitClientNewOrder(d -> "NOS-AFTER-REJECT".equals(d.clOrdId()));
        assertEquals(10_000_000_000L, decoded.orderQty());
        assertTrue(client1.isLoggedOn());
        assertEquals(rejectedBefore + 2, gateway.counters().clientMessagesRejected());
    }

    @Test
    void shouldSendClientExecutionReportWithEveryField()
    {
        final long transactTimeNs = FixTimestamps.parseNs("20240315-13:45:07.123456789");
        final ClientExecutionReportEncoder report = oms.clientExecutionReport();
        report
            .sessionId(client1SessionId)
            .orderId(7001)
            .execId(9001)
            .transactTimeNs(transactTimeNs)
            .execType(ExecType.TRADE)
            .ordStatus(OrdStatus.PARTIALLY_FILLED)
            .side(Side.SELL)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .ordRejReason(OrdRejReason.NULL_VAL)
            .orderQty(FixedPoint.ofUnits(500))
            .price(10_150_000_000L)
            .lastQty(FixedPoint.ofUnits(100))
            .lastPx(10_125_000_000L)
            .cumQty(FixedPoint.ofUnits(100))
            .leavesQty(FixedPoint.ofUnits(400))
            .avgPx(10_125_000_000L)
            .clOrdId("ER-1")
            .origClOrdId("")
            .account("ACC-7")
            .symbol("MSFT")
            .lastMkt("VENUEA")
            .execRefId(0)
            .execRestatementReason(ExecRestatementReason.NULL_VAL)
            .stopPx(FixedPoint.NULL_VALUE)
            .expireTimeNs(0)
            .text("partially filled");
        oms.send(report.encodedLength());

        final Message fix = client1.awaitApp("8", m -> "ER-1".equals(get(m, 11)));
        assertEquals("7001", get(fix, 37));
        assertEquals("9001", get(fix, 17));
        assertEquals("F", get(fix, 150));
        assertEquals("1", get(fix, 39));
        assertEquals("2", get(fix, 54));
        assertEquals("2", get(fix, 40));
        assertEquals("0", get(fix, 59));
        assertEquals("500", get(fix, 38));
        assertEquals("101.5", get(fix, 44));
        assertEquals("100", get(fix, 32));
        assertEquals("101.25", get(fix, 31));
        assertEquals("100", get(fix, 14));
        assertEquals("400", get(fix, 151));
        assertEquals("101.25", get(fix, 6));
        assertEquals("ACC-7", get(fix, 1));
        assertEquals("MSFT", get(fix, 55));
        assertEquals("VENUEA", get(fix, 30));
        assertEquals("partially filled", get(fix, 58));
        assertEquals("20240315-13:45:07.123", get(fix, 60));
        assertNull(get(fix, 41));
        assertNull(get(fix, 103));
        assertNull(get(fix, 19), "no ExecRefID when execRefId is 0");
        assertNull(get(fix, 378));
        assertNull(get(fix, 99));
        assertNull(get(fix, 126), "no ExpireTime when expireTimeNs is 0");
        assertEquals("FIX.4.4", TestFixSession.get(fix.getHeader(), 8));
    }

    @Test
    void shouldSendNullLastPxAsZeroAndOrdRejReasonWhenPresent()
    {
        final ClientExecutionReportEncoder report = oms.clientExecutionReport();
        report
            .sessionId(client1SessionId)
            .orderId(7002)
            .execId(9002)
            .transactTimeNs(FixTimestamps.parseNs("20240315-13:45:08"))
            .execType(ExecType.REJECTED)
            .ordStatus(OrdStatus.REJECTED)
            .side(Side.BUY)
            .ordType(OrdType.MARKET)
            .timeInForce(TimeInForce.IOC)
            .ordRejReason(OrdRejReason.OTHER)
            .orderQty(FixedPoint.ofUnits(10))
            .price(FixedPoint.NULL_VALUE)
            .lastQty(FixedPoint.NULL_VALUE)
            .lastPx(FixedPoint.NULL_VALUE)
            .cumQty(0)
            .leavesQty(0)
            .avgPx(FixedPoint.NULL_VALUE)
            .clOrdId("ER-2")
            .origClOrdId("ER-1")
            .account("")
            .symbol("MSFT")
            .lastMkt("")
            .execRefId(0)
            .execRestatementReason(ExecRestatementReason.NULL_VAL)
            .stopPx(FixedPoint.NULL_VALUE)
            .expireTimeNs(0)
            .text("Order exceeds limit");
        oms.send(report.encodedLength());

        final Message fix = client1.awaitApp("8", m -> "ER-2".equals(get(m, 11)));
        assertEquals("8", get(fix, 150));
        assertEquals("8", get(fix, 39));
        assertEquals("99", get(fix, 103));
        assertEquals("0", get(fix, 31));
        assertEquals("0", get(fix, 32));
        assertEquals("0", get(fix, 6));
        assertEquals("ER-1", get(fix, 41));
        assertEquals("20240315-13:45:08.000", get(fix, 60));
        assertNull(get(fix, 44));
        assertNull(get(fix, 1));
        assertNull(get(fix, 30));
    }

    @Test
    void shouldSendClientCancelRejectWithOrderIdNoneForUnknownOrder()
    {
        final ClientCancelRejectEncoder reject = oms.clientCancelReject();
        reject
            .sessionId(client1SessionId)
            .orderId(0)
            .ordStatus(OrdStatus.REJECTED)
            .responseTo(CxlRejResponseTo.CANCEL_REPLACE)
            .cxlRejReason(CxlRejReason.UNKNOWN_ORDER)
            .clOrdId("CXR-1")
            .origClOrdId("NO-SUCH-ORDER")
            .text("Unknown order");
        oms.send(reject.encodedLength());

        final Message fix = client1.awaitApp("9", m -> "CXR-1".equals(get(m, 11)));
        assertEquals("NONE", get(fix, 37));
        assertEquals("NO-SUCH-ORDER", get(fix, 41));
        assertEquals("8", get(fix, 39));
        assertEquals("2", get(fix, 434));
        assertEquals("1", get(fix, 102));
        assertEquals("Unknown order", get(fix, 58));
    }

    @Test
    void shouldCountAndSurviveOmsMessagesItCannotSend()
    {
        final FixGatewayCounters counters = gateway.counters();
        final long unknownBefore = counters.outboundUnknownSession();
        final long faultsBefore = counters.outboundFaults();

        final ClientExecutionReportEncoder unknownSession = oms.clientExecutionReport();
        fillReport(unknownSession, 999, "ER-UNKNOWN");
        oms.send(unknownSession.encodedLength());

        final VenueNewOrderEncoder venueWithoutSession = oms.venueNewOrder();
        fillVenueNewOrder(venueWithoutSession, 0, 1);
        oms.send(venueWithoutSession.encodedLength());

        final ClientExecutionReportEncoder noSide = oms.clientExecutionReport();
        fillReport(noSide, client1SessionId, "ER-NO-SIDE");
        noSide.side(Side.NULL_VAL);
        oms.send(noSide.encodedLength());

        final ClientExecutionReportEncoder good = oms.clientExecutionReport();
        fillReport(good, client1SessionId, "ER-GOOD");
        oms.send(good.encodedLength());

        client1.awaitApp("8", m -> "ER-GOOD".equals(get(m, 11)));
        assertEquals(unknownBefore + 2, counters.outboundUnknownSession());
        assertEquals(faultsBefore + 1, counters.outboundFaults());
        final VenueCommandRejectedDecoder notSent = oms.awaitVenueCommandRejected(d -> 0 == d.venueId());
        assertEquals(1, notSent.venueClOrdId());
        assertEquals(CommandRejectSource.NOT_SENT, notSent.source());
    }

    @Test
    void shouldRefuseLogonWithWrongPassword()
    {
        try (TestFixSession client = TestFixSession.client(clientPort, "CLIENT3", "not-the-password").start())
        {
            final Message logout = client.awaitAdmin("5", m -> true);
            assertEquals("Invalid password for CLIENT3", get(logout, 58));
            assertEquals(0, client.logons.get());
            assertFalse(gateway.isLoggedOn(3));
        }
    }

    @Test
    void shouldRefuseLogonWithoutPasswordWhenOneIsConfigured()
    {
        try (TestFixSession client = TestFixSession.client(clientPort, "CLIENT4", null).start())
        {
            final Message logout = client.awaitAdmin("5", m -> true);
            assertEquals("Password (554) required for CLIENT4", get(logout, 58));
            assertEquals(0, client.logons.get());
            assertFalse(gateway.isLoggedOn(4));
        }
    }

    @Test
    void shouldAcceptLogonWithCorrectPasswordAndReportSessionStatus()
    {
        final int sessionId = gateway.sessionRegistry().sessionId("FIX.4.4:BASTION->CLIENT2");
        try (TestFixSession client = TestFixSession.client(clientPort, "CLIENT2", "secret2").start())
        {
            client.awaitLogon();
            Await.until("gateway sees CLIENT2 logged on", () -> gateway.isLoggedOn(sessionId));

            final SessionStatusDecoder status = oms.awaitSessionStatus(
                s -> s.sessionId() == sessionId && s.state() == SessionState.LOGGED_ON);
            assertEquals(SessionRole.CLIENT, status.role());
            assertEquals(-1, status.venueId());
        }

        assertTrue(fixLogs.lines.stream().anyMatch(line -> line.contains("CLIENT2 IN ") && line.contains("554=***")));
        assertTrue(fixLogs.lines.stream().noneMatch(line -> line.contains("secret2")));

        final SessionStatusDecoder loggedOut = oms.awaitSessionStatus(
            s -> s.sessionId() == sessionId && s.state() == SessionState.LOGGED_OUT);
        assertEquals(SessionRole.CLIENT, loggedOut.role());
    }

    @Test
    void shouldNeverLogOnUnknownCompId()
    {
        try (TestFixSession client = TestFixSession.client(clientPort, "ROGUE", "secret2").start())
        {
            Await.until("ROGUE disconnected", () -> client.logouts.get() > 0);
            assertEquals(0, client.logons.get());
            assertFalse(client.isLoggedOn());
        }
    }

    @Test
    void shouldLogOnToVenueWithPasswordAndReportSessionStatus()
    {
        venue.awaitLogon();
        assertEquals(VENUE_PASSWORD, venue.receivedLogonPassword());
        assertTrue(fixLogs.lines.stream().anyMatch(line -> line.contains("VENUEA OUT ") && line.contains("554=***")));
        assertTrue(fixLogs.lines.stream().noneMatch(line -> line.contains(VENUE_PASSWORD)));

        final SessionStatusDecoder status = oms.awaitSessionStatus(
            s -> s.role() == SessionRole.VENUE && s.state() == SessionState.LOGGED_ON);
        assertEquals(1002, status.sessionId());
        assertEquals(VENUE_A, status.venueId());
        assertTrue(gateway.isLoggedOn(1002));
    }

    @Test
    void shouldSendVenueNewOrderAndForwardTheVenuesExecutionReport()
    {
        venue.awaitLogon();
        final VenueNewOrderEncoder newOrder = oms.venueNewOrder();
        fillVenueNewOrder(newOrder, VENUE_A, 4242);
        oms.send(newOrder.encodedLength());

        final Message order = venue.awaitApp("D", m -> "4242".equals(get(m, 11)));
        assertEquals("1", get(order, 54));
        assertEquals("2", get(order, 40));
        assertEquals("3", get(order, 59));
        assertEquals("200", get(order, 38));
        assertEquals("99.5", get(order, 44));
        assertEquals("AAPL", get(order, 55));
        assertEquals("ACC-9", get(order, 1));
        assertNull(get(order, 99));
        assertNull(get(order, 21));
        assertTrue(FixTimestamps.parseNs(get(order, 60)) != FixTimestamps.NULL_NS, get(order, 60));

        final Message fill = venue.newMessage("8");
        fill.setString(37, "V-1");
        fill.setString(17, "E-1");
        fill.setString(11, "4242");
        fill.setChar(150, 'F');
        fill.setChar(39, '2');
        fill.setChar(54, '1');
        fill.setString(55, "AAPL");
        fill.setString(32, "200");
        fill.setString(31, "99.5");
        fill.setString(14, "200");
        fill.setString(151, "0");
        fill.setString(6, "99.123456789");
        fill.setString(60, "20240315-13:45:07.123");
        fill.setString(58, "filled");
        venue.send(fill);

        final VenueExecutionDecoder execution = oms.awaitVenueExecution(d -> d.venueClOrdId() == 4242);
        assertEquals(VENUE_A, execution.venueId());
        assertEquals(FixFields.NULL_ID, execution.origVenueClOrdId());
        assertEquals(FixTimestamps.parseNs("20240315-13:45:07.123"), execution.transactTimeNs());
        assertEquals(ExecType.TRADE, execution.execType());
        assertEquals(OrdStatus.FILLED, execution.ordStatus());
        assertEquals(OrdRejReason.NULL_VAL, execution.ordRejReason());
        assertEquals(FixedPoint.ofUnits(200), execution.lastQty());
        assertEquals(9_950_000_000L, execution.lastPx());
        assertEquals(FixedPoint.ofUnits(200), execution.cumQty());
        assertEquals(0, execution.leavesQty());
        assertEquals(9_912_345_679L, execution.avgPx());
        assertEquals("V-1", execution.venueOrderId());
        assertEquals("E-1", execution.venueExecId());
        assertEquals("filled", execution.text());
    }

    @Test
    void shouldForwardVenueReportsForUnknownOrdersAndUnknownValues()
    {
        venue.awaitLogon();
        final Message report = venue.newMessage("8");
        report.setString(37, "V-2");
        report.setString(17, "E-2");
        report.setString(11, "NOT-OURS");
        report.setChar(150, '8');
        report.setChar(39, '8');
        report.setString(103, "7");
        report.setChar(54, '1');
        report.setString(55, "AAPL");
        report.setString(14, "0");
        report.setString(151, "0");
        report.setString(6, "0");
        venue.send(report);

        final VenueExecutionDecoder execution = oms.awaitVenueExecution(d -> "E-2".equals(d.venueExecId()));
        assertEquals(FixFields.NULL_ID, execution.venueClOrdId());
        assertEquals(ExecType.REJECTED, execution.execType());
        assertEquals(OrdRejReason.OTHER, execution.ordRejReason());
        assertEquals(FixTimestamps.NULL_NS, execution.transactTimeNs());
        assertEquals(FixedPoint.NULL_VALUE, execution.lastPx());
        assertEquals("", execution.text());
    }

    @Test
    void shouldSendVenueCancelAndReplaceAndForwardCancelReject()
    {
        venue.awaitLogon();
        final VenueCancelEncoder cancel = oms.venueCancel();
        cancel
            .venueId(VENUE_A)
            .venueClOrdId(5001)
            .origVenueClOrdId(5000)
            .side(Side.SELL)
            .orderQty(FixedPoint.ofUnits(30))
            .venueOrderId("V-5000")
            .symbol("IBM");
        oms.send(cancel.encodedLength());

        final Message fixCancel = venue.awaitApp("F", m -> "5001".equals(get(m, 11)));
        assertEquals("5000", get(fixCancel, 41));
        assertEquals("V-5000", get(fixCancel, 37));
        assertEquals("2", get(fixCancel, 54));
        assertEquals("30", get(fixCancel, 38));
        assertEquals("IBM", get(fixCancel, 55));

        final VenueReplaceEncoder replace = oms.venueReplace();
        replace
            .venueId(VENUE_A)
            .venueClOrdId(5002)
            .origVenueClOrdId(5000)
            .side(Side.SELL)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .orderQty(FixedPoint.ofUnits(40))
            .price(12_300_000_000L)
            .venueOrderId("")
            .symbol("IBM")
            .stopPx(FixedPoint.NULL_VALUE)
            .expireTimeNs(0)
            .account("");
        oms.send(replace.encodedLength());

        final Message fixReplace = venue.awaitApp("G", m -> "5002".equals(get(m, 11)));
        assertEquals("5000", get(fixReplace, 41));
        assertNull(get(fixReplace, 37));
        assertEquals("2", get(fixReplace, 40));
        assertEquals("1", get(fixReplace, 59));
        assertEquals("40", get(fixReplace, 38));
        assertEquals("123", get(fixReplace, 44));
        assertNull(get(fixReplace, 99));
        assertNull(get(fixReplace, 126));
        assertNull(get(fixReplace, 1));

        final Message cancelReject = venue.newMessage("9");
        cancelReject.setString(37, "V-5000");
        cancelReject.setString(11, "5001");
        cancelReject.setString(41, "5000");
        cancelReject.setChar(39, '2');
        cancelReject.setChar(434, '1');
        cancelReject.setInt(102, 0);
        cancelReject.setString(58, "too late");
        venue.send(cancelReject);

        final VenueCancelRejectDecoder decoded = oms.awaitVenueCancelReject(d -> d.venueClOrdId() == 5001);
        assertEquals(VENUE_A, decoded.venueId());
        assertEquals(5000, decoded.origVenueClOrdId());
        assertEquals(OrdStatus.FILLED, decoded.ordStatus());
        assertEquals(CxlRejResponseTo.CANCEL, decoded.responseTo());
        assertEquals(CxlRejReason.TOO_LATE_TO_CANCEL, decoded.cxlRejReason());
        assertEquals("too late", decoded.text());
    }

    private Message newOrder(final String clOrdId, final String orderQty)
    {
        final Message order = client1.newMessage("D");
        order.setString(11, clOrdId);
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setChar(40, '1');
        order.setString(38, orderQty);
        order.setString(55, "AAPL");
        return order;
    }

    private static void fillReport(final ClientExecutionReportEncoder report, final int sessionId, final String clOrdId)
    {
        report
            .sessionId(sessionId)
            .orderId(1)
            .execId(1)
            .transactTimeNs(FixTimestamps.parseNs("20240315-13:45:08"))
            .execType(ExecType.NEW)
            .ordStatus(OrdStatus.NEW)
            .side(Side.BUY)
            .ordType(OrdType.MARKET)
            .timeInForce(TimeInForce.DAY)
            .ordRejReason(OrdRejReason.NULL_VAL)
            .orderQty(FixedPoint.ofUnits(1))
            .price(FixedPoint.NULL_VALUE)
            .lastQty(0)
            .lastPx(FixedPoint.NULL_VALUE)
            .cumQty(0)
            .leavesQty(FixedPoint.ofUnits(1))
            .avgPx(0)
            .clOrdId(clOrdId)
            .origClOrdId("")
            .account("")
            .symbol("MSFT")
            .lastMkt("")
            .execRefId(0)
            .execRestatementReason(ExecRestatementReason.NULL_VAL)
            .stopPx(FixedPoint.NULL_VALUE)
            .expireTimeNs(0)
            .text("");
    }

    private static void fillVenueNewOrder(final VenueNewOrderEncoder order, final int venueId, final long venueClOrdId)
    {
        order
            .venueId(venueId)
            .venueClOrdId(venueClOrdId)
            .side(Side.BUY)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.IOC)
            .orderQty(FixedPoint.ofUnits(200))
            .price(9_950_000_000L)
            .stopPx(FixedPoint.NULL_VALUE)
            .account("ACC-9")
            .symbol("AAPL")
            .expireTimeNs(0);
    }
}
