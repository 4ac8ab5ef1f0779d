package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random fills, busts of earlier fills, corrections and marks across a few accounts and symbols; after every step
 * each position in the store must equal {@link ReplayedPosition}'s replay of its surviving fills in their original
 * order, and the order-independent invariants must hold.
 */
class PositionStorePropertyTest
{
    private static final long SCALE = FixedPoint.SCALE;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2_024, 987_654_321})
    void shouldEqualAReplayOfTheSurvivingFillsAfterEveryStep(final long seed)
    {
        run(seed, 800, new String[]{"ACME", "BETA"}, new String[]{"AAPL", "MSFT"});
    }

    @Test
    void shouldStayExactWhileOldFillsAreFoldedOutOfTheLedger()
    {
        final List<ReplayedPosition> positions = run(5, 4_000, new String[]{"ACME"}, new String[]{"AAPL", "MSFT"});

        for (final ReplayedPosition position : positions)
        {
            assertTrue(position.folded > PositionValue.LEDGER_CAPACITY, position.symbol + " folded " + position.folded);
        }
    }

    private List<ReplayedPosition> run(
        final long seed, final int steps, final String[] accounts, final String[] symbols)
    {
        final Random random = new Random(seed);
        final List<ReplayedPosition> models = new ArrayList<>();
        for (final String account : accounts)
        {
            for (final String symbol : symbols)
            {
                models.add(new ReplayedPosition(account, symbol));
            }
        }

        try (PositionStore store = new PositionStore(dir.resolve("positions-" + seed + ".cmap").toFile(), 100))
        {
            for (int step = 0; step < steps; step++)
            {
                final long timeNs = 1_000L + step;
                final ReplayedPosition model = models.get(random.nextInt(models.size()));
                final int ledgerFills = model.fills.size() - model.folded;
                final int choice = random.nextInt(100);
                final String what;
                if (choice < 50 || ledgerFills == 0)
                {
                    final Side side = side(random);
                    final long qty = qty(random);
                    final long price = price(random);
                    store.applyFill(model.account, model.symbol, side, qty, price, timeNs);
                    model.fill(side == Side.BUY ? qty : -qty, price, timeNs);
                    what = "fill " + side + " " + qty + " @ " + price;
                }
                else if (choice < 65)
                {
                    final ReplayedPosition.Fill fill = model.fills.get(model.folded + random.nextInt(ledgerFills));
                    final PositionAdjustment result = store.applyBust(model.account, model.symbol,
                        sideOf(fill, random), Math.abs(fill.signedQty()), fill.px(), timeNs);
                    model.bust(model.newestInLedger(fill.signedQty(), fill.px()), timeNs);
                    what = "bust " + fill;
                    assertEquals(PositionAdjustment.REPLAYED, result, what);
                }
                else if (choice < 80)
                {
                    final ReplayedPosition.Fill fill = model.fills.get(model.folded + random.nextInt(ledgerFills));
                    final int change = random.nextInt(3);
                    final long newQty = change == 1 ? Math.abs(fill.signedQty()) : qty(random);
                    final long newPx = change == 0 ? fill.px() : price(random);
                    final PositionAdjustment result = store.applyCorrection(model.account, model.symbol,
                        sideOf(fill, random), Math.abs(fill.signedQty()), fill.px(), newQty, newPx, timeNs);
                    model.correct(model.newestInLedger(fill.signedQty(), fill.px()),
                        fill.signedQty() > 0 ? newQty : -newQty, newPx, timeNs);
                    what = "correct " + fill + " to " + newQty + " @ " + newPx;
                    assertEquals(PositionAdjustment.REPLAYED, result, what);
                }
                else if (choice < 92)
                {
                    final long price = price(random);
                    what = "mark " + price;
                    assertEquals(model.mark(price, timeNs), store.mark(model.account, model.symbol, price, timeNs),
                        what);
                }
                else
                {
                    final long qty = qty(random) + 1;
                    final long price = price(random);
                    final Side side = side(random);
                    what = "bust of an unknown fill " + side + " " + qty + " @ " + price;
                    if (model.folded == 0 && model.newestInLedger(side == Side.BUY ? qty : -qty, price) < 0)
                    {
                        assertEquals(PositionAdjustment.NO_SUCH_FILL,
                            store.applyBust(model.account, model.symbol, side, qty, price, timeNs), what);
                    }
                }

                for (final ReplayedPosition each : models)
                {
                    assertMatches(store, each, "seed " + seed + " step " + step + " after " + what + " on " +
                        model.account + "/" + model.symbol);
                }
            }
            assertEquals(models.stream().filter(m -> m.exists).count(), store.readAll().size());
        }
        return models;
    }

    private static void assertMatches(final PositionStore store, final ReplayedPosition model, final String context)
    {
        final Position position = store.read(model.account, model.symbol);
        final Position expected = model.expected();
        assertEquals(expected, position, context);
        if (position == null)
        {
            return;
        }

        assertEquals(position.boughtQty() - position.soldQty(), position.netQty(), context);
        assertEquals(model.boughtNotional(), position.boughtNotional(), context);
        assertEquals(model.soldNotional(), position.soldNotional(), context);
        assertEquals(model.fills.size(), position.fillCount(), context);
        if (position.netQty() == 0)
        {
            assertEquals(0, position.avgCost(), context);
            assertEquals(0, position.unrealisedPnl(), context);
        }
        else
        {
            assertEquals(model.unrealised(position.markPx()), position.unrealisedPnl(), context);
            assertEquals(model.unrealised(123 * SCALE), position.unrealisedPnl(123 * SCALE), context);
        }
    }

    private static Side side(final Random random)
    {
        final int choice = random.nextInt(20);
        return choice < 10 ? Side.BUY : choice < 17 ? Side.SELL : Side.SELL_SHORT;
    }

    /** Any sell side busts or corrects a sell: SELL and SELL_SHORT are the same direction. */
    private static Side sideOf(final ReplayedPosition.Fill fill, final Random random)
    {
        return fill.signedQty() > 0 ? Side.BUY : random.nextBoolean() ? Side.SELL : Side.SELL_SHORT;
    }

    /** Round lots often, so positions cross zero and identical fills occur; odd fractions otherwise. */
    private static long qty(final Random random)
    {
        return random.nextInt(3) == 0 ? 1 + random.nextInt(2_000_000_000) : (1 + random.nextInt(10)) * SCALE;
    }

    /** A few round prices, so identical fills occur; arbitrary ones to 8 places; now and then a negative one. */
    private static long price(final Random random)
    {
        final int choice = random.nextInt(20);
        if (choice < 6)
        {
            return (100 + random.nextInt(5)) * SCALE;
        }
        if (choice < 19)
        {
            return 50 * SCALE + random.nextLong(100 * SCALE);
        }
        return -random.nextLong(10 * SCALE);
    }
}
