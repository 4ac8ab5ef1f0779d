package io.bastion.systemtest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;

import static io.bastion.systemtest.Orders.assertReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same order scenarios against a venue Bastion did not write: QuickFIX/J's example Executor. It acknowledges
 * with ExecType F and OrdStatus New, puts a new OrderID on every report, fills marketable limit orders at its
 * market price and answers cancels and replaces, which it does not support, with a BusinessMessageReject. Bastion
 * must turn each of those into the right report for its client.
 */
class ExecutorVenueSystemTest
{
    private static final String MARKET_PRICE = "190";

    private TestConfig config;
    private ExecutorProcess executor;
    private BastionProcess bastion;
    private FixTestClient client;

    @BeforeEach
    void setUp() throws Exception
    {
        config = TestConfig.create().withProperties("venuesim.enabled=false");
        executor = ExecutorProcess.start(config, MARKET_PRICE);
        bastion = BastionProcess.start(config, "bastion.log");
        client = new FixTestClient("CLIENT1", config.clientPort, null);
        assertTrue(client.awaitLogon(), "client logs on");
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
        if (executor != null)
        {
            executor.close();
        }
        config.delete();
    }

    private void awaitRouting() throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        int attempt = 0;
        while (System.currentTimeMillis() < deadline)
        {
            client.send(Orders.newOrder("PROBE-" + attempt++, "PROBE", "AAPL", '1', '2', "1", "1"));
            final Message answer = client.awaitApp("8");
            if (answer.getChar(150) == '0')
            {
                return;
            }
            assertTrue(answer.getString(58).contains("not connected"), answer.toString());
            Thread.sleep(100);
        }
        throw new AssertionError("Bastion never routed to the Executor");
    }

    @Test
    void shouldReportTheExecutorsAcknowledgementAndFill() throws Exception
    {
        client.send(Orders.newOrder("E-1", "ACME", "AAPL", '1', '2', "100", "191"));
        assertReport(client.awaitApp("8"), "E-1", '0', '0', "100", "0", "100", "0", "0", "0");
        final Message fill = client.awaitApp("8");
        assertReport(fill, "E-1", 'F', '2', "100", "100", "0", MARKET_PRICE, "100", MARKET_PRICE);
        assertEquals("SIM", fill.getString(30), "LastMkt (30)");
    }

    @Test
    void shouldAnswerACancelTheExecutorCannotTakeWithAnOrderCancelReject() throws Exception
    {
        client.send(Orders.newOrder("E-2", "ACME", "AAPL", '1', '2', "100", "175"));
        assertReport(client.awaitApp("8"), "E-2", '0', '0', "100", "0", "100", "0", "0", "0");

        client.send(Orders.cancel("E-3", "E-2", "AAPL", '1'));
        assertReport(client.awaitApp("8"), "E-3", '6', '6', "100", "0", "100", "0", "0", "0");
        final Message reject = client.awaitApp("9");
        assertEquals("E-3", reject.getString(11));
        assertEquals("E-2", reject.getString(41));
        assertEquals('1', reject.getChar(434), "CxlRejResponseTo (434)");
        assertEquals('0', reject.getChar(39), "OrdStatus (39): the order still works");
        assertTrue(reject.getString(58).startsWith("Venue SIM business reject"), reject.getString(58));

        client.send(statusRequest("E-2"));
        final Message status = client.awaitApp("8");
        assertReport(status, "E-2", 'I', '0', "100", "0", "100", "0", "0", "0");
    }

    @Test
    void shouldAnswerAReplaceTheExecutorCannotTakeWithAnOrderCancelReject() throws Exception
    {
        client.send(Orders.newOrder("E-4", "ACME", "AAPL", '1', '2', "100", "175"));
        assertReport(client.awaitApp("8"), "E-4", '0', '0', "100", "0", "100", "0", "0", "0");

        client.send(VenueScenariosSystemTest.replace("E-5", "E-4", "200", "175"));
        assertReport(client.awaitApp("8"), "E-5", 'E', 'E', "100", "0", "100", "0", "0", "0");
        final Message reject = client.awaitApp("9");
        assertEquals("E-5", reject.getString(11));
        assertEquals('2', reject.getChar(434), "CxlRejResponseTo (434)");
        assertEquals('0', reject.getChar(39), "OrdStatus (39)");
        assertTrue(reject.getString(58).startsWith("Venue SIM business reject"), reject.getString(58));
    }

    private static Message statusRequest(final String clOrdId)
    {
        final Message request = new Message();
        request.getHeader().setString(quickfix.field.MsgType.FIELD, quickfix.field.MsgType.ORDER_STATUS_REQUEST);
        request.setString(11, clOrdId);
        request.setString(55, "AAPL");
        request.setChar(54, '1');
        return request;
    }
}
