package io.bastion.systemtest;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.bastion.app.Bastion;
import io.bastion.app.BastionConfig;
import io.bastion.protocol.Streams;
import io.bastion.sbe.KillSwitchAction;
import io.bastion.sbe.KillSwitchEncoder;
import io.bastion.sbe.KillSwitchResultDecoder;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill switch end to end: real FIX sessions on both sides, an admin command on Bastion's Aeron stream. Engaging it
 * cancels the account's working orders at the venue and tells the client, refuses new orders; releasing it restores
 * trading.
 */
class KillSwitchSystemTest
{
    private final TestConfig config = TestConfig.create();

    @AfterEach
    void tearDown()
    {
        config.delete();
    }

    @Test
    void shouldCancelWorkingOrdersAtTheVenueTellTheClientRefuseNewOrdersAndTradeAgainOnRelease() throws Exception
    {
        try (Bastion bastion = Bastion.launch(BastionConfig.load(config.configDir));
            FixTestClient client = new FixTestClient("CLIENT1", config.clientPort, null);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(bastion.aeronDirectory()));
            ExclusivePublication admin = aeron.addExclusivePublication(Streams.IPC_CHANNEL,
                Streams.OMS_INBOUND_STREAM_ID);
            Subscription results = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.OMS_OUTBOUND_STREAM_ID))
        {
            assertTrue(client.awaitLogon());
            VenueReady.await(client, "AAPL");
            client.send(Orders.newOrder("K-1", "ACME", "AAPL", '1', '2', "100", "180"));
            assertEquals('0', client.awaitApp("8").getChar(150));
            client.send(Orders.newOrder("K-2", "ACME", "AAPL", '2', '2', "100", "200"));
            assertEquals('0', client.awaitApp("8").getChar(150));

            send(admin, 1, KillSwitchAction.ENGAGE, "runaway algo");
            final Set<String> cancelled = new HashSet<>();
            for (int i = 0; i < 2; i++)
            {
                final Message report = client.awaitApp("8");
                assertEquals('4', report.getChar(150), "ExecType (150) Canceled");
                assertEquals('4', report.getChar(39), "OrdStatus (39) Canceled");
                assertEquals("0", report.getString(151), "LeavesQty (151)");
                assertTrue(!report.isSetField(41), "unsolicited: no OrigClOrdID (41)");
                assertEquals("KILL_SWITCH: cancelled, account ACME engaged by risk-officer: runaway algo",
                    report.getString(58));
                cancelled.add(report.getString(11));
            }
            assertEquals(Set.of("K-1", "K-2"), cancelled);
            assertEquals(2, awaitResult(results, 1));

            client.send(Orders.newOrder("K-3", "ACME", "AAPL", '1', '2', "1", "180"));
            final Message refused = client.awaitApp("8");
            assertEquals('8', refused.getChar(150), "ExecType (150) Rejected");
            assertEquals(0, refused.getInt(103), "OrdRejReason (103) broker option");
            assertEquals("KILL_SWITCH: account ACME engaged by risk-officer: runaway algo (account ACME)",
                refused.getString(58));

            send(admin, 2, KillSwitchAction.RELEASE, "algo stopped");
            assertEquals(0, awaitResult(results, 2));
            client.send(Orders.newOrder("K-4", "ACME", "AAPL", '1', '2', "1", "180"));
            final Message accepted = client.awaitApp("8");
            assertEquals("K-4", accepted.getString(11));
            assertEquals('0', accepted.getChar(150), "trading again after the release");
            assertEquals(0, bastion.faults());
        }
    }

    private static void send(
        final ExclusivePublication admin, final long requestId, final KillSwitchAction action, final String reason)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final KillSwitchEncoder e = new KillSwitchEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        e.requestId(requestId).action(action).scope(KillSwitchScope.ACCOUNT).sessionId(0).allowRiskReducing((short)0)
            .name("ACME").reason(reason).requestedBy("risk-officer");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (admin.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength()) < 0)
        {
            assertTrue(System.nanoTime() < deadline, "admin command not accepted by the stream");
            Thread.onSpinWait();
        }
    }

    /**
     * @return the cancelled-order count of the result of the request.
     */
    private static int awaitResult(final Subscription results, final long requestId)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final KillSwitchResultDecoder result = new KillSwitchResultDecoder();
        final int[] cancelled = { -1 };
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cancelled[0] < 0)
        {
            assertTrue(System.nanoTime() < deadline, "no result for request " + requestId);
            results.poll((buffer, offset, length, frameHeader) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == KillSwitchResultDecoder.TEMPLATE_ID)
                {
                    result.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                        header.version());
                    if (result.requestId() == requestId)
                    {
                        assertEquals(1, result.accepted(), result.reason());
                        cancelled[0] = result.cancelledOrders();
                    }
                }
            }, 10);
        }
        return cancelled[0];
    }
}
