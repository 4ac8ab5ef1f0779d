package io.bastion.systemtest;

import io.bastion.app.Bastion;
import io.bastion.app.BastionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on the order path, over a real FIX session: each gets the right reject with a precise reason and text,
 * and the session stays up and keeps trading.
 */
class BadInputSystemTest
{
    private static TestConfig config;
    private static Bastion bastion;
    private static FixTestClient client;
    private static int sequence;

    @BeforeAll
    static void start() throws Exception
    {
        config = TestConfig.create().withRisk("risk.trader.JDOE.maxOrderQty=10");
        bastion = Bastion.launch(BastionConfig.load(config.configDir));
        client = new FixTestClient("CLIENT1", config.clientPort, null);
        assertTrue(client.awaitLogon());
        VenueReady.await(client, "AAPL");
    }

    @AfterAll
    static void stop()
    {
        if (client != null)
        {
            client.close();
        }
        if (bastion != null)
        {
            bastion.close();
        }
        config.delete();
    }

    @Test
    void shouldRejectUnknownSymbolWithReasonOne() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "ACME", "ZZZZ", '1', '2', "10", "1"), 1, "Unknown symbol ZZZZ");
    }

    @Test
    void shouldRejectUnknownVenueInExDestination() throws Exception
    {
        final Message order = Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "10", "1");
        order.setString(100, "NOWHERE");
        assertRejected(order, 99, "Unknown venue: ExDestination (100) NOWHERE");
    }

    @Test
    void shouldRejectZeroAndNegativeQuantityWithReasonThirteen() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "0", "1"), 13,
            "OrderQty (38) must be positive: 0");
        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "-5", "1"), 13,
            "OrderQty (38) must be positive: -5");
    }

    @Test
    void shouldRejectLimitOrderWithoutPrice() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "10", null), 99,
            "Price (44) is required for a limit order");
    }

    @Test
    void shouldRejectUnsupportedOrderTypeWithReasonEleven() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '1', 'P', "10", "1"), 11,
            "Unsupported OrdType (40) P: market (1), limit (2), stop (3) and stop limit (4) are accepted");
    }

    @Test
    void shouldRejectAStopOrderTheVenueDoesNotTakeWithReasonEleven() throws Exception
    {
        final quickfix.Message stop = Orders.newOrder(id(), "ACME", "AAPL", '1', '3', "10", null);
        stop.setString(99, "195");
        assertRejected(stop, 11, "Unsupported OrdType (40) 3: venue SIM does not accept it");
    }

    @Test
    void shouldRejectOrderOverTheRiskLimitNamingTheControl() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "100001", "1"), 3,
            "MAX_ORDER_QTY: 100,001 > 100,000 (account ACME)");
    }

    @Test
    void shouldRejectAnAccountTheRiskLimitsDoNotKnowWithReasonFifteen() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "GHOST", "AAPL", '1', '2', "10", "190"), 15,
            "UNKNOWN_ACCOUNT: not configured (account GHOST)");
    }

    @Test
    void shouldRejectALimitPriceOutsideTheCollarNamingTheBand() throws Exception
    {
        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "10", "209.01"), 99,
            "PRICE_COLLAR: 209.01 outside 171.00 to 209.00 (reference 190.00) (account ACME)");
    }

    @Test
    void shouldCapATradersOrdersByTheirSenderSubId() throws Exception
    {
        final Message order = Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "11", "180");
        order.getHeader().setString(50, "JDOE");
        assertRejected(order, 3, "MAX_ORDER_QTY: 11 > 10 (account ACME)");
    }

    @Test
    void shouldRefuseAnOrderThatWouldTradeWithTheAccountsOwnRestingOrder() throws Exception
    {
        final String restingId = id();
        client.send(Orders.newOrder(restingId, "ACME", "AAPL", '1', '2', "5", "172"));
        final Message ack = client.awaitApp(MsgType.EXECUTION_REPORT);
        assertEquals(restingId, ack.getString(11));
        assertEquals('0', ack.getChar(150), "ExecType (150) New: rests far below the market");

        assertRejected(Orders.newOrder(id(), "ACME", "AAPL", '2', '2', "5", "172"), 99,
            "SELF_MATCH: would trade with order " + ack.getString(37) + " of account ACME (account ACME)");

        client.send(Orders.cancel(id(), restingId, "AAPL", '1'));
        assertEquals('6', client.awaitApp(MsgType.EXECUTION_REPORT).getChar(150), "ExecType (150) Pending cancel");
        assertEquals('4', client.awaitApp(MsgType.EXECUTION_REPORT).getChar(150), "ExecType (150) Canceled");
    }

    @Test
    void shouldGiveAnOrderWithoutAccountTheSessionsDefaultAccount() throws Exception
    {
        final String clOrdId = id();
        client.send(Orders.newOrder(clOrdId, null, "AAPL", '1', '2', "1", "180"));
        final Message ack = client.awaitApp(MsgType.EXECUTION_REPORT);
        assertEquals(clOrdId, ack.getString(11));
        assertEquals('0', ack.getChar(150), "ExecType (150) New");
        assertEquals("ACME", ack.getString(1), "Account (1) is CLIENT1's DefaultAccount");
    }

    @Test
    void shouldAnswerMissingSideWithSessionRejectAndKeepTrading() throws Exception
    {
        final Message order = Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "10", "1");
        order.removeField(54);
        assertSessionReject(order, 54, 1);
    }

    @Test
    void shouldAnswerInvalidSideWithSessionRejectAndKeepTrading() throws Exception
    {
        final Message order = Orders.newOrder(id(), "ACME", "AAPL", 'X', '2', "10", "1");
        assertSessionReject(order, 54, 5);
    }

    @Test
    void shouldAnswerNonNumericQuantityWithSessionRejectAndKeepTrading() throws Exception
    {
        final Message order = Orders.newOrder(id(), "ACME", "AAPL", '1', '2', "ten", "1");
        assertSessionReject(order, 38, 6);
    }

    @Test
    void shouldRejectCancelOfUnknownOrderWithOrderIdNone() throws Exception
    {
        client.send(Orders.cancel(id(), "NO-SUCH-ORDER", "AAPL", '1'));
        final Message reject = client.awaitApp(MsgType.ORDER_CANCEL_REJECT);
        assertEquals("NONE", reject.getString(37));
        assertEquals(1, reject.getInt(102), "CxlRejReason (102) unknown order");
        assertEquals('1', reject.getChar(434));
        assertEquals("Unknown order: OrigClOrdID (41) NO-SUCH-ORDER", reject.getString(58));
        assertStillTrading();
    }

    private void assertRejected(final Message order, final int reason, final String text) throws Exception
    {
        client.send(order);
        final Message report = client.awaitApp(MsgType.EXECUTION_REPORT);
        assertEquals(order.getString(11), report.getString(11));
        assertEquals('8', report.getChar(150), "ExecType (150) Rejected");
        assertEquals('8', report.getChar(39), "OrdStatus (39) Rejected");
        assertEquals(reason, report.getInt(103), "OrdRejReason (103)");
        assertEquals(text, report.getString(58), "Text (58)");
        Orders.assertDecimal("0", report, 151, "LeavesQty");
        Orders.assertDecimal("0", report, 14, "CumQty");
        assertStillTrading();
    }

    private void assertSessionReject(final Message order, final int refTag, final int reason) throws Exception
    {
        client.send(order);
        final Message reject = client.awaitAdmin(MsgType.REJECT);
        assertEquals(refTag, reject.getInt(371), "RefTagID (371)");
        assertEquals(reason, reject.getInt(373), "SessionRejectReason (373)");
        assertTrue(client.isLoggedOn());
        assertStillTrading();
    }

    private void assertStillTrading() throws Exception
    {
        final String clOrdId = id();
        client.send(Orders.newOrder(clOrdId, "ACME", "AAPL", '1', '2', "1", "180"));
        final Message ack = client.awaitApp(MsgType.EXECUTION_REPORT);
        assertEquals(clOrdId, ack.getString(11));
        assertEquals('0', ack.getChar(150), "a valid order is still accepted");
    }

    private static synchronized String id()
    {
        return "BAD-" + (++sequence);
    }
}
