package io.bastion.systemtest;

import io.bastion.app.Bastion;
import io.bastion.app.BastionConfig;
import io.bastion.compliance.AuditDump;
import io.bastion.compliance.AuditKeys;
import io.bastion.compliance.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit journal runs inside Bastion and records what crossed the OMS's streams for an order traded over FIX.
 */
class AuditJournalSystemTest
{
    private final TestConfig config = TestConfig.create();

    @AfterEach
    void tearDown()
    {
        config.delete();
    }

    @Test
    void shouldJournalTheOrderTheVenueOrderAndEveryReport() throws Exception
    {
        try (Bastion bastion = Bastion.launch(BastionConfig.load(config.configDir));
            FixTestClient client = new FixTestClient("CLIENT1", config.clientPort, null))
        {
            assertTrue(bastion.auditJournal() != null, "the audit journal runs by default");
            assertTrue(client.awaitLogon());
            VenueReady.await(client, "MSFT");
            client.send(Orders.newOrder("AUD-1", "ACME", "MSFT", '1', '2', "10", "420.01"));
            assertEquals('0', client.awaitApp("8").getChar(150));
            assertEquals('F', client.awaitApp("8").getChar(150));
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exitCode = AuditDump.run(new String[]{ config.dataDir.resolve("audit").toString() },
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, exitCode, err.toString(StandardCharsets.UTF_8));
        final List<String> lines = out.toString(StandardCharsets.UTF_8).lines()
            .filter(line -> line.contains("AUD-1") || line.contains("VenueNewOrder") || line.contains("VenueExecution"))
            .collect(Collectors.toList());
        final String journal = String.join("\n", lines);
        assertTrue(contains(lines, "ClientNewOrder", "clOrdId=AUD-1", "qty=10", "price=420.01"), journal);
        assertTrue(contains(lines, "VenueNewOrder", "symbol=MSFT", "qty=10", "price=420.01"), journal);
        assertTrue(contains(lines, "VenueExecution", "execType=TRADE", "lastQty=10", "lastPx=420.01"), journal);
        assertTrue(contains(lines, "ClientExecutionReport", "clOrdId=AUD-1", "execType=NEW"), journal);
        assertTrue(contains(lines, "ClientExecutionReport", "clOrdId=AUD-1", "execType=TRADE", "cumQty=10"),
            journal);

        final AuditVerifier.Report report = AuditVerifier.verify(config.dataDir.resolve("audit"),
            AuditKeys.readPublicKey(config.dataDir.resolve("audit-signing.pub")));
        assertTrue(report.intact(), report.problem());
        assertTrue(report.checkpoints() >= 1, "a checkpoint signed at least on close: " + report);
        assertEquals(0, report.unsigned(), "every record signed by the last checkpoint");
        assertTrue(report.records() >= lines.size(), "every journalled line verified: " + report);
    }

    private static boolean contains(final List<String> lines, final String... parts)
    {
        return lines.stream().anyMatch(line -> java.util.Arrays.stream(parts).allMatch(line::contains));
    }
}
