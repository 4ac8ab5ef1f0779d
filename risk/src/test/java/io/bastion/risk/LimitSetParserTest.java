package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LimitSetParser}: every kind of {@code risk.*} setting its javadoc documents reaches the {@link LimitSet}, a
 * set with bad settings is refused whole with every reason, and {@code update} builds the next version all or
 * nothing.
 */
class LimitSetParserTest
{
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "BRK.B");
    private static final List<String> VENUES = List.of("XNAS", "XNYS");
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final int BRK_B = 2;
    private static final int XNAS = 0;
    private static final int XNYS = 1;
    private static final String LIMIT_NAMES = "(limits: " +
        Arrays.stream(LimitType.values()).map(LimitType::property).toList() + ")";
    private static final String NOT_DECIMAL =
        " is not a decimal number of at most 8 decimal places and at most 92233720368";

    private final LimitSetParser parser = new LimitSetParser(SYMBOLS, VENUES);

    @Test
    void shouldKnowEveryConfiguredAccountInTheOrderListed()
    {
        final LimitSet limits = parser.parse(settings("risk.accounts", " ACME , DEMO,,"));

        assertEquals(1, limits.version());
        assertEquals(List.of("ACME", "DEMO"), limits.accounts().names());
        assertTrue(limits.isKnown(limits.accounts().find("ACME")));
        assertTrue(limits.isKnown(limits.accounts().find("DEMO")));
        assertFalse(limits.isKnown(NameIndex.MISSING));
        assertEquals(SYMBOLS, limits.symbols().names());
        assertEquals(VENUES, limits.venues().names());
    }

    @Test
    void shouldKeepOnlyRiskSettingsWithTheirValuesStripped()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME",
            "risk.maxOrderQty", " 1000 ",
            "oms.orderCapacity", "4096",
            "riskier.maxOrderQty", "nonsense"));

        assertEquals(Map.of("risk.accounts", "ACME", "risk.maxOrderQty", "1000"), limits.settings());
        assertEquals("1000", limits.setting("risk.maxOrderQty"));
        assertEquals(FixedPoint.ofUnits(1000), limits.limit(LimitType.MAX_ORDER_QTY, 0, AAPL, XNAS));
    }

    @Test
    void shouldHaveNoLimitWhereNoScopeSetsOne()
    {
        final LimitSet limits = parser.parse(settings("risk.accounts", "ACME"));

        for (final LimitType type : LimitType.values())
        {
            assertEquals(FixedPoint.NULL_VALUE, limits.limit(type, 0, AAPL, XNAS), type.name());
        }
        assertEquals(FixedPoint.NULL_VALUE, limits.tickSize(AAPL));
        assertEquals(FixedPoint.NULL_VALUE, limits.referencePrice(AAPL));
    }

    @Test
    void shouldHoldEachLimitInItsUnit()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME",
            "risk.maxOrderQty", "1000.5",
            "risk.maxOrderNotional", "1000000.25",
            "risk.collarPercent", "2.5",
            "risk.collarTicks", "20",
            "risk.maxReferenceAgeMs", "1500",
            "risk.symbol.AAPL.tickSize", "0.01",
            "risk.symbol.MSFT.tickSize", "0.01",
            "risk.symbol.BRK.B.tickSize", "0.01"));

        assertEquals(FixedPoint.parse("1000.5"), limits.limit(LimitType.MAX_ORDER_QTY, 0, AAPL, XNAS));
        assertEquals(FixedPoint.parse("1000000.25"), limits.limit(LimitType.MAX_ORDER_NOTIONAL, 0, AAPL, XNAS));
        assertEquals(FixedPoint.parse("2.5"), limits.limit(LimitType.COLLAR_PERCENT, 0, AAPL, XNAS));
        assertEquals(20, limits.limit(LimitType.COLLAR_TICKS, 0, AAPL, XNAS));
        assertEquals(1500, limits.limit(LimitType.MAX_REFERENCE_AGE_MS, 0, AAPL, XNAS));
    }

    @Test
    void shouldApplyTheTightestOfEveryScopeThatSetsALimit()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.maxOrderQty", "1000",
            "risk.account.ACME.maxOrderQty", "800",
            "risk.symbol.AAPL.maxOrderQty", "600",
            "risk.account.ACME.symbol.AAPL.maxOrderQty", "400",
            "risk.venue.XNYS.maxOrderQty", "200"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertEquals(FixedPoint.ofUnits(1000), limits.limit(LimitType.MAX_ORDER_QTY, demo, MSFT, XNAS));
        assertEquals(FixedPoint.ofUnits(800), limits.limit(LimitType.MAX_ORDER_QTY, acme, MSFT, XNAS));
        assertEquals(FixedPoint.ofUnits(600), limits.limit(LimitType.MAX_ORDER_QTY, demo, AAPL, XNAS));
        assertEquals(FixedPoint.ofUnits(400), limits.limit(LimitType.MAX_ORDER_QTY, acme, AAPL, XNAS));
        assertEquals(FixedPoint.ofUnits(200), limits.limit(LimitType.MAX_ORDER_QTY, acme, AAPL, XNYS));
        assertEquals(FixedPoint.ofUnits(200), limits.limit(LimitType.MAX_ORDER_QTY, demo, MSFT, XNYS));
    }

    @Test
    void shouldLetAnAccountsOwnValueReplaceTheDefaultButNotPassTheSymbolOrVenueCap()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.maxOrderNotional", "100",
            "risk.account.ACME.maxOrderNotional", "500",
            "risk.account.ACME.symbol.AAPL.maxOrderNotional", "700",
            "risk.symbol.AAPL.maxOrderNotional", "600",
            "risk.venue.XNYS.maxOrderNotional", "300"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertEquals(FixedPoint.ofUnits(100), limits.limit(LimitType.MAX_ORDER_NOTIONAL, demo, MSFT, XNAS),
            "the default");
        assertEquals(FixedPoint.ofUnits(500), limits.limit(LimitType.MAX_ORDER_NOTIONAL, acme, MSFT, XNAS),
            "the account's own, looser than the default");
        assertEquals(FixedPoint.ofUnits(600), limits.limit(LimitType.MAX_ORDER_NOTIONAL, acme, AAPL, XNAS),
            "the account's own in AAPL, capped by AAPL's");
        assertEquals(FixedPoint.ofUnits(300), limits.limit(LimitType.MAX_ORDER_NOTIONAL, acme, MSFT, XNYS),
            "capped by the venue's");
        assertEquals(FixedPoint.ofUnits(100), limits.limit(LimitType.MAX_ORDER_NOTIONAL, demo, AAPL, XNYS),
            "the default is tighter than both caps");
    }

    @Test
    void shouldApplyALimitSetOnlyForAnAccountAndSymbolToThatPairAlone()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.account.ACME.symbol.AAPL.maxOrderQty", "400"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertEquals(FixedPoint.ofUnits(400), limits.limit(LimitType.MAX_ORDER_QTY, acme, AAPL, XNAS));
        assertEquals(FixedPoint.NULL_VALUE, limits.limit(LimitType.MAX_ORDER_QTY, acme, MSFT, XNAS));
        assertEquals(FixedPoint.NULL_VALUE, limits.limit(LimitType.MAX_ORDER_QTY, demo, AAPL, XNAS));
    }

    @Test
    void shouldReadASymbolWithADotInEveryScope()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.symbol.BRK.B.tickSize", "0.05",
            "risk.symbol.BRK.B.referencePrice", "480.25",
            "risk.symbol.BRK.B.maxOrderQty", "50",
            "risk.account.ACME.symbol.BRK.B.maxOrderQty", "10",
            "risk.permittedSymbols", "BRK.B",
            "risk.account.DEMO.restrictedSymbols", "BRK.B"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertEquals(FixedPoint.parse("0.05"), limits.tickSize(BRK_B));
        assertEquals(FixedPoint.parse("480.25"), limits.referencePrice(BRK_B));
        assertEquals(FixedPoint.ofUnits(10), limits.limit(LimitType.MAX_ORDER_QTY, acme, BRK_B, XNAS));
        assertEquals(FixedPoint.ofUnits(50), limits.limit(LimitType.MAX_ORDER_QTY, demo, BRK_B, XNAS));
        assertTrue(limits.isPermitted(acme, BRK_B));
        assertFalse(limits.isPermitted(acme, AAPL));
        assertTrue(limits.isRestrictedFor(demo, BRK_B));
    }

    @Test
    void shouldHoldTickSizeAndReferencePricePerSymbol()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME",
            "risk.symbol.AAPL.tickSize", "0.01",
            "risk.symbol.AAPL.referencePrice", "190.00",
            "risk.symbol.MSFT.referencePrice", "410.5"));

        assertEquals(FixedPoint.parse("0.01"), limits.tickSize(AAPL));
        assertEquals(FixedPoint.parse("190"), limits.referencePrice(AAPL));
        assertEquals(FixedPoint.NULL_VALUE, limits.tickSize(MSFT));
        assertEquals(FixedPoint.parse("410.5"), limits.referencePrice(MSFT));
        assertEquals(FixedPoint.NULL_VALUE, limits.referencePrice(BRK_B));
    }

    @Test
    void shouldPermitEverySymbolToEveryAccountUnderTheDefaultStar()
    {
        final LimitSet limits = parser.parse(settings("risk.accounts", "ACME,DEMO", "risk.permittedSymbols", "*"));

        for (int account = 0; account < 2; account++)
        {
            assertTrue(limits.hasPermissions(account));
            for (int symbol = 0; symbol < SYMBOLS.size(); symbol++)
            {
                assertTrue(limits.isPermitted(account, symbol), account + "/" + symbol);
            }
        }
    }

    @Test
    void shouldGiveAnAccountItsOwnPermissionsInsteadOfTheDefault()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.permittedSymbols", "AAPL, MSFT",
            "risk.account.DEMO.permittedSymbols", "BRK.B"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertTrue(limits.isPermitted(acme, AAPL));
        assertTrue(limits.isPermitted(acme, MSFT));
        assertFalse(limits.isPermitted(acme, BRK_B));
        assertFalse(limits.isPermitted(demo, AAPL));
        assertFalse(limits.isPermitted(demo, MSFT));
        assertTrue(limits.isPermitted(demo, BRK_B));
    }

    @Test
    void shouldLeaveAnAccountWithoutPermissionsWhenNeitherItsOwnNorADefaultIsSet()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.account.ACME.permittedSymbols", "*"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertTrue(limits.hasPermissions(acme));
        assertTrue(limits.isPermitted(acme, BRK_B));
        assertFalse(limits.hasPermissions(demo));
        assertFalse(limits.isPermitted(demo, AAPL));
    }

    @Test
    void shouldHoldTheGlobalAndEachAccountsRestrictedList()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.restrictedSymbols", "MSFT",
            "risk.account.DEMO.restrictedSymbols", "AAPL,BRK.B"));
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");

        assertTrue(limits.isRestricted(MSFT));
        assertFalse(limits.isRestricted(AAPL));
        assertFalse(limits.isRestricted(BRK_B));
        assertTrue(limits.isRestrictedFor(demo, AAPL));
        assertTrue(limits.isRestrictedFor(demo, BRK_B));
        assertFalse(limits.isRestrictedFor(demo, MSFT));
        assertFalse(limits.isRestrictedFor(acme, AAPL));
    }

    @Test
    void shouldAcceptACollarOfExactlyHundredPercentAndAnAccountNameOfMaximumLength()
    {
        final String longest = "A".repeat(LimitSetParser.MAX_ACCOUNT_LENGTH);
        final LimitSet limits = parser.parse(settings("risk.accounts", longest, "risk.collarPercent", "100"));

        assertTrue(limits.isKnown(limits.accounts().find(longest)));
        assertEquals(FixedPoint.ofUnits(100), limits.limit(LimitType.COLLAR_PERCENT, 0, AAPL, XNAS));
    }

    @Test
    void shouldRefuseASetWithoutAccounts()
    {
        assertEquals(
            List.of("risk.accounts: missing (the accounts Bastion accepts orders for)"),
            errorsOf(settings("risk.maxOrderQty", "1000")));
    }

    @Test
    void shouldRefuseAKeyForAnAccountNotConfigured()
    {
        assertEquals(
            List.of(
                "risk.account.NOPE.maxOrderQty: account NOPE is not in risk.accounts",
                "risk.account.NOPE.permittedSymbols: account NOPE is not in risk.accounts"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.NOPE.maxOrderQty", "10",
                "risk.account.NOPE.permittedSymbols", "*")));
    }

    @Test
    void shouldRefuseAnIncompleteKey()
    {
        assertEquals(
            List.of(
                "risk.account.ACME: incomplete",
                "risk.account.ACME.symbol.AAPL: incomplete",
                "risk.symbol.AAPL: incomplete",
                "risk.venue.XNAS: incomplete"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.ACME", "10",
                "risk.account.ACME.symbol.AAPL", "10",
                "risk.symbol.AAPL", "10",
                "risk.venue.XNAS", "10")));
    }

    @Test
    void shouldRefuseAKeyForASymbolNotTraded()
    {
        assertEquals(
            List.of(
                "risk.account.ACME.symbol.TSLA.maxOrderQty: unknown symbol TSLA",
                "risk.permittedSymbols: unknown symbol TSLA",
                "risk.restrictedSymbols: unknown symbol GME",
                "risk.symbol.TSLA.referencePrice: unknown symbol TSLA"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.ACME.symbol.TSLA.maxOrderQty", "10",
                "risk.permittedSymbols", "AAPL,TSLA",
                "risk.restrictedSymbols", "GME",
                "risk.symbol.TSLA.referencePrice", "250")));
    }

    @Test
    void shouldRefuseAStarThatDoesNotStandAlone()
    {
        assertEquals(
            List.of(
                "risk.permittedSymbols: unknown symbol * (* stands alone)",
                "risk.restrictedSymbols: unknown symbol * (* stands alone)"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.permittedSymbols", "AAPL,*",
                "risk.restrictedSymbols", "*")));
    }

    @Test
    void shouldRefuseAKeyForAVenueNotKnown()
    {
        assertEquals(
            List.of("risk.venue.XLON.maxOrderQty: unknown venue XLON (venues: [XNAS, XNYS])"),
            errorsOf(settings("risk.accounts", "ACME", "risk.venue.XLON.maxOrderQty", "10")));
    }

    @Test
    void shouldRefuseAnUnknownLimitInEveryScope()
    {
        assertEquals(
            List.of(
                "risk.account.ACME.maxQty: unknown setting maxQty " + LIMIT_NAMES,
                "risk.maxOrderSize: unknown setting maxOrderSize " + LIMIT_NAMES,
                "risk.symbol.AAPL.lotSize: unknown setting lotSize " + LIMIT_NAMES,
                "risk.venue.XNAS.maxorderqty: unknown setting maxorderqty " + LIMIT_NAMES),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.ACME.maxQty", "10",
                "risk.maxOrderSize", "10",
                "risk.symbol.AAPL.lotSize", "100",
                "risk.venue.XNAS.maxorderqty", "10")));
    }

    @Test
    void shouldRefuseAValueThatIsNotADecimalNumber()
    {
        assertEquals(
            List.of(
                "risk.maxOrderNotional: 0.000000001" + NOT_DECIMAL,
                "risk.maxOrderQty: 1,000" + NOT_DECIMAL,
                "risk.symbol.AAPL.referencePrice: n/a" + NOT_DECIMAL),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.maxOrderQty", "1,000",
                "risk.maxOrderNotional", "0.000000001",
                "risk.symbol.AAPL.referencePrice", "n/a")));
    }

    @Test
    void shouldRefuseZeroAndNegativeValues()
    {
        assertEquals(
            List.of(
                "risk.collarPercent: -1 must be positive",
                "risk.maxOrderQty: 0 must be positive",
                "risk.maxReferenceAgeMs: 0 must be positive",
                "risk.symbol.AAPL.tickSize: -0.01 must be positive"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.collarPercent", "-1",
                "risk.maxOrderQty", "0",
                "risk.maxReferenceAgeMs", "0",
                "risk.symbol.AAPL.tickSize", "-0.01")));
    }

    @Test
    void shouldHoldTheDailyLossLimitAsTheDefaultOrTheAccountsOwn()
    {
        final LimitSet limits = parser.parse(settings(
            "risk.accounts", "ACME,DEMO",
            "risk.maxDailyLoss", "10000",
            "risk.account.ACME.maxDailyLoss", "25000.50"));

        assertEquals(FixedPoint.parse("25000.50"),
            limits.accountLimit(LimitType.MAX_DAILY_LOSS, limits.accounts().find("ACME")));
        assertEquals(FixedPoint.ofUnits(10000),
            limits.accountLimit(LimitType.MAX_DAILY_LOSS, limits.accounts().find("DEMO")));
    }

    @Test
    void shouldRefuseADailyLossLimitForASymbolAVenueOrAnAccountInOneSymbol()
    {
        assertEquals(
            List.of(
                "risk.account.ACME.symbol.AAPL.maxDailyLoss: maxDailyLoss is set per account only " +
                    "(risk.maxDailyLoss, risk.account.<ACCOUNT>.maxDailyLoss)",
                "risk.symbol.BRK.B.maxDailyLoss: maxDailyLoss is set per account only " +
                    "(risk.maxDailyLoss, risk.account.<ACCOUNT>.maxDailyLoss)",
                "risk.venue.XNAS.maxDailyLoss: maxDailyLoss is set per account only " +
                    "(risk.maxDailyLoss, risk.account.<ACCOUNT>.maxDailyLoss)"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.maxDailyLoss", "10000",
                "risk.account.ACME.symbol.AAPL.maxDailyLoss", "100",
                "risk.symbol.BRK.B.maxDailyLoss", "100",
                "risk.venue.XNAS.maxDailyLoss", "100")));
    }

    @Test
    void shouldRefuseADailyLossLimitThatIsNotPositive()
    {
        assertEquals(
            List.of(
                "risk.account.ACME.maxDailyLoss: -5 must be positive",
                "risk.maxDailyLoss: 0 must be positive"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.ACME.maxDailyLoss", "-5",
                "risk.maxDailyLoss", "0")));
    }

    @Test
    void shouldRefuseACollarOfMoreThanHundredPercent()
    {
        assertEquals(
            List.of("risk.collarPercent: 100.00000001 is more than 100 percent"),
            errorsOf(settings("risk.accounts", "ACME", "risk.collarPercent", "100.00000001")));
    }

    @Test
    void shouldRefuseADecimalWhereAWholeNumberIsRequired()
    {
        assertEquals(
            List.of(
                "risk.collarTicks: 2.5 is not a whole number",
                "risk.maxReferenceAgeMs: 1000.0 is not a whole number"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.collarTicks", "2.5",
                "risk.maxReferenceAgeMs", "1000.0",
                "risk.symbol.AAPL.tickSize", "0.01",
                "risk.symbol.MSFT.tickSize", "0.01",
                "risk.symbol.BRK.B.tickSize", "0.01")));
    }

    @Test
    void shouldRefuseAGlobalCollarInTicksUnlessEverySymbolHasATickSize()
    {
        assertEquals(
            List.of(
                "risk.collarTicks: needs risk.symbol.MSFT.tickSize",
                "risk.collarTicks: needs risk.symbol.BRK.B.tickSize"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.collarTicks", "5",
                "risk.symbol.AAPL.tickSize", "0.01")));
    }

    @Test
    void shouldRefuseACollarInTicksForASymbolWithoutATickSize()
    {
        assertEquals(
            List.of(
                "risk.account.ACME.symbol.BRK.B.collarTicks: needs risk.symbol.BRK.B.tickSize",
                "risk.symbol.MSFT.collarTicks: needs risk.symbol.MSFT.tickSize"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.ACME.symbol.BRK.B.collarTicks", "5",
                "risk.symbol.AAPL.collarTicks", "5",
                "risk.symbol.AAPL.tickSize", "0.01",
                "risk.symbol.MSFT.collarTicks", "5")));
    }

    @Test
    void shouldRefuseAnAccountOrVenueCollarInTicksUnlessEverySymbolHasATickSize()
    {
        assertEquals(
            List.of(
                "risk.account.ACME.collarTicks: needs risk.symbol.BRK.B.tickSize",
                "risk.venue.XNAS.collarTicks: needs risk.symbol.BRK.B.tickSize"),
            errorsOf(settings(
                "risk.accounts", "ACME",
                "risk.account.ACME.collarTicks", "5",
                "risk.venue.XNAS.collarTicks", "5",
                "risk.symbol.AAPL.tickSize", "0.01",
                "risk.symbol.MSFT.tickSize", "0.01")));
    }

    @Test
    void shouldRefuseARepeatedAccount()
    {
        assertEquals(
            List.of("risk.accounts: ACME repeats"),
            errorsOf(settings("risk.accounts", "ACME,DEMO, ACME")));
    }

    @Test
    void shouldRefuseBadAccountNames()
    {
        final String tooLong = "A".repeat(LimitSetParser.MAX_ACCOUNT_LENGTH + 1);

        assertEquals(
            List.of(
                "risk.accounts: account AC.ME may hold only printable ASCII without spaces, dots, commas or '='",
                "risk.accounts: account AC ME may hold only printable ASCII without spaces, dots, commas or '='",
                "risk.accounts: account names are 1 to 32 characters: " + tooLong,
                "risk.accounts: account A=B may hold only printable ASCII without spaces, dots, commas or '='",
                "risk.accounts: account \u00c4CME may hold only printable ASCII without spaces, dots, commas or '='"),
            errorsOf(settings("risk.accounts", "AC.ME,AC ME," + tooLong + ",A=B,\u00c4CME,GOOD")));
    }

    @Test
    void shouldReportEveryErrorOfABadSetTogether()
    {
        final Map<String, String> bad = settings(
            "risk.accounts", "ACME,AC.ME,ACME",
            "risk.account.NOPE.maxOrderQty", "10",
            "risk.collarPercent", "150",
            "risk.maxOrderNotional", "0",
            "risk.maxOrderQty", "lots",
            "risk.maxOrderSize", "10",
            "risk.maxReferenceAgeMs", "1.5",
            "risk.permittedSymbols", "AAPL,TSLA",
            "risk.symbol.AAPL.collarTicks", "5",
            "risk.symbol.AAPL.tickSize", "-0.01",
            "risk.symbol.TSLA.maxOrderQty", "10",
            "risk.venue.XLON.maxOrderQty", "10");

        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class, () -> parser.parse(bad));

        final List<String> expected = List.of(
            "risk.accounts: account AC.ME may hold only printable ASCII without spaces, dots, commas or '='",
            "risk.accounts: ACME repeats",
            "risk.account.NOPE.maxOrderQty: account NOPE is not in risk.accounts",
            "risk.collarPercent: 150 is more than 100 percent",
            "risk.maxOrderNotional: 0 must be positive",
            "risk.maxOrderQty: lots" + NOT_DECIMAL,
            "risk.maxOrderSize: unknown setting maxOrderSize " + LIMIT_NAMES,
            "risk.maxReferenceAgeMs: 1.5 is not a whole number",
            "risk.permittedSymbols: unknown symbol TSLA",
            "risk.symbol.AAPL.tickSize: -0.01 must be positive",
            "risk.symbol.TSLA.maxOrderQty: unknown symbol TSLA",
            "risk.venue.XLON.maxOrderQty: unknown venue XLON (venues: [XNAS, XNYS])",
            "risk.symbol.AAPL.collarTicks: needs risk.symbol.AAPL.tickSize");
        assertEquals(expected, ex.errors());
        assertEquals(String.join("; ", expected), ex.getMessage());
    }

    @Test
    void shouldNumberEachUpdateOneMoreThanTheVersionItReplaces()
    {
        final LimitSet first = parser.parse(base());
        final LimitSet second = parser.update(first, Map.of("risk.maxOrderQty", "900"), Set.of());
        final LimitSet third = parser.update(second, Map.of("risk.maxOrderQty", "800"), Set.of());

        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(3, third.version());
    }

    @Test
    void shouldTrimTheValuesOfAnUpdateAsItDoesTheLoadedOnes()
    {
        final LimitSet next = parser.update(parser.parse(base()),
            Map.of("risk.maxOrderQty", " 500 ", "risk.permittedSymbols", "* "), Set.of());

        assertEquals(FixedPoint.ofUnits(500), next.limit(LimitType.MAX_ORDER_QTY, 0, AAPL, XNAS));
        assertEquals("500", next.setting("risk.maxOrderQty"));
        assertEquals(true, next.isPermitted(0, MSFT));
    }

    @Test
    void shouldApplyChangesAndRemovalsAndKeepEveryOtherSetting()
    {
        final LimitSet current = parser.parse(base());

        final LimitSet next = parser.update(
            current,
            Map.of("risk.maxOrderQty", "900", "risk.symbol.MSFT.referencePrice", "410"),
            Set.of("risk.account.ACME.maxOrderQty"));

        final Map<String, String> expected = new TreeMap<>(base());
        expected.put("risk.maxOrderQty", "900");
        expected.put("risk.symbol.MSFT.referencePrice", "410");
        expected.remove("risk.account.ACME.maxOrderQty");
        assertEquals(expected, next.settings());
        final int acme = next.accounts().find("ACME");
        assertEquals(FixedPoint.ofUnits(900), next.limit(LimitType.MAX_ORDER_QTY, acme, AAPL, XNAS));
        assertEquals(FixedPoint.ofUnits(410), next.referencePrice(MSFT));
        assertEquals(FixedPoint.ofUnits(190), next.referencePrice(AAPL));
        assertEquals(FixedPoint.ofUnits(1_000_000), next.limit(LimitType.MAX_ORDER_NOTIONAL, acme, AAPL, XNAS));
        assertTrue(next.isPermitted(acme, BRK_B));
        assertEquals(FixedPoint.ofUnits(500), current.limit(LimitType.MAX_ORDER_QTY, acme, AAPL, XNAS));
    }

    @Test
    void shouldRefuseAnInvalidUpdateWholeAndLeaveTheCurrentSetInForce()
    {
        final LimitSet current = parser.parse(base());
        final Map<String, String> settingsBefore = Map.copyOf(current.settings());

        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class, () -> parser.update(
            current,
            Map.of("risk.maxOrderQty", "900", "risk.maxOrderNotional", "-1"),
            Set.of("risk.account.ACME.maxOrderQty")));

        assertEquals(List.of("risk.maxOrderNotional: -1 must be positive"), ex.errors());
        assertEquals(1, current.version());
        assertEquals(settingsBefore, current.settings());
        final int acme = current.accounts().find("ACME");
        assertEquals(FixedPoint.ofUnits(500), current.limit(LimitType.MAX_ORDER_QTY, acme, AAPL, XNAS));
        assertEquals(FixedPoint.ofUnits(1_000_000), current.limit(LimitType.MAX_ORDER_NOTIONAL, acme, AAPL, XNAS));
        assertEquals(2, parser.update(current, Map.of("risk.maxOrderQty", "900"), Set.of()).version());
    }

    @Test
    void shouldRefuseToRemoveASettingNotSet()
    {
        final LimitSet current = parser.parse(base());

        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class,
            () -> parser.update(current, Map.of(), Set.of("risk.collarTicks")));

        assertEquals(List.of("risk.collarTicks: cannot remove, not set"), ex.errors());
    }

    @Test
    void shouldRefuseAnEmptyChange()
    {
        final LimitSet current = parser.parse(base());

        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class,
            () -> parser.update(current, Map.of(), Set.of()));

        assertEquals(List.of("no change"), ex.errors());
    }

    @Test
    void shouldRefuseAChangeToANonRiskKeyOrToAKeyBothSetAndRemoved()
    {
        final LimitSet current = parser.parse(base());

        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class, () -> parser.update(
            current,
            new TreeMap<>(Map.of("oms.orderCapacity", "10", "risk.maxOrderQty", "10")),
            Set.of("risk.maxOrderQty")));

        assertEquals(
            List.of("oms.orderCapacity: not a risk setting (risk.*)", "risk.maxOrderQty: both set and removed"),
            ex.errors());
    }

    @Test
    void shouldKeepTheIndexOfAnAccountRemovedButNoLongerKnowIt()
    {
        final LimitSet current = parser.parse(base());
        final int demo = current.accounts().find("DEMO");

        final LimitSet next = parser.update(current, Map.of("risk.accounts", "ACME"), Set.of());

        assertEquals(demo, next.accounts().find("DEMO"));
        assertEquals(List.of("ACME", "DEMO"), next.accounts().names());
        assertFalse(next.isKnown(demo));
        assertTrue(next.isKnown(next.accounts().find("ACME")));
    }

    @Test
    void shouldRefuseToRemoveAnAccountThatStillHasSettings()
    {
        final LimitSet current = parser.parse(base());

        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class,
            () -> parser.update(current, Map.of("risk.accounts", "DEMO"), Set.of()));

        assertEquals(List.of("risk.account.ACME.maxOrderQty: account ACME is not in risk.accounts"), ex.errors());
    }

    @Test
    void shouldGiveANewAccountTheNextIndexAfterEveryEarlierOne()
    {
        final LimitSet first = parser.parse(base());
        final LimitSet second = parser.update(first, Map.of("risk.accounts", "ACME"), Set.of());

        final LimitSet third = parser.update(second, Map.of("risk.accounts", "NEW,DEMO,ACME"), Set.of());

        assertEquals(List.of("ACME", "DEMO", "NEW"), third.accounts().names());
        assertEquals(0, third.accounts().find("ACME"));
        assertEquals(1, third.accounts().find("DEMO"));
        assertEquals(2, third.accounts().find("NEW"));
        assertTrue(third.isKnown(1));
        assertTrue(third.isKnown(2));
        assertTrue(third.hasPermissions(2));
    }

    @Test
    void shouldLetTheNextScopeApplyWhenALimitIsRemoved()
    {
        final LimitSet current = parser.parse(base());

        final LimitSet next = parser.update(current, Map.of(), Set.of("risk.maxOrderQty"));

        assertEquals(FixedPoint.ofUnits(500), next.limit(LimitType.MAX_ORDER_QTY, 0, AAPL, XNAS));
        assertEquals(FixedPoint.NULL_VALUE, next.limit(LimitType.MAX_ORDER_QTY, 1, AAPL, XNAS));
        assertNull(next.setting("risk.maxOrderQty"));
    }

    @Test
    void shouldParseSelfMatchModesAndGroups()
    {
        final Map<String, String> settings = base();
        settings.put("risk.accounts", "ACME,DEMO,BETA,SOLO");
        settings.put("risk.selfMatch", "cancelIncoming");
        settings.put("risk.account.DEMO.selfMatch", "cancelResting");
        settings.put("risk.account.SOLO.selfMatch", "off");
        settings.put("risk.account.ACME.selfMatchGroup", "DESK1");
        settings.put("risk.account.BETA.selfMatchGroup", "DESK1");
        final LimitSet limits = parser.parse(settings);
        final int acme = limits.accounts().find("ACME");
        final int demo = limits.accounts().find("DEMO");
        final int beta = limits.accounts().find("BETA");
        final int solo = limits.accounts().find("SOLO");
        assertEquals(SelfMatchMode.CANCEL_INCOMING, limits.selfMatchMode(acme), "the default");
        assertEquals(SelfMatchMode.CANCEL_RESTING, limits.selfMatchMode(demo));
        assertEquals(SelfMatchMode.OFF, limits.selfMatchMode(solo));
        assertEquals(limits.selfMatchGroup(acme), limits.selfMatchGroup(beta));
        assertEquals("DESK1", limits.selfMatchGroupName(limits.selfMatchGroup(acme)));
        assertEquals(List.of(acme, beta), Arrays.stream(limits.selfMatchGroupMembers(
            limits.selfMatchGroup(acme))).boxed().toList());
        assertEquals(List.of(demo), Arrays.stream(limits.selfMatchGroupMembers(
            limits.selfMatchGroup(demo))).boxed().toList(), "an account without a group is its own");
        assertNull(limits.selfMatchGroupName(limits.selfMatchGroup(demo)));

        final LimitSet next = parser.update(limits, Map.of("risk.account.BETA.selfMatchGroup", "DESK2"),
            Set.of("risk.selfMatch"));
        assertEquals(SelfMatchMode.OFF, next.selfMatchMode(acme), "off when nothing sets it");
        assertEquals(List.of(acme), Arrays.stream(next.selfMatchGroupMembers(
            next.selfMatchGroup(acme))).boxed().toList());
    }

    @Test
    void shouldRefuseBadSelfMatchSettings()
    {
        final Map<String, String> settings = base();
        settings.put("risk.selfMatch", "cancelOldest");
        settings.put("risk.account.ACME.selfMatchGroup", "DESK 1");
        assertEquals(List.of(
            "risk.account.ACME.selfMatchGroup: self-match group DESK 1 may hold only printable ASCII without spaces, " +
                "dots, commas or '='",
            "risk.selfMatch: cancelOldest is not a self-match mode (off, cancelIncoming, cancelResting, cancelBoth)"),
            errorsOf(settings));
    }

    private List<String> errorsOf(final Map<String, String> settings)
    {
        return assertThrows(InvalidLimitsException.class, () -> parser.parse(settings)).errors();
    }

    private static Map<String, String> base()
    {
        return settings(
            "risk.accounts", "ACME,DEMO",
            "risk.maxOrderQty", "1000",
            "risk.account.ACME.maxOrderQty", "500",
            "risk.maxOrderNotional", "1000000",
            "risk.permittedSymbols", "*",
            "risk.symbol.AAPL.referencePrice", "190");
    }

    private static Map<String, String> settings(final String... keysAndValues)
    {
        final Map<String, String> settings = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2)
        {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }
}
