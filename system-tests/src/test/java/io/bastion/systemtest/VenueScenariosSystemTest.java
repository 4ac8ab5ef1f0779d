package io.bastion.systemtest;

import io.bastion.oms.Position;
import io.bastion.oms.PositionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.bastion.systemtest.Orders.assertDecimal;
import static io.bastion.systemtest.Orders.assertReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order lifecycle scenarios end to end: a real client session into Bastion (its own process), and a real venue
 * session out of it to a venue the test scripts, so each scenario (cancel, cancel/replace with a fill crossing it,
 * an unsolicited cancel, a bust) is driven exactly and every report the client receives is checked.
 */
class VenueScenariosSystemTest
{
    private TestConfig config;
    private ScriptedVenue venue;
    private BastionProcess bastion;
    private FixTestClient client;

    @BeforeEach
    void setUp() throws Exception
    {
        config = TestConfig.create().withProperties("venuesim.enabled=false");
        venue = new ScriptedVenue(config.venuePort);
        bastion = BastionProcess.start(config, "bastion.log");
        client = new FixTestClient("CLIENT1", config.clientPort, null);
        assertTrue(client.awaitLogon(), "client logs on");
        assertTrue(venue.awaitLogon(), "Bastion logs on to the venue");
        awaitRouting();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        if (client != null)
        {
            client.close();
        }
        if (bastion != null)
        {
            bastion.close();
        }
        if (venue != null)
        {
            venue.close();
        }
        config.delete();
    }

