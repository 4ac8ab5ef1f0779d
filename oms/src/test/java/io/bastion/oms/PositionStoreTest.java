package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.values.Values;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static io.bastion.protocol.FixedPoint.NULL_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Average-cost accounting, busts, corrections and marks, one case at a time, on a real Chronicle Map file.
 */
class PositionStoreTest
{
    private static final String ACCOUNT = "ACME";
    private static final String SYMBOL = "AAPL";
    private static final long T1 = 1_000;
    private static final long T2 = 2_000;
    private static final long T3 = 3_000;
    private static final long T4 = 4_000;
    private static final long T5 = 5_000;

    @TempDir
    Path dir;

    private File file;
    private PositionStore store;

    @BeforeEach
    void open()
    {
        file = dir.resolve("positions.cmap").toFile();
        store = new PositionStore(file, 1_000);
    }

    @AfterEach
    void close()
    {
        store.close();
    }

    @Test
    void shouldOpenALongAtTheFillPrice()
    {
        fill(Side.BUY, "100", "10", T1);

        final Position position = read();
        assertEquals(units(100), position.netQty());
        assertEquals(px("10"), position.avgCost());
        assertEquals(0, position.realisedPnl());
        assertEquals(px("10"), position.markPx());
        assertEquals(0, position.unrealisedPnl());
        assertEquals(units(100), position.boughtQty());
        assertEquals(px("1000"), position.boughtNotional());
        assertEquals(1, position.fillCount());
        assertEquals(T1, position.updatedNs());
    }

