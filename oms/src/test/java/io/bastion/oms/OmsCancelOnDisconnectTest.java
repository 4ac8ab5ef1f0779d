package io.bastion.oms;

import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.bastion.oms.OmsHarness.CLIENT_SESSION;
import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cancel-on-disconnect, chosen per client session: when the session logs out, its working orders are cancelled at the
 * venue as its policy says (Day orders only, or GTC and GTD too), and the client is told when it is back.
 */
class OmsCancelOnDisconnectTest
{
    private OmsHarness oms;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> {});
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldCancelDayOrdersAndKeepGtcOnesWhenTheSessionDisconnectsUnderTheDayPolicy()
    {
        oms.restartOms(context -> context.cancelOnDisconnect(CLIENT_SESSION, CancelOnDisconnect.DAY));
        final VenueOrder day = oms.working("D1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.working("G1", Side.BUY, TimeInForce.GTC, "ACME");

        logout();
        final VenueCancel cancel = oms.next(VenueCancel.class);
        assertEquals(day.venueClOrdId(), cancel.origVenueClOrdId());
        oms.assertNothingMore();

        oms.venueExecution(SIM, cancel.venueClOrdId(), cancel.origVenueClOrdId(), ExecType.CANCELED,
            OrdStatus.CANCELED, 0, 0, cancel.venueOrderId(), "");
        oms.drain();
        final ExecReport cancelled = oms.next(ExecReport.class);
        assertEquals("D1", cancelled.clOrdId());
        assertEquals(ExecType.CANCELED, cancelled.execType());
        assertEquals("", cancelled.origClOrdId());
        assertEquals("CANCEL_ON_DISCONNECT: cancelled, session 1 disconnected", cancelled.text());
        assertEquals(units(100), oms.oms.orderManager().risk().exposure().workingBuyQty(0), "the GTC order's hold");
        assertEquals(1, oms.oms.orderManager().counters().disconnectCancels());
        oms.assertNothingMore();
    }

    @Test
    void shouldCancelGtcOrdersTooUnderTheAllPolicy()
    {
        oms.restartOms(context -> context.cancelOnDisconnect(CLIENT_SESSION, CancelOnDisconnect.ALL));
        oms.working("D1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.working("G1", Side.BUY, TimeInForce.GTC, "ACME");

        logout();
        oms.next(VenueCancel.class);
        oms.next(VenueCancel.class);
        oms.assertNothingMore();
    }

    @Test
    void shouldLeaveOrdersWorkingWithoutAPolicy()
    {
        oms.working("D1", Side.BUY, TimeInForce.DAY, "ACME");

        logout();
        oms.assertNothingMore();
        assertEquals(0, oms.oms.orderManager().counters().disconnectCancels());
    }

    private void logout()
    {
        oms.sessionStatus(CLIENT_SESSION, -1, SessionRole.CLIENT, SessionState.LOGGED_OUT);
        oms.drain();
    }
}
