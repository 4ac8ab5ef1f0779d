package io.bastion.console;

import io.bastion.oms.Position;
import org.junit.jupiter.api.Test;

import static io.bastion.protocol.FixedPoint.NULL_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PositionViewTest
{
    private static final long SCALE = 100_000_000L;

    @Test
    void shouldRoundAveragePricesHalfEvenToEightPlaces()
    {
        assertEquals("100.00000001", PositionView.averagePrice(30_000_000_002L, 3 * SCALE));
        assertEquals("0.00000002", PositionView.averagePrice(5L, 2 * SCALE), "0.000000025 rounds to even");
        assertEquals("0.00000004", PositionView.averagePrice(7L, 2 * SCALE), "0.000000035 rounds to even");
        assertNull(PositionView.averagePrice(0, 0));
    }

    @Test
    void shouldShowNoMarkAndNoUnrealisedPnlWhenThereIsNoMark()
    {
        final PositionView view = PositionView.of(new Position("A", "S", 0, 0, 0, NULL_VALUE, 0, 0, 0, 0, 0, 0, 0));

        assertNull(view.markPx());
        assertEquals("0", view.unrealisedPnl());
    }

    @Test
    void shouldHandleTheLargestNotionals()
    {
        assertEquals("92233720368.54775807", PositionView.averagePrice(Long.MAX_VALUE, SCALE));
    }

    @Test
    void shouldFormatShortPositionsAndTimes()
    {
        final PositionView view = PositionView.of(
            new Position("A", "S", -150_000_000L, 200 * SCALE, 0, 190 * SCALE, 0, 150_000_000L, 0, 300 * SCALE, 1, 0,
                0));

        assertEquals("-1.5", view.netQty());
        assertEquals("200", view.avgSellPx());
        assertNull(view.avgBuyPx());
        assertEquals("1970-01-01T00:00:00Z", view.updatedAt());
        assertEquals("200", view.avgCost());
        assertEquals("15", view.unrealisedPnl(), "(190 - 200) * -1.5");
        assertEquals("190", view.markPx());
        assertEquals("0", view.realisedPnl());
    }
}