    @Test
    void shouldReaverageTheCostWhenAddingToALong()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "300", "12", T2);

        final Position position = read();
        assertEquals(units(400), position.netQty());
        assertEquals(px("11.5"), position.avgCost(), "(100 * 10 + 300 * 12) / 400");
        assertEquals(0, position.realisedPnl());
        assertEquals(px("12"), position.markPx());
        assertEquals(px("200"), position.unrealisedPnl(), "(12 - 11.5) * 400");
    }

    @Test
    void shouldRoundTheAverageCostHalfEvenToEightPlaces()
    {
        fill(Side.BUY, "1", "10", T1);
        fill(Side.BUY, "2", "10.00000001", T2);

        assertEquals(px("10.00000001"), read().avgCost(), "30.00000002 / 3 = 10.0000000066...");
    }

    @Test
    void shouldRealisePnlOnAPartialCloseAndKeepTheAverageCost()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "300", "12", T2);
        fill(Side.SELL, "150", "13", T3);

        final Position position = read();
        assertEquals(units(250), position.netQty());
        assertEquals(px("11.5"), position.avgCost());
        assertEquals(px("225"), position.realisedPnl(), "(13 - 11.5) * 150");
        assertEquals(px("375"), position.unrealisedPnl(), "(13 - 11.5) * 250");
        assertEquals(units(150), position.soldQty());
        assertEquals(px("1950"), position.soldNotional());
    }

    @Test
    void shouldHaveNoAverageCostOnceClosedToFlat()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "300", "12", T2);
        fill(Side.SELL, "150", "13", T3);
        fill(Side.SELL, "250", "11", T4);

        final Position position = read();
        assertEquals(0, position.netQty());
        assertEquals(0, position.avgCost());
        assertEquals(px("100"), position.realisedPnl(), "225 + (11 - 11.5) * 250");
        assertEquals(0, position.unrealisedPnl());
        assertEquals(0, position.unrealisedPnl(px("99")));
        assertEquals(position.boughtQty(), position.soldQty());
        assertEquals(4, position.fillCount());
    }

    @Test
    void shouldCloseAndReopenAtTheFillPriceWhenAFillCrossesZero()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.SELL, "150", "12", T2);

        final Position short50 = read();
        assertEquals(units(-50), short50.netQty());
        assertEquals(px("12"), short50.avgCost(), "the remainder opens at the fill price");
        assertEquals(px("200"), short50.realisedPnl(), "(12 - 10) * 100 on the closed long");

        fill(Side.BUY, "80", "11", T3);

        final Position long30 = read();
        assertEquals(units(30), long30.netQty());
        assertEquals(px("11"), long30.avgCost());
        assertEquals(px("250"), long30.realisedPnl(), "200 + (12 - 11) * 50 on the closed short");
    }

    @Test
    void shouldAccountForAShortSymmetrically()
    {
        fill(Side.SELL_SHORT, "100", "20", T1);
        fill(Side.SELL, "100", "22", T2);

        final Position opened = read();
        assertEquals(units(-200), opened.netQty());
        assertEquals(px("21"), opened.avgCost());
        assertEquals(units(200), opened.soldQty());

        fill(Side.BUY, "50", "19", T3);

        final Position covered = read();
        assertEquals(units(-150), covered.netQty());
        assertEquals(px("21"), covered.avgCost());
        assertEquals(px("100"), covered.realisedPnl(), "(21 - 19) * 50, a gain on a short");
        assertEquals(px("300"), covered.unrealisedPnl(), "(19 - 21) * -150 against the last fill");
        assertEquals(px("-300"), covered.unrealisedPnl(px("23")));

        fill(Side.BUY, "150", "24", T4);

        final Position flat = read();
        assertEquals(0, flat.netQty());
        assertEquals(0, flat.avgCost());
        assertEquals(px("-350"), flat.realisedPnl(), "100 + (21 - 24) * 150, a loss on a short");
    }

    @Test
    void shouldComputeUnrealisedAgainstAReferencePriceUntilTheNextFill()
    {
        fill(Side.BUY, "100", "10", T1);

        assertTrue(store.mark(ACCOUNT, SYMBOL, px("10.5"), T2));

        final Position marked = read();
        assertEquals(px("10.5"), marked.markPx());
        assertEquals(px("50"), marked.unrealisedPnl());
        assertEquals(px("-100"), marked.unrealisedPnl(px("9")));
        assertEquals(px("50"), marked.totalPnl());
        assertEquals(T2, marked.updatedNs());

        fill(Side.BUY, "100", "12", T3);

        final Position filled = read();
        assertEquals(px("12"), filled.markPx(), "a fill's price is the newer reference");
        assertEquals(px("200"), filled.unrealisedPnl(), "(12 - 11) * 200");
    }

    @Test
    void shouldNotCreateAPositionWhenMarkingAnUnknownOne()
    {
        assertFalse(store.mark(ACCOUNT, SYMBOL, px("10"), T1));

        assertNull(read());
        assertTrue(store.readAll().isEmpty());
    }

    @Test
    void shouldLeaveAnEmptyPositionWhenTheOnlyFillIsBusted()
    {
        fill(Side.BUY, "100", "10", T1);

        assertEquals(PositionAdjustment.REPLAYED, bust(Side.BUY, "100", "10", T2));

        assertEquals(new Position(ACCOUNT, SYMBOL, 0, 0, 0, NULL_VALUE, 0, 0, 0, 0, 0, 0, T2), read());
        assertEquals(0, read().unrealisedPnl());
    }

    @Test
    void shouldReplayTheRemainingFillsInOrderWhenAMiddleFillIsBusted()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "100", "20", T2);
        fill(Side.SELL, "100", "18", T3);
        assertEquals(px("300"), read().realisedPnl(), "(18 - 15) * 100");

        assertEquals(PositionAdjustment.REPLAYED, bust(Side.BUY, "100", "20", T4));

        // Unwinding the busted buy from the aggregate would leave a long at 15; the replay closes the 10 lot instead.
        assertEquals(new Position(ACCOUNT, SYMBOL, 0, 0, px("800"), px("18"), units(100), units(100), px("1000"),
            px("1800"), 2, 0, T4), read());
    }

    @Test
    void shouldReplayWithTheCorrectedQuantity()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "100", "20", T2);
        fill(Side.SELL, "100", "18", T3);

        assertEquals(PositionAdjustment.REPLAYED,
            store.applyCorrection(ACCOUNT, SYMBOL, Side.BUY, units(100), px("20"), units(300), px("20"), T4));

        assertEquals(new Position(ACCOUNT, SYMBOL, units(300), px("17.5"), px("50"), px("18"), units(400),
            units(100), px("7000"), px("1800"), 3, 0, T4), read());
    }

    @Test
    void shouldReplayWithTheCorrectedPrice()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "100", "20", T2);
        fill(Side.SELL, "100", "18", T3);

        assertEquals(PositionAdjustment.REPLAYED,
            store.applyCorrection(ACCOUNT, SYMBOL, Side.BUY, units(100), px("20"), units(100), px("12"), T4));

        assertEquals(new Position(ACCOUNT, SYMBOL, units(100), px("11"), px("700"), px("18"), units(200),
            units(100), px("2200"), px("1800"), 3, 0, T4), read());
    }

    @Test
    void shouldMarkAtTheLastSurvivingFillAfterTheLastFillIsBustedOrCorrected()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "100", "30", T2);

        bust(Side.BUY, "100", "30", T3);
        assertEquals(px("10"), read().markPx());

        store.applyCorrection(ACCOUNT, SYMBOL, Side.BUY, units(100), px("10"), units(100), px("11"), T4);
        assertEquals(px("11"), read().markPx());
    }

    @Test
    void shouldKeepAReferenceMarkAcrossABust()
    {
        fill(Side.BUY, "100", "10", T1);
        fill(Side.BUY, "100", "30", T2);
        store.mark(ACCOUNT, SYMBOL, px("25"), T3);

        bust(Side.BUY, "100", "30", T4);

        assertEquals(px("25"), read().markPx());
        assertEquals(px("1500"), read().unrealisedPnl());
    }

    @Test
    void shouldCountSurvivingFills()
    {
        fill(Side.BUY, "1", "10", T1);
        fill(Side.SELL, "2", "11", T2);
        fill(Side.SELL_SHORT, "3", "12", T3);
        assertEquals(3, read().fillCount());

        bust(Side.SELL, "2", "11", T4);
        assertEquals(2, read().fillCount());

        store.applyCorrection(ACCOUNT, SYMBOL, Side.SELL, units(3), px("12"), units(4), px("12"), T5);
        assertEquals(2, read().fillCount());
        assertEquals(units(-3), read().netQty(), "SELL_SHORT and SELL are both sells");
    }

    @Test
    void shouldBustTheNewestOfIdenticalFills()
    {
        fill(Side.BUY, "1", "100", T1);
        fill(Side.BUY, "1", "200", T2);
        fill(Side.SELL, "1", "150", T3);
        fill(Side.BUY, "1", "100", T4);

        bust(Side.BUY, "1", "100", T5);

        assertEquals(units(1), read().netQty());
        assertEquals(px("150"), read().avgCost(), "the first buy at 100 survives and averages with the one at 200");
        assertEquals(0, read().realisedPnl());
    }

    @Test
    void shouldChangeNothingWhenNoFillMatches()
    {
        fill(Side.BUY, "100", "10", T1);
        final Position before = read();

        assertEquals(PositionAdjustment.NO_SUCH_FILL, bust(Side.BUY, "100", "10.01", T2));
        assertEquals(PositionAdjustment.NO_SUCH_FILL, bust(Side.SELL, "100", "10", T2));
        assertEquals(PositionAdjustment.NO_SUCH_FILL,
            store.applyCorrection(ACCOUNT, SYMBOL, Side.BUY, units(99), px("10"), units(1), px("1"), T2));
        assertEquals(PositionAdjustment.NO_SUCH_FILL, store.applyBust("NOBODY", SYMBOL, Side.BUY, 1, 1, T2));

        assertEquals(before, read());
        assertNull(store.read("NOBODY", SYMBOL));
    }

    @Test
    void shouldReplayExactlyWhenOlderFillsHaveLeftTheLedger()
    {
        final ReplayedPosition model = new ReplayedPosition(ACCOUNT, SYMBOL);
        final int fills = 3 * PositionValue.LEDGER_CAPACITY;
        for (int i = 0; i < fills; i++)
        {
            final long qty = units(1 + i % 7);
            final long price = px("100") + (i % 11) * px("0.37");
            final Side side = i % 3 == 2 ? Side.SELL : Side.BUY;
            store.applyFill(ACCOUNT, SYMBOL, side, qty, price, i);
            model.fill(side == Side.BUY ? qty : -qty, price, i);
        }
        final int oldestInLedger = fills - PositionValue.LEDGER_CAPACITY;
        final ReplayedPosition.Fill busted = model.fills.get(oldestInLedger);
        final int index = model.newestInLedger(busted.signedQty(), busted.px());

        assertEquals(PositionAdjustment.REPLAYED, store.applyBust(ACCOUNT, SYMBOL,
            busted.signedQty() > 0 ? Side.BUY : Side.SELL, Math.abs(busted.signedQty()), busted.px(), fills));
        model.bust(index, fills);

        assertEquals(model.expected(), read());
    }

    @Test
    void shouldApplyABustOfAFillThatHasLeftTheLedgerAtTheBase()
    {
        final ReplayedPosition model = new ReplayedPosition(ACCOUNT, SYMBOL);
        final int fills = PositionValue.LEDGER_CAPACITY + 10;
        for (int i = 0; i < fills; i++)
        {
            final long price = px("100") + i * px("0.5");
            final Side side = i % 4 == 3 ? Side.SELL : Side.BUY;
            store.applyFill(ACCOUNT, SYMBOL, side, units(10), price, i);
            model.fill(side == Side.BUY ? units(10) : -units(10), price, i);
        }
        final Position replayBefore = model.expected();
        assertEquals(replayBefore, read());

        assertEquals(PositionAdjustment.APPLIED_BEFORE_LEDGER,
            store.applyBust(ACCOUNT, SYMBOL, Side.BUY, units(10), px("100"), T5));
        model.bust(0, T5);

        final Position expected = model.expected();
        final Position position = read();
        assertEquals(expected.netQty(), position.netQty());
        assertEquals(expected.boughtQty(), position.boughtQty());
        assertEquals(expected.soldQty(), position.soldQty());
        assertEquals(expected.boughtNotional(), position.boughtNotional());
        assertEquals(expected.soldNotional(), position.soldNotional());
        assertEquals(expected.fillCount(), position.fillCount());
        assertEquals(expected.markPx(), position.markPx());
        assertEquals(1, position.lateAdjustments());
        // Each trade may round the average cost by half a unit in the last place; over this history that moves
        // the total by far less than 0.0001.
        assertEquals(expected.totalPnl(), position.totalPnl(), px("0.0001"), "total P&L agrees up to rounding");
        assertTrue(expected.realisedPnl() != position.realisedPnl(), "the split is not a replay's");
    }

    @Test
    void shouldLeaveThePositionUnchangedWhenAnAmountWouldOverflow()
    {
        final long hugeQty = 1_000_000_000_000_000_000L;
        store.applyFill(ACCOUNT, SYMBOL, Side.BUY, hugeQty, px("9"), T1);
        final Position before = read();

        assertThrows(ArithmeticException.class,
            () -> store.applyFill(ACCOUNT, SYMBOL, Side.BUY, hugeQty, px("9"), T2), "bought notional overflows");
        assertThrows(ArithmeticException.class,
            () -> store.applyCorrection(ACCOUNT, SYMBOL, Side.BUY, hugeQty, px("9"), hugeQty, px("10"), T2));

        assertEquals(before, read());
    }

    @Test
    void shouldRejectNonPositiveQuantitiesAndNullPrices()
    {
        assertThrows(IllegalArgumentException.class, () -> store.applyFill(ACCOUNT, SYMBOL, Side.BUY, 0, 1, T1));
        assertThrows(IllegalArgumentException.class,
            () -> store.applyFill(ACCOUNT, SYMBOL, Side.BUY, 1, NULL_VALUE, T1));
        assertThrows(IllegalArgumentException.class, () -> store.applyBust(ACCOUNT, SYMBOL, Side.BUY, -1, 1, T1));
        assertThrows(IllegalArgumentException.class,
            () -> store.applyCorrection(ACCOUNT, SYMBOL, Side.BUY, 1, 1, 0, 1, T1));
        assertThrows(IllegalArgumentException.class, () -> store.mark(ACCOUNT, SYMBOL, NULL_VALUE, T1));

        assertNull(read());
    }

    @Test
    void shouldReadTheSamePositionsAfterReopeningTheFile()
    {
        final Random random = new Random(11);
        final String[] accounts = {"ACME", "BETA"};
        final String[] symbols = {"AAPL", "MSFT", "VOD.L"};
        final Map<String, ReplayedPosition> models = new HashMap<>();
        for (int i = 0; i < 2_000; i++)
        {
            final String account = accounts[random.nextInt(accounts.length)];
            final String symbol = symbols[random.nextInt(symbols.length)];
            final ReplayedPosition model = models.computeIfAbsent(account + "/" + symbol,
                k -> new ReplayedPosition(account, symbol));
            final long qty = units(1 + random.nextInt(20));
            final long price = px("50") + random.nextInt(1_000_000_000);
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            store.applyFill(account, symbol, side, qty, price, i);
            model.fill(side == Side.BUY ? qty : -qty, price, i);
            if (i % 10 == 9)
            {
                final int busted = model.folded + random.nextInt(model.fills.size() - model.folded);
                bustInBoth(model, busted, i);
            }
        }
        store.mark("ACME", "AAPL", px("77.5"), 3_000);
        models.get("ACME/AAPL").mark(px("77.5"), 3_000);
        final List<Position> before = store.readAll();
        assertEquals(models.size(), before.size());

        store.close();
        store = new PositionStore(file, 1_000);

        assertEquals(byKey(before), byKey(store.readAll()));
        for (final ReplayedPosition model : models.values())
        {
            assertEquals(model.expected(), store.read(model.account, model.symbol));
            bustInBoth(model, Math.max(model.folded, model.fills.size() - PositionValue.LEDGER_CAPACITY / 2), 4_000);
            assertEquals(model.expected(), store.read(model.account, model.symbol), "the ledger survived too");
        }
    }

    @Test
    void shouldGiveAReaderOnAnotherThreadOnlyWholePositionsWhileTheOwnerWrites() throws Exception
    {
        final int fills = 300_000;
        store.applyFill(ACCOUNT, SYMBOL, Side.BUY, units(1), px("10"), 1);
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicLong reads = new AtomicLong();
        final AtomicReference<String> torn = new AtomicReference<>();
        final Thread reader = new Thread(() ->
        {
            while (!done.get() && torn.get() == null)
            {
                final Position position = read();
                reads.incrementAndGet();
                if (position.boughtQty() != units(position.fillCount()) || position.netQty() != position.boughtQty() ||
                    position.updatedNs() != position.fillCount() || position.soldQty() != 0)
                {
                    torn.set(position.toString());
                }
            }
        }, "position-reader");
        reader.start();
        for (long i = 2; i <= fills; i++)
        {
            store.applyFill(ACCOUNT, SYMBOL, Side.BUY, units(1), px("10") + i, i);
        }
        done.set(true);
        reader.join(60_000);

        assertNull(torn.get(), "a reader saw a position half-written");
        assertTrue(reads.get() > 0);
        assertEquals(fills, read().fillCount());
    }

    @Test
    void shouldRefuseToReadAPositionLeftHalfWrittenUntilTheOwnerRepairsIt() throws Exception
    {
        fill(Side.BUY, "100", "10", T1);
        store.close();
        writeRaw((crashed) -> crashed.setVersion(crashed.getVersion() + 1));
        store = new PositionStore(file, 1_000);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> store.readAll());
        assertTrue(ex.getMessage().contains("ACME/AAPL is half-written"), ex.getMessage());
        assertEquals(List.of(ACCOUNT + PositionStore.KEY_SEPARATOR + SYMBOL), store.repairTornPositions());
        assertEquals(List.of(), store.repairTornPositions());
        assertEquals(units(100), read().netQty());
        fill(Side.BUY, "100", "12", T2);
        assertEquals(units(200), read().netQty());
    }

    @Test
    void shouldKeepPositionsWhoseKeysItCannotIndexExactly()
    {
        store.applyFill("ACM\u00c9", SYMBOL, Side.BUY, units(100), px("10"), T1);
        store.applyFill("ACM\u00c9", SYMBOL, Side.BUY, units(100), px("12"), T2);
        store.applyFill("ACMA", SYMBOL, Side.BUY, units(5), px("10"), T2);
        store.mark("ACM\u00c9", SYMBOL, px("13"), T3);

        final Position accented = store.read("ACM\u00c9", SYMBOL);
        assertEquals(units(200), accented.netQty());
        assertEquals(px("11"), accented.avgCost());
        assertEquals(px("13"), accented.markPx());
        assertEquals(units(5), store.read("ACMA", SYMBOL).netQty());
    }

    @Test
    void shouldRefuseEveryCallOnceClosed()
    {
        fill(Side.BUY, "100", "10", T1);
        store.close();

        assertThrows(IllegalStateException.class, () -> fill(Side.BUY, "100", "10", T2));
        assertThrows(IllegalStateException.class, () -> store.mark(ACCOUNT, SYMBOL, px("11"), T2));
        assertThrows(IllegalStateException.class, () -> bust(Side.BUY, "100", "10", T2));
        assertThrows(IllegalStateException.class, this::read);
        store.close();
        store = new PositionStore(file, 1_000);
        assertEquals(units(100), read().netQty());
    }

    @Test
    void shouldRefuseAFileWrittenWithAnotherLayout() throws Exception
    {
        store.close();
        final File empty = dir.resolve("other-empty.cmap").toFile();
        final File full = dir.resolve("other-full.cmap").toFile();
        otherLayout(empty).close();
        try (ChronicleMap<CharSequence, OtherLayout> other = otherLayout(full))
        {
            final OtherLayout value = Values.newHeapInstance(OtherLayout.class);
            value.setNetQty(42);
            other.put(ACCOUNT + PositionStore.KEY_SEPARATOR + SYMBOL, value);
        }

        for (final File written : new File[]{empty, full})
        {
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> new PositionStore(written, 1_000).close(), written.getName());
            assertTrue(ex.getMessage().contains("another version of Bastion wrote it"), ex.getMessage());
        }
        store = new PositionStore(file, 1_000);
    }

    @Test
    void shouldRefuseAFileWhosePositionsCarryAnotherFormat() throws Exception
    {
        fill(Side.BUY, "100", "10", T1);
        store.close();
        writeRaw((position) -> position.setFormat(PositionValue.FORMAT - 1));

        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> new PositionStore(file, 1_000).close());
        assertTrue(ex.getMessage().contains("holds positions of format 4253544e504f5302, not 4253544e504f5303"),
            ex.getMessage());
        assertTrue(ex.getMessage().contains("another version of Bastion wrote it"), ex.getMessage());
        store = new PositionStore(dir.resolve("fresh.cmap").toFile(), 1_000);
    }

    /**
     * Change the stored ACME/AAPL position behind the store's back, through Chronicle Map itself (the store is closed).
     */
    private void writeRaw(final Consumer<PositionValue> change) throws IOException
    {
        try (ChronicleMap<CharSequence, PositionValue> raw = ChronicleMap.of(CharSequence.class, PositionValue.class)
            .averageKeySize(24).entries(1_000).createPersistedTo(file);
            ExternalMapQueryContext<CharSequence, PositionValue, ?> context =
                raw.queryContext(ACCOUNT + PositionStore.KEY_SEPARATOR + SYMBOL))
        {
            context.writeLock().lock();
            change.accept(context.entry().value().getUsing(Values.newNativeReference(PositionValue.class)));
        }
    }

    /** A layout an older version might have written. */
    public interface OtherLayout
    {
        /** @return net quantity. */
        long getNetQty();

        /** @param value net quantity. */
        void setNetQty(long value);

        /** @return fills. */
        long getFillCount();

        /** @param value fills. */
        void setFillCount(long value);
    }

    private static ChronicleMap<CharSequence, OtherLayout> otherLayout(final File file) throws IOException
    {
        return ChronicleMap.of(CharSequence.class, OtherLayout.class)
            .averageKeySize(24)
            .entries(1_000)
            .createPersistedTo(file);
    }

    private void bustInBoth(final ReplayedPosition model, final int index, final long timeNs)
    {
        final ReplayedPosition.Fill fill = model.fills.get(index);
        final Side side = fill.signedQty() > 0 ? Side.BUY : Side.SELL;
        assertEquals(PositionAdjustment.REPLAYED, store.applyBust(model.account, model.symbol, side,
            Math.abs(fill.signedQty()), fill.px(), timeNs));
        model.bust(model.newestInLedger(fill.signedQty(), fill.px()), timeNs);
    }

    private static Map<String, Position> byKey(final List<Position> positions)
    {
        final Map<String, Position> byKey = new HashMap<>();
        for (final Position position : positions)
        {
            byKey.put(position.account() + "/" + position.symbol(), position);
        }
        return byKey;
    }

    private void fill(final Side side, final String qty, final String price, final long timeNs)
    {
        store.applyFill(ACCOUNT, SYMBOL, side, px(qty), px(price), timeNs);
    }

    private PositionAdjustment bust(final Side side, final String qty, final String price, final long timeNs)
    {
        return store.applyBust(ACCOUNT, SYMBOL, side, px(qty), px(price), timeNs);
    }

    private Position read()
    {
        return store.read(ACCOUNT, SYMBOL);
    }

    private static long units(final long units)
    {
        return FixedPoint.ofUnits(units);
    }

    private static long px(final String decimal)
    {
        final long mantissa = FixedPoint.parse(decimal);
        assertTrue(mantissa != FixedPoint.INVALID, decimal);
        return mantissa;
    }
}
