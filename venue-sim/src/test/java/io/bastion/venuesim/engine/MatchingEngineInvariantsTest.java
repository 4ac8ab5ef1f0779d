package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;
import org.agrona.collections.Long2LongHashMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random order flow against seeded liquidity, with the book's invariants checked after every command.
 */
class MatchingEngineInvariantsTest
{
    private static final String SYMBOL = "RAND";
    private static final long TICK = FixedPoint.SCALE / 100;
    private static final long REFERENCE = 100 * FixedPoint.SCALE;

    private final Long2LongHashMap lastCumQtyByOrderId = new Long2LongHashMap(-1);
    private long aggressorQuantity;
    private long passiveQuantity;

    @Test
    void shouldKeepTheBookUncrossedAndQuantitiesConsistentUnderRandomFlow()
    {
        for (final long seed : new long[]{ 1, 2, 3, 42, 2024 })
        {
            run(seed, 5_000);
        }
    }

    private void run(final long seed, final int commands)
    {
        final Random random = new Random(seed);
        final MatchingEngine engine = new MatchingEngine(new CheckingListener(), random.nextBoolean());
        engine.seed(SYMBOL, REFERENCE, TICK, 5, 50 * FixedPoint.SCALE);
        final OrderBook book = engine.book(SYMBOL);
        final List<Long> ids = new ArrayList<>();
        long nextId = 1;

        for (int i = 0; i < commands; i++)
        {
            final int action = random.nextInt(10);
            final long price = REFERENCE + (random.nextInt(21) - 10) * TICK;
            final long quantity = (1 + random.nextInt(120)) * FixedPoint.SCALE;
            if (action < 6 || ids.isEmpty())
            {
                final long id = nextId++;
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final OrderType type = random.nextInt(8) == 0 ? OrderType.MARKET : OrderType.LIMIT;
                final TimeInForce timeInForce = TimeInForce.values()[random.nextInt(TimeInForce.values().length)];
                assertEquals(RejectReason.NONE, engine.submit(id, SYMBOL, side, type, timeInForce, price, quantity));
                ids.add(id);
            }
            else if (action < 8)
            {
                engine.cancel(ids.get(random.nextInt(ids.size())));
            }
            else
            {
                engine.replace(ids.get(random.nextInt(ids.size())), price, quantity);
            }
            checkBook(engine, book, seed, i);
        }
        assertEquals(aggressorQuantity, passiveQuantity);
        assertTrue(engine.tradeCount() > commands / 10, "seed " + seed + " traded " + engine.tradeCount());
    }

    private static void checkBook(final MatchingEngine engine, final OrderBook book, final long seed, final int step)
    {
        final String where = "seed " + seed + " step " + step;
        final long bid = book.bestBid();
        final long ask = book.bestAsk();
        assertTrue(bid == FixedPoint.NULL_VALUE || ask == FixedPoint.NULL_VALUE || bid < ask, where + " crossed");

        int resting = 0;
        for (final Side side : Side.values())
        {
            long previousPrice = FixedPoint.NULL_VALUE;
            for (int depth = 0; depth < book.levelCount(side); depth++)
            {
                final long price = book.priceAt(side, depth);
                if (previousPrice != FixedPoint.NULL_VALUE)
                {
                    assertTrue(side == Side.BUY ? price < previousPrice : price > previousPrice, where + " unsorted");
                }
                previousPrice = price;

                long levelQuantity = 0;
                for (int position = 0; position < book.orderCountAt(side, depth); position++)
                {
                    final Order order = engine.restingOrder(book.orderIdAt(side, depth, position));
                    assertEquals(price, order.price(), where);
                    assertEquals(order.quantity() - order.filledQuantity(), order.leavesQuantity(), where);
                    assertTrue(order.leavesQuantity() > 0, where);
                    levelQuantity += order.leavesQuantity();
                    resting++;
                }
                assertEquals(levelQuantity, book.quantityAt(side, depth), where + " level quantity");
            }
        }
        assertEquals(engine.restingOrderCount(), resting, where + " index");
    }

    private final class CheckingListener implements MatchingEventListener
    {
        @Override
        public void onAccepted(final Order order)
        {
            lastCumQtyByOrderId.put(order.orderId(), 0);
        }

        @Override
        public void onRejected(final long orderId, final RejectReason reason)
        {
        }

        @Override
        public void onTrade(
            final long tradeId,
            final Order aggressor,
            final Order passive,
            final long priceMantissa,
            final long quantityMantissa)
        {
            assertTrue(quantityMantissa > 0);
            assertTrue(aggressor.side() != passive.side());
            assertEquals(priceMantissa, passive.price());
            if (aggressor.type() == OrderType.LIMIT)
            {
                assertTrue(aggressor.side() == Side.BUY ?
                    priceMantissa <= aggressor.price() : priceMantissa >= aggressor.price());
            }
            checkCumQty(aggressor);
            checkCumQty(passive);
            aggressorQuantity += quantityMantissa;
            passiveQuantity += quantityMantissa;
        }

        @Override
        public void onCanceled(final Order order, final CancelReason reason, final long canceledQuantityMantissa)
        {
            assertEquals(0, order.leavesQuantity());
            assertEquals(OrderStatus.CANCELED, order.status());
        }

        @Override
        public void onReplaced(final Order order)
        {
            assertEquals(lastCumQtyByOrderId.get(order.orderId()), order.filledQuantity(), "replace keeps CumQty");
            assertEquals(order.filledQuantity() >= order.quantity(), order.isDone());
            assertEquals(order.isDone() ? 0 : order.quantity() - order.filledQuantity(), order.leavesQuantity());
        }

        private void checkCumQty(final Order order)
        {
            final long previous = lastCumQtyByOrderId.put(order.orderId(), order.filledQuantity());
            assertTrue(order.filledQuantity() > previous, "CumQty never falls");
            assertTrue(order.isDone() || order.leavesQuantity() == order.quantity() - order.filledQuantity());
        }
    }
}
