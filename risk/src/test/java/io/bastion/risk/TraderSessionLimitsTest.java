package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Caps a client session and a trader put on the per-order limits of their orders: the tightest of account, symbol,
 * venue, session and trader applies, a cap never loosens a limit, and only per-order limits may be capped there.
 */
class TraderSessionLimitsTest
{
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final int ACME = 0;
    private static final int AAPL = 0;
    private static final int XNAS = 0;
    private static final int CLIENT1 = 1;
    private static final int CLIENT4 = 4;
    private static final long PX = FixedPoint.ofUnits(100);

    private PreTradeRisk risk;
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldCapAnOrdersQuantityByItsTrader()
    {
        use("risk.trader.JDOE.maxOrderQty", "500", "risk.trader.BIGTRADER.maxOrderQty", "5000");
        final int jdoe = risk.limits().traders().find("JDOE");
        final int big = risk.limits().traders().find("BIGTRADER");
        assertEquals(RiskControl.NONE, check(CLIENT1, jdoe, 500));
        assertEquals(RiskControl.MAX_ORDER_QTY, check(CLIENT1, jdoe, 501));
        assertEquals("MAX_ORDER_QTY: 501 > 500", lastText());
        assertEquals(RiskControl.NONE, check(CLIENT1, NameIndex.MISSING, 1000), "no trader: the account's limit");
        assertEquals(RiskControl.MAX_ORDER_QTY, check(CLIENT1, big, 1001), "a trader's cap never loosens it");
        assertEquals("MAX_ORDER_QTY: 1,001 > 1,000", lastText());
    }

    @Test
    void shouldCapAnOrdersNotionalAndCollarBySession()
    {
        use("risk.session.CLIENT4.maxOrderNotional", "10000", "risk.session.CLIENT4.collarPercent", "1");
        assertEquals(RiskControl.NONE, check(CLIENT4, NameIndex.MISSING, 100));
        assertEquals(RiskControl.MAX_ORDER_NOTIONAL, check(CLIENT4, NameIndex.MISSING, 101));
        assertEquals("MAX_ORDER_NOTIONAL: 10,100.00 > 10,000.00", lastText());
        assertEquals(RiskControl.NONE, check(CLIENT1, NameIndex.MISSING, 101), "another session");
        assertEquals(RiskControl.PRICE_COLLAR, risk.checkOrder(ACME, AAPL, XNAS, CLIENT4, NameIndex.MISSING, Side.BUY,
            units(1), units(1), FixedPoint.parse("101.01"), FixedPoint.NULL_VALUE, 0, 0, NOW_NS));
        assertEquals("PRICE_COLLAR: 101.01 outside 99.00 to 101.00 (reference 100.00)", lastText());
    }

    @Test
    void shouldKeepATradersIndexAcrossVersions()
    {
        use("risk.trader.JDOE.maxOrderQty", "500");
        final LimitSet next = new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS"), Map.of(CLIENT1, "CLIENT1",
            CLIENT4, "CLIENT4")).update(risk.limits(), Map.of("risk.trader.ALICE.maxOrderQty", "10"),
            Set.of("risk.trader.JDOE.maxOrderQty"));
        assertEquals(0, next.traders().find("JDOE"));
        assertEquals(1, next.traders().find("ALICE"));
        assertNull(next.traderCaps(0), "JDOE's cap was removed");
        risk.limits(next);
        assertEquals(RiskControl.NONE, check(CLIENT1, 0, 1000));
        assertEquals(RiskControl.MAX_ORDER_QTY, check(CLIENT1, 1, 11));
    }

    @Test
    void shouldRefuseCapsOnAggregateLimitsAndBadTraderNames()
    {
        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class, () -> use(
            "risk.trader.JDOE.creditLimit", "1",
            "risk.trader.J DOE.maxOrderQty", "1",
            "risk.trader.JDOE", "1",
            "risk.trader.ALICE.maxMessages", "5"));
        assertEquals(List.of(
            "risk.trader.ALICE.maxMessages: a trader sets only caps on per-order limits (maxOrderQty, " +
                "maxOrderNotional, collarPercent, collarTicks, maxReferenceAgeMs)",
            "risk.trader.J DOE.maxOrderQty: trader J DOE may hold only printable ASCII without spaces, dots, commas " +
                "or '='",
            "risk.trader.JDOE: incomplete",
            "risk.trader.JDOE.creditLimit: a trader sets only caps on per-order limits (maxOrderQty, " +
                "maxOrderNotional, collarPercent, collarTicks, maxReferenceAgeMs)"), ex.errors());
    }

    private RiskControl check(final int session, final int trader, final long qty)
    {
        return risk.checkOrder(ACME, AAPL, XNAS, session, trader, Side.BUY, units(qty), units(qty), PX,
            FixedPoint.NULL_VALUE, 0, 0, NOW_NS);
    }

    private static long units(final long units)
    {
        return FixedPoint.ofUnits(units);
    }

    private void use(final String... overrides)
    {
        final Map<String, String> settings = PassingSettings.with(overrides);
        final LimitSet limits = new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS"),
            Map.of(CLIENT1, "CLIENT1", CLIENT4, "CLIENT4")).parse(settings);
        final ReferencePrices prices = new ReferencePrices(2);
        prices.takeConfigured(limits, null, NOW_NS);
        risk = new PreTradeRisk(limits, prices, new ExposureBook(8, 1));
    }

    private String lastText()
    {
        return text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0));
    }
}
