package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link PreTradeRisk}: each control of the chain accepts an order at its limit, rejects one a unit (or a tick, or
 * 0.00000001 of price) past it, and rejects when it has nothing to check against (risk fails closed); a rejection
 * returns the control, carries its OrdRejReason, is counted, and has an exact text.
 */
class PreTradeRiskTest
{
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "GME", "TSLA");
    private static final List<String> VENUES = List.of("XNAS", "XNYS");
    private static final int ACME = 0;
    private static final int DEMO = 1;
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final int GME = 2;
    private static final int TSLA = 3;
    private static final int XNAS = 0;
    private static final int XNYS = 1;
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final long NS_PER_MS = 1_000_000L;
    private static final int SESSION = 1;
    /** Credit and position limits far from every order here: ExposureBookRiskTest tests those controls. */
    private static final Map<String, String> WIDE_EXPOSURE_LIMITS = Map.of(
        "risk.creditLimit", "90000000000",
        "risk.maxLongQty", "90000000000",
        "risk.maxShortQty", "90000000000",
        "risk.maxNetQty", "90000000000",
        "risk.fillWindowMs", "1000",
        "risk.maxFills", "1000000",
        "risk.maxDailyLoss", "90000000000");

    private final LimitSetParser parser = new LimitSetParser(SYMBOLS, VENUES);
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);
    private final long[] expectedRejects = new long[RiskControl.values().length];
    private ReferencePrices prices;
    private PreTradeRisk risk;

    @BeforeEach
    void setUp()
    {
        use();
    }

    @Test
    void shouldRejectAnOrderWithoutAnAccount()
    {
        assertRejected(
            check(NameIndex.MISSING, AAPL, XNAS, "1", "190", null),
            RiskControl.UNKNOWN_ACCOUNT, OrdRejReason.UNKNOWN_ACCOUNT, "UNKNOWN_ACCOUNT: not configured");
    }

    @Test
    void shouldRejectAReferencePriceFromLongAgoWithItsAge()
    {
        prices.update(AAPL, FixedPoint.ofUnits(190), 0);

        assertRejected(
            check(ACME, AAPL, XNAS, "1", "190", null),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: reference price for AAPL is 1,700,000,000,000 ms old > 1,000 ms");
    }

    @Test
    void shouldRejectAnAccountRemovedByAnUpdate()
    {
        assertAccepted(check(DEMO, AAPL, XNAS, "1", "190", null));

        risk.limits(parser.update(risk.limits(), Map.of("risk.accounts", "ACME"), Set.of()));

        assertEquals(DEMO, risk.limits().accounts().find("DEMO"));
        assertRejected(
            check(DEMO, AAPL, XNAS, "1", "190", null),
            RiskControl.UNKNOWN_ACCOUNT, OrdRejReason.UNKNOWN_ACCOUNT, "UNKNOWN_ACCOUNT: not configured");
        assertAccepted(check(ACME, AAPL, XNAS, "1", "190", null));
    }

    @Test
    void shouldRejectAnAccountWithoutInstrumentPermissions()
    {
        use("risk.permittedSymbols", null);

        assertRejected(
            limit("1", "190"),
            RiskControl.NOT_PERMITTED, OrdRejReason.BROKER_OPTION,
            "NOT_PERMITTED: no instrument permissions configured");
    }

    @Test
    void shouldRejectASymbolTheAccountIsNotPermitted()
    {
        use("risk.account.DEMO.permittedSymbols", "AAPL");

        assertAccepted(check(DEMO, AAPL, XNAS, "1", "190", null));
        assertRejected(
            check(DEMO, MSFT, XNAS, "1", null, "400"),
            RiskControl.NOT_PERMITTED, OrdRejReason.BROKER_OPTION, "NOT_PERMITTED: MSFT is not permitted");
        assertAccepted(check(ACME, MSFT, XNAS, "1", null, "400"));
    }

    @Test
    void shouldRejectASymbolOnTheGlobalRestrictedList()
    {
        use("risk.restrictedSymbols", "GME");

        assertRejected(
            check(ACME, GME, XNAS, "1", null, "20"),
            RiskControl.RESTRICTED, OrdRejReason.BROKER_OPTION, "RESTRICTED: GME is on the restricted list");
    }

    @Test
    void shouldRejectASymbolOnTheAccountsRestrictedListForThatAccountOnly()
    {
        use("risk.account.DEMO.restrictedSymbols", "TSLA");

        assertRejected(
            check(DEMO, TSLA, XNAS, "1", null, "250"),
            RiskControl.RESTRICTED, OrdRejReason.BROKER_OPTION, "RESTRICTED: TSLA is on the account's restricted list");
        assertAccepted(check(ACME, TSLA, XNAS, "1", null, "250"));
    }

    @Test
    void shouldReportOnlyTheFirstControlOfTheChainThatFails()
    {
        use("risk.account.DEMO.permittedSymbols", "MSFT", "risk.restrictedSymbols", "AAPL");

        assertRejected(
            check(DEMO, AAPL, XNAS, "5000", "1000", null),
            RiskControl.NOT_PERMITTED, OrdRejReason.BROKER_OPTION, "NOT_PERMITTED: AAPL is not permitted");
        assertRejected(
            check(ACME, AAPL, XNAS, "5000", "1000", null),
            RiskControl.RESTRICTED, OrdRejReason.BROKER_OPTION, "RESTRICTED: AAPL is on the restricted list");
    }

    @Test
    void shouldAcceptAQuantityAtTheLimitAndRejectOneUnitOver()
    {
        assertAccepted(limit("1000", "190"));

        assertRejected(
            limit("1001", "190"),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: 1,001 > 1,000");
    }

    @Test
    void shouldRejectAQuantityTheSmallestFractionOverTheLimit()
    {
        assertRejected(
            limit("1000.00000001", "190"),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: 1,000.00000001 > 1,000");
    }

    @Test
    void shouldRejectEveryQuantityWhenNoQuantityLimitIsConfigured()
    {
        use("risk.maxOrderQty", null);

        assertRejected(
            limit("1", "190"),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: no limit configured");
    }

    @Test
    void shouldApplyTheTightestOfTheAccountAndVenueLimits()
    {
        use("risk.account.DEMO.maxOrderQty", "10", "risk.venue.XNYS.maxOrderQty", "100");

        assertAccepted(check(ACME, AAPL, XNAS, "101", "190", null));
        assertAccepted(check(ACME, AAPL, XNYS, "100", "190", null));
        assertRejected(
            check(ACME, AAPL, XNYS, "101", "190", null),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: 101 > 100");
        assertRejected(
            check(DEMO, AAPL, XNYS, "11", "190", null),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: 11 > 10");
    }

    @Test
    void shouldAcceptALimitOrderNotionalAtTheLimitAndRejectOneUnitOfPriceOver()
    {
        use("risk.maxOrderNotional", "190");

        assertAccepted(limit("1", "190"));
        assertRejected(
            limit("1", "190.00000001"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: 190.00000001 > 190.00");
    }

    @Test
    void shouldValueALimitOrderAtQuantityTimesLimitPrice()
    {
        use("risk.maxOrderNotional", "190000");

        assertAccepted(limit("1000", "190"));
        assertRejected(
            limit("1000", "190.01"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: 190,010.00 > 190,000.00");
    }

    @Test
    void shouldValueAStopOrderAtItsStopPriceWithoutAReferencePrice()
    {
        use("risk.maxOrderNotional", "400");

        assertAccepted(check(ACME, MSFT, XNAS, "1", null, "400"));
        assertRejected(
            check(ACME, MSFT, XNAS, "1", null, "400.00000001"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: 400.00000001 > 400.00");
    }

    @Test
    void shouldValueAStopLimitOrderAtItsLimitPrice()
    {
        use("risk.maxOrderNotional", "190");

        assertAccepted(check(ACME, AAPL, XNAS, "1", "190", "195"));
        assertRejected(
            check(ACME, AAPL, XNAS, "1", "190.01", "185"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_NOTIONAL: 190.01 > 190.00");
    }

    @Test
    void shouldValueAMarketOrderAtTheReferencePrice()
    {
        use("risk.maxOrderNotional", "190");

        assertAccepted(market(AAPL, "1"));

        prices.update(AAPL, FixedPoint.parse("190.00000001"), NOW_NS);
        assertRejected(
            market(AAPL, "1"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: 190.00000001 > 190.00");
    }

    @Test
    void shouldRejectAMarketOrderWithoutAReferencePrice()
    {
        assertRejected(
            market(MSFT, "1"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: no reference price for MSFT");
    }

    @Test
    void shouldAcceptAMarketOrderOnAReferenceExactlyTheMaximumAgeAndRejectOneMillisecondOlder()
    {
        prices.update(AAPL, FixedPoint.ofUnits(190), NOW_NS - 1000 * NS_PER_MS);
        assertAccepted(market(AAPL, "1"));

        prices.update(AAPL, FixedPoint.ofUnits(190), NOW_NS - 1001 * NS_PER_MS);
        assertRejected(
            market(AAPL, "1"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: reference price for AAPL is 1,001 ms old > 1,000 ms");
    }

    @Test
    void shouldRejectAMarketOrderWhenNoMaximumReferenceAgeIsConfigured()
    {
        use("risk.maxReferenceAgeMs", null);

        assertRejected(
            market(AAPL, "1"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: no maxReferenceAgeMs configured");
    }

    @Test
    void shouldRejectEveryOrderWhenNoNotionalLimitIsConfigured()
    {
        use("risk.maxOrderNotional", null);

        assertRejected(
            limit("1", "190"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: no limit configured");
    }

    @Test
    void shouldTreatAnOverflowingNotionalAsOverTheLimit()
    {
        use("risk.maxOrderQty", "10000000000");

        assertRejected(
            limit("10000000000", "10000000000"),
            RiskControl.MAX_ORDER_NOTIONAL, OrdRejReason.ORDER_EXCEEDS_LIMIT,
            "MAX_ORDER_NOTIONAL: 92,233,720,368.54775807 > 1,000,000.00");
    }

    @Test
    void shouldAcceptALimitPriceAtTheUpperEdgeOfAPercentCollarAndRejectOneUnitAbove()
    {
        assertAccepted(limit("1", "199.50"));

        assertRejected(
            limit("1", "199.50000001"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 199.50000001 outside 180.50 to 199.50 (reference 190.00)");
    }

    @Test
    void shouldAcceptALimitPriceAtTheLowerEdgeOfAPercentCollarAndRejectOneUnitBelow()
    {
        assertAccepted(limit("1", "180.50"));

        assertRejected(
            limit("1", "180.49999999"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 180.49999999 outside 180.50 to 199.50 (reference 190.00)");
    }

    @Test
    void shouldNameTheLimitPriceTheBandAndTheReferenceInACollarRejection()
    {
        assertRejected(
            limit("1", "200.01"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 200.01 outside 180.50 to 199.50 (reference 190.00)");
    }

    @Test
    void shouldAcceptALimitPriceAtTheUpperEdgeOfATickCollarAndRejectOneTickAbove()
    {
        use("risk.collarPercent", null, "risk.symbol.AAPL.collarTicks", "50");

        assertAccepted(limit("1", "190.50"));
        assertRejected(
            limit("1", "190.51"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 190.51 outside 189.50 to 190.50 (reference 190.00)");
    }

    @Test
    void shouldAcceptALimitPriceAtTheLowerEdgeOfATickCollarAndRejectOneTickBelow()
    {
        use("risk.collarPercent", null, "risk.symbol.AAPL.collarTicks", "50");

        assertAccepted(limit("1", "189.50"));
        assertRejected(
            limit("1", "189.49"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 189.49 outside 189.50 to 190.50 (reference 190.00)");
    }

    @Test
    void shouldApplyTheTickCollarWhenItIsTighterThanThePercentCollar()
    {
        use("risk.collarPercent", "5", "risk.symbol.AAPL.collarTicks", "50");

        assertAccepted(limit("1", "190.50"));
        assertRejected(
            limit("1", "190.51"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 190.51 outside 189.50 to 190.50 (reference 190.00)");
    }

    @Test
    void shouldApplyThePercentCollarWhenItIsTighterThanTheTickCollar()
    {
        use("risk.collarPercent", "0.1", "risk.symbol.AAPL.collarTicks", "50");

        assertAccepted(limit("1", "189.81"));
        assertAccepted(limit("1", "190.19"));
        assertRejected(
            limit("1", "190.20"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 190.20 outside 189.81 to 190.19 (reference 190.00)");
    }

    @Test
    void shouldRejectALimitOrderWhenNoCollarIsConfigured()
    {
        use("risk.collarPercent", null);

        assertRejected(
            limit("1", "190"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: no collar configured (collarPercent or collarTicks)");
        assertAccepted(market(AAPL, "1"));
    }

    @Test
    void shouldRejectALimitOrderWithoutAReferencePriceToCollarAgainst()
    {
        assertRejected(
            check(ACME, MSFT, XNAS, "1", "400", null),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: no reference price for MSFT");
    }

    @Test
    void shouldCollarAgainstAReferenceExactlyTheMaximumAgeAndRejectOneMillisecondOlder()
    {
        prices.update(AAPL, FixedPoint.ofUnits(190), NOW_NS - 1000 * NS_PER_MS);
        assertAccepted(limit("1", "190"));

        prices.update(AAPL, FixedPoint.ofUnits(190), NOW_NS - 1001 * NS_PER_MS);
        assertRejected(
            limit("1", "190"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: reference price for AAPL is 1,001 ms old > 1,000 ms");
    }

    @Test
    void shouldRejectALimitOrderWhenNoMaximumReferenceAgeIsConfigured()
    {
        use("risk.maxReferenceAgeMs", null);

        assertRejected(
            limit("1", "190"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: no maxReferenceAgeMs configured");
    }

    @Test
    void shouldCheckTheNextOrderAgainstLimitsSwappedIn()
    {
        assertRejected(
            limit("1001", "190"),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: 1,001 > 1,000");

        final LimitSet next = parser.update(risk.limits(), Map.of("risk.maxOrderQty", "2000"), Set.of());
        risk.limits(next);

        assertSame(next, risk.limits());
        assertAccepted(limit("1001", "190"));
        assertRejected(
            limit("2001", "190"),
            RiskControl.MAX_ORDER_QTY, OrdRejReason.ORDER_EXCEEDS_LIMIT, "MAX_ORDER_QTY: 2,001 > 2,000");
    }

    @Test
    void shouldWriteTheRejectionTextAtTheOffsetGiven()
    {
        limit("1001", "190");

        final int length = risk.formatLastRejection(text, 7);

        assertEquals("MAX_ORDER_QTY: 1,001 > 1,000", text.getStringWithoutLengthAscii(7, length));
    }

    @Test
    void shouldTakeEveryConfiguredReferencePriceAtStart()
    {
        final ReferencePrices fresh = new ReferencePrices(SYMBOLS.size());

        fresh.takeConfigured(risk.limits(), null, NOW_NS);

        assertEquals(FixedPoint.ofUnits(190), fresh.price(AAPL));
        assertEquals(NOW_NS, fresh.timeNs(AAPL));
        assertEquals(FixedPoint.NULL_VALUE, fresh.price(MSFT));
    }

    @Test
    void shouldKeepTheLivePriceWhenAnUpdateLeavesTheConfiguredPriceAlone()
    {
        final LimitSet current = risk.limits();
        prices.update(AAPL, FixedPoint.ofUnits(191), NOW_NS);
        final LimitSet next = parser.update(current, Map.of("risk.maxOrderQty", "2000"), Set.of());

        prices.takeConfigured(next, current, NOW_NS + 5 * NS_PER_MS);
        risk.limits(next);

        assertEquals(FixedPoint.ofUnits(191), prices.price(AAPL));
        assertEquals(NOW_NS, prices.timeNs(AAPL));
        assertRejected(
            limit("1", "200.56"),
            RiskControl.PRICE_COLLAR, OrdRejReason.PRICE_EXCEEDS_CURRENT_PRICE_BAND,
            "PRICE_COLLAR: 200.56 outside 181.45 to 200.55 (reference 191.00)");
    }

    @Test
    void shouldTakeAConfiguredPriceThatChanged()
    {
        final LimitSet current = risk.limits();
        prices.update(AAPL, FixedPoint.ofUnits(191), NOW_NS);
        final LimitSet next = parser.update(
            current,
            Map.of("risk.symbol.AAPL.referencePrice", "195", "risk.symbol.MSFT.referencePrice", "410"),
            Set.of());
        final long laterNs = NOW_NS + 5 * NS_PER_MS;

        prices.takeConfigured(next, current, laterNs);

        assertEquals(FixedPoint.ofUnits(195), prices.price(AAPL));
        assertEquals(laterNs, prices.timeNs(AAPL));
        assertEquals(FixedPoint.ofUnits(410), prices.price(MSFT));
        assertEquals(laterNs, prices.timeNs(MSFT));
        assertEquals(FixedPoint.NULL_VALUE, prices.price(GME));
    }

    /**
     * Start over with the base settings changed: pairs of key and value, a null value removing the key.
     */
    private void use(final String... overrides)
    {
        final Map<String, String> settings = new TreeMap<>(Map.of(
            "risk.accounts", "ACME,DEMO",
            "risk.permittedSymbols", "*",
            "risk.maxOrderQty", "1000",
            "risk.maxOrderNotional", "1000000",
            "risk.collarPercent", "5",
            "risk.maxReferenceAgeMs", "1000",
            "risk.symbol.AAPL.referencePrice", "190.00",
            "risk.symbol.AAPL.tickSize", "0.01"));
        settings.putAll(WIDE_EXPOSURE_LIMITS);
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
        final LimitSet limits = parser.parse(settings);
        assertEquals(ACME, limits.accounts().find("ACME"));
        assertEquals(DEMO, limits.accounts().find("DEMO"));
        prices = new ReferencePrices(SYMBOLS.size());
        prices.takeConfigured(limits, null, NOW_NS);
        risk = new PreTradeRisk(limits, prices, new ExposureBook(100, limits.accounts().size()));
        Arrays.fill(expectedRejects, 0);
    }

    private RiskControl limit(final String qty, final String limitPx)
    {
        return check(ACME, AAPL, XNAS, qty, limitPx, null);
    }

    private RiskControl market(final int symbol, final String qty)
    {
        return check(ACME, symbol, XNAS, qty, null, null);
    }

    private RiskControl check(
        final int account,
        final int symbol,
        final int venue,
        final String qty,
        final String limitPx,
        final String stopPx)
    {
        final long quantity = mantissa(qty);
        return risk.checkOrder(account, symbol, venue, SESSION, Side.BUY, quantity, quantity, mantissa(limitPx),
            mantissa(stopPx), 0, 0, NOW_NS);
    }

    private static long mantissa(final String decimal)
    {
        if (decimal == null)
        {
            return FixedPoint.NULL_VALUE;
        }
        final long mantissa = FixedPoint.parse(decimal);
        assertNotEquals(FixedPoint.INVALID, mantissa, decimal);
        return mantissa;
    }

    private void assertAccepted(final RiskControl result)
    {
        assertEquals(RiskControl.NONE, result, this::lastRejection);
        assertEquals(RiskControl.NONE, risk.lastControl());
        assertEquals(0, risk.formatLastRejection(text, 0));
        assertRejectCounts();
    }

    private void assertRejected(
        final RiskControl result, final RiskControl control, final OrdRejReason reason, final String expectedText)
    {
        expectedRejects[control.ordinal()]++;
        assertEquals(control, result);
        assertEquals(control, risk.lastControl());
        assertEquals(reason, result.ordRejReason());
        assertEquals(expectedText, lastRejection());
        assertRejectCounts();
    }

    private void assertRejectCounts()
    {
        for (final RiskControl control : RiskControl.values())
        {
            assertEquals(expectedRejects[control.ordinal()], risk.rejectCount(control), control.name());
        }
    }

    private String lastRejection()
    {
        final int length = risk.formatLastRejection(text, 0);
        return text.getStringWithoutLengthAscii(0, length);
    }
}
