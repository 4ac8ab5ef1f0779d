package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The controls over what an account has at stake (credit, long, short and net position) and the kill switch, each at
 * its boundary, one unit over, with no limit configured, and after capacity is released.
 */
class ExposureLimitsTest
{
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final int ACME = 0;
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final int XNAS = 0;
    private static final int SESSION = 7;
    private static final long TINY = 1;

    private PreTradeRisk risk;
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldAcceptCreditAtTheLimitAndRejectTheSmallestAmountOver()
    {
        use("risk.creditLimit", "3000");
        hold(AAPL, Side.BUY, "200", "2000");
        position(MSFT, "5", "100");

        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "5", "100"), "2,000 + 500 + 500 = 3,000");
        assertEquals(RiskControl.CREDIT_LIMIT, check(AAPL, Side.BUY, "5.0000001", "100"));
        assertEquals("CREDIT_LIMIT: 3,000.00001 > 3,000.00 (positions 500.00, working orders 2,000.00, " +
            "this order 500.00001)", lastText());
        assertEquals(OrdRejReason.ORDER_EXCEEDS_LIMIT, RiskControl.CREDIT_LIMIT.ordRejReason());
        assertEquals(1, risk.rejectCount(RiskControl.CREDIT_LIMIT));

        hold(AAPL, Side.BUY, "-200", "-2000");
        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "25", "100"), "released: 500 + 2,500");
    }

    @Test
    void shouldValuePositionsAtTheLatestReferencePriceAndQuantity()
    {
        use("risk.creditLimit", "1000");
        position(MSFT, "5", "100");
        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "5", "100"), "500 + 500");

        risk.referencePrices().update(MSFT, FixedPoint.parse("101"), NOW_NS);
        assertEquals(RiskControl.CREDIT_LIMIT, check(AAPL, Side.BUY, "5", "100"));
        assertEquals("CREDIT_LIMIT: 1,005.00 > 1,000.00 (positions 505.00, working orders 0.00, this order 500.00)",
            lastText());

        final int msft = risk.exposure().find(ACME, MSFT);
        risk.exposure().execute(msft, Side.SELL, FixedPoint.parse("1"), FixedPoint.parse("101"));
        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "5", "100"), "404 + 500 after selling one");
        risk.exposure().execute(msft, Side.SELL, FixedPoint.parse("10"), FixedPoint.parse("101"));
        assertEquals(RiskControl.CREDIT_LIMIT, check(AAPL, Side.BUY, "5", "100"), "short 6: 606 + 500");
    }

    @Test
    void shouldRejectEveryOrderWhenNoCreditLimitIsConfigured()
    {
        use("risk.creditLimit", null);

        assertEquals(RiskControl.CREDIT_LIMIT, check(AAPL, Side.BUY, "1", "100"));
        assertEquals("CREDIT_LIMIT: no limit configured", lastText());
    }

    @Test
    void shouldCountAReplacesOwnHoldOnlyOnce()
    {
        use("risk.creditLimit", "4000", "risk.maxLongQty", "30");
        hold(AAPL, Side.BUY, "20", "2000");

        final long qty = FixedPoint.parse("30");
        assertEquals(RiskControl.NONE, risk.checkOrder(ACME, AAPL, XNAS, SESSION, Side.BUY, qty, qty,
            FixedPoint.parse("100"), FixedPoint.NULL_VALUE, FixedPoint.parse("20"), FixedPoint.parse("2000"), NOW_NS));
        assertEquals(RiskControl.MAX_LONG_QTY, risk.checkOrder(ACME, AAPL, XNAS, SESSION, Side.BUY, qty + TINY,
            qty + TINY, FixedPoint.parse("100"), FixedPoint.NULL_VALUE, FixedPoint.parse("20"),
            FixedPoint.parse("2000"), NOW_NS));
    }

    @Test
    void shouldLimitTheLongPositionIfEveryWorkingBuyFilled()
    {
        use("risk.maxLongQty", "300");
        position(AAPL, "100", "100");
        hold(AAPL, Side.BUY, "100", "10000");

        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "100", "100"));
        assertEquals(RiskControl.MAX_LONG_QTY, check(AAPL, Side.BUY, "100.00000001", "100"));
        assertEquals("MAX_LONG_QTY: 300.00000001 > 300 (position 100, working buys 100, this order 100.00000001)",
            lastText());
        assertEquals(RiskControl.NONE, check(AAPL, Side.SELL, "1000", "100"), "a sell is not held to the long limit");

        use("risk.maxLongQty", null);
        assertEquals(RiskControl.MAX_LONG_QTY, check(AAPL, Side.BUY, "1", "100"));
        assertEquals("MAX_LONG_QTY: no limit configured", lastText());
    }

    @Test
    void shouldLimitTheShortPositionIfEveryWorkingSellFilled()
    {
        use("risk.maxShortQty", "50");
        position(AAPL, "100", "100");
        hold(AAPL, Side.SELL, "100", "10000");

        assertEquals(RiskControl.NONE, check(AAPL, Side.SELL, "50", "100"));
        assertEquals(RiskControl.MAX_SHORT_QTY, check(AAPL, Side.SELL, "50.00000001", "100"));
        assertEquals("MAX_SHORT_QTY: 50.00000001 > 50 (position 100, working sells 100, this order 50.00000001)",
            lastText());

        hold(AAPL, Side.SELL, "-100", "-10000");
        assertEquals(RiskControl.NONE, check(AAPL, Side.SELL, "150", "100"), "released");

        use("risk.maxShortQty", null);
        assertEquals(RiskControl.MAX_SHORT_QTY, check(AAPL, Side.SELL, "1", "100"));
        assertEquals("MAX_SHORT_QTY: no limit configured", lastText());
    }

    @Test
    void shouldLimitTheNetPositionOnlyWhenAnOrderEnlargesIt()
    {
        use("risk.maxNetQty", "100");
        position(AAPL, "80", "100");

        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "20", "100"));
        assertEquals(RiskControl.MAX_NET_QTY, check(AAPL, Side.BUY, "20.00000001", "100"));
        assertEquals("MAX_NET_QTY: 100.00000001 > 100 (position 80, working buys 0, this order 20.00000001)",
            lastText());

        position(AAPL, "150", "100");
        assertEquals(RiskControl.NONE, check(AAPL, Side.SELL, "10", "100"), "over the limit, but coming back");

        use("risk.maxNetQty", null);
        assertEquals(RiskControl.MAX_NET_QTY, check(AAPL, Side.SELL, "1", "100"));
        assertEquals("MAX_NET_QTY: no limit configured", lastText());
    }

    @Test
    void shouldBlockOrdersUnderAnEngagedKillSwitchAndLetRiskReducingOnesThroughUpToFlat()
    {
        use();
        position(AAPL, "100", "100");
        final KillSwitches switches = risk.killSwitches();
        switches.engage(new KillSwitches.Engagement(KillSwitchScope.ACCOUNT, "ACME", ACME, true, "breach", "cro", 1));

        assertEquals(RiskControl.NONE, check(AAPL, Side.SELL, "100", "100"), "back to flat");
        assertEquals(RiskControl.KILL_SWITCH, check(AAPL, Side.SELL, "100.00000001", "100"));
        assertEquals("KILL_SWITCH: account ACME engaged by cro: breach", lastText());
        assertEquals(RiskControl.KILL_SWITCH, check(AAPL, Side.BUY, "1", "100"));
        assertEquals(RiskControl.KILL_SWITCH, check(MSFT, Side.SELL, "1", "100"), "no position to reduce");

        switches.engage(new KillSwitches.Engagement(KillSwitchScope.ACCOUNT, "ACME", ACME, false, "breach", "cro", 2));
        assertEquals(RiskControl.KILL_SWITCH, check(AAPL, Side.SELL, "1", "100"), "risk-reducing orders blocked too");

        switches.release(KillSwitchScope.ACCOUNT, ACME);
        assertEquals(RiskControl.NONE, check(AAPL, Side.BUY, "1", "100"));
        assertNull(switches.covering(ACME, AAPL, XNAS, SESSION));
    }

    @Test
    void shouldFindTheSwitchCoveringAnOrderInEveryScope()
    {
        final KillSwitches switches = new KillSwitches();
        assertNull(switches.covering(ACME, AAPL, XNAS, SESSION));
        int scopes = 0;
        for (final KillSwitchScope scope : KillSwitchScope.values())
        {
            if (scope == KillSwitchScope.NULL_VAL)
            {
                continue;
            }
            final int index = scope == KillSwitchScope.SESSION ? SESSION : scope == KillSwitchScope.SYMBOL ? MSFT : 0;
            switches.engage(new KillSwitches.Engagement(scope, "x", index, false, "r", "u", 0));
            assertEquals(scope, switches.covering(ACME, MSFT, XNAS, SESSION).scope());
            if (scope == KillSwitchScope.GLOBAL)
            {
                assertEquals(scope, switches.covering(1, AAPL, 1, SESSION + 1).scope(), "global covers everything");
            }
            else
            {
                assertNull(switches.covering(1, AAPL, 1, SESSION + 1), scope + " covers only its own");
            }
            switches.release(scope, index);
            scopes++;
        }
        assertEquals(5, scopes);
        assertEquals(0, switches.all().size());
    }

    private void use(final String... overrides)
    {
        final Map<String, String> settings = new TreeMap<>(Map.of(
            "risk.accounts", "ACME",
            "risk.permittedSymbols", "*",
            "risk.maxOrderQty", "100000",
            "risk.maxOrderNotional", "100000000",
            "risk.collarPercent", "50",
            "risk.maxReferenceAgeMs", "1000",
            "risk.symbol.AAPL.referencePrice", "100",
            "risk.symbol.MSFT.referencePrice", "100"));
        settings.putAll(Map.of("risk.creditLimit", "90000000000", "risk.maxLongQty", "90000000000",
            "risk.maxShortQty", "90000000000", "risk.maxNetQty", "90000000000", "risk.fillWindowMs", "1000",
            "risk.maxFills", "1000000", "risk.maxDailyLoss", "90000000000"));
        for (int i = 0; i < overrides.length; i += 2)
        {
            if (overrides[i + 1] == null)
            {
                settings.remove(overrides[i]);
            }
            else
            {
                settings.put(overrides[i], overrides[i + 1]);
            }
        }
        final LimitSet limits = new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS"))
            .parse(settings);
        final ReferencePrices prices = new ReferencePrices(2);
        prices.takeConfigured(limits, null, NOW_NS);
        final ExposureBook exposure = risk == null ? new ExposureBook(16, 1) : risk.exposure();
        risk = new PreTradeRisk(limits, prices, exposure);
    }

    private RiskControl check(final int symbol, final Side side, final String qty, final String px)
    {
        final long quantity = FixedPoint.parse(qty);
        return risk.checkOrder(ACME, symbol, XNAS, SESSION, side, quantity, quantity, FixedPoint.parse(px),
            FixedPoint.NULL_VALUE, 0, 0, NOW_NS);
    }

    private void hold(final int symbol, final Side side, final String qty, final String notional)
    {
        risk.exposure().reserve(risk.exposure().acquire(ACME, symbol), side, FixedPoint.parse(qty),
            FixedPoint.parse(notional));
    }

    private void position(final int symbol, final String net, final String px)
    {
        risk.exposure().position(risk.exposure().acquire(ACME, symbol), FixedPoint.parse(net), FixedPoint.parse(px));
    }

    private String lastText()
    {
        return text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0));
    }
}
