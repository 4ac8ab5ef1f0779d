package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import io.bastion.venuesim.engine.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue over real FIX 4.4 sessions on loopback: two participants, ALICE and BOB, an AAPL book seeded with five
 * levels of 1000 either side of 190.00, and an empty XYZ book.
 */
class VenueSimulatorTest
{
    static final String VENUE = "VENUE";
    private static final String EXECUTION_REPORT = "8";
    private static final String ORDER_CANCEL_REJECT = "9";

    private VenueSimulator venue;
    private FixClient alice;
    private FixClient bob;

    @BeforeEach
    void setUp() throws Exception
    {
        final int port = freePort();
        venue = new VenueSimulator(new VenueSimContext()
            .sessionSettings(acceptorSettings(port, "FIX.4.4", "ALICE", "BOB"))
            .messageStoreFactory(new MemoryStoreFactory())
            .seed("AAPL", FixedPoint.parse("190"), FixedPoint.parse("0.01"), 5, FixedPoint.parse("1000"))
            .symbol("XYZ"));
        venue.start();
        alice = new FixClient("FIX.4.4", "ALICE", VENUE, port);
        bob = new FixClient("FIX.4.4", "BOB", VENUE, port);
        alice.awaitLogon();
        bob.awaitLogon();
    }

    @AfterEach
    void tearDown()
    {
        if (alice != null)
        {
            alice.close();
        }
        if (bob != null)
        {
            bob.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void shouldAcknowledgeThenFillAMarketableOrderAgainstSeededLiquidity() throws Exception
    {
        alice.send(newOrder("A1", "AAPL", '1', "1500", '2', "190.02", '0'));

        final Message ack = alice.next(EXECUTION_REPORT);
        assertReport(ack, "A1", '0', '0', "1500", "0", "0", "0", "1500", "0");
        assertField(ack, 44, "190.02");
        final String orderId = ack.getString(37);
        assertTrue(orderId.startsWith("S"), orderId);

        final Message firstFill = alice.next(EXECUTION_REPORT);
        assertReport(firstFill, "A1", 'F', '1', "1500", "1000", "190.01", "1000", "500", "190.01");
        assertField(firstFill, 37, orderId);

        final Message secondFill = alice.next(EXECUTION_REPORT);
        // (1000 x 190.01 + 500 x 190.02) / 1500 = 190.013333...
        assertReport(secondFill, "A1", 'F', '2', "1500", "500", "190.02", "1500", "0", "190.01333333");
        assertField(secondFill, 37, orderId);

        final Set<String> execIds = new HashSet<>(List.of(ack.getString(17), firstFill.getString(17),
            secondFill.getString(17)));
        assertEquals(3, execIds.size(), "ExecIDs are unique");

        assertEquals(FixedPoint.parse("190.01"), venue.bestAsk("AAPL"), "the filled house level came back");
        assertEquals(FixedPoint.parse("1000"), venue.depthQuantity("AAPL", Side.SELL, 0));
        assertEquals(FixedPoint.parse("500"), venue.depthQuantity("AAPL", Side.SELL, 1));
        assertEquals(FixedPoint.parse("189.99"), venue.bestBid("AAPL"));
        assertEquals(1, venue.orderCount());
        assertEquals(2, venue.tradeCount());
    }

    @Test
    void shouldReportToBothSessionsWhenTheirOrdersMatch() throws Exception
    {
        bob.send(newOrder("B1", "XYZ", '2', "100", '2', "50", '1'));
        final Message bobAck = bob.next(EXECUTION_REPORT);
        assertReport(bobAck, "B1", '0', '0', "100", "0", "0", "0", "100", "0");
        assertEquals(FixedPoint.parse("50"), venue.bestAsk("XYZ"));

        alice.send(newOrder("A1", "XYZ", '1', "60", '1', null, '3'));

        final Message aliceAck = alice.next(EXECUTION_REPORT);
        assertReport(aliceAck, "A1", '0', '0', "60", "0", "0", "0", "60", "0");
        assertFalse(aliceAck.isSetField(44), "market orders carry no price");
        assertReport(alice.next(EXECUTION_REPORT), "A1", 'F', '2', "60", "60", "50", "60", "0", "50");

        final Message bobFill = bob.next(EXECUTION_REPORT);
        assertReport(bobFill, "B1", 'F', '1', "100", "60", "50", "60", "40", "50");
        assertField(bobFill, 37, bobAck.getString(37));
        assertField(bobFill, 54, "2");
        assertField(bobFill, 59, "1");
        assertNotEquals(aliceAck.getString(37), bobAck.getString(37));
        assertEquals(FixedPoint.parse("40"), venue.depthQuantity("XYZ", Side.SELL, 0));
    }

    @Test
    void shouldCancelARestingOrderAndAnswerALaterCancelTooLate() throws Exception
    {
        alice.send(newOrder("A1", "XYZ", '1', "100", '2', "10", '0'));
        final Message ack = alice.next(EXECUTION_REPORT);

        alice.send(cancel("A2", "A1", "XYZ", '1'));

        final Message canceled = alice.next(EXECUTION_REPORT);
        assertReport(canceled, "A2", '4', '4', "100", "0", "0", "0", "0", "0");
        assertField(canceled, 41, "A1");
        assertField(canceled, 37, ack.getString(37));
        assertEquals(FixedPoint.NULL_VALUE, venue.bestBid("XYZ"));
        assertEquals(1, venue.cancelCount());

        alice.send(cancel("A3", "A1", "XYZ", '1'));

        final Message tooLate = alice.next(ORDER_CANCEL_REJECT);
        assertField(tooLate, 11, "A3");
        assertField(tooLate, 41, "A1");
        assertField(tooLate, 37, ack.getString(37));
        assertField(tooLate, 102, "0");
        assertField(tooLate, 434, "1");
        assertField(tooLate, 39, "4");
        assertTrue(tooLate.getString(58).startsWith("Too late to cancel"), tooLate.getString(58));
    }

    @Test
    void shouldRejectACancelOfAnUnknownOrder() throws Exception
    {
        alice.send(cancel("A9", "NEVER-SENT", "AAPL", '1'));

        final Message reject = alice.next(ORDER_CANCEL_REJECT);
        assertField(reject, 11, "A9");
        assertField(reject, 41, "NEVER-SENT");
        assertField(reject, 37, "NONE");
        assertField(reject, 102, "1");
        assertField(reject, 434, "1");
        assertField(reject, 39, "8");
        assertTrue(reject.getString(58).contains("NEVER-SENT"), reject.getString(58));
    }

    @Test
    void shouldNotLetOneSessionCancelAnotherSessionsOrder() throws Exception
    {
        bob.send(newOrder("X1", "XYZ", '2', "100", '2', "50", '0'));
        bob.next(EXECUTION_REPORT);

        alice.send(cancel("A1", "X1", "XYZ", '2'));

        assertField(alice.next(ORDER_CANCEL_REJECT), 102, "1");
        assertEquals(FixedPoint.parse("50"), venue.bestAsk("XYZ"));
    }

    @Test
    void shouldRejectInvalidOrdersWithAReasonAndTextAndKeepTrading() throws Exception
    {
        alice.send(newOrder("BAD1", "AAPL", '1', "0", '2', "190.01", '0'));
        final Message zeroQuantity = alice.next(EXECUTION_REPORT);
        assertRejected(zeroQuantity, "BAD1", "13", "OrderQty (38) must be positive: 0");
        assertField(zeroQuantity, 55, "AAPL");
        assertField(zeroQuantity, 38, "0");

        alice.send(newOrder("BAD2", "AAPL", '1', "100", '2', null, '0'));
        assertRejected(alice.next(EXECUTION_REPORT), "BAD2", "99", "Price (44) is required for a limit order");

        alice.send(newOrder("BAD3", "NOPE", '1', "100", '2', "1", '0'));
        assertRejected(alice.next(EXECUTION_REPORT), "BAD3", "1", "Unknown symbol NOPE");

        alice.send(newOrder("BAD4", "AAPL", '1', "100", '2', "190.01", '6'));
        assertRejected(alice.next(EXECUTION_REPORT), "BAD4", "11",
            "TimeInForce (59) must be 0 (Day), 1 (GTC), 3 (IOC) or 4 (FOK): 6");

        alice.send(newOrder("BAD5", "AAPL", '1', "1.123456789", '2', "190.01", '0'));
        assertRejected(alice.next(EXECUTION_REPORT), "BAD5", "13",
            "OrderQty (38) is not a decimal number: 1.123456789");

        alice.send(newOrder("GOOD", "AAPL", '2', "10", '1', null, '3'));
        assertReport(alice.next(EXECUTION_REPORT), "GOOD", '0', '0', "10", "0", "0", "0", "10", "0");
        assertReport(alice.next(EXECUTION_REPORT), "GOOD", 'F', '2', "10", "10", "189.99", "10", "0", "189.99");

        assertTrue(alice.isLoggedOn());
        assertEquals(5, venue.rejectCount());
        assertEquals(1, venue.orderCount());
    }

    @Test
    void shouldRejectAReusedClOrdId() throws Exception
    {
        alice.send(newOrder("A1", "XYZ", '1', "100", '2', "10", '0'));
        alice.next(EXECUTION_REPORT);

        alice.send(newOrder("A1", "XYZ", '1', "100", '2', "10", '0'));

        assertRejected(alice.next(EXECUTION_REPORT), "A1", "6", "Duplicate ClOrdID A1");
        assertEquals(FixedPoint.parse("100"), venue.depthQuantity("XYZ", Side.BUY, 0));
    }

    @Test
    void shouldAnswerAPossibleResendOfAKnownOrderWithItsStatus() throws Exception
    {
        alice.send(newOrder("A1", "XYZ", '1', "100", '2', "10", '0'));
        alice.next(EXECUTION_REPORT);

        final Message resend = newOrder("A1", "XYZ", '1', "100", '2', "10", '0');
        resend.getHeader().setBoolean(97, true);
        alice.send(resend);

        final Message status = alice.next(EXECUTION_REPORT);
        assertReport(status, "A1", 'I', '0', "100", "0", "0", "0", "100", "0");
        assertEquals(1, venue.orderCount());
        assertEquals(0, venue.rejectCount());
        assertEquals(FixedPoint.parse("100"), venue.depthQuantity("XYZ", Side.BUY, 0));
    }

    @Test
    void shouldCancelTheRemainderOfAnImmediateOrCancelOrder() throws Exception
    {
        alice.send(newOrder("A1", "AAPL", '1', "1200", '2', "190.01", '3'));

        alice.next(EXECUTION_REPORT);
        assertReport(alice.next(EXECUTION_REPORT), "A1", 'F', '1', "1200", "1000", "190.01", "1000", "200", "190.01");
        final Message canceled = alice.next(EXECUTION_REPORT);
        assertReport(canceled, "A1", '4', '4', "1200", "0", "0", "1000", "0", "190.01");
        assertFalse(canceled.isSetField(41));
        assertEquals("IOC remainder canceled", canceled.getString(58));
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldReplaceAnOrderAndTradeWhenTheNewPriceIsMarketable() throws Exception
    {
        alice.send(newOrder("A1", "AAPL", '1', "100", '2', "189.50", '0'));
        final Message ack = alice.next(EXECUTION_REPORT);

        alice.send(replace("A2", "A1", "AAPL", '1', "100", "190.01"));

        final Message replaced = alice.next(EXECUTION_REPORT);
        assertReport(replaced, "A2", '5', '0', "100", "0", "0", "0", "100", "0");
        assertField(replaced, 41, "A1");
        assertField(replaced, 44, "190.01");
        assertField(replaced, 37, ack.getString(37));
        final Message fill = alice.next(EXECUTION_REPORT);
        assertReport(fill, "A2", 'F', '2', "100", "100", "190.01", "100", "0", "190.01");
        assertEquals(1, venue.replaceCount());
    }

    @Test
    void shouldReplaceQuantityDownWithoutTrading() throws Exception
    {
        alice.send(newOrder("A1", "XYZ", '1', "100", '2', "10", '1'));
        alice.next(EXECUTION_REPORT);

        alice.send(replace("A2", "A1", "XYZ", '1', "40", null));

        final Message replaced = alice.next(EXECUTION_REPORT);
        assertReport(replaced, "A2", '5', '0', "40", "0", "0", "0", "40", "0");
        assertField(replaced, 44, "10");
        assertEquals(FixedPoint.parse("40"), venue.depthQuantity("XYZ", Side.BUY, 0));

        alice.send(cancel("A3", "A2", "XYZ", '1'));
        assertField(alice.next(EXECUTION_REPORT), 150, "4");
    }

    @Test
    void shouldRejectAReplaceOfAnUnknownOrderOrAChangeOfSide() throws Exception
    {
        alice.send(replace("A2", "NEVER-SENT", "AAPL", '1', "100", "190"));
        final Message unknown = alice.next(ORDER_CANCEL_REJECT);
        assertField(unknown, 102, "1");
        assertField(unknown, 434, "2");

        alice.send(newOrder("A3", "XYZ", '1', "100", '2', "10", '0'));
        alice.next(EXECUTION_REPORT);
        alice.send(replace("A4", "A3", "XYZ", '2', "100", "10"));
        final Message sideChange = alice.next(ORDER_CANCEL_REJECT);
        assertField(sideChange, 434, "2");
        assertField(sideChange, 39, "0");
        assertEquals("Side (54) cannot change on replace: 1 -> 2", sideChange.getString(58));
    }

    @Test
    void shouldAnswerAnOrderStatusRequest() throws Exception
    {
        alice.send(newOrder("A1", "XYZ", '1', "100", '2', "10", '0'));
        alice.next(EXECUTION_REPORT);

        final Message request = new quickfix.fix44.OrderStatusRequest();
        request.setString(11, "A1");
        request.setString(55, "XYZ");
        request.setChar(54, '1');
        alice.send(request);

        assertReport(alice.next(EXECUTION_REPORT), "A1", 'I', '0', "100", "0", "0", "0", "100", "0");

        request.setString(11, "NEVER-SENT");
        alice.send(request);

        final Message unknown = alice.next(EXECUTION_REPORT);
        assertField(unknown, 150, "I");
        assertField(unknown, 39, "8");
        assertField(unknown, 37, "NONE");
        assertField(unknown, 58, "Unknown order: no order with ClOrdID NEVER-SENT");
    }

    static void assertReport(
        final Message report,
        final String clOrdId,
        final char execType,
        final char ordStatus,
        final String orderQty,
        final String lastQty,
        final String lastPx,
        final String cumQty,
        final String leavesQty,
        final String avgPx) throws FieldNotFound
    {
        assertField(report, 11, clOrdId);
        assertField(report, 150, String.valueOf(execType));
        assertField(report, 39, String.valueOf(ordStatus));
        assertField(report, 38, orderQty);
        assertField(report, 32, lastQty);
        assertField(report, 31, lastPx);
        assertField(report, 14, cumQty);
        assertField(report, 151, leavesQty);
        assertField(report, 6, avgPx);
        for (final int tag : new int[]{ 17, 37, 40, 54, 55, 59, 60 })
        {
            assertTrue(report.isSetField(tag), "tag " + tag + " in " + report);
        }
        assertFalse(report.getString(17).isEmpty());
        final boolean limit = "2".equals(report.getString(40));
        assertEquals(limit, report.isSetField(44), "Price only on limit orders: " + report);
    }

    private static void assertRejected(
        final Message report, final String clOrdId, final String ordRejReason, final String text) throws FieldNotFound
    {
        assertField(report, 11, clOrdId);
        assertField(report, 150, "8");
        assertField(report, 39, "8");
        assertField(report, 103, ordRejReason);
        assertField(report, 58, text);
        assertField(report, 14, "0");
        assertField(report, 151, "0");
    }

    static void assertField(final Message message, final int tag, final String expected) throws FieldNotFound
    {
        assertTrue(message.isSetField(tag), "tag " + tag + " missing in " + message);
        assertEquals(expected, message.getString(tag), "tag " + tag + " in " + message);
    }

    static Message newOrder(
        final String clOrdId,
        final String symbol,
        final char side,
        final String orderQty,
        final char ordType,
        final String price,
        final char timeInForce)
    {
        final Message order = new quickfix.fix44.NewOrderSingle();
        order.setString(11, clOrdId);
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setString(38, orderQty);
        order.setChar(40, ordType);
        if (price != null)
        {
            order.setString(44, price);
        }
        order.setChar(59, timeInForce);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        return order;
    }

    private static Message cancel(final String clOrdId, final String origClOrdId, final String symbol, final char side)
    {
        final Message cancel = new quickfix.fix44.OrderCancelRequest();
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        cancel.setChar(54, side);
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        return cancel;
    }

    private static Message replace(
        final String clOrdId,
        final String origClOrdId,
        final String symbol,
        final char side,
        final String orderQty,
        final String price)
    {
        final Message replace = new quickfix.fix44.OrderCancelReplaceRequest();
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(55, symbol);
        replace.setChar(54, side);
        replace.setString(38, orderQty);
        replace.setChar(40, '2');
        if (price != null)
        {
            replace.setString(44, price);
        }
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        return replace;
    }

    static SessionSettings acceptorSettings(final int port, final String beginString, final String... clients)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setLong("SocketAcceptPort", port);
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        for (final String client : clients)
        {
            settings.setString(new SessionID(beginString, VENUE, client), "BeginString", beginString);
        }
        return settings;
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
