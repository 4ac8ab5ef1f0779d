package io.bastion.bench.jmh;

import io.bastion.protocol.FixedPoint;
import io.bastion.risk.ExposureBook;
import io.bastion.risk.LimitSet;
import io.bastion.risk.LimitSetParser;
import io.bastion.risk.PreTradeRisk;
import io.bastion.risk.ReferencePrices;
import io.bastion.risk.RiskControl;
import io.bastion.sbe.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pre-trade check chain alone, for one new order: the path every order takes through risk on the OMS thread.
 * A book of {@code accounts} accounts trading {@code symbols} symbols, each account with its own limits, a limit per
 * account and symbol for every tenth pair, positions in {@code positionsPerAccount} symbols each (the credit limit
 * values them all). Orders rotate over accounts and symbols, buys and sells, limit and market, so the tables are
 * touched the way a busy gateway touches them. Every check passes the whole chain (a rejection stops early, so it is
 * cheaper); {@link #checkOrder} fails the run if one does not. The venue has trading hours (around the clock, so the
 * calendar is consulted and passes), the client session caps the order quantity, four orders in five come from one of
 * 100 traders with a notional cap, and self-match prevention is configured (it runs in the OMS, not here). With
 * {@code priceTicks} a reference price changes before every check.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskCheckBenchmark
{
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final int TRADERS = 100;
    private static final int ORDERS = 4096;
    private static final long TICK_UP = FixedPoint.parse("100.01");
    private static final long TICK_DOWN = FixedPoint.ofUnits(100);

    /** Accounts configured. */
    @Param("1000")
    public int accounts;

    /** Symbols traded. */
    @Param("500")
    public int symbols;

    /** Symbols each account holds a position in. */
    @Param("20")
    public int positionsPerAccount;

    /**
     * Whether a reference price changes before every check, as it does under live market data: each change makes the
     * credit limit value the account's positions again (only the ones whose price or quantity changed).
     */
    @Param({ "false", "true" })
    public boolean priceTicks;

    private ReferencePrices prices;
    private long tick;

    private PreTradeRisk risk;
    private final int[] orderAccount = new int[ORDERS];
    private final int[] orderSymbol = new int[ORDERS];
    private final Side[] orderSide = new Side[ORDERS];
    private final long[] orderPrice = new long[ORDERS];
    private final int[] orderTrader = new int[ORDERS];
    private int next;

    /**
     * Build the limits, reference prices and positions.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final List<String> symbolNames = new ArrayList<>();
        for (int i = 0; i < symbols; i++)
        {
            symbolNames.add("SYM" + i);
        }
        final List<String> accountNames = new ArrayList<>();
        for (int i = 0; i < accounts; i++)
        {
            accountNames.add("ACCT" + i);
        }

        final Map<String, String> settings = new HashMap<>();
        settings.put("risk.accounts", String.join(",", accountNames));
        settings.put("risk.permittedSymbols", "*");
        settings.put("risk.restrictedSymbols", "SYM" + (symbols - 1));
        settings.put("risk.maxOrderQty", "100000");
        settings.put("risk.maxOrderNotional", "10000000");
        settings.put("risk.collarPercent", "10");
        settings.put("risk.maxReferenceAgeMs", "86400000");
        settings.put("risk.creditLimit", "90000000000");
        settings.put("risk.maxLongQty", "90000000000");
        settings.put("risk.maxShortQty", "90000000000");
        settings.put("risk.maxNetQty", "90000000000");
        settings.put("risk.fillWindowMs", "1000");
        settings.put("risk.maxFills", "1000000000");
        settings.put("risk.maxDailyLoss", "90000000000");
        settings.put("risk.venue.SIM.maxOrderNotional", "20000000");
        settings.put("risk.venue.SIM.tradingHours", "00:00-24:00");
        settings.put("risk.venue.SIM.tradingDays", "MON-SUN");
        settings.put("risk.venue.SIM.timeZone", "UTC");
        settings.put("risk.session.CLIENT1.maxOrderQty", "90000");
        settings.put("risk.selfMatch", "cancelIncoming");
        for (int t = 0; t < TRADERS; t++)
        {
            settings.put("risk.trader.T" + t + ".maxOrderNotional", Integer.toString(15_000_000 + t));
        }
        for (int s = 0; s < symbols; s++)
        {
            settings.put("risk.symbol.SYM" + s + ".referencePrice", "100");
            settings.put("risk.symbol.SYM" + s + ".tickSize", "0.01");
        }
        for (int a = 0; a < accounts; a++)
        {
            settings.put("risk.account.ACCT" + a + ".maxOrderQty", Integer.toString(50_000 + a));
            for (int s = a % 10; s < symbols; s += 10 * Math.max(1, symbols / 50))
            {
                settings.put("risk.account.ACCT" + a + ".symbol.SYM" + s + ".maxOrderNotional", "5000000");
            }
        }
        final LimitSet limits = new LimitSetParser(symbolNames, List.of("SIM"), Map.of(1, "CLIENT1"))
            .parse(settings);
        prices = new ReferencePrices(symbols);
        prices.takeConfigured(limits, null, NOW_NS);
        final ExposureBook exposure = new ExposureBook(accounts * (positionsPerAccount + 8), accounts);
        for (int a = 0; a < accounts; a++)
        {
            for (int p = 0; p < positionsPerAccount; p++)
            {
                final int slot = exposure.acquire(a, (a * 7 + p * 13) % (symbols - 1));
                exposure.position(slot, FixedPoint.ofUnits(100 * (p % 2 == 0 ? 1 : -1)), FixedPoint.ofUnits(100));
                exposure.reserve(slot, Side.BUY, FixedPoint.ofUnits(10), FixedPoint.ofUnits(1_000));
            }
        }
        risk = new PreTradeRisk(limits, prices, exposure);

        for (int i = 0; i < ORDERS; i++)
        {
            orderAccount[i] = (i * 31) % accounts;
            orderSymbol[i] = (orderAccount[i] * 7 + (i % positionsPerAccount) * 13) % (symbols - 1);
            orderSide[i] = i % 2 == 0 ? Side.BUY : Side.SELL;
            orderTrader[i] = i % 5 == 4 ? -1 : limits.traders().find("T" + (i % TRADERS));
            orderPrice[i] = i % 4 == 3 ? FixedPoint.NULL_VALUE : FixedPoint.parse(i % 3 == 0 ? "101.5" : "99.25");
        }
    }

    /**
     * One new order through the whole chain.
     *
     * @return the outcome, always {@link RiskControl#NONE}.
     */
    @Benchmark
    public RiskControl checkOrder()
    {
        final int i = next;
        next = (i + 1) & (ORDERS - 1);
        if (priceTicks)
        {
            final long t = tick++;
            prices.update((int)(t % (symbols - 1)), (t & 1) == 0 ? TICK_UP : TICK_DOWN, NOW_NS);
        }
        final long qty = FixedPoint.ofUnits(100);
        final RiskControl control = risk.checkOrder(orderAccount[i], orderSymbol[i], 0, 1, orderTrader[i],
            orderSide[i], qty, qty,
            orderPrice[i], FixedPoint.NULL_VALUE, 0, 0, NOW_NS);
        if (control != RiskControl.NONE)
        {
            throw new IllegalStateException("order " + i + " rejected by " + control);
        }
        return control;
    }
}
