package io.bastion.oms;

import io.bastion.oms.OmsHarness.CancelReject;
import io.bastion.oms.OmsHarness.ExecReport;
import io.bastion.oms.OmsHarness.LimitsResult;
import io.bastion.oms.OmsHarness.VenueCancel;
import io.bastion.oms.OmsHarness.VenueOrder;
import io.bastion.oms.OmsHarness.VenueReplace;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.bastion.oms.OmsHarness.OTHER_VENUE;
import static io.bastion.oms.OmsHarness.SIM;
import static io.bastion.oms.OmsHarness.px;
import static io.bastion.oms.OmsHarness.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Self-match prevention: an order that would trade at its venue with a working order of its own account (or self-match
 * group) is refused, or the working order is cancelled first, or both; one tick short of crossing passes; other
 * accounts, venues and symbols, stop orders, and accounts with it off are left alone.
 */
class OmsSelfMatchTest
{
    private OmsHarness oms;

    @BeforeEach
    void setUp() throws Exception
    {
        oms = new OmsHarness(OmsHarness.tempDir(), context -> context.venueRules("SIM",
            new VenueRules(EnumSet.allOf(OrdType.class), EnumSet.allOf(TimeInForce.class), true, false)));
    }

    @AfterEach
    void tearDown()
    {
        oms.close();
    }

    @Test
    void shouldRefuseAnIncomingOrderThatWouldTradeWithTheAccountsOwnOrder()
    {
        settings("risk.selfMatch=cancelIncoming");
        final long restingId = workingOrderId("B1", Side.BUY, "ACME");

        oms.newLimit("S1", Side.SELL, units(10), px("10.01"), "AAPL", "ACME");
        oms.newLimit("S2", Side.SELL, units(10), px("10"), "AAPL", "ACME");
        oms.newLimit("S3", Side.SELL, units(10), px("10"), "AAPL", "BETA");
        oms.newOrder("S4", Side.SELL, OrdType.MARKET, units(10), 0, "AAPL", "", "ACME", false);
        oms.newOrder("S5", Side.SELL, OrdType.STOP, TimeInForce.DAY, units(10), 0, px("9"), 0, "AAPL", "", "ACME",
            false);
        oms.drain();
        assertEquals(px("10.01"), oms.next(VenueOrder.class).price(), "one tick short of the resting buy: passes");
        final ExecReport refused = oms.next(ExecReport.class);
        assertEquals("S2", refused.clOrdId());
        assertEquals(ExecType.REJECTED, refused.execType());
        assertEquals(OrdRejReason.OTHER, refused.ordRejReason());
        assertEquals("SELF_MATCH: would trade with order " + restingId + " of account ACME (account ACME)",
            refused.text());
        assertEquals("BETA", oms.next(VenueOrder.class).account(), "another account may trade with it");
        assertEquals("S4", oms.next(ExecReport.class).clOrdId(), "a market order crosses any price");
        assertEquals(OrdType.STOP, oms.next(VenueOrder.class).ordType(), "a stop order is not checked");
        oms.assertNothingMore();
        assertEquals(2, oms.oms.orderManager().risk().rejectCount(RiskControl.SELF_MATCH));
    }

    @Test
    void shouldCancelTheRestingOrderBeforeSendingTheIncomingOne()
    {
        settings("risk.account.ACME.selfMatch=cancelResting");
        final VenueOrder resting = oms.working("B1", Side.BUY, TimeInForce.DAY, "ACME");

        oms.newLimit("S1", Side.SELL, units(10), px("9.50"), "AAPL", "ACME");
        oms.drain();
        final VenueCancel cancel = oms.next(VenueCancel.class);
        assertEquals(resting.venueClOrdId(), cancel.origVenueClOrdId(), "the cancel goes to the venue first");
        assertEquals(Side.SELL, oms.next(VenueOrder.class).side(), "then the incoming order");
        oms.assertNothingMore();

        oms.venueExecution(SIM, cancel.venueClOrdId(), cancel.origVenueClOrdId(), ExecType.CANCELED,
            OrdStatus.CANCELED, 0, 0, cancel.venueOrderId(), "");
        oms.drain();
        final ExecReport cancelled = oms.next(ExecReport.class);
        assertEquals("B1", cancelled.clOrdId());
        assertEquals(ExecType.CANCELED, cancelled.execType());
        assertEquals("", cancelled.origClOrdId(), "unsolicited");
        assertEquals("SELF_MATCH: cancelled, a new order of the same account or self-match group would have traded " +
            "with it", cancelled.text());
        assertEquals(1, oms.oms.orderManager().counters().selfMatchCancels());
        assertEquals(0, oms.oms.orderManager().counters().killSwitchCancels());
        assertEquals(0, oms.oms.orderManager().risk().exposure().workingBuyQty(
            oms.oms.orderManager().risk().exposure().find(0, 0)), "the cancelled order's hold is released");
    }

