package io.bastion.gateway;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ClientCancelDecoder;
import io.bastion.sbe.ClientCancelRejectEncoder;
import io.bastion.sbe.ClientExecutionReportEncoder;
import io.bastion.sbe.ClientNewOrderDecoder;
import io.bastion.sbe.ClientReplaceDecoder;
import io.bastion.sbe.ClientStatusRequestDecoder;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
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
 * One client session per supported FIX version (4.2, 4.4, 5.0SP2 over FIXT.1.1), each a real QuickFIX/J initiator
 * that validates what it receives against its own version's data dictionary, so a field or value its version does
 * not define would be refused instead of delivered. The test plays the OMS, which speaks FIX 4.4 semantics in SBE,
 * and checks what each version's client receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixGatewayClientVersionsTest
{
    private static final long EXPIRE_NS = FixTimestamps.parseNs("20240316-20:00:00");
    private static final long TRANSACT_NS = FixTimestamps.parseNs("20240315-13:45:07.123");

    private final List<Throwable> agentErrors = new CopyOnWriteArrayList<>();
    private AeronFixture aeron;
    private OmsStub oms;
    private FixGateway gateway;
    private AgentRunner agentRunner;
    private TestFixSession client42;
    private TestFixSession client44;
    private TestFixSession client50;
    private int clientPort;

    @BeforeAll
    void startGateway()
    {
        aeron = new AeronFixture();
        oms = new OmsStub(aeron.aeron());
        clientPort = TestSettings.freePort();

        final SessionSettings clients = TestSettings.acceptor(clientPort);
        TestSettings.versionSession(clients, TestSettings.FIX42, BASTION, "CLIENT42");
        TestSettings.versionSession(clients, TestSettings.FIX44, BASTION, "CLIENT44");
        TestSettings.fixtSession(clients, BASTION, "CLIENT50");

        gateway = new FixGateway(new FixGatewayContext()
            .clientSettings(clients)
            .aeron(aeron.aeron())
            .messageStoreFactory(new MemoryStoreFactory())
            .logFactory(new RecordingLogFactory()));
        agentRunner = oms.startGateway(gateway, agentErrors);

        client42 = TestFixSession.versionClient(clientPort, TestSettings.FIX42, "CLIENT42").start().awaitLogon();
        client44 = TestFixSession.versionClient(clientPort, TestSettings.FIX44, "CLIENT44").start().awaitLogon();
        client50 = TestFixSession.versionClient(clientPort, TestSettings.FIXT11, "CLIENT50").start().awaitLogon();
    }

    @AfterAll
    void closeGateway()
    {
        CloseHelper.closeAll(client42, client44, client50, agentRunner, gateway, oms, aeron);
    }

    @AfterEach
    void agentHasNotFailed()
    {
        assertEquals(List.of(), agentErrors);
    }

    @Test
    void shouldServeThreeVersionsOnOnePort()
    {
        assertEquals(1, gateway.sessionRegistry().sessionId("FIX.4.2:BASTION->CLIENT42"));
        assertEquals(2, gateway.sessionRegistry().sessionId("FIX.4.4:BASTION->CLIENT44"));
        assertEquals(3, gateway.sessionRegistry().sessionId("FIXT.1.1:BASTION->CLIENT50"));
        assertEquals(3, gateway.loggedOnSessionCount());
    }

    @Test
    void shouldRefuseALogonWithAnUnsupportedBeginStringWithALogoutListingTheSupportedOnes()
    {
        final long refusedBefore = gateway.counters().logonsRejected();
        try (TestFixSession client = TestFixSession.versionClient(clientPort, "FIX.4.3", "CLIENT44").start())
        {
            final Message logout = client.awaitAdmin("5", m -> true);
            assertEquals("BeginString FIX.4.3 is not supported (supported: FIX.4.2, FIX.4.4, FIXT.1.1 with " +
                "DefaultApplVerID=FIX.5.0SP2); CLIENT44 is configured for FIX.4.4", get(logout, 58));
            assertEquals("FIX.4.3", get(logout.getHeader(), 8));
            assertEquals(0, client.logons.get());
        }
        assertTrue(gateway.counters().logonsRejected() > refusedBefore);
        assertTrue(client44.isLoggedOn(), "the client's configured session is untouched");
    }

    @Test
    void shouldRefuseALogonWithASupportedVersionTheClientIsNotConfiguredFor()
    {
        try (TestFixSession client = TestFixSession.versionClient(clientPort, TestSettings.FIX42, "CLIENT44").start())
        {
            final Message logout = client.awaitAdmin("5", m -> true);
            assertEquals("BeginString FIX.4.2 is not configured for CLIENT44; it is configured for FIX.4.4",
                get(logout, 58));
            assertEquals(0, client.logons.get());
        }
        assertEquals(3, gateway.loggedOnSessionCount());
    }

    @Test
    void shouldSendFix42ReportsWithExecTransTypeAndStatusDrivenExecType()
    {
        final Reports r = new Reports(client42, "FIX.4.2:BASTION->CLIENT42", 42_000);

        final Message ack = r.newOrderAck();
        assertEquals("0", get(ack, 20));
        assertEquals("0", get(ack, 150));
        assertEquals("0", get(ack, 39));
        assertEquals("99.5", get(ack, 99));
        assertEquals("20240316-20:00:00.000", get(ack, 126));
        assertNull(get(ack, 19));
        assertNull(get(ack, 378));
        assertEquals("FIX.4.2", get(ack.getHeader(), 8));

        final Message partial = r.partialFill();
        assertEquals("0", get(partial, 20));
        assertEquals("1", get(partial, 150), "Partial fill: OrdStatus is partially filled");
        assertEquals("1", get(partial, 39));
        assertEquals("40", get(partial, 32));

        final Message fillPendingReplace = r.fillWhilePendingReplace();
        assertEquals("0", get(fillPendingReplace, 20));
        assertEquals("1", get(fillPendingReplace, 150), "LeavesQty 30 > 0 while pending replace: Partial fill");
        assertEquals("E", get(fillPendingReplace, 39));

        final Message fillPendingCancel = r.fillWhilePendingCancel();
        assertEquals("0", get(fillPendingCancel, 20));
        assertEquals("2", get(fillPendingCancel, 150), "LeavesQty 0 while pending cancel: Fill");
        assertEquals("6", get(fillPendingCancel, 39));

        final Message bust = r.bust();
        assertEquals("1", get(bust, 20), "ExecTransType Cancel");
        assertEquals(r.execId(4), get(bust, 19));
        assertEquals("1", get(bust, 150), "ExecType of the status after the bust");
        assertEquals("1", get(bust, 39));

        final Message correction = r.correction();
        assertEquals("2", get(correction, 20), "ExecTransType Correct");
        assertEquals(r.execId(2), get(correction, 19));
        assertEquals("1", get(correction, 150));
        assertEquals("1", get(correction, 39));

        final Message status = r.status();
        assertEquals("3", get(status, 20), "ExecTransType Status");
        assertEquals("1", get(status, 150), "ExecType is the current OrdStatus");
        assertEquals("1", get(status, 39));
        assertNull(get(status, 19));

        final Message restated = r.restated();
        assertEquals("0", get(restated, 20));
        assertEquals("D", get(restated, 150));
        assertEquals("4", get(restated, 378), "Cancel on trading halt (6) is not FIX 4.2: Broker option (4)");

        final Message rejected = r.rejected();
        assertEquals("0", get(rejected, 20));
        assertEquals("8", get(rejected, 150));
        assertEquals("0", get(rejected, 103), "Invalid price increment (18) is not FIX 4.2: Broker option (0)");

        final Message cancelReject = r.cancelReject();
        assertEquals("2", get(cancelReject, 102), "Duplicate ClOrdID (6) is not FIX 4.2: Broker option (2)");
        assertEquals("1", get(cancelReject, 39));
    }

    @Test
    void shouldSendFix44ReportsAsTheOmsGivesThem()
    {
        final Reports r = new Reports(client44, "FIX.4.4:BASTION->CLIENT44", 44_000);

        final Message ack = r.newOrderAck();
        assertEquals("0", get(ack, 150));
        assertNull(get(ack, 20), "no ExecTransType after FIX 4.2");
        assertEquals("99.5", get(ack, 99));
        assertEquals("20240316-20:00:00.000", get(ack, 126));
        assertEquals("FIX.4.4", get(ack.getHeader(), 8));

        assertEquals("F", get(r.partialFill(), 150));
        final Message fillPendingReplace = r.fillWhilePendingReplace();
        assertEquals("F", get(fillPendingReplace, 150));
        assertEquals("E", get(fillPendingReplace, 39));
        assertEquals("F", get(r.fillWhilePendingCancel(), 150));

        final Message bust = r.bust();
        assertEquals("H", get(bust, 150));
        assertEquals(r.execId(4), get(bust, 19));
        assertNull(get(bust, 20));

        final Message correction = r.correction();
        assertEquals("G", get(correction, 150));
        assertEquals(r.execId(2), get(correction, 19));

        assertEquals("I", get(r.status(), 150));

        final Message restated = r.restated();
        assertEquals("D", get(restated, 150));
        assertEquals("6", get(restated, 378));

        assertEquals("99", get(r.rejected(), 103), "Invalid price increment (18) came with FIX 5.0: Other (99)");
        assertEquals("6", get(r.cancelReject(), 102));
    }

    @Test
    void shouldSendFix50Sp2ReportsWithApplVerIdOverFixt()
    {
        final Reports r = new Reports(client50, "FIXT.1.1:BASTION->CLIENT50", 50_000);

        final Message ack = r.newOrderAck();
        assertEquals("FIXT.1.1", get(ack.getHeader(), 8));
        assertEquals("9", get(ack.getHeader(), 1128), "ApplVerID FIX.5.0SP2");
        assertEquals("0", get(ack, 150));
        assertNull(get(ack, 20));
        assertEquals("99.5", get(ack, 99));
        assertEquals("20240316-20:00:00.000", get(ack, 126));

        assertEquals("F", get(r.partialFill(), 150));
        assertEquals("F", get(r.fillWhilePendingReplace(), 150));
        assertEquals("F", get(r.fillWhilePendingCancel(), 150));

        final Message bust = r.bust();
        assertEquals("H", get(bust, 150));
        assertEquals(r.execId(4), get(bust, 19));

        final Message correction = r.correction();
        assertEquals("G", get(correction, 150));
        assertEquals(r.execId(2), get(correction, 19));

        assertEquals("I", get(r.status(), 150));
        assertEquals("6", get(r.restated(), 378));
        assertEquals("18", get(r.rejected(), 103));

        final Message cancelReject = r.cancelReject();
        assertEquals("9", get(cancelReject.getHeader(), 1128));
        assertEquals("6", get(cancelReject, 102));
    }

    @Test
    void shouldReadFix42OrdersWithHandlInstAndExpireDate()
    {
        final int sessionId = gateway.sessionRegistry().sessionId("FIX.4.2:BASTION->CLIENT42");
        final Message order = order(client42, "D", "N42-1");
        order.setChar(21, '1');
        order.setString(432, "20240316");
        client42.send(order);

        final ClientNewOrderDecoder decoded = oms.awaitClientNewOrder(d -> "N42-1".equals(d.clOrdId()));
        assertEquals(sessionId, decoded.sessionId());
        assertEquals(OrdType.STOP_LIMIT, decoded.ordType());
        assertEquals(TimeInForce.GTD, decoded.timeInForce());
        assertEquals(FixedPoint.ofUnits(100), decoded.orderQty());
        assertEquals(10_000_000_000L, decoded.price());
        assertEquals(9_950_000_000L, decoded.stopPx());
        assertEquals("ACC-1", decoded.account());
        assertEquals(FixTimestamps.parseNs("20240316-23:59:59.999999999"), decoded.expireTimeNs(),
            "ExpireDate without ExpireTime: the end of that UTC day");

        final Message replace = replace(client42, "R42-1", "N42-1");
        replace.setChar(21, '1');
        client42.send(replace);
        assertReplace(sessionId, "R42-1", "N42-1");
    }

    @Test
    void shouldReadFix44Orders()
    {
        final int sessionId = gateway.sessionRegistry().sessionId("FIX.4.4:BASTION->CLIENT44");
        final Message order = order(client44, "D", "N44-1");
        order.setString(126, "20240316-20:00:00");
        order.setString(432, "20240317");
        client44.send(order);

        final ClientNewOrderDecoder decoded = oms.awaitClientNewOrder(d -> "N44-1".equals(d.clOrdId()));
        assertEquals(sessionId, decoded.sessionId());
        assertEquals(EXPIRE_NS, decoded.expireTimeNs(), "ExpireTime wins over ExpireDate");

        client44.send(replace(client44, "R44-1", "N44-1"));
        assertReplace(sessionId, "R44-1", "N44-1");
    }

    @Test
    void shouldRejectAnExpireDateThatIsNotADate()
    {
        final Message order = order(client44, "D", "N44-BAD-DATE");
        order.setString(432, "2024-03-16");
        client44.send(order);

        final Message reject = client44.awaitAdmin("3", m -> "432".equals(get(m, 371)));
        assertEquals("6", get(reject, 373));
        assertEquals("ExpireDate (432) '2024-03-16' is not a date YYYYMMDD", get(reject, 58));
        assertTrue(client44.isLoggedOn());
    }

    @Test
    void shouldReadFix50Sp2OrdersCancelsReplacesAndStatusRequestsOverFixt()
    {
        final int sessionId = gateway.sessionRegistry().sessionId("FIXT.1.1:BASTION->CLIENT50");
        final Message order = order(client50, "D", "N50-1");
        order.setString(126, "20240316-20:00:00");
        client50.send(order);

        final ClientNewOrderDecoder decoded = oms.awaitClientNewOrder(d -> "N50-1".equals(d.clOrdId()));
        assertEquals(sessionId, decoded.sessionId());
        assertEquals(Side.BUY, decoded.side());
        assertEquals(OrdType.STOP_LIMIT, decoded.ordType());
        assertEquals(FixedPoint.ofUnits(100), decoded.orderQty());
        assertEquals(9_950_000_000L, decoded.stopPx());
        assertEquals(EXPIRE_NS, decoded.expireTimeNs());
        assertEquals("AAPL", decoded.symbol());

        client50.send(replace(client50, "R50-1", "N50-1"));
        assertReplace(sessionId, "R50-1", "N50-1");

        final Message cancel = client50.newMessage("F");
        cancel.setString(11, "C50-1");
        cancel.setString(41, "R50-1");
        cancel.setChar(54, '1');
        cancel.setString(38, "150");
        cancel.setString(55, "AAPL");
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        client50.send(cancel);
        final ClientCancelDecoder decodedCancel = oms.awaitClientCancel(d -> "C50-1".equals(d.clOrdId()));
        assertEquals(sessionId, decodedCancel.sessionId());
        assertEquals("R50-1", decodedCancel.origClOrdId());
        assertEquals(FixedPoint.ofUnits(150), decodedCancel.orderQty());

        final Message status = client50.newMessage("H");
        status.setString(11, "R50-1");
        status.setChar(54, '1');
        status.setString(55, "AAPL");
        client50.send(status);
        final ClientStatusRequestDecoder decodedStatus =
            oms.awaitClientStatusRequest(d -> "R50-1".equals(d.clOrdId()) && d.sessionId() == sessionId);
        assertEquals("AAPL", decodedStatus.symbol());
    }

    private void assertReplace(final int sessionId, final String clOrdId, final String origClOrdId)
    {
        final ClientReplaceDecoder decoded = oms.awaitClientReplace(d -> clOrdId.equals(d.clOrdId()));
        assertEquals(sessionId, decoded.sessionId());
        assertEquals(Side.BUY, decoded.side());
        assertEquals(OrdType.STOP_LIMIT, decoded.ordType());
        assertEquals(TimeInForce.GTD, decoded.timeInForce());
        assertEquals(FixedPoint.ofUnits(150), decoded.orderQty());
        assertEquals(10_100_000_000L, decoded.price());
        assertEquals(origClOrdId, decoded.origClOrdId());
        assertEquals("AAPL", decoded.symbol());
        assertEquals(9_900_000_000L, decoded.stopPx());
        assertEquals(FixTimestamps.parseNs("20240317-15:30:00"), decoded.expireTimeNs());
        assertEquals(1, decoded.possResend());
        assertEquals("ACC-2", decoded.account());
    }

    private static Message order(final TestFixSession client, final String msgType, final String clOrdId)
    {
        final Message order = client.newMessage(msgType);
        order.setString(11, clOrdId);
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setChar(40, '4');
        order.setString(38, "100");
        order.setString(44, "100");
        order.setString(99, "99.5");
        order.setChar(59, '6');
        order.setString(1, "ACC-1");
        order.setString(55, "AAPL");
        return order;
    }

    private static Message replace(final TestFixSession client, final String clOrdId, final String origClOrdId)
    {
        final Message replace = client.newMessage("G");
        replace.getHeader().setString(97, "Y");
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setChar(54, '1');
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        replace.setChar(40, '4');
        replace.setString(38, "150");
        replace.setString(44, "101");
        replace.setString(99, "99");
        replace.setChar(59, '6');
        replace.setString(126, "20240317-15:30:00");
        replace.setString(1, "ACC-2");
        replace.setString(55, "AAPL");
        return replace;
    }

    /**
     * The OMS's side of one order's life, the same SBE for every version: each method publishes one report and
     * returns the FIX message the client received for it.
     */
    private final class Reports
    {
        private final TestFixSession client;
        private final int sessionId;
        private final long execIdBase;

        Reports(final TestFixSession client, final String sessionName, final long execIdBase)
        {
            this.client = client;
            this.sessionId = gateway.sessionRegistry().sessionId(sessionName);
            this.execIdBase = execIdBase;
        }

        String execId(final int n)
        {
            return Long.toString(execIdBase + n);
        }

        Message newOrderAck()
        {
            return send(1, ExecType.NEW, OrdStatus.NEW, 0, 0, 100, 0, ExecRestatementReason.NULL_VAL);
        }

        Message partialFill()
        {
            return send(2, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 40, 40, 60, 0, ExecRestatementReason.NULL_VAL);
        }

        Message fillWhilePendingReplace()
        {
            return send(3, ExecType.TRADE, OrdStatus.PENDING_REPLACE, 30, 70, 30, 0, ExecRestatementReason.NULL_VAL);
        }

        Message fillWhilePendingCancel()
        {
            return send(4, ExecType.TRADE, OrdStatus.PENDING_CANCEL, 30, 100, 0, 0, ExecRestatementReason.NULL_VAL);
        }

        Message bust()
        {
            return send(5, ExecType.TRADE_CANCEL, OrdStatus.PARTIALLY_FILLED, 0, 70, 30, execIdBase + 4,
                ExecRestatementReason.NULL_VAL);
        }

        Message correction()
        {
            return send(6, ExecType.TRADE_CORRECT, OrdStatus.PARTIALLY_FILLED, 40, 70, 30, execIdBase + 2,
                ExecRestatementReason.NULL_VAL);
        }

        Message status()
        {
            return send(7, ExecType.ORDER_STATUS, OrdStatus.PARTIALLY_FILLED, 0, 70, 30, 0,
                ExecRestatementReason.NULL_VAL);
        }

        Message restated()
        {
            return send(8, ExecType.RESTATED, OrdStatus.PARTIALLY_FILLED, 0, 70, 30, 0,
                ExecRestatementReason.CANCEL_ON_TRADING_HALT);
        }

        Message rejected()
        {
            final ClientExecutionReportEncoder report = oms.clientExecutionReport();
            fill(report, 9, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, 0, 0, ExecRestatementReason.NULL_VAL,
                OrdRejReason.INVALID_PRICE_INCREMENT);
            oms.send(report.encodedLength());
            return client.awaitApp("8", m -> execId(9).equals(get(m, 17)));
        }

        Message cancelReject()
        {
            final String clOrdId = "CXR-" + execIdBase;
            final ClientCancelRejectEncoder reject = oms.clientCancelReject();
            reject
                .sessionId(sessionId)
                .orderId(execIdBase)
                .ordStatus(OrdStatus.PARTIALLY_FILLED)
                .responseTo(CxlRejResponseTo.CANCEL)
                .cxlRejReason(CxlRejReason.DUPLICATE_CLORDID)
                .clOrdId(clOrdId)
                .origClOrdId("ORD-" + execIdBase)
                .text("duplicate");
            oms.send(reject.encodedLength());
            return client.awaitApp("9", m -> clOrdId.equals(get(m, 11)));
        }

        private Message send(
            final int n,
            final ExecType execType,
            final OrdStatus ordStatus,
            final long lastQty,
            final long cumQty,
            final long leavesQty,
            final long execRefId,
            final ExecRestatementReason restatementReason)
        {
            final ClientExecutionReportEncoder report = oms.clientExecutionReport();
            fill(report, n, execType, ordStatus, lastQty, cumQty, leavesQty, execRefId, restatementReason,
                OrdRejReason.NULL_VAL);
            oms.send(report.encodedLength());
            return client.awaitApp("8", m -> execId(n).equals(get(m, 17)));
        }

        private void fill(
            final ClientExecutionReportEncoder report,
            final int n,
            final ExecType execType,
            final OrdStatus ordStatus,
            final long lastQty,
            final long cumQty,
            final long leavesQty,
            final long execRefId,
            final ExecRestatementReason restatementReason,
            final OrdRejReason ordRejReason)
        {
            report
                .sessionId(sessionId)
                .orderId(execIdBase)
                .execId(execIdBase + n)
                .transactTimeNs(TRANSACT_NS)
                .execType(execType)
                .ordStatus(ordStatus)
                .side(Side.BUY)
                .ordType(OrdType.STOP_LIMIT)
                .timeInForce(TimeInForce.GTD)
                .ordRejReason(ordRejReason)
                .orderQty(FixedPoint.ofUnits(100))
                .price(FixedPoint.ofUnits(100))
                .lastQty(FixedPoint.ofUnits(lastQty))
                .lastPx(0 == lastQty ? FixedPoint.NULL_VALUE : FixedPoint.ofUnits(100))
                .cumQty(FixedPoint.ofUnits(cumQty))
                .leavesQty(FixedPoint.ofUnits(leavesQty))
                .avgPx(0 == cumQty ? 0 : FixedPoint.ofUnits(100))
                .clOrdId("ORD-" + execIdBase)
                .origClOrdId("")
                .account("ACC-1")
                .symbol("AAPL")
                .lastMkt("")
                .execRefId(execRefId)
                .execRestatementReason(restatementReason)
                .stopPx(9_950_000_000L)
                .expireTimeNs(EXPIRE_NS)
                .text("");
        }
    }
}
