package io.bastion.gateway;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import io.bastion.sbe.VenueCancelEncoder;
import io.bastion.sbe.VenueCommandRejectedDecoder;
import io.bastion.sbe.VenueCommandType;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue side: commands with every field, FIX 4.2 venues, venues refusing commands with a session Reject or a
 * BusinessMessageReject, and commands for venues that are not connected. Real QuickFIX/J venues over loopback, a
 * real media driver, the test playing the OMS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixGatewayVenueTest
{
    private static final List<String> VENUE_NAMES = List.of("VENUEX", "VENUEA", "VENUE42", "VENUEZ");
    private static final int VENUE_DOWN = 0;
    private static final int VENUE_A = 1;
    private static final int VENUE_42 = 2;
    private static final int VENUE_WITHOUT_SESSION = 3;
    private static final long EXPIRE_NS = FixTimestamps.parseNs("20240316-20:00:00.250");

    private final List<Throwable> agentErrors = new CopyOnWriteArrayList<>();
    private AeronFixture aeron;
    private OmsStub oms;
    private TestFixSession venueA;
    private TestFixSession venue42;
    private FixGateway gateway;
    private AgentRunner agentRunner;

    @BeforeAll
    void startGateway()
    {
        aeron = new AeronFixture();
        oms = new OmsStub(aeron.aeron());
        final int portA = TestSettings.freePort();
        final int port42 = TestSettings.freePort();
        final int portNobodyListensOn = TestSettings.freePort();
        venueA = TestFixSession.venue(portA, "VENUEA").start();
        venue42 = TestFixSession.venue(port42, TestSettings.FIX42, "VENUE42").start();

        final SessionSettings clients = TestSettings.acceptor(TestSettings.freePort());
        TestSettings.session(clients, BASTION, "CLIENT1");
        final SessionSettings venues = TestSettings.initiator(portA);
        TestSettings.session(venues, BASTION, "VENUEA", "VenueName", "VENUEA");
        TestSettings.versionSession(venues, TestSettings.FIX42, BASTION, "VENUE42", "VenueName", "VENUE42",
            "SocketConnectPort", Integer.toString(port42));
        TestSettings.session(venues, BASTION, "VENUEX", "VenueName", "VENUEX",
            "SocketConnectPort", Integer.toString(portNobodyListensOn));

        gateway = new FixGateway(new FixGatewayContext()
            .clientSettings(clients)
            .venueSettings(venues)
            .venueNames(VENUE_NAMES)
            .aeron(aeron.aeron())
            .messageStoreFactory(new MemoryStoreFactory())
            .logFactory(new RecordingLogFactory()));
        agentRunner = oms.startGateway(gateway, agentErrors);
        venueA.awaitLogon();
        venue42.awaitLogon();
        final SessionRegistry registry = gateway.sessionRegistry();
        Await.until("gateway sees its venues logged on", () -> gateway.isLoggedOn(registry.venueSessionId(VENUE_A)) &&
            gateway.isLoggedOn(registry.venueSessionId(VENUE_42)));
    }

    @AfterAll
    void closeGateway()
    {
        CloseHelper.closeAll(agentRunner, gateway, venueA, venue42, oms, aeron);
    }

    @AfterEach
    void agentHasNotFailed()
    {
        assertEquals(List.of(), agentErrors);
    }

    @Test
    void shouldSendVenueNewOrderAndReplaceWithEveryField()
    {
        final VenueNewOrderEncoder newOrder = oms.venueNewOrder();
        newOrder
            .venueId(VENUE_A)
            .venueClOrdId(5100)
            .side(Side.SELL)
            .ordType(OrdType.STOP_LIMIT)
            .timeInForce(TimeInForce.GTD)
            .orderQty(FixedPoint.ofUnits(50))
            .price(12_000_000_000L)
            .stopPx(12_100_000_000L)
            .account("ACC-5")
            .symbol("IBM")
            .expireTimeNs(EXPIRE_NS);
        oms.send(newOrder.encodedLength());

        final Message order = venueA.awaitApp("D", m -> "5100".equals(get(m, 11)));
        assertEquals("4", get(order, 40));
        assertEquals("6", get(order, 59));
        assertEquals("121", get(order, 99));
        assertEquals("20240316-20:00:00.250", get(order, 126));
        assertNull(get(order, 21), "no HandlInst for FIX 4.4");

        final VenueReplaceEncoder replace = oms.venueReplace();
        replace
            .venueId(VENUE_A)
            .venueClOrdId(5101)
            .origVenueClOrdId(5100)
            .side(Side.SELL)
            .ordType(OrdType.STOP_LIMIT)
            .timeInForce(TimeInForce.GTD)
            .orderQty(FixedPoint.ofUnits(60))
            .price(12_050_000_000L)
            .venueOrderId("V-5100")
            .symbol("IBM")
            .stopPx(12_150_000_000L)
            .expireTimeNs(EXPIRE_NS + TimeUnit.HOURS.toNanos(1))
            .account("ACC-5");
        oms.send(replace.encodedLength());

        final Message fixReplace = venueA.awaitApp("G", m -> "5101".equals(get(m, 11)));
        assertEquals("5100", get(fixReplace, 41));
        assertEquals("V-5100", get(fixReplace, 37));
        assertEquals("2", get(fixReplace, 54));
        assertEquals("4", get(fixReplace, 40));
        assertEquals("6", get(fixReplace, 59));
        assertEquals("60", get(fixReplace, 38));
        assertEquals("120.5", get(fixReplace, 44));
        assertEquals("121.5", get(fixReplace, 99));
        assertEquals("20240316-21:00:00.250", get(fixReplace, 126));
        assertEquals("ACC-5", get(fixReplace, 1));
        assertEquals("IBM", get(fixReplace, 55));
        assertTrue(FixTimestamps.parseNs(get(fixReplace, 60)) != FixTimestamps.NULL_NS, get(fixReplace, 60));
        assertNull(get(fixReplace, 21));
    }

    @Test
    void shouldPutHandlInstOnOrdersToAFix42Venue()
    {
        final VenueNewOrderEncoder newOrder = oms.venueNewOrder();
        fillNewOrder(newOrder, VENUE_42, 4200);
        oms.send(newOrder.encodedLength());

        final Message order = venue42.awaitApp("D", m -> "4200".equals(get(m, 11)));
        assertEquals("FIX.4.2", get(order.getHeader(), 8));
        assertEquals("1", get(order, 21), "automated execution, private");

        final VenueReplaceEncoder replace = oms.venueReplace();
        fillReplace(replace, VENUE_42, 4201, 4200);
        oms.send(replace.encodedLength());

        final Message fixReplace = venue42.awaitApp("G", m -> "4201".equals(get(m, 11)));
        assertEquals("1", get(fixReplace, 21));
        assertEquals("4200", get(fixReplace, 41));
    }

    @Test
    void shouldNormaliseFix42VenueReportsToFix44ExecTypes()
    {
        venue42.send(fix42Report("E42-NEW", '0', '0', '0', null));
        venue42.send(fix42Report("E42-PARTIAL", '0', '1', '1', null));
        venue42.send(fix42Report("E42-FILL", '0', '2', '2', null));
        venue42.send(fix42Report("E42-BUST", '1', '1', '1', "E42-FILL"));
        venue42.send(fix42Report("E42-CORRECT", '2', '1', '1', "E42-PARTIAL"));
        venue42.send(fix42Report("E42-STATUS", '3', '1', '1', null));
        final Message restated = fix42Report("E42-RESTATED", '0', 'D', '1', null);
        restated.setInt(378, 3);
        venue42.send(restated);

        assertEquals(ExecType.NEW, execution("E42-NEW").execType());
        assertEquals(ExecType.TRADE, execution("E42-PARTIAL").execType());
        assertEquals(ExecType.TRADE, execution("E42-FILL").execType());
        final VenueExecutionDecoder bust = execution("E42-BUST");
        assertEquals(ExecType.TRADE_CANCEL, bust.execType());
        assertEquals("E42-FILL", bust.venueExecRefId());
        assertEquals(OrdStatus.PARTIALLY_FILLED, bust.ordStatus());
        final VenueExecutionDecoder correct = execution("E42-CORRECT");
        assertEquals(ExecType.TRADE_CORRECT, correct.execType());
        assertEquals("E42-PARTIAL", correct.venueExecRefId());
        assertEquals(ExecType.ORDER_STATUS, execution("E42-STATUS").execType());
        final VenueExecutionDecoder restatement = execution("E42-RESTATED");
        assertEquals(ExecType.RESTATED, restatement.execType());
        assertEquals(ExecRestatementReason.REPRICING, restatement.execRestatementReason());
        assertEquals(VENUE_42, restatement.venueId());
        assertEquals(4242, restatement.venueClOrdId());
        assertEquals(FixedPoint.ofUnits(100), restatement.orderQty());
    }

    @Test
    void shouldForwardTheVenuesOrderQtyPriceRestatementExecRefIdAndPossDup()
    {
        final Message restated = fix44Report("E44-RESTATED", 'D', '0');
        restated.setInt(378, 3);
        restated.setString(38, "250");
        restated.setString(44, "101.125");
        venueA.send(restated);

        final VenueExecutionDecoder restatement = execution("E44-RESTATED");
        assertEquals(ExecType.RESTATED, restatement.execType());
        assertEquals(ExecRestatementReason.REPRICING, restatement.execRestatementReason());
        assertEquals(FixedPoint.ofUnits(250), restatement.orderQty());
        assertEquals(10_112_500_000L, restatement.price());
        assertEquals("", restatement.venueExecRefId());
        assertEquals(0, restatement.possDup());

        final Message bust = fix44Report("E44-BUST", 'H', '0');
        bust.setString(19, "E44-FILL-1");
        bust.getHeader().setString(43, "Y");
        bust.getHeader().setUtcTimeStamp(122, LocalDateTime.now(ZoneOffset.UTC));
        venueA.sendPossDup(bust);

        final VenueExecutionDecoder busted = execution("E44-BUST");
        assertEquals(ExecType.TRADE_CANCEL, busted.execType());
        assertEquals("E44-FILL-1", busted.venueExecRefId());
        assertEquals(ExecRestatementReason.NULL_VAL, busted.execRestatementReason());
        assertEquals(1, busted.possDup());
        assertEquals(FixedPoint.NULL_VALUE, busted.orderQty());
        assertEquals(FixedPoint.NULL_VALUE, busted.price());
    }

    @Test
    void shouldPublishABusinessRejectOfANewOrderFoundByBusinessRejectRefId()
    {
        final long rejectedBefore = gateway.counters().venueCommandsRejected();
        final VenueNewOrderEncoder newOrder = oms.venueNewOrder();
        fillNewOrder(newOrder, VENUE_A, 6001);
        oms.send(newOrder.encodedLength());
        venueA.awaitApp("D", m -> "6001".equals(get(m, 11)));

        final Message reject = venueA.newMessage("j");
        reject.setString(372, "D");
        reject.setString(379, "6001");
        reject.setInt(380, 2);
        reject.setString(58, "unknown security IBM");
        venueA.send(reject);

        final VenueCommandRejectedDecoder rejected = oms.awaitVenueCommandRejected(d -> d.venueClOrdId() == 6001);
        assertEquals(VENUE_A, rejected.venueId());
        assertEquals(VenueCommandType.NEW_ORDER, rejected.commandType());
        assertEquals(CommandRejectSource.BUSINESS_REJECT, rejected.source());
        assertEquals("BusinessMessageReject reason 2: unknown security IBM", rejected.text());
        assertEquals(rejectedBefore + 1, gateway.counters().venueCommandsRejected());
    }

    @Test
    void shouldPublishABusinessRejectOfACancelFoundByRefSeqNum()
    {
        final VenueCancelEncoder cancel = oms.venueCancel();
        fillCancel(cancel, VENUE_A, 6003, 6002);
        oms.send(cancel.encodedLength());
        final Message fixCancel = venueA.awaitApp("F", m -> "6003".equals(get(m, 11)));

        final Message reject = venueA.newMessage("j");
        reject.setString(45, get(fixCancel.getHeader(), 34));
        reject.setString(372, "F");
        reject.setString(379, "not-a-clordid");
        reject.setInt(380, 4);
        venueA.send(reject);

        final VenueCommandRejectedDecoder rejected = oms.awaitVenueCommandRejected(d -> d.venueClOrdId() == 6003);
        assertEquals(VenueCommandType.CANCEL, rejected.commandType());
        assertEquals(CommandRejectSource.BUSINESS_REJECT, rejected.source());
        assertEquals("BusinessMessageReject reason 4", rejected.text());
    }

    @Test
    void shouldPublishASessionRejectOfAReplaceFoundByRefSeqNum()
    {
        final VenueReplaceEncoder replace = oms.venueReplace();
        fillReplace(replace, VENUE_A, 6005, 6004);
        oms.send(replace.encodedLength());
        final Message fixReplace = venueA.awaitApp("G", m -> "6005".equals(get(m, 11)));

        final Message reject = venueA.newMessage("3");
        reject.setString(45, get(fixReplace.getHeader(), 34));
        reject.setString(372, "G");
        reject.setInt(371, 44);
        reject.setInt(373, 5);
        reject.setString(58, "price out of range");
        venueA.send(reject);

        final VenueCommandRejectedDecoder rejected = oms.awaitVenueCommandRejected(d -> d.venueClOrdId() == 6005);
        assertEquals(VENUE_A, rejected.venueId());
        assertEquals(VenueCommandType.REPLACE, rejected.commandType());
        assertEquals(CommandRejectSource.SESSION_REJECT, rejected.source());
        assertEquals("session Reject reason 5 RefTagID 44: price out of range", rejected.text());
        assertTrue(venueA.isLoggedOn());
    }

    @Test
    void shouldCountRejectsThatMatchNoCommandWithoutPublishingThem()
    {
        final FixGatewayCounters counters = gateway.counters();
        final long uncorrelatedBefore = counters.venueRejectsUncorrelated();
        final long rejectedBefore = counters.venueCommandsRejected();

        final Message businessReject = venueA.newMessage("j");
        businessReject.setString(45, "99999");
        businessReject.setString(372, "D");
        businessReject.setInt(380, 0);
        venueA.send(businessReject);
        final Message sessionReject = venueA.newMessage("3");
        sessionReject.setString(45, "99998");
        venueA.send(sessionReject);

        Await.until("both rejects counted", () -> counters.venueRejectsUncorrelated() == uncorrelatedBefore + 2);
        assertEquals(rejectedBefore, counters.venueCommandsRejected());
        assertTrue(venueA.isLoggedOn());
    }

    @Test
    void shouldAnswerNotSentForAVenueThatIsNotLoggedOnOrHasNoSession()
    {
        final long notSentBefore = gateway.counters().venueCommandsNotSent();
        final VenueNewOrderEncoder newOrder = oms.venueNewOrder();
        fillNewOrder(newOrder, VENUE_DOWN, 7001);
        oms.send(newOrder.encodedLength());

        final VenueCommandRejectedDecoder down = oms.awaitVenueCommandRejected(d -> d.venueClOrdId() == 7001);
        assertEquals(VENUE_DOWN, down.venueId());
        assertEquals(VenueCommandType.NEW_ORDER, down.commandType());
        assertEquals(CommandRejectSource.NOT_SENT, down.source());
        assertEquals("venue VENUEX not connected: session FIX.4.4:BASTION->VENUEX is not logged on", down.text());

        final VenueCancelEncoder cancel = oms.venueCancel();
        fillCancel(cancel, VENUE_WITHOUT_SESSION, 7003, 7002);
        oms.send(cancel.encodedLength());

        final VenueCommandRejectedDecoder none = oms.awaitVenueCommandRejected(d -> d.venueClOrdId() == 7003);
        assertEquals(VENUE_WITHOUT_SESSION, none.venueId());
        assertEquals(VenueCommandType.CANCEL, none.commandType());
        assertEquals(CommandRejectSource.NOT_SENT, none.source());
        assertEquals("venueId 3 has no FIX session configured", none.text());
        assertEquals(notSentBefore + 2, gateway.counters().venueCommandsNotSent());
    }

    private VenueExecutionDecoder execution(final String venueExecId)
    {
        return oms.awaitVenueExecution(d -> venueExecId.equals(d.venueExecId()));
    }

    private Message fix42Report(
        final String execId, final char execTransType, final char execType, final char ordStatus, final String refId)
    {
        final Message report = venue42.newMessage("8");
        report.setString(37, "V42-1");
        report.setString(17, execId);
        report.setChar(20, execTransType);
        if (null != refId)
        {
            report.setString(19, refId);
        }
        report.setString(11, "4242");
        report.setChar(150, execType);
        report.setChar(39, ordStatus);
        report.setChar(54, '1');
        report.setString(55, "AAPL");
        report.setString(38, "100");
        report.setString(32, "10");
        report.setString(31, "99");
        report.setString(14, "10");
        report.setString(151, "90");
        report.setString(6, "99");
        return report;
    }

    private Message fix44Report(final String execId, final char execType, final char ordStatus)
    {
        final Message report = venueA.newMessage("8");
        report.setString(37, "V44-1");
        report.setString(17, execId);
        report.setString(11, "4444");
        report.setChar(150, execType);
        report.setChar(39, ordStatus);
        report.setChar(54, '1');
        report.setString(55, "AAPL");
        report.setString(14, "0");
        report.setString(151, "250");
        report.setString(6, "0");
        return report;
    }

    private static void fillNewOrder(final VenueNewOrderEncoder order, final int venueId, final long venueClOrdId)
    {
        order
            .venueId(venueId)
            .venueClOrdId(venueClOrdId)
            .side(Side.BUY)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .orderQty(FixedPoint.ofUnits(10))
            .price(FixedPoint.ofUnits(99))
            .stopPx(FixedPoint.NULL_VALUE)
            .account("ACC-1")
            .symbol("IBM")
            .expireTimeNs(0);
    }

    private static void fillReplace(
        final VenueReplaceEncoder replace, final int venueId, final long venueClOrdId, final long origVenueClOrdId)
    {
        replace
            .venueId(venueId)
            .venueClOrdId(venueClOrdId)
            .origVenueClOrdId(origVenueClOrdId)
            .side(Side.BUY)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .orderQty(FixedPoint.ofUnits(20))
            .price(FixedPoint.ofUnits(98))
            .venueOrderId("")
            .symbol("IBM")
            .stopPx(FixedPoint.NULL_VALUE)
            .expireTimeNs(0)
            .account("");
    }

    private static void fillCancel(
        final VenueCancelEncoder cancel, final int venueId, final long venueClOrdId, final long origVenueClOrdId)
    {
        cancel
            .venueId(venueId)
            .venueClOrdId(venueClOrdId)
            .origVenueClOrdId(origVenueClOrdId)
            .side(Side.BUY)
            .orderQty(FixedPoint.ofUnits(10))
            .venueOrderId("")
            .symbol("IBM");
    }
}
