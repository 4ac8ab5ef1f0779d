package io.bastion.oms;

import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.KillResult;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.HashSet;
import java.util.Set;

import static io.bastion.oms.OmsHarness.CLIENT_SESSION;
import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static io.bastion.sbe.KillSwitchAction.ENGAGE;
import static io.bastion.sbe.KillSwitchAction.RELEASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill switch: engaging one cancels every working order it covers at the venue and tells the clients, blocks new
 * orders in its scope until released, and survives a restart.
 */
class OmsKillSwitchTest
{
    private OmsHarness oms;
    private File switches;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
        switches = oms.dir.resolve("killswitches.state").toFile();
        oms.restartOms(context -> context.killSwitchFile(switches));
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldCancelTheAccountsWorkingOrdersTellTheClientAndBlockItUntilReleased()
    {
        final VenueOrder a1 = oms.working("A1", Side.BUY, TimeInForce.DAY, "ACME");
        final VenueOrder a2 = oms.working("A2", Side.SELL, TimeInForce.DAY, "ACME");
        oms.working("B1", Side.BUY, TimeInForce.DAY, "BETA");

        oms.killSwitch(1, ENGAGE, KillSwitchScope.ACCOUNT, "ACME", 0, false, "runaway algo");
        oms.drain();
        final VenueCancel c1 = oms.next(VenueCancel.class);
        final VenueCancel c2 = oms.next(VenueCancel.class);
        assertEquals(new KillResult(1, true, 2, ""), oms.next(KillResult.class));
        assertEquals(Set.of(a1.venueClOrdId(), a2.venueClOrdId()), Set.of(c1.origVenueClOrdId(), c2.origVenueClOrdId()));
        oms.assertNothingMore();

        for (final VenueCancel cancel : new VenueCancel[]{ c1, c2 })
        {
            oms.venueExecution(SIM, cancel.venueClOrdId(), cancel.origVenueClOrdId(), ExecType.CANCELED,
                OrdStatus.CANCELED, 0, 0, cancel.venueOrderId(), "");
        }
        oms.newLimit("A3", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("B2", Side.BUY, units(1), px("10"), "AAPL", "BETA");
        oms.drain();
        final Set<String> cancelledIds = new HashSet<>();
        for (int i = 0; i < 2; i++)
        {
            final ExecReport cancelled = oms.next(ExecReport.class);
            cancelledIds.add(cancelled.clOrdId());
            assertEquals(ExecType.CANCELED, cancelled.execType());
            assertEquals(OrdStatus.CANCELED, cancelled.ordStatus());
            assertEquals("", cancelled.origClOrdId(), "unsolicited: no OrigClOrdID");
            assertEquals(0, cancelled.leavesQty());
            assertEquals("KILL_SWITCH: cancelled, account ACME engaged by officer1: runaway algo", cancelled.text());
        }
        assertEquals(Set.of("A1", "A2"), cancelledIds);
        final ExecReport blocked = oms.next(ExecReport.class);
        assertEquals("A3", blocked.clOrdId());
        assertEquals(OrdRejReason.BROKER_OPTION, blocked.ordRejReason());
        assertEquals("KILL_SWITCH: account ACME engaged by officer1: runaway algo (account ACME)", blocked.text());
        assertEquals("BETA", oms.next(VenueOrder.class).account());
        assertEquals(2, oms.oms.orderManager().counters().killSwitchCancels());
        assertEquals(1, oms.oms.orderManager().risk().rejectCount(RiskControl.KILL_SWITCH));
        assertEquals(0, oms.oms.orderManager().risk().exposure().workingSellQty(0), "the cancelled orders' hold");

        oms.killSwitch(2, RELEASE, KillSwitchScope.ACCOUNT, "ACME", 0, false, "fixed");
        oms.newLimit("A4", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(new KillResult(2, true, 0, ""), oms.next(KillResult.class));
        assertEquals("ACME", oms.next(VenueOrder.class).account());
        oms.assertNothingMore();
    }

    @Test
    void shouldLetOnlyRiskReducingOrdersThroughWhenTheSwitchAllowsThem()
    {
        final VenueOrder long100 = oms.working("L", Side.BUY, TimeInForce.DAY, "ACME");
        oms.fill(long100, units(100), px("10"));
        oms.drain();
        oms.next(ExecReport.class);

        oms.killSwitch(1, ENGAGE, KillSwitchScope.SYMBOL, "AAPL", 0, true, "halt");
        oms.newLimit("S1", Side.SELL, units(60), px("10"), "AAPL", "ACME");
        oms.newLimit("S2", Side.SELL, units(41), px("10"), "AAPL", "ACME");
        oms.newLimit("B1", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();

        assertEquals(new KillResult(1, true, 0, ""), oms.next(KillResult.class));
        assertEquals(units(60), oms.next(VenueOrder.class).orderQty());
        assertEquals("KILL_SWITCH: symbol AAPL engaged by officer1: halt (account ACME)",
            oms.next(ExecReport.class).text(), "40 left to sell: 41 would go short");
        assertEquals("KILL_SWITCH: symbol AAPL engaged by officer1: halt (account ACME)",
            oms.next(ExecReport.class).text());
        oms.assertNothingMore();
    }

    @Test
    void shouldBlockOrdersInEveryScope()
    {
        final Object[][] scopes = {
            { KillSwitchScope.GLOBAL, "", 0, "global" },
            { KillSwitchScope.VENUE, "SIM", 0, "venue SIM" },
            { KillSwitchScope.SESSION, "", CLIENT_SESSION, "session 1" },
            { KillSwitchScope.SYMBOL, "AAPL", 0, "symbol AAPL" },
        };
        long requestId = 10;
        for (final Object[] scope : scopes)
        {
            final KillSwitchScope kind = (KillSwitchScope)scope[0];
            oms.killSwitch(requestId++, ENGAGE, kind, (String)scope[1], (int)scope[2], false, "test");
            oms.newLimit("X" + requestId, Side.BUY, units(1), px("10"), "AAPL", "ACME");
            oms.killSwitch(requestId++, RELEASE, kind, (String)scope[1], (int)scope[2], false, "done");
            oms.newLimit("Y" + requestId, Side.BUY, units(1), px("10"), "AAPL", "ACME");
            oms.drain();

            if (requestId > 12)
            {
                oms.next(VenueCancel.class);
            }
            assertEquals(requestId > 12 ? 1 : 0, oms.next(KillResult.class).cancelledOrders(),
                "the order left working by the previous round");
            assertEquals("KILL_SWITCH: " + scope[3] + " engaged by officer1: test (account ACME)",
                oms.next(ExecReport.class).text());
            assertTrue(oms.next(KillResult.class).accepted());
            oms.next(VenueOrder.class);
        }
        oms.assertNothingMore();
    }

    @Test
    void shouldRefuseCommandsThatNameNothingOrReleaseWhatIsNotEngaged()
    {
        oms.killSwitch(1, ENGAGE, KillSwitchScope.ACCOUNT, "GHOST", 0, false, "x");
        oms.killSwitch(2, RELEASE, KillSwitchScope.VENUE, "SIM", 0, false, "x");
        oms.killSwitch(3, ENGAGE, KillSwitchScope.GLOBAL, "", 0, false, " ");
        oms.killSwitch(4, ENGAGE, KillSwitchScope.SESSION, "", 0, false, "x");
        oms.drain();

        assertEquals(new KillResult(1, false, 0, "unknown account 'GHOST'"), oms.next(KillResult.class));
        assertEquals(new KillResult(2, false, 0, "kill switch venue SIM is not engaged"), oms.next(KillResult.class));
        assertEquals(new KillResult(3, false, 0, "a reason is required to engage a kill switch"),
            oms.next(KillResult.class));
        assertEquals(new KillResult(4, false, 0, "unknown session '0'"), oms.next(KillResult.class));
        oms.assertNothingMore();
    }

    @Test
    void shouldStayEngagedAcrossARestartUntilReleased()
    {
        oms.killSwitch(1, ENGAGE, KillSwitchScope.ACCOUNT, "ACME", 0, false, "audit hold");
        oms.drain();
        oms.next(KillResult.class);

        oms.restartOms(context -> context.killSwitchFile(switches));
        oms.newLimit("A1", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.killSwitch(2, RELEASE, KillSwitchScope.ACCOUNT, "ACME", 0, false, "cleared");
        oms.drain();
        assertEquals("KILL_SWITCH: account ACME engaged by officer1: audit hold (account ACME)",
            oms.next(ExecReport.class).text());
        assertTrue(oms.next(KillResult.class).accepted());

        oms.restartOms(context -> context.killSwitchFile(switches));
        oms.newLimit("A2", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("ACME", oms.next(VenueOrder.class).account());
        assertFalse(oms.oms.orderManager().risk().killSwitches().all().iterator().hasNext());
    }
}
