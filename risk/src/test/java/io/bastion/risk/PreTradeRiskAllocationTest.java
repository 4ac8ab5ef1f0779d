package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PreTradeRisk} allocates nothing per check: after warm-up, passing checks and rejecting checks of every
 * control, each rejection's text written with {@link PreTradeRisk#formatLastRejection}, leave the test thread's
 * allocated-bytes counter where it was.
 */
class PreTradeRiskAllocationTest
{
    private static final int WARM_UP_CHECKS = 600_000;
    private static final int MEASURED_CHECKS = 100_000;
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final int ACME = 0;
    private static final int DEMO = 1;
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final int GME = 2;
    private static final int TSLA = 3;
    private static final int IPO = 4;
    private static final int HLT = 5;
    private static final int XNAS = 0;
    private static final long NULL = FixedPoint.NULL_VALUE;

    private static final int[] PASS_ACCOUNT = {ACME, ACME, ACME, DEMO};
    private static final int[] PASS_SYMBOL = {AAPL, AAPL, MSFT, AAPL};
    private static final long[] PASS_QTY = {units("100"), units("1"), units("10"), units("1000")};
    private static final long[] PASS_LIMIT_PX = {units("190"), NULL, NULL, units("180.50")};
    private static final long[] PASS_STOP_PX = {NULL, NULL, units("400"), NULL};

    private static final RiskControl[] REJECT_CONTROL = {
        RiskControl.UNKNOWN_ACCOUNT, RiskControl.NOT_PERMITTED, RiskControl.RESTRICTED, RiskControl.MAX_ORDER_QTY,
        RiskControl.MAX_ORDER_NOTIONAL, RiskControl.MAX_ORDER_NOTIONAL, RiskControl.PRICE_COLLAR,
        RiskControl.PRICE_COLLAR, RiskControl.PRICE_COLLAR, RiskControl.MAX_ORDER_NOTIONAL,
        RiskControl.TRADING_HOURS, RiskControl.TRADING_HALT };
    private static final int[] REJECT_ACCOUNT = {
        NameIndex.MISSING, DEMO, ACME, ACME, ACME, ACME, ACME, ACME, ACME, ACME, ACME, ACME };
    private static final int[] REJECT_SYMBOL = {AAPL, MSFT, GME, AAPL, AAPL, MSFT, AAPL, TSLA, MSFT, AAPL, IPO, HLT};
    private static final long[] REJECT_QTY = {
        units("1"), units("1"), units("1"), units("1001"), units("1000"), units("1"), units("1"), units("1"),
        units("1"), units("1000"), units("1"), units("1") };
    /** The tenth is a fat finger whose notional does not fit in a long: refused without an exception. */
    private static final long[] REJECT_LIMIT_PX = {
        units("190"), NULL, NULL, units("190"), units("1000.01"), NULL, units("200.01"), units("250"), units("400"),
        units("10000000000"), units("10"), units("10") };

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);
    private PreTradeRisk risk;
    private long mismatches;
    private long textBytes;

    @Test
    void shouldNotAllocateOnPassingOrRejectingChecksAfterWarmUp()
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        risk = newRisk();

        run(WARM_UP_CHECKS);
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(MEASURED_CHECKS);
        final long after = threads.getCurrentThreadAllocatedBytes();

        assertEquals(0, after - before,
            "bytes allocated by " + MEASURED_CHECKS + " passing and as many rejecting checks");
        assertEquals(0, mismatches, "checks that did not end as expected");
        long rejections = 0;
        for (final RiskControl control : RiskControl.values())
        {
            rejections += risk.rejectCount(control);
        }
        assertEquals(WARM_UP_CHECKS + MEASURED_CHECKS, rejections);
        assertTrue(textBytes > (long)(WARM_UP_CHECKS + MEASURED_CHECKS) * "PRICE_COLLAR: ".length());
    }

    private void run(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final int pass = i % PASS_ACCOUNT.length;
            if (risk.checkOrder(PASS_ACCOUNT[pass], PASS_SYMBOL[pass], XNAS, 1, Side.BUY, PASS_QTY[pass],
                PASS_QTY[pass], PASS_LIMIT_PX[pass], PASS_STOP_PX[pass], 0, 0, NOW_NS) != RiskControl.NONE)
            {
                mismatches++;
            }
            if (risk.formatLastRejection(text, 0) != 0)
            {
                mismatches++;
            }

            final int reject = i % REJECT_CONTROL.length;
            if (risk.checkOrder(REJECT_ACCOUNT[reject], REJECT_SYMBOL[reject], XNAS, 1, Side.BUY, REJECT_QTY[reject],
                REJECT_QTY[reject], REJECT_LIMIT_PX[reject], NULL, 0, 0, NOW_NS) != REJECT_CONTROL[reject])
            {
                mismatches++;
            }
            textBytes += risk.formatLastRejection(text, 0);
        }
    }

    /**
     * DEMO may trade AAPL only; GME is restricted; MSFT has no reference price; TSLA's is two seconds old; XNAS is open
     * around the clock, IPO only in the first minute of the day, and HLT is halted.
     */
    private static PreTradeRisk newRisk()
    {
        final LimitSet limits = new LimitSetParser(List.of("AAPL", "MSFT", "GME", "TSLA", "IPO", "HLT"),
            List.of("XNAS"))
            .parse(Map.ofEntries(
                Map.entry("risk.accounts", "ACME,DEMO"),
                Map.entry("risk.permittedSymbols", "*"),
                Map.entry("risk.account.DEMO.permittedSymbols", "AAPL"),
                Map.entry("risk.restrictedSymbols", "GME"),
                Map.entry("risk.maxOrderQty", "1000"),
                Map.entry("risk.maxOrderNotional", "1000000"),
                Map.entry("risk.collarPercent", "5"),
                Map.entry("risk.maxReferenceAgeMs", "1000"),
                Map.entry("risk.creditLimit", "90000000000"),
                Map.entry("risk.maxLongQty", "90000000000"),
                Map.entry("risk.maxShortQty", "90000000000"),
                Map.entry("risk.maxNetQty", "90000000000"),
                Map.entry("risk.fillWindowMs", "1000"),
                Map.entry("risk.maxFills", "1000000"),
                Map.entry("risk.maxDailyLoss", "90000000000"),
                Map.entry("risk.symbol.AAPL.referencePrice", "190"),
                Map.entry("risk.symbol.TSLA.referencePrice", "250"),
                Map.entry("risk.venue.XNAS.tradingHours", "00:00-24:00"),
                Map.entry("risk.venue.XNAS.tradingDays", "MON-SUN"),
                Map.entry("risk.venue.XNAS.timeZone", "UTC"),
                Map.entry("risk.symbol.IPO.tradingHours", "00:00-00:01"),
                Map.entry("risk.symbol.IPO.timeZone", "UTC")));
        final ReferencePrices prices = new ReferencePrices(limits.symbols().size());
        prices.takeConfigured(limits, null, NOW_NS);
        prices.update(TSLA, units("250"), NOW_NS - 2_000_000_000L);
        final PreTradeRisk risk = new PreTradeRisk(limits, prices, new ExposureBook(100, limits.accounts().size()));
        risk.halts().halt(new TradingHalts.Halt(TradingHalts.ALL_VENUES, HLT, "", "HLT", "news pending", "md", 0));
        return risk;
    }

    private static long units(final String decimal)
    {
        return FixedPoint.parse(decimal);
    }
}
