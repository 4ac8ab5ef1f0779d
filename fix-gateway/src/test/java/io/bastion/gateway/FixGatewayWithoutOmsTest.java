package io.bastion.gateway;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.bastion.sbe.VenueExecutionDecoder;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SessionSettings;

import static io.bastion.gateway.TestFixSession.get;
import static io.bastion.gateway.TestSettings.BASTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gateway does while nothing consumes the OMS inbound stream: clients are told the application is not
 * available; venue reports are not acknowledged, so they are asked for again once the OMS is back.
 */
class FixGatewayWithoutOmsTest
{
    private static final int INBOUND_STREAM_ID = 3001;
    private static final int OUTBOUND_STREAM_ID = 3002;

    private AeronFixture aeron;
    private TestFixSession venue;
    private TestFixSession client;
    private FixGateway gateway;
    private OmsStub lateOms;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(client, lateOms, gateway, venue, aeron);
    }

    @Test
    void shouldAnswerApplicationNotAvailableWhenTheOmsDoesNotTakeAnOrder()
    {
        startGateway();
        client = TestFixSession.client(clientPort, "CLIENT1", null).start().awaitLogon();

        final Message order = client.newMessage("D");
        order.setString(11, "NOS-BP");
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setChar(40, '1');
        order.setString(38, "100");
        order.setString(55, "AAPL");
        client.send(order);

        final Message reject = client.awaitApp("j", m -> "NOS-BP".equals(get(m, 379)));
        assertEquals("4", get(reject, 380));
        assertEquals("D", get(reject, 372));
        assertTrue(get(reject, 58).startsWith("Application not available"), get(reject, 58));
        assertTrue(gateway.counters().inboundNotAccepted() > 0);
        assertTrue(client.isLoggedOn());
    }

    @Test
    void shouldHaveTheVenueResendAReportTheOmsDidNotTake()
    {
        startGateway();
        venue.awaitLogon();
        Await.until("SessionStatus of the venue refused", () -> gateway.counters().inboundNotAccepted() == 1);
        final long notAcceptedBefore = gateway.counters().inboundNotAccepted();

        venue.send(fill("E-LOST"));
        Await.until("report refused", () -> gateway.counters().inboundNotAccepted() > notAcceptedBefore);

        lateOms = new OmsStub(aeron.aeron(), INBOUND_STREAM_ID, OUTBOUND_STREAM_ID);
        lateOms.awaitInboundConnected();
        venue.send(fill("E-NEXT"));

        final VenueExecutionDecoder lost = lateOms.awaitVenueExecution(d -> "E-LOST".equals(d.venueExecId()));
        assertEquals(7777, lost.venueClOrdId());
        lateOms.awaitVenueExecution(d -> "E-NEXT".equals(d.venueExecId()));
    }

    private int clientPort;

    private void startGateway()
    {
        aeron = new AeronFixture();
        clientPort = TestSettings.freePort();
        final int venuePort = TestSettings.freePort();
        venue = TestFixSession.venue(venuePort, "VENUEA").start();

        final SessionSettings clients = TestSettings.acceptor(clientPort);
        TestSettings.session(clients, BASTION, "CLIENT1");
        final SessionSettings venues = TestSettings.initiator(venuePort);
        TestSettings.session(venues, BASTION, "VENUEA", "VenueName", "VENUEA");

        gateway = new FixGateway(new FixGatewayContext()
            .clientSettings(clients)
            .venueSettings(venues)
            .venueNames(List.of("VENUEA"))
            .aeron(aeron.aeron())
            .inboundStreamId(INBOUND_STREAM_ID)
            .outboundStreamId(OUTBOUND_STREAM_ID)
            .messageStoreFactory(new MemoryStoreFactory()));
        gateway.start();
    }

    private Message fill(final String execId)
    {
        final Message fill = venue.newMessage("8");
        fill.setString(37, "V-1");
        fill.setString(17, execId);
        fill.setString(11, "7777");
        fill.setChar(150, 'F');
        fill.setChar(39, '1');
        fill.setChar(54, '1');
        fill.setString(55, "AAPL");
        fill.setString(32, "1");
        fill.setString(31, "10");
        fill.setString(14, "1");
        fill.setString(151, "9");
        fill.setString(6, "10");
        return fill;
    }
}
