package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.LimitsResult;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.oms.OmsHarness.VenueReplace;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trader's caps (by SenderSubID) and a client session's caps on the per-order limits, end to end through the OMS:
 * set at run time, applied to new orders and replaces, and never loosening the account's limits.
 */
class OmsTraderLimitsTest
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
    void shouldCapNewOrdersAndReplacesByTheirTrader()
    {
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.trader.JDOE.maxOrderQty=50");
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());

        oms.trader = "JDOE";
        oms.newLimit("J1", Side.BUY, units(51), px("10"), "AAPL", "ACME");
        oms.newLimit("J2", Side.BUY, units(50), px("10"), "AAPL", "ACME");
        oms.drain();
        final ExecReport rejected = oms.next(ExecReport.class);
        assertEquals("J1", rejected.clOrdId());
        assertEquals(OrdRejReason.ORDER_EXCEEDS_LIMIT, rejected.ordRejReason());
        assertEquals("MAX_ORDER_QTY: 51 > 50 (account ACME)", rejected.text());
        assertEquals(units(50), oms.next(VenueOrder.class).orderQty(), "at the cap");
        oms.assertNothingMore();
    }

    @Test
    void shouldLetOtherTradersAndOrdersWithoutOneUseTheAccountsLimit()
    {
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.trader.JDOE.maxOrderQty=50");
        oms.trader = "ASMITH";
        oms.newLimit("A1", Side.BUY, units(51), px("10"), "AAPL", "ACME");
        oms.trader = "";
        oms.newLimit("N1", Side.BUY, units(51), px("10"), "AAPL", "ACME");
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());
        assertEquals(units(51), oms.next(VenueOrder.class).orderQty());
        assertEquals(units(51), oms.next(VenueOrder.class).orderQty());
        oms.assertNothingMore();
    }

    @Test
    void shouldCheckAReplaceAgainstTheCapsOfTheTraderSendingIt()
    {
        final VenueOrder order = oms.working("O1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.riskLimitsUpdate(1, 1, "officer1", "risk.trader.JDOE.maxOrderQty=150");
        oms.trader = "JDOE";
        oms.replace("O2", "O1", units(151), px("10"));
        oms.replace("O3", "O1", units(150), px("10"));
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());
        final CancelReject refused = oms.next(CancelReject.class);
        assertEquals("O2", refused.clOrdId());
        assertEquals("MAX_ORDER_QTY: 151 > 150 (account ACME)", refused.text());
        assertEquals(ExecType.PENDING_REPLACE, oms.next(ExecReport.class).execType());
        assertEquals(order.venueClOrdId(), oms.next(VenueReplace.class).origVenueClOrdId());
        oms.assertNothingMore();
    }

    @Test
    void shouldCapTheOrdersOfOneClientSession()
    {
        oms.restartOms(context -> context.sessionNames(Map.of(OmsHarness.CLIENT_SESSION, "CLIENT1"))
            .limits(TestLimits.wide(List.of("AAPL", "MSFT", "IBM"), List.of("SIM", "OTHER"),
            Map.of(OmsHarness.CLIENT_SESSION, "CLIENT1"), "10000", "5000000",
            "risk.session.CLIENT1.maxOrderNotional=1000")));
        oms.newLimit("S1", Side.BUY, units(100), px("10"), "AAPL", "ACME");
        oms.newLimit("S2", Side.BUY, units(100), px("10.01"), "AAPL", "ACME");
        oms.drain();
        assertEquals(units(100), oms.next(VenueOrder.class).orderQty());
        assertEquals("MAX_ORDER_NOTIONAL: 1,001.00 > 1,000.00 (account ACME)", oms.next(ExecReport.class).text());
        oms.assertNothingMore();
    }
}
