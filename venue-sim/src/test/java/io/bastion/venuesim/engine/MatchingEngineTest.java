package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.bastion.venuesim.engine.OrderType.LIMIT;
import static io.bastion.venuesim.engine.OrderType.MARKET;
import static io.bastion.venuesim.engine.Side.BUY;
import static io.bastion.venuesim.engine.Side.SELL;
import static io.bastion.venuesim.engine.TimeInForce.DAY;
import static io.bastion.venuesim.engine.TimeInForce.FILL_OR_KILL;
import static io.bastion.venuesim.engine.TimeInForce.GOOD_TILL_CANCEL;
import static io.bastion.venuesim.engine.TimeInForce.IMMEDIATE_OR_CANCEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingEngineTest
{
    private static final String SYMBOL = "ACME";

    private final RecordingListener listener = new RecordingListener();
    private MatchingEngine engine;
    private OrderBook book;

    @BeforeEach
    void setUp()
    {
        engine = new MatchingEngine(listener, true);
        book = engine.addBook(SYMBOL);
    }

    @Test
    void shouldRestLimitOrderThatDoesNotCross()
    {
        limit(1, BUY, "100", "10.00");
        limit(2, SELL, "100", "10.01");

        assertEquals(List.of(
            "accepted 1 BUY 100@10 DAY",
            "accepted 2 SELL 100@10.01 DAY"), listener.drain());
        assertEquals(px("10"), book.bestBid());
        assertEquals(px("10.01"), book.bestAsk());
        assertEquals(2, engine.restingOrderCount());
    }

    @Test
    void shouldMatchBestPriceFirstThenOldestOrderAtThatPrice()
    {
        limit(1, SELL, "100", "10.02");
        limit(2, SELL, "100", "10.01");
        limit(3, SELL, "100", "10.01");
        listener.drain();

        limit(4, BUY, "250", "10.02");

        assertEquals(List.of(
            "accepted 4 BUY 250@10.02 DAY",
            "trade 4 x 2 100@10.01 aggressor PARTIALLY_FILLED cum 100 leaves 150 avg 10.01" +
                " passive FILLED cum 100 leaves 0 avg 10.01",
            "trade 4 x 3 100@10.01 aggressor PARTIALLY_FILLED cum 200 leaves 50 avg 10.01" +
                " passive FILLED cum 100 leaves 0 avg 10.01",
            "trade 4 x 1 50@10.02 aggressor FILLED cum 250 leaves 0 avg 10.012" +
                " passive PARTIALLY_FILLED cum 50 leaves 50 avg 10.02"), listener.drain());
        assertEquals(px("10.02"), book.bestAsk());
        assertEquals(qty("50"), book.quantityAt(SELL, 0));
        assertEquals(FixedPoint.NULL_VALUE, book.bestBid());
    }

    @Test
    void shouldTradeAtTheRestingOrdersPrice()
    {
        limit(1, BUY, "100", "10.00");
        listener.drain();

        limit(2, SELL, "100", "9.50");

        assertEquals(List.of(
            "accepted 2 SELL 100@9.5 DAY",
            "trade 2 x 1 100@10 aggressor FILLED cum 100 leaves 0 avg 10 passive FILLED cum 100 leaves 0 avg 10"),
            listener.drain());
    }

    @Test
    void shouldSweepSeveralLevelsAndRestTheRemainderAtItsLimit()
    {
        limit(1, SELL, "100", "10.01");
        limit(2, SELL, "100", "10.02");
        limit(3, SELL, "100", "10.04");
        listener.drain();

        limit(4, BUY, "300", "10.03");

        assertEquals(List.of(
            "accepted 4 BUY 300@10.03 DAY",
            "trade 4 x 1 100@10.01 aggressor PARTIALLY_FILLED cum 100 leaves 200 avg 10.01" +
                " passive FILLED cum 100 leaves 0 avg 10.01",
            "trade 4 x 2 100@10.02 aggressor PARTIALLY_FILLED cum 200 leaves 100 avg 10.015" +
                " passive FILLED cum 100 leaves 0 avg 10.02"), listener.drain());
        assertEquals(px("10.03"), book.bestBid());
        assertEquals(qty("100"), book.quantityAt(BUY, 0));
        assertEquals(px("10.04"), book.bestAsk());
        assertEquals(4, engine.restingOrder(4).orderId());
    }

    @Test
    void shouldFillARestingOrderPartlyThenFully()
    {
        limit(1, SELL, "100", "10");
        limit(2, BUY, "40", "10");
        assertEquals(OrderStatus.PARTIALLY_FILLED, engine.restingOrder(1).status());
        assertEquals(qty("60"), book.quantityAt(SELL, 0));
        listener.drain();

        limit(3, BUY, "60", "10");

        assertEquals(List.of(
            "accepted 3 BUY 60@10 DAY",
            "trade 3 x 1 60@10 aggressor FILLED cum 60 leaves 0 avg 10 passive FILLED cum 100 leaves 0 avg 10"),
            listener.drain());
        assertNull(engine.restingOrder(1));
        assertEquals(0, book.levelCount(SELL));
        assertEquals(0, engine.restingOrderCount());
    }

    @Test
    void shouldCancelTheUnfilledRemainderOfAMarketOrder()
    {
        limit(1, SELL, "100", "10.01");
        limit(2, SELL, "100", "10.50");
        listener.drain();

        submit(3, BUY, MARKET, GOOD_TILL_CANCEL, "250", null);

        assertEquals(List.of(
            "accepted 3 BUY 250@MKT GOOD_TILL_CANCEL",
            "trade 3 x 1 100@10.01 aggressor PARTIALLY_FILLED cum 100 leaves 150 avg 10.01" +
                " passive FILLED cum 100 leaves 0 avg 10.01",
            "trade 3 x 2 100@10.5 aggressor PARTIALLY_FILLED cum 200 leaves 50 avg 10.255" +
                " passive FILLED cum 100 leaves 0 avg 10.5",
            "canceled 3 MARKET_REMAINDER 50 CANCELED cum 200 leaves 0 avg 10.255"), listener.drain());
        assertEquals(0, engine.restingOrderCount());
        assertEquals(FixedPoint.NULL_VALUE, book.bestBid());
    }

    @Test
    void shouldCancelAMarketOrderThatFindsNoLiquidity()
    {
        submit(1, SELL, MARKET, DAY, "10", null);

        assertEquals(List.of(
            "accepted 1 SELL 10@MKT DAY",
            "canceled 1 MARKET_REMAINDER 10 CANCELED cum 0 leaves 0 avg 0"), listener.drain());
    }

    @Test
    void shouldCancelTheRemainderOfAnImmediateOrCancelOrder()
    {
        limit(1, BUY, "30", "10");
        listener.drain();

        submit(2, SELL, LIMIT, IMMEDIATE_OR_CANCEL, "100", "10");

        assertEquals(List.of(
            "accepted 2 SELL 100@10 IMMEDIATE_OR_CANCEL",
            "trade 2 x 1 30@10 aggressor PARTIALLY_FILLED cum 30 leaves 70 avg 10" +
                " passive FILLED cum 30 leaves 0 avg 10",
            "canceled 2 IMMEDIATE_OR_CANCEL_REMAINDER 70 CANCELED cum 30 leaves 0 avg 10"), listener.drain());
        assertEquals(0, engine.restingOrderCount());
    }

    @Test
    void shouldFillAFillOrKillOrderAcrossLevelsWhenThereIsEnough()
    {
        limit(1, SELL, "60", "10.01");
        limit(2, SELL, "60", "10.02");
        listener.drain();

        submit(3, BUY, LIMIT, FILL_OR_KILL, "100", "10.02");

        assertEquals(List.of(
            "accepted 3 BUY 100@10.02 FILL_OR_KILL",
            "trade 3 x 1 60@10.01 aggressor PARTIALLY_FILLED cum 60 leaves 40 avg 10.01" +
                " passive FILLED cum 60 leaves 0 avg 10.01",
            "trade 3 x 2 40@10.02 aggressor FILLED cum 100 leaves 0 avg 10.014" +
                " passive PARTIALLY_FILLED cum 40 leaves 20 avg 10.02"), listener.drain());
    }

    @Test
    void shouldKillAFillOrKillOrderWithoutTradingWhenThereIsNotEnoughWithinItsLimit()
    {
        limit(1, SELL, "60", "10.01");
        limit(2, SELL, "60", "10.03");
        listener.drain();

        submit(3, BUY, LIMIT, FILL_OR_KILL, "100", "10.02");

        assertEquals(List.of(
            "accepted 3 BUY 100@10.02 FILL_OR_KILL",
            "canceled 3 FILL_OR_KILL_UNFILLED 100 CANCELED cum 0 leaves 0 avg 0"), listener.drain());
        assertEquals(qty("60"), book.quantityAt(SELL, 0));
        assertEquals(qty("60"), book.quantityAt(SELL, 1));
        assertEquals(0, engine.tradeCount());
    }

    @Test
    void shouldCancelARestingOrder()
    {
        limit(1, BUY, "100", "10");
        limit(2, SELL, "40", "10");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.cancel(1));

        assertEquals(List.of("canceled 1 REQUESTED 60 CANCELED cum 40 leaves 0 avg 10"), listener.drain());
        assertEquals(0, book.levelCount(BUY));
        assertEquals(0, engine.restingOrderCount());
    }

    @Test
    void shouldRefuseToCancelAnUnknownOrDoneOrder()
    {
        limit(1, BUY, "100", "10");
        limit(2, SELL, "100", "10");
        listener.drain();

        assertEquals(RejectReason.UNKNOWN_ORDER, engine.cancel(1));
        assertEquals(RejectReason.UNKNOWN_ORDER, engine.cancel(99));
        assertEquals(List.of(), listener.drain());
    }

    @Test
    void shouldKeepTimePriorityWhenReplacingQuantityDownAtTheSamePrice()
    {
        limit(1, SELL, "100", "10");
        limit(2, SELL, "100", "10");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.replace(1, px("10"), qty("50")));
        assertEquals(List.of("replaced 1 50@10 NEW cum 0 leaves 50 avg 0"), listener.drain());
        assertEquals(qty("150"), book.quantityAt(SELL, 0));

        limit(3, BUY, "50", "10");
        assertEquals("trade 3 x 1 50@10 aggressor FILLED cum 50 leaves 0 avg 10" +
            " passive FILLED cum 50 leaves 0 avg 10", listener.drain().get(1));
    }

    @Test
    void shouldLoseTimePriorityWhenReplacingQuantityUp()
    {
        limit(1, SELL, "100", "10");
        limit(2, SELL, "100", "10");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.replace(1, px("10"), qty("150")));
        assertEquals(List.of("replaced 1 150@10 NEW cum 0 leaves 150 avg 0"), listener.drain());
        assertEquals(2, book.orderIdAt(SELL, 0, 0));
        assertEquals(1, book.orderIdAt(SELL, 0, 1));
        assertEquals(qty("250"), book.quantityAt(SELL, 0));
    }

    @Test
    void shouldLoseTimePriorityWhenReplacingThePrice()
    {
        limit(1, BUY, "100", "10");
        limit(2, BUY, "100", "10.01");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.replace(1, px("10.01"), qty("100")));
        assertEquals(List.of("replaced 1 100@10.01 NEW cum 0 leaves 100 avg 0"), listener.drain());
        assertEquals(1, book.levelCount(BUY));
        assertEquals(2, book.orderIdAt(BUY, 0, 0));
        assertEquals(1, book.orderIdAt(BUY, 0, 1));
    }

    @Test
    void shouldTradeWhenAReplacedPriceBecomesMarketable()
    {
        limit(1, BUY, "100", "9.98");
        limit(2, SELL, "60", "10");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.replace(1, px("10"), qty("100")));

        assertEquals(List.of(
            "replaced 1 100@10 NEW cum 0 leaves 100 avg 0",
            "trade 1 x 2 60@10 aggressor PARTIALLY_FILLED cum 60 leaves 40 avg 10" +
                " passive FILLED cum 60 leaves 0 avg 10"), listener.drain());
        assertEquals(px("10"), book.bestBid());
        assertEquals(qty("40"), book.quantityAt(BUY, 0));
    }

    @Test
    void shouldCompleteAnOrderReplacedToNoMoreThanItsFilledQuantity()
    {
        limit(1, BUY, "100", "10");
        limit(2, SELL, "40", "10");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.replace(1, px("10"), qty("40")));

        assertEquals(List.of("replaced 1 40@10 FILLED cum 40 leaves 0 avg 10"), listener.drain());
        assertNull(engine.restingOrder(1));
        assertEquals(0, book.levelCount(BUY));
        assertEquals(RejectReason.UNKNOWN_ORDER, engine.replace(1, px("10"), qty("100")));
    }

    @Test
    void shouldRefuseInvalidReplaces()
    {
        limit(1, BUY, "100", "10");
        listener.drain();

        assertEquals(RejectReason.INVALID_QUANTITY, engine.replace(1, px("10"), 0));
        assertEquals(RejectReason.INVALID_PRICE, engine.replace(1, 0, qty("100")));
        assertEquals(RejectReason.UNKNOWN_ORDER, engine.replace(7, px("10"), qty("100")));
        assertEquals(List.of(), listener.drain());
        assertEquals(qty("100"), book.quantityAt(BUY, 0));
    }

    @Test
    void shouldRejectInvalidOrders()
    {
        assertEquals(RejectReason.UNKNOWN_SYMBOL,
            engine.submit(1, "NOPE", BUY, LIMIT, DAY, px("10"), qty("1")));
        assertEquals(RejectReason.INVALID_QUANTITY, engine.submit(2, SYMBOL, BUY, LIMIT, DAY, px("10"), 0));
        assertEquals(RejectReason.INVALID_PRICE, engine.submit(3, SYMBOL, BUY, LIMIT, DAY, 0, qty("1")));
        assertEquals(RejectReason.INVALID_PRICE,
            engine.submit(4, SYMBOL, BUY, LIMIT, DAY, FixedPoint.NULL_VALUE, qty("1")));
        assertEquals(RejectReason.INVALID_ORDER_ID, engine.submit(-5, SYMBOL, BUY, LIMIT, DAY, px("10"), qty("1")));
        limit(6, BUY, "1", "10");
        assertEquals(RejectReason.DUPLICATE_ORDER_ID, engine.submit(6, SYMBOL, BUY, LIMIT, DAY, px("10"), qty("1")));

        assertEquals(List.of(
            "rejected 1 UNKNOWN_SYMBOL",
            "rejected 2 INVALID_QUANTITY",
            "rejected 3 INVALID_PRICE",
            "rejected 4 INVALID_PRICE",
            "rejected -5 INVALID_ORDER_ID",
            "accepted 6 BUY 1@10 DAY",
            "rejected 6 DUPLICATE_ORDER_ID"), listener.drain());
    }

    @Test
    void shouldLetMarketOrdersIgnoreTheirPrice()
    {
        limit(1, SELL, "10", "10");
        listener.drain();

        assertEquals(RejectReason.NONE, engine.submit(2, SYMBOL, BUY, MARKET, DAY, 0, qty("10")));
        assertEquals("trade 2 x 1 10@10 aggressor FILLED cum 10 leaves 0 avg 10 passive FILLED cum 10 leaves 0 avg 10",
            listener.drain().get(1));
    }

    @Test
    void shouldComputeTheAveragePriceExactlyAndRoundHalfUp()
    {
        limit(1, SELL, "1", "10.01");
        limit(2, SELL, "2", "10.02");
        listener.drain();

        limit(3, BUY, "3", "10.02");

        // (10.01 + 2 x 10.02) / 3 = 10.016666666...
        assertEquals("trade 3 x 2 2@10.02 aggressor FILLED cum 3 leaves 0 avg 10.01666667" +
            " passive FILLED cum 2 leaves 0 avg 10.02", listener.drain().get(2));
    }

    @Test
    void shouldComputeTheAveragePriceOfLargeFillsWithoutOverflow()
    {
        // 10^6 x 12345.67890001 is a mantissa product of about 1.2e26, far beyond a long.
        limit(1, SELL, "1000000", "12345.67890001");
        limit(2, SELL, "1000000", "12345.67890002");
        listener.drain();

        limit(3, BUY, "2000000", "12345.67890002");

        // exact average 12345.678900015, rounded half up
        assertEquals("trade 3 x 2 1000000@12345.67890002 aggressor FILLED cum 2000000 leaves 0 avg 12345.67890002" +
            " passive FILLED cum 1000000 leaves 0 avg 12345.67890002", listener.drain().get(2));
    }

    @Test
    void shouldSeedHouseLiquidityAroundTheReferencePrice()
    {
        engine.seed("SEED", px("190"), px("0.01"), 3, qty("1000"));
        final OrderBook seeded = engine.book("SEED");

        assertEquals(3, seeded.levelCount(BUY));
        assertEquals(3, seeded.levelCount(SELL));
        assertEquals(px("189.99"), seeded.priceAt(BUY, 0));
        assertEquals(px("189.97"), seeded.priceAt(BUY, 2));
        assertEquals(px("190.01"), seeded.priceAt(SELL, 0));
        assertEquals(px("190.03"), seeded.priceAt(SELL, 2));
        assertEquals(qty("1000"), seeded.quantityAt(SELL, 1));
        assertEquals(List.of(), listener.drain());
    }

    @Test
    void shouldRefuseASeedWhoseLowestBidIsNotPositive()
    {
        assertThrows(IllegalArgumentException.class, () -> engine.seed("LOW", px("0.05"), px("0.01"), 5, qty("1")));
        assertThrows(IllegalArgumentException.class, () -> engine.seed("BAD", px("10"), 0, 5, qty("1")));
        assertNull(engine.book("LOW"));
    }

    @Test
    void shouldReplenishACompletelyFilledHouseOrderAtTheBackOfItsLevel()
    {
        engine.seed(SYMBOL, px("10"), px("0.01"), 2, qty("100"));
        limit(1, SELL, "50", "10.01");
        listener.drain();

        limit(2, BUY, "100", "10.01");
        assertEquals(qty("150"), book.quantityAt(SELL, 0));
        assertEquals(1, book.orderIdAt(SELL, 0, 0));
        assertTrue(book.orderIdAt(SELL, 0, 1) < 0);

        limit(3, BUY, "50", "10.01");
        assertEquals(px("10.01"), book.bestAsk());
        assertEquals(qty("100"), book.quantityAt(SELL, 0));
        assertEquals(1, book.orderCountAt(SELL, 0));
        assertTrue(engine.restingOrder(book.orderIdAt(SELL, 0, 0)).isHouse());
    }

    @Test
    void shouldReplenishOnlyAfterTheAggressorHasFinishedSoASweepCrossesLevels()
    {
        engine.seed(SYMBOL, px("10"), px("0.01"), 3, qty("100"));
        listener.drain();

        submit(1, BUY, MARKET, IMMEDIATE_OR_CANCEL, "250", null);

        assertEquals(List.of(
            "accepted 1 BUY 250@MKT IMMEDIATE_OR_CANCEL",
            "trade 1 x -2 100@10.01 aggressor PARTIALLY_FILLED cum 100 leaves 150 avg 10.01" +
                " passive FILLED cum 100 leaves 0 avg 10.01",
            "trade 1 x -4 100@10.02 aggressor PARTIALLY_FILLED cum 200 leaves 50 avg 10.015" +
                " passive FILLED cum 100 leaves 0 avg 10.02",
            "trade 1 x -6 50@10.03 aggressor FILLED cum 250 leaves 0 avg 10.018" +
                " passive PARTIALLY_FILLED cum 50 leaves 50 avg 10.03"), listener.drain());
        assertEquals(3, book.levelCount(SELL));
        assertEquals(qty("100"), book.quantityAt(SELL, 0));
        assertEquals(qty("100"), book.quantityAt(SELL, 1));
        assertEquals(qty("50"), book.quantityAt(SELL, 2));
    }

    @Test
    void shouldHoldAReplenishmentBackWhileItWouldCrossTheOtherSide()
    {
        engine.seed(SYMBOL, px("10"), px("0.01"), 1, qty("100"));
        limit(1, BUY, "150", "10.01");
        assertEquals(px("10.01"), book.bestBid());
        assertEquals(FixedPoint.NULL_VALUE, book.bestAsk());

        engine.cancel(1);

        assertEquals(px("10.01"), book.bestAsk());
        assertEquals(qty("100"), book.quantityAt(SELL, 0));
        assertEquals(px("9.99"), book.bestBid());
    }

    @Test
    void shouldNotReplenishWhenReplenishmentIsOff()
    {
        final MatchingEngine draining = new MatchingEngine(listener, false);
        draining.seed(SYMBOL, px("10"), px("0.01"), 1, qty("100"));

        draining.submit(1, SYMBOL, BUY, MARKET, DAY, 0, qty("100"));

        assertEquals(FixedPoint.NULL_VALUE, draining.book(SYMBOL).bestAsk());
    }

    @Test
    void shouldLetTheSameParticipantTradeAcrossSymbolsIndependently()
    {
        final OrderBook other = engine.addBook("OTHER");
        limit(1, SELL, "10", "10");
        engine.submit(2, "OTHER", BUY, LIMIT, DAY, px("11"), qty("10"));

        assertEquals(px("10"), book.bestAsk());
        assertEquals(px("11"), other.bestBid());
        assertEquals(0, engine.tradeCount());
    }

    private void limit(final long orderId, final Side side, final String quantity, final String price)
    {
        submit(orderId, side, LIMIT, DAY, quantity, price);
    }

    private void submit(
        final long orderId,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final String quantity,
        final String price)
    {
        assertEquals(RejectReason.NONE, engine.submit(
            orderId, SYMBOL, side, type, timeInForce, price == null ? 0 : px(price), qty(quantity)));
    }

    static long px(final String price)
    {
        return FixedPoint.parse(price);
    }

    static long qty(final String quantity)
    {
        return FixedPoint.parse(quantity);
    }
}
