package io.bastion.systemtest;

import io.bastion.oms.Position;
import io.bastion.oms.PositionStore;
import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;

import static io.bastion.systemtest.Orders.assertReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One order end to end through every real part, with Bastion as a real process: a FIX client session, the
 * acceptor, the OMS over Aeron IPC, the venue initiator, the simulated venue's matching engine, and the positions
 * file, which must survive the process being killed.
 */
class OrderLifecycleSystemTest
{
    private final TestConfig config = TestConfig.create();

    @AfterEach
    void tearDown()
    {
        config.delete();
    }

    @Test
    void shouldRestThenFillInTwoPartsAndKeepPositionsAfterTheProcessIsKilled() throws Exception
    {
        try (BastionProcess bastion = BastionProcess.start(config, "bastion-1.log");
            FixTestClient client = new FixTestClient("CLIENT1", config.clientPort, null))
        {
            assertTrue(client.awaitLogon(), "CLIENT1 logs on without a password");
            VenueReady.await(client, "AAPL");

            client.send(Orders.newOrder("REST-1", "ACME", "AAPL", '1', '2', "100", "189.50"));
            final Message resting = client.awaitApp("8");
            assertReport(resting, "REST-1", '0', '0', "100", "0", "100", "0", "0", "0");
            assertOrderFields(resting, '1', "189.5");

            client.send(Orders.newOrder("TAKE-1", "ACME", "AAPL", '1', '2', "1500", "190.02"));
            final Message ack = client.awaitApp("8");
            assertReport(ack, "TAKE-1", '0', '0', "1500", "0", "1500", "0", "0", "0");
            final Message first = client.awaitApp("8");
            assertReport(first, "TAKE-1", 'F', '1', "1500", "1000", "500", "190.01", "1000", "190.01");
            assertEquals("SIM", first.getString(30), "LastMkt (30)");
            final Message second = client.awaitApp("8");
            assertReport(second, "TAKE-1", 'F', '2', "1500", "1500", "0", "190.01333333", "500", "190.02");
            assertEquals("SIM", second.getString(30), "LastMkt (30)");
            for (final Message report : new Message[]{ ack, first, second })
            {
                assertOrderFields(report, '1', "190.02");
                assertFalse(report.isSetField(41), "no OrigClOrdID (41) outside cancels");
                assertFalse(report.isSetField(103), "no OrdRejReason (103) unless rejected");
            }

            assertEquals(ack.getString(37), first.getString(37), "one OrderID for the order's life");
            assertEquals(ack.getString(37), second.getString(37), "one OrderID for the order's life");
            assertNotEquals(resting.getString(37), ack.getString(37));
            assertNotEquals(first.getString(17), second.getString(17), "ExecIDs are unique");
            assertNotEquals(ack.getString(17), first.getString(17), "ExecIDs are unique");

            bastion.kill();
        }

        final Position expected = new Position("ACME", "AAPL", units(1500), FixedPoint.parse("190.01333333"), 0,
            FixedPoint.parse("190.02"), units(1500), 0, FixedPoint.parse("285020"), 0, 2, 0, 0);
        try (BastionProcess restarted = BastionProcess.start(config, "bastion-2.log");
            PositionStore positions = new PositionStore(config.positionsFile().toFile(), 100_000))
        {
            assertEquals(expected, withoutTime(positions.read("ACME", "AAPL")));
            assertTrue(restarted.logFile().exists());

            try (FixTestClient client = new FixTestClient("CLIENT1", config.clientPort, null))
            {
                assertTrue(client.awaitLogon(), "CLIENT1 logs on again after the restart");
                VenueReady.await(client, "AAPL");
                client.send(Orders.newOrder("SELL-1", "ACME", "AAPL", '2', '1', "500", null));
                assertReport(client.awaitApp("8"), "SELL-1", '0', '0', "500", "0", "500", "0", "0", "0");
                final Message fill = client.awaitApp("8");
                assertReport(fill, "SELL-1", 'F', '2', "500", "500", "0", "189.99", "500", "189.99");
            }

            final Position after = positions.read("ACME", "AAPL");
            assertEquals(units(1000), after.netQty());
            assertEquals(units(500), after.soldQty());
            assertEquals(FixedPoint.parse("94995"), after.soldNotional());
            assertEquals(3, after.fillCount());
            assertEquals(FixedPoint.parse("190.01333333"), after.avgCost(), "a sale leaves the average cost");
            assertEquals(FixedPoint.parse("-11.666665"), after.realisedPnl(), "(189.99 - 190.01333333) * 500");
        }
    }

    private static void assertOrderFields(final Message report, final char side, final String price)
        throws Exception
    {
        assertEquals("AAPL", report.getString(55), "Symbol (55)");
        assertEquals(side, report.getChar(54), "Side (54)");
        assertEquals('2', report.getChar(40), "OrdType (40)");
        assertEquals('0', report.getChar(59), "TimeInForce (59)");
        assertEquals("ACME", report.getString(1), "Account (1)");
        Orders.assertDecimal(price, report, 44, "Price");
    }

    private static long units(final long units)
    {
        return FixedPoint.ofUnits(units);
    }

    private static Position withoutTime(final Position position)
    {
        assertTrue(position.updatedNs() > 0, "fill time recorded");
        return new Position(position.account(), position.symbol(), position.netQty(), position.avgCost(),
            position.realisedPnl(), position.markPx(), position.boughtQty(), position.soldQty(),
            position.boughtNotional(), position.soldNotional(), position.fillCount(), position.lateAdjustments(), 0);
    }
}