    @Test
    void shouldCancelBothWhenConfigured()
    {
        settings("risk.selfMatch=cancelBoth");
        final VenueOrder resting = oms.working("B1", Side.BUY, TimeInForce.DAY, "ACME");
        oms.newLimit("S1", Side.SELL, units(10), px("9.50"), "AAPL", "ACME");
        oms.drain();
        assertEquals(resting.venueClOrdId(), oms.next(VenueCancel.class).origVenueClOrdId());
        assertTrue(oms.next(ExecReport.class).text().startsWith("SELF_MATCH: would trade with order "));
        oms.assertNothingMore();
    }

    @Test
    void shouldTreatTheAccountsOfAGroupAsOne()
    {
        settings("risk.selfMatch=cancelIncoming", "risk.account.ACME.selfMatchGroup=DESK1",
            "risk.account.BETA.selfMatchGroup=DESK1");
        final long restingId = workingOrderId("B1", Side.BUY, "ACME");
        oms.newLimit("S1", Side.SELL, units(10), px("10"), "AAPL", "BETA");
        oms.newLimit("S2", Side.SELL, units(10), px("10"), "AAPL", "DEFAULT");
        oms.drain();
        assertEquals("SELF_MATCH: would trade with order " + restingId + " of account ACME (self-match group DESK1) " +
            "(account BETA)", oms.next(ExecReport.class).text());
        assertEquals("DEFAULT", oms.next(VenueOrder.class).account(), "not in the group");
        oms.assertNothingMore();
    }

    @Test
    void shouldLeaveOrdersAtOtherVenuesAndInOtherSymbolsAlone()
    {
        settings("risk.selfMatch=cancelIncoming");
        workingOrderId("B1", Side.BUY, "ACME");
        oms.newOrder("S1", Side.SELL, OrdType.LIMIT, units(10), px("10"), "AAPL", "OTHER", "ACME", false);
        oms.newLimit("S2", Side.SELL, units(10), px("10"), "IBM", "ACME");
        oms.drain();
        assertEquals(OTHER_VENUE, oms.next(VenueOrder.class).venueId());
        assertEquals("IBM", oms.next(VenueOrder.class).symbol());
        oms.assertNothingMore();
    }

    @Test
    void shouldRefuseAReplaceThatWouldCross()
    {
        settings("risk.selfMatch=cancelIncoming");
        final long restingId = workingOrderId("S1", Side.SELL, "ACME");
        oms.newLimit("B1", Side.BUY, units(100), px("9.50"), "AAPL", "ACME");
        oms.drain();
        final VenueOrder buy = oms.next(VenueOrder.class);
        oms.ack(buy);
        oms.drain();
        assertEquals(ExecType.NEW, oms.next(ExecReport.class).execType());
        oms.replace("B2", "B1", units(100), px("9.99"));
        oms.drain();
        assertEquals(ExecType.PENDING_REPLACE, oms.next(ExecReport.class).execType(), "one tick short: passes");
        final VenueReplace replace = oms.next(VenueReplace.class);
        assertEquals(buy.venueClOrdId(), replace.origVenueClOrdId());
        oms.assertNothingMore();

        oms.venueExecution(SIM, replace.venueClOrdId(), replace.origVenueClOrdId(), ExecType.REPLACED,
            OrdStatus.NEW, 0, 0, replace.venueOrderId(), "");
        oms.replace("B3", "B2", units(100), px("10"));
        oms.drain();
        assertEquals(ExecType.REPLACED, oms.next(ExecReport.class).execType());
        final CancelReject crossing = oms.next(CancelReject.class);
        assertEquals("B3", crossing.clOrdId());
        assertEquals("SELF_MATCH: would trade with order " + restingId + " of account ACME (account ACME)",
            crossing.text());
        oms.assertNothingMore();
    }

    @Test
    void shouldLetTheAccountsOrdersTradeWithEachOtherWhenOff()
    {
        workingOrderId("B1", Side.BUY, "ACME");
        oms.newLimit("S1", Side.SELL, units(10), px("10"), "AAPL", "ACME");
        oms.drain();
        assertEquals(Side.SELL, oms.next(VenueOrder.class).side());
        oms.assertNothingMore();
    }

    private void settings(final String... settings)
    {
        oms.riskLimitsUpdate(99, 0, "officer1", settings);
        oms.drain();
        assertTrue(oms.next(LimitsResult.class).accepted());
    }

    /**
     * A working limit order for 100 AAPL at 10.
     *
     * @return its OrderID.
     */
    private long workingOrderId(final String clOrdId, final Side side, final String account)
    {
        final long before = oms.oms.orderManager().counters().newOrders();
        oms.working(clOrdId, side, TimeInForce.DAY, account);
        assertEquals(before + 1, oms.oms.orderManager().counters().newOrders());
        return oms.lastAckOrderId;
    }
}
