package io.bastion.compliance;

import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.bastion.compliance.AuditJournalAgentTest.flipByte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditDumpTest
{
    private final JournalHarness harness = new JournalHarness();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void after()
    {
        harness.close();
    }

    @Test
    void shouldPrintANewOrderAndAnExecutionReportWithTheirKeyFields()
    {
        harness.start();
        harness.newOrder("O1", Side.BUY, "100", "101.25", "AAPL");
        harness.workUntil(1);
        harness.nowNs += 1_000_000;
        harness.executionReport("O1", 1001, 5001, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, "100", "101.25", "40",
            "101.2", "40", "60", "101.2", "fill from \"SIM\"");
        harness.workUntil(2);
        harness.stop();

        assertEquals(0, dump());
        assertEquals(List.of(
            "1 2023-11-14T22:13:20.123456Z 1001 ClientNewOrder session=1 clOrdId=O1 side=BUY ordType=LIMIT tif=DAY " +
            "qty=100 price=101.25 symbol=AAPL account=ACME",
            "2 2023-11-14T22:13:20.124456Z 1002 ClientExecutionReport session=1 orderId=1001 execId=5001 clOrdId=O1 " +
            "execType=TRADE ordStatus=PARTIALLY_FILLED side=BUY ordType=LIMIT tif=DAY qty=100 price=101.25 " +
            "lastQty=40 lastPx=101.2 cumQty=40 leavesQty=60 avgPx=101.2 symbol=AAPL account=ACME lastMkt=SIM " +
            "text=\"fill from \\\"SIM\\\"\""),
            lines());
        assertEquals("audit journal " + harness.journalDir + " is whole: 2 records in 1 segments",
            err.toString(StandardCharsets.US_ASCII).trim());
    }

    @Test
    void shouldPrintVenueMessagesSessionEventsAndMessagesItCannotDecode()
    {
        harness.start();
        harness.sessionStatus(1001, 0, SessionRole.VENUE, SessionState.LOGGED_ON);
        harness.workUntil(1);
        harness.venueNewOrder(77, "100", "0.00000001");
        harness.workUntil(2);
        harness.venueFill(77, "12.5", "99.99");
        harness.workUntil(3);
        harness.raw(JournalHarness.OUTBOUND, new byte[] {9, 9});
        harness.workUntil(4);
        harness.stop();

        assertEquals(0, dump());
        final String prefix = "2023-11-14T22:13:20.123456Z ";
        assertEquals(List.of(
            "1 " + prefix + "1001 SessionStatus session=1001 venue=0 role=VENUE state=LOGGED_ON",
            "2 " + prefix + "1002 VenueNewOrder venue=0 venueClOrdId=77 side=BUY ordType=LIMIT tif=DAY qty=100 " +
            "price=0.00000001 symbol=AAPL account=ACME",
            "3 " + prefix + "1001 VenueExecution venue=0 venueClOrdId=77 origVenueClOrdId=0 venueOrderId=V77 " +
            "venueExecId=X1 execType=TRADE ordStatus=PARTIALLY_FILLED lastQty=12.5 lastPx=99.99 cumQty=12.5 " +
            "leavesQty=0 avgPx=99.99",
            "4 " + prefix + "1002 message of 2 bytes, too short for an SBE header"),
            lines());
    }

    @Test
    void shouldExitWithOneAndTheDefectWhenTheJournalIsDamaged() throws IOException
    {
        harness.start();
        for (int i = 1; i <= 3; i++)
        {
            harness.newOrder("O" + i, Side.SELL, "1", "1", "AAPL");
            harness.workUntil(i);
        }
        harness.stop();
        final Path segment = harness.segments().get(0);
        final int recordLength = AuditRecordDescriptor.recordLength(harness.sent().get(0).length);
        flipByte(segment, recordLength + 40);

        assertEquals(1, dump());
        assertEquals(1, lines().size(), "records before the defect are still printed");
        final String error = err.toString(StandardCharsets.US_ASCII);
        assertTrue(error.contains("is damaged after record 1: CRC mismatch in " + segment + " at byte offset " +
            recordLength + " (record 2)"), error);
    }

    @Test
    void shouldExitWithOneWhenTheDirectoryCannotBeReadAndTwoOnAUsageError()
    {
        assertEquals(1, AuditDump.run(new String[] {harness.dir.resolve("nowhere").toString()}, print(out),
            print(err)));
        assertTrue(err.toString(StandardCharsets.US_ASCII).startsWith("cannot read audit journal"));
        assertEquals(2, AuditDump.run(new String[0], print(out), print(err)));
    }

    private int dump()
    {
        return AuditDump.run(new String[] {harness.journalDir.toString()}, print(out), print(err));
    }

    private static PrintStream print(final ByteArrayOutputStream stream)
    {
        return new PrintStream(stream, true, StandardCharsets.US_ASCII);
    }

    private List<String> lines()
    {
        return out.toString(StandardCharsets.US_ASCII).lines().toList();
    }
}
