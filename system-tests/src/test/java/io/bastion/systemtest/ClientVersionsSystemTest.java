package io.bastion.systemtest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients of each FIX version the shipped configuration offers (CLIENT42 on FIX 4.2, CLIENT50 on FIX 5.0SP2 over
 * FIXT.1.1) trade through Bastion against the built-in venue, each receiving its own version's semantics.
 */
class ClientVersionsSystemTest
{
    private TestConfig config;
    private BastionProcess bastion;

    @BeforeEach
    void setUp()
    {
        config = TestConfig.create();
        bastion = BastionProcess.start(config, "bastion.log");
    }

    @AfterEach
    void tearDown()
    {
        bastion.close();
        config.delete();
    }

    @Test
    void shouldGiveAFix42ClientExecTransTypeAndFix42ExecTypes() throws Exception
    {
        try (FixTestClient client = new FixTestClient("FIX.4.2", "CLIENT42", config.clientPort, null))
        {
            assertTrue(client.awaitLogon(), "CLIENT42 logs on in FIX 4.2");
            final Message order = Orders.newOrder("V42-1", "ACME", "AAPL", '1', '2', "100", "190.05");
            order.setChar(21, '1');
            client.send(order);

            final Message ack = awaitOutsideProbes(client);
            assertEquals("FIX.4.2", ack.getHeader().getString(8));
            assertEquals('0', ack.getChar(20), "ExecTransType (20) New");
            assertEquals('0', ack.getChar(150), "ExecType (150) New");
            assertEquals('0', ack.getChar(39));

            final Message fill = client.awaitApp("8");
            assertEquals('0', fill.getChar(20), "ExecTransType (20) New");
            assertEquals('2', fill.getChar(150), "ExecType (150) 2 Fill, FIX 4.2's code for a complete fill");
            assertEquals('2', fill.getChar(39));
            Orders.assertDecimal("100", fill, 32, "LastShares");

            final Message status = new Message();
            status.getHeader().setString(35, "H");
            status.setString(11, "V42-1");
            status.setString(55, "AAPL");
            status.setChar(54, '1');
            client.send(status);
            final Message report = client.awaitApp("8");
            assertEquals('3', report.getChar(20), "ExecTransType (20) 3 Status");
            assertEquals('2', report.getChar(150), "ExecType (150) is the order's status in FIX 4.2");
        }
    }

    @Test
    void shouldGiveAFix50Sp2ClientFix44SemanticsOverFixt() throws Exception
    {
        try (FixTestClient client = new FixTestClient("FIXT.1.1", "CLIENT50", config.clientPort, null))
        {
            assertTrue(client.awaitLogon(), "CLIENT50 logs on over FIXT.1.1");
            client.send(Orders.newOrder("V50-1", "ACME", "AAPL", '1', '2', "100", "190.05"));

            final Message ack = awaitOutsideProbes(client);
            assertEquals("FIXT.1.1", ack.getHeader().getString(8));
            assertEquals("9", ack.getHeader().getString(1128), "ApplVerID (1128) FIX 5.0SP2");
            assertEquals('0', ack.getChar(150));
            final Message fill = client.awaitApp("8");
            assertEquals('F', fill.getChar(150), "ExecType (150) F Trade");
            assertEquals('2', fill.getChar(39));
            assertFalse(fill.isSetField(20), "no ExecTransType (20) after FIX 4.2");
        }
    }

    /**
     * The built-in venue logs on a moment after the client; until the OMS knows it, orders are refused as "not
     * connected". Resend until the order is acknowledged.
     */
    private static Message awaitOutsideProbes(final FixTestClient client) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        Message report = client.awaitApp("8");
        while (report.getChar(150) == '8' && report.getString(58).contains("not connected") &&
            System.currentTimeMillis() < deadline)
        {
            Thread.sleep(200);
            final String clOrdId = report.getString(11);
            final Message retry = Orders.newOrder(clOrdId + "+", "ACME", "AAPL", '1', '2', "100", "190.05");
            if ("FIX.4.2".equals(client.sessionId.getBeginString()))
            {
                retry.setChar(21, '1');
            }
            client.send(retry);
            report = client.awaitApp("8");
        }
        return report;
    }
}
