package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily loss limit: {@link DailyPnl}'s arithmetic (realised plus the change of unrealised over the day, marked at
 * reference prices, else at the last execution price), its trip exactly past {@code maxDailyLoss}, and the chain's
 * {@code DAILY_LOSS} control.
 */
class DailyLossTest
{
    private static final int ACME = 0;
    private static final int BETA = 1;
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final int XNAS = 0;
    private static final int SESSION = 1;
    private static final long NOW_NS = 1_700_000_000_000_000_000L;

    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);
    private ReferencePrices prices;
    private ExposureBook exposure;
    private PreTradeRisk risk;
    private DailyPnl pnl;

    @BeforeEach
    void setUp()
    {
        use("risk.maxDailyLoss", "100");
    }

    @Test
    void shouldLoseWhatALongPositionLosesWhenItsReferencePriceFalls()
    {
        prices.update(AAPL, px("10"), NOW_NS);
        trade(ACME, AAPL, Side.BUY, "100", "10");
        assertEquals(0, pnl.dayPnl(ACME), "bought at the mark");

        price(AAPL, "9.5");

        assertEquals(px("-50"), pnl.dayPnl(ACME));
        assertEquals(px("-50"), risk.dayPnl(ACME));
    }

    @Test
    void shouldRealiseARoundTripValuedAtTheLastExecutionWithoutAReferencePrice()
    {
        trade(ACME, AAPL, Side.BUY, "100", "10");
        assertEquals(0, pnl.dayPnl(ACME), "marked at its own price");
        trade(ACME, AAPL, Side.SELL, "40", "9.75");
        assertEquals(px("-25"), pnl.dayPnl(ACME), "sold 40 at 9.75 = 390; 60 left marked at 9.75 = 585; paid 1,000");
        trade(ACME, AAPL, Side.SELL, "60", "9.5");

        assertEquals(0, exposure.netQty(exposure.find(ACME, AAPL)));
        assertEquals(px("-40"), pnl.dayPnl(ACME), "390 + 570 - 1,000");
    }

    @Test
    void shouldGainWhenAShortPositionsPriceFallsAndLoseWhenItRises()
    {
        prices.update(AAPL, px("10"), NOW_NS);
        trade(ACME, AAPL, Side.SELL, "100", "10");

        price(AAPL, "11");
        assertEquals(px("-100"), pnl.dayPnl(ACME));
        price(AAPL, "9");
        assertEquals(px("100"), pnl.dayPnl(ACME));
    }

    @Test
    void shouldCountOnlyWhatChangedSinceTheDayStarted()
    {
        final int slot = exposure.acquire(ACME, AAPL);
        exposure.position(slot, units(100), px("10"));
        pnl.seed(slot, units(100), px("10"), px("2000"), px("1500"));
        assertEquals(px("-500"), pnl.dayPnl(ACME), "held 100 at 10 all day: bought 2,000 and sold 1,500 of it today");

        prices.update(AAPL, px("12"), NOW_NS);
        pnl.revalue(slot);
        assertEquals(px("-300"), pnl.dayPnl(ACME), "100 x 12 - 100 x 10 - 2,000 + 1,500");

        pnl.startDay();
        assertEquals(0, pnl.dayPnl(ACME), "a new day starts at 0");
        price(AAPL, "11");
        assertEquals(px("-100"), pnl.dayPnl(ACME), "valued against the new day's start at 12");
    }

    @Test
    void shouldTakeABustAndACorrectionBackExactly()
    {
        prices.update(AAPL, px("10"), NOW_NS);
        trade(ACME, AAPL, Side.BUY, "100", "10.5");
        assertEquals(px("-50"), pnl.dayPnl(ACME));

        final int slot = exposure.find(ACME, AAPL);
        exposure.execute(slot, Side.BUY, -units(100), FixedPoint.NULL_VALUE);
        pnl.trade(slot, Side.BUY, -notional("100", "10.5"));
        assertEquals(0, pnl.dayPnl(ACME), "busted");

        trade(ACME, AAPL, Side.BUY, "100", "10.5");
        exposure.execute(slot, Side.BUY, units(-50), px("10.2"));
        pnl.trade(slot, Side.BUY, notional("50", "10.2") - notional("100", "10.5"));
        assertEquals(px("-10"), pnl.dayPnl(ACME), "corrected to 50 at 10.2");
    }

    @Test
    void shouldSumAnAccountsSymbolsAndRevalueOnlyTheSymbolWhosePriceMoved()
    {
        prices.update(AAPL, px("10"), NOW_NS);
        prices.update(MSFT, px("20"), NOW_NS);
        trade(ACME, AAPL, Side.BUY, "10", "10");
        trade(ACME, MSFT, Side.BUY, "10", "20");
        trade(BETA, AAPL, Side.SELL, "5", "10");

        price(AAPL, "8");

        assertEquals(px("-20"), pnl.dayPnl(ACME));
        assertEquals(px("10"), pnl.dayPnl(BETA));
        assertEquals(0, pnl.entryPnl(exposure.find(ACME, MSFT)));
    }

    @Test
    void shouldNotTripAtALossOfExactlyTheLimitAndTripOneCentPastIt()
    {
        prices.update(AAPL, px("10"), NOW_NS);
        trade(ACME, AAPL, Side.BUY, "100", "10");

        price(AAPL, "9");
        assertEquals(px("-100"), pnl.dayPnl(ACME));
        assertFalse(risk.checkDailyLoss(ACME), "a loss of exactly the limit");
        assertEquals(RiskControl.NONE, check(Side.BUY, "1"));

        price(AAPL, "8.9999");
        assertEquals(px("-100.01"), pnl.dayPnl(ACME));
        assertTrue(risk.checkDailyLoss(ACME), "one cent more");
        assertEquals(RiskControl.DAILY_LOSS, risk.lastControl());
        assertEquals("DAILY_LOSS: account ACME lost 100.01 today > 100.00", lastText());
        assertFalse(risk.checkDailyLoss(ACME), "trips once while it stays past the limit");
        assertFalse(risk.checkDailyLoss(BETA), "another account");

        price(AAPL, "9.5");
        assertFalse(risk.checkDailyLoss(ACME), "back within the limit");
        price(AAPL, "8");
        assertTrue(risk.checkDailyLoss(ACME), "past it again");
        assertEquals("DAILY_LOSS: account ACME lost 200.00 today > 100.00", lastText());
    }

    @Test
    void shouldLetOnlyOrdersThatReduceThePositionThroughOnceTheLossIsPastTheLimit()
    {
        prices.update(AAPL, px("10"), NOW_NS);
        trade(ACME, AAPL, Side.BUY, "100", "10");
        price(AAPL, "8.99");

        assertEquals(RiskControl.DAILY_LOSS, check(Side.BUY, "1"));
        assertEquals(OrdRejReason.BROKER_OPTION, risk.lastControl().ordRejReason());
        assertEquals("DAILY_LOSS: account ACME lost 101.00 today > 100.00", lastText());
        assertEquals(RiskControl.DAILY_LOSS, check(Side.SELL, "101"), "through flat");
        assertEquals(RiskControl.NONE, check(Side.SELL, "100"), "flattens");
        assertEquals(2, risk.rejectCount(RiskControl.DAILY_LOSS));
    }

    @Test
    void shouldRejectEveryOrderOfAnAccountWithoutADailyLossLimit()
    {
        use("risk.maxDailyLoss", null, "risk.account.BETA.maxDailyLoss", "100");

        assertEquals(RiskControl.DAILY_LOSS, check(Side.BUY, "1"));
        assertEquals("DAILY_LOSS: no limit configured (maxDailyLoss)", lastText());
        assertFalse(risk.checkDailyLoss(ACME), "nothing to trip");
    }

    private void use(final String... overrides)
    {
        final Map<String, String> settings = new TreeMap<>(Map.of(
            "risk.accounts", "ACME,BETA",
            "risk.permittedSymbols", "*",
            "risk.maxOrderQty", "100000",
            "risk.maxOrderNotional", "100000000",
            "risk.collarPercent", "50",
            "risk.maxReferenceAgeMs", "1000",
            "risk.fillWindowMs", "1000",
            "risk.maxFills", "1000000"));
        settings.putAll(Map.of("risk.creditLimit", "90000000000", "risk.maxLongQty", "90000000000",
            "risk.maxShortQty", "90000000000", "risk.maxNetQty", "90000000000"));
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
        final LimitSet limits = new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS")).parse(settings);
        prices = new ReferencePrices(2);
        exposure = new ExposureBook(16, 2);
        risk = new PreTradeRisk(limits, prices, exposure);
        pnl = risk.dailyPnl();
    }

    private void trade(final int account, final int symbol, final Side side, final String qty, final String price)
    {
        final int slot = exposure.acquire(account, symbol);
        exposure.execute(slot, side, FixedPoint.parse(qty), px(price));
        pnl.trade(slot, side, notional(qty, price));
    }

    private void price(final int symbol, final String price)
    {
        prices.update(symbol, px(price), NOW_NS);
        for (int slot = exposure.firstSlotOfSymbol(symbol); slot != ExposureBook.NONE;
            slot = exposure.nextSlotOfSymbol(slot))
        {
            pnl.revalue(slot);
        }
    }

    private RiskControl check(final Side side, final String qty)
    {
        final long quantity = FixedPoint.parse(qty);
        return risk.checkOrder(ACME, AAPL, XNAS, SESSION, side, quantity, quantity, prices.price(AAPL),
            FixedPoint.NULL_VALUE, 0, 0, NOW_NS);
    }

    private String lastText()
    {
        return text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0));
    }

    private static long notional(final String qty, final String price)
    {
        return FixedPoint.notional(FixedPoint.parse(qty), px(price));
    }

    private static long px(final String decimal)
    {
        return FixedPoint.parse(decimal);
    }

    private static long units(final long units)
    {
        return FixedPoint.ofUnits(units);
    }
}
