package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.KillResult;
import io.bastion.oms.OmsHarness.SessionCommand;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.KillSwitchAction;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.SessionCommandType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.bastion.oms.OmsHarness.CLIENT_SESSION;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message throttle in the OMS: new orders, replaces and cancels over the limit are refused; past the logout
 * threshold the session's kill switch is engaged (its working orders cancelled) and the gateway is asked to log the
 * session out; it trades again only once the switch is released.
 */
class OmsThrottleTest
{
    private OmsHarness oms;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
        oms.restartOms(context -> context.sessionNames(Map.of(CLIENT_SESSION, "CLIENT1"))
            .limits(TestLimits.wide(context.symbols(), context.venueNames(), context.sessionNames(), "10000", "5000000",
            "risk.maxMessages=3", "risk.maxMessagesBeforeLogout=5")));
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldRefuseMessagesOverTheLimitThenTripLogOutAndCancelUntilReleased()
    {
        final VenueOrder working = oms.working("A1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.newLimit("A2", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("A3", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("A4", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.cancel("A1-C", "A1", "AAPL");
        oms.drain();

        oms.next(VenueOrder.class);
        oms.next(VenueOrder.class);
        final ExecReport refused = oms.next(ExecReport.class);
        assertEquals("A4", refused.clOrdId());
        assertEquals(OrdRejReason.OTHER, refused.ordRejReason());
        assertEquals("THROTTLE: session CLIENT1 sent 4 messages in 1,000 ms > 3 (account ACME)", refused.text());
        final CancelReject cancelRefused = oms.next(CancelReject.class);
        assertEquals(CxlRejReason.OTHER, cancelRefused.reason());
        assertEquals("THROTTLE: session CLIENT1 sent 5 messages in 1,000 ms > 3 (account ACME)", cancelRefused.text());
        oms.assertNothingMore();

        oms.newLimit("A5", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        final String tripped = "THROTTLE: session CLIENT1 sent 6 messages in 1,000 ms > 5: tripped, logged out";
        assertEquals(tripped + " (account ACME)", oms.next(ExecReport.class).text());
        final Set<Long> cancelled = new HashSet<>();
        for (int i = 0; i < 3; i++)
        {
            cancelled.add(oms.next(VenueCancel.class).origVenueClOrdId());
        }
        assertTrue(cancelled.contains(working.venueClOrdId()), "the session's working orders go: " + cancelled);
        assertEquals(new SessionCommand(CLIENT_SESSION, SessionCommandType.LOGOUT, tripped),
            oms.next(SessionCommand.class));
        oms.assertNothingMore();

        oms.nowNs += 5_000_000_000L;
        oms.newLimit("A6", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.killSwitch(1, KillSwitchAction.RELEASE, KillSwitchScope.SESSION, "", CLIENT_SESSION, false, "checked");
        oms.newLimit("A7", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals("KILL_SWITCH: session 1 engaged by THROTTLE: " + tripped + " (account ACME)",
            oms.next(ExecReport.class).text(), "still out after the window, until released");
        assertEquals(new KillResult(1, true, 0, ""), oms.next(KillResult.class));
        assertEquals("ACME", oms.next(VenueOrder.class).account(), "trading again once released");
        oms.assertNothingMore();
    }

    @Test
    void shouldDisableAnAccountThatGetsMoreFillsThanItsRepeatedExecutionThrottleAllows()
    {
        oms.restartOms(context -> context.sessionNames(Map.of(CLIENT_SESSION, "CLIENT1"))
            .limits(TestLimits.wide(context.symbols(), context.venueNames(), context.sessionNames(), "10000", "5000000",
            "risk.maxFills=2")));
        final VenueOrder order = oms.working("F1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.fill(order, units(10), px("10"));
        oms.fill(order, units(10), px("10"));
        oms.drain();
        oms.next(ExecReport.class);
        oms.next(ExecReport.class);
        oms.assertNothingMore();

        oms.fill(order, units(10), px("10"));
        oms.newLimit("F2", Side.BUY, units(1), px("10"), "AAPL", "ACME");
        oms.newLimit("B1", Side.BUY, units(1), px("10"), "AAPL", "BETA");
        oms.drain();
        assertEquals(units(30), oms.next(ExecReport.class).cumQty(), "the fill stands");
        assertEquals(order.venueClOrdId(), oms.next(VenueCancel.class).origVenueClOrdId(), "the rest is cancelled");
        assertEquals("KILL_SWITCH: account ACME engaged by FILL_THROTTLE: FILL_THROTTLE: account ACME had 3 fills in " +
            "1,000 ms > 2 (account ACME)", oms.next(ExecReport.class).text());
        assertEquals("BETA", oms.next(VenueOrder.class).account(), "other accounts trade on");
        oms.assertNothingMore();
    }
}