    /**
     * Until the OMS has seen the venue log on, orders are refused as "not connected"; probe until one reaches the
     * venue, which rejects it.
     */
    private void awaitRouting() throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        int attempt = 0;
        while (System.currentTimeMillis() < deadline)
        {
            client.send(Orders.newOrder("PROBE-" + attempt++, "PROBE", "AAPL", '1', '2', "1", "1"));
            final Message order = venue.poll(1_000);
            if (order != null)
            {
                venue.report(order.getString(11), null, '8', '8', "1", "0", null, null, "58=probe");
                assertEquals("Rejected by venue SIM: probe", client.awaitApp("8").getString(58));
                return;
            }
            final Message refused = client.awaitApp("8");
            assertTrue(refused.getString(58).contains("not connected"), refused.toString());
            Thread.sleep(100);
        }
        throw new AssertionError("Bastion never routed to the venue");
    }

    private String routeNewOrder(final String clOrdId, final String qty) throws Exception
    {
        client.send(Orders.newOrder(clOrdId, "ACME", "AAPL", '1', '2', qty, "190"));
        final Message order = venue.await(MsgType.NEW_ORDER_SINGLE);
        assertEquals(qty, order.getString(38));
        assertEquals("ACME", order.getString(1));
        final String venueClOrdId = order.getString(11);
        venue.report(venueClOrdId, null, '0', '0', qty, "0", null, null);
        assertReport(client.awaitApp("8"), clOrdId, '0', '0', qty, "0", qty, "0", "0", "0");
        return venueClOrdId;
    }

    @Test
    void shouldCancelAWorkingOrderAtTheVenue() throws Exception
    {
        final String venueOrder = routeNewOrder("C-1", "100");
        client.send(Orders.cancel("C-2", "C-1", "AAPL", '1'));
        final Message pending = client.awaitApp("8");
        assertReport(pending, "C-2", '6', '6', "100", "0", "100", "0", "0", "0");
        assertEquals("C-1", pending.getString(41));

        final Message venueCancel = venue.await(MsgType.ORDER_CANCEL_REQUEST);
        assertEquals(venueOrder, venueCancel.getString(41));
        venue.report(venueCancel.getString(11), venueOrder, '4', '4', "100", "0", null, null);
        final Message cancelled = client.awaitApp("8");
        assertReport(cancelled, "C-2", '4', '4', "100", "0", "0", "0", "0", "0");
        assertEquals("C-1", cancelled.getString(41));
    }

    @Test
    void shouldReplaceAnOrderWhileAFillCrossesTheReplace() throws Exception
    {
        final String venueOrder = routeNewOrder("R-1", "100");
        client.send(replace("R-2", "R-1", "150", "190.5"));
        final Message pending = client.awaitApp("8");
        assertReport(pending, "R-2", 'E', 'E', "100", "0", "100", "0", "0", "0");
        assertEquals("R-1", pending.getString(41));

        final Message venueReplace = venue.await(MsgType.ORDER_CANCEL_REPLACE_REQUEST);
        assertEquals(venueOrder, venueReplace.getString(41));
        assertEquals("150", venueReplace.getString(38));
        assertEquals("190.5", venueReplace.getString(44));

        venue.report(venueOrder, null, 'F', '1', "100", "40", "40", "190");
        final Message fill = client.awaitApp("8");
        assertReport(fill, "R-1", 'F', 'E', "100", "40", "60", "190", "40", "190");

        venue.report(venueReplace.getString(11), venueOrder, '5', '1', "150", "40", null, null, "44=190.5");
        final Message replaced = client.awaitApp("8");
        assertReport(replaced, "R-2", '5', '1', "150", "40", "110", "190", "0", "0");
        assertEquals("R-1", replaced.getString(41));
        assertDecimal("190.5", replaced, 44, "Price");

        venue.report(venueReplace.getString(11), null, 'F', '2', "150", "150", "110", "190.5");
        assertReport(client.awaitApp("8"), "R-2", 'F', '2', "150", "150", "0", "190.36666666", "110", "190.5");
    }

    @Test
    void shouldPassOnAnUnsolicitedCancelWithItsReason() throws Exception
    {
        final String venueOrder = routeNewOrder("U-1", "100");
        venue.report(venueOrder, null, 'F', '1', "100", "30", "30", "190");
        assertReport(client.awaitApp("8"), "U-1", 'F', '1', "100", "30", "70", "190", "30", "190");

        venue.report(venueOrder, null, '4', '4', "100", "30", null, null, "378=6", "58=trading halt");
        final Message cancelled = client.awaitApp("8");
        assertReport(cancelled, "U-1", '4', '4', "100", "30", "0", "190", "0", "0");
        assertEquals(6, cancelled.getInt(378), "ExecRestatementReason (378)");
        assertEquals("Cancelled by venue SIM: trading halt", cancelled.getString(58));
        assertFalse(cancelled.isSetField(41), "no OrigClOrdID: nobody asked for this cancel");
    }

    @Test
    void shouldBustAFillAndTakeItOutOfThePosition() throws Exception
    {
        final String venueOrder = routeNewOrder("B-1", "100");
        final String venueFill = venue.report(venueOrder, null, 'F', '1', "100", "60", "60", "190");
        final Message fill = client.awaitApp("8");
        assertReport(fill, "B-1", 'F', '1', "100", "60", "40", "190", "60", "190");
        venue.report(venueOrder, null, 'F', '1', "100", "70", "10", "191");
        final Message second = client.awaitApp("8");
        assertReport(second, "B-1", 'F', '1', "100", "70", "30", "190.14285714", "10", "191");

        venue.report(venueOrder, null, 'H', '1', "100", "10", "0", "0", "19=" + venueFill);
        final Message bust = client.awaitApp("8");
        assertReport(bust, "B-1", 'H', '1', "100", "10", "90", "191", "0", "0");
        assertEquals(fill.getString(17), bust.getString(19), "ExecRefID (19) names the busted fill's ExecID");

        client.close();
        client = null;
        bastion.close();
        bastion = null;
        try (PositionStore positions = new PositionStore(config.positionsFile().toFile(), 100_000))
        {
            final Position position = positions.read("ACME", "AAPL");
            assertEquals(io.bastion.protocol.FixedPoint.ofUnits(10), position.netQty(), position.toString());
            assertEquals(io.bastion.protocol.FixedPoint.ofUnits(10), position.boughtQty(), position.toString());
        }
    }

    static Message replace(final String clOrdId, final String origClOrdId, final String qty, final String price)
    {
        final Message replace = new Message();
        replace.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REPLACE_REQUEST);
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(1, "ACME");
        replace.setString(55, "AAPL");
        replace.setChar(54, '1');
        replace.setChar(40, '2');
        replace.setString(38, qty);
        replace.setString(44, price);
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return replace;
    }
}
