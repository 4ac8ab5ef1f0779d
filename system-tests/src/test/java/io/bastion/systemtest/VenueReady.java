package io.bastion.systemtest;

import quickfix.Message;

/**
 * Waits until Bastion's venue session is up, by sending probe orders that rest far from the market until one is
 * acknowledged, then cancelling it. Leaves the client's message queue empty.
 */
final class VenueReady
{
    private VenueReady()
    {
    }

    static void await(final FixTestClient client, final String symbol) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        int attempt = 0;
        while (System.currentTimeMillis() < deadline)
        {
            final String clOrdId = "PROBE-" + System.nanoTime() + "-" + attempt++;
            client.send(Orders.newOrder(clOrdId, "PROBE", symbol, '1', '2', "1", "1"));
            final Message report = client.awaitApp("8");
            if (report.getChar(150) == '0')
            {
                client.send(Orders.cancel(clOrdId + "-C", clOrdId, symbol, '1'));
                expectExecType(client.awaitApp("8"), '6');
                expectExecType(client.awaitApp("8"), '4');
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("venue never became ready");
    }

    private static void expectExecType(final Message report, final char execType) throws Exception
    {
        if (report.getChar(150) != execType)
        {
            throw new AssertionError("expected ExecType " + execType + " in " + report);
        }
    }
}
