package io.bastion.oms;

import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.LimitsResult;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Risk limit changes made at run time survive a restart: each accepted change is on disk before it is acknowledged and
 * is replayed on top of the configuration when the OMS starts; a refused or unsaved change is not kept; a change cut
 * short by a crash is ignored; and a change that no longer fits the configuration stops the OMS from starting.
 */
class OmsLimitChangesTest
{
    private OmsHarness oms;
    private File changes;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
        changes = oms.dir.resolve("limits.changes").toFile();
        restart();
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldReplayAcceptedChangesAfterARestart()
    {
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.account.ACME.maxOrderQty=20000");
        oms.riskLimitsUpdate(2, 2, "officer2", "-risk.account.ACME.maxOrderQty", "risk.maxOrderQty=30");
        oms.riskLimitsUpdate(3, 3, "officer2", "risk.collarPercent=500");
        oms.drain();
        assertEquals(new LimitsResult(1, true, 2, ""), oms.next(LimitsResult.class));
        assertEquals(new LimitsResult(2, true, 3, ""), oms.next(LimitsResult.class));
        assertFalse(oms.next(LimitsResult.class).accepted());

        restart();
        assertEquals(3, oms.oms.orderManager().risk().limits().version(), "two changes replayed, the refused one not");
        oms.newLimit("C1", Side.BUY, units(30), px("10"), "AAPL", "ACME");
        oms.newLimit("C2", Side.BUY, units(31), px("10"), "AAPL", "ACME");
        oms.riskLimitsUpdate(4, 3, "officer1", "risk.maxOrderQty=31");
        oms.drain();
        assertEquals(units(30), oms.next(VenueOrder.class).orderQty());
        assertEquals("MAX_ORDER_QTY: 31 > 30 (account ACME)", oms.next(ExecReport.class).text());
        assertEquals(new LimitsResult(4, true, 4, ""), oms.next(LimitsResult.class),
            "a change made against the version before the restart");
        oms.assertNothingMore();
    }

    @Test
    void shouldIgnoreAChangeCutShortByACrash() throws Exception
    {
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.maxOrderQty=30");
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());
        Files.writeString(changes.toPath(), "3\t1\tofficer1\tS\trisk.maxOrd", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);

        restart();
        assertEquals(2, oms.oms.orderManager().risk().limits().version());
        oms.riskLimitsUpdate(2, 2, "officer1", "risk.maxOrderQty=40");
        oms.drain();
        assertEquals(new LimitsResult(2, true, 3, ""), oms.next(LimitsResult.class));

        restart();
        assertEquals(3, oms.oms.orderManager().risk().limits().version(), "the torn line did not swallow the next");
        oms.newLimit("C1", Side.BUY, units(41), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("MAX_ORDER_QTY: 41 > 40 (account ACME)", oms.next(ExecReport.class).text());
    }

    @Test
    void shouldRefuseAChangeThatCannotBeSaved() throws Exception
    {
        assertTrue(changes.mkdirs(), "a directory where the file should be: appending fails");
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.maxOrderQty=30");
        oms.newLimit("C1", Side.BUY, units(31), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(new LimitsResult(1, false, 1, "cannot save the change to " + changes + ", so it is not applied"),
            oms.next(LimitsResult.class));
        assertEquals(units(31), oms.next(VenueOrder.class).orderQty(), "the limit in force is still 10,000");
    }

    @Test
    void shouldNotStartWhenASavedChangeNoLongerFitsTheConfiguration()
    {
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.account.BETA.maxOrderQty=5");
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> oms.restartOms(
            context -> context.limitChangeFile(changes).limits(TestLimits.wide(List.of("AAPL", "MSFT", "IBM"),
            List.of("SIM", "OTHER"), "10000", "5000000", "risk.accounts=ACME,DEFAULT"))));
        assertTrue(ex.getMessage().startsWith("risk limits version 2 (made by officer1, kept in " + changes +
            ") no longer applies to the configuration: risk.account.BETA.maxOrderQty: account BETA is not in " +
            "risk.accounts"), ex.getMessage());
        oms.startOms(context -> context.limitChangeFile(changes));
        assertEquals(2, oms.oms.orderManager().risk().limits().version(), "with BETA configured again it starts");
    }

    @Test
    void shouldKeepTabsLineBreaksAndPercentSignsInAChange() throws Exception
    {
        final LimitChangeFile file = new LimitChangeFile(changes);
        file.append(new LimitChangeFile.Change(2, 7, "ops\tdesk\n%09", Map.of("risk.maxOrderQty", "5"),
            Set.of("risk.x")));
        final LimitChangeFile.Change loaded = file.load().get(0);
        assertEquals("ops\tdesk\n%09", loaded.requestedBy());
        assertEquals(Map.of("risk.maxOrderQty", "5"), loaded.changes());
        assertEquals(Set.of("risk.x"), loaded.removals());
        assertEquals(1, Files.readAllLines(changes.toPath()).size());
    }

    private void restart()
    {
        oms.restartOms(context -> context.limitChangeFile(changes));
    }
}
