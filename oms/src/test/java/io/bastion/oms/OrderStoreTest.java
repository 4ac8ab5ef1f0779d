package io.bastion.oms;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStoreTest
{
    private final OrderStore store = new OrderStore(4);

    private Request route(final Order order, final long venueClOrdId)
    {
        final Request request = store.allocateRequest(order, Request.NEW);
        request.venueClOrdId = venueClOrdId;
        store.indexVenueClOrdId(request);
        return request;
    }

    @Test
    void shouldFindRequestsByVenueClOrdIdWhenALongLivedOrderHoldsTheRingSlot()
    {
        final Order longLived = store.allocateOrder();
        store.add(longLived);
        final Request first = route(longLived, 1000);

        final Order other = store.allocateOrder();
        store.add(other);
        final Request sameSlot = route(other, 1016);

        assertSame(first, store.byVenueClOrdId(1000));
        assertSame(sameSlot, store.byVenueClOrdId(1016), "the newcomer lives in the overflow map");
        assertNull(store.byVenueClOrdId(1032));
    }

    @Test
    void shouldForgetTheVenueClOrdIdsOfARecycledOrderWhereverTheyWereIndexed()
    {
        final Order first = store.allocateOrder();
        store.add(first);
        route(first, 1000);
        final Order second = store.allocateOrder();
        store.add(second);
        route(second, 1016);
        store.retire(first);
        store.retire(second);

        for (int i = 0; i < 4; i++)
        {
            final Order fresh = store.allocateOrder();
            store.add(fresh);
            store.retire(fresh);
        }

        assertNull(store.byVenueClOrdId(1000));
        assertNull(store.byVenueClOrdId(1016));
        final Order reused = store.allocateOrder();
        store.add(reused);
        final Request again = route(reused, 1016);
        assertSame(again, store.byVenueClOrdId(1016));
    }

    @Test
    void shouldFindAnOrdersExecutionsByExecIdBeforeAndAfterTheyMoveToTheStoreWideIndex()
    {
        final OrderStore big = new OrderStore(4, 16, 200);
        final Order order = big.allocateOrder();
        big.add(order);
        final Order other = big.allocateOrder();
        big.add(other);
        final Fill otherFill = execution(big, other, "E1");

        final int count = OrderStore.FILLS_SCANNED * 3;
        final Fill[] fills = new Fill[count];
        for (int i = 0; i < count; i++)
        {
            fills[i] = execution(big, order, "E" + (i + 1));
            assertEquals(i + 1 > OrderStore.FILLS_SCANNED, order.fillsInIndex);
            for (int j = 0; j <= i; j++)
            {
                assertSame(fills[j], big.fillOf(order, AsciiId.of("E" + (j + 1))), "fill " + j + " after " + i);
            }
            assertNull(big.fillOf(order, AsciiId.of("E" + (i + 2))));
        }
        assertSame(otherFill, big.fillOf(other, AsciiId.of("E1")), "ExecIDs are found per order");
        assertFalse(other.fillsInIndex);
    }

    @Test
    void shouldPreferTheExecutionThatStandsWhenACorrectionReusesTheExecId()
    {
        for (final int before : new int[] {0, OrderStore.FILLS_SCANNED + 1})
        {
            final OrderStore big = new OrderStore(4, 16, 200);
            final Order order = big.allocateOrder();
            big.add(order);
            for (int i = 0; i < before; i++)
            {
                execution(big, order, "X" + i);
            }
            final Fill original = execution(big, order, "E1");
            original.busted = true;
            final Fill correction = execution(big, order, "E1");

            assertSame(correction, big.fillOf(order, AsciiId.of("E1")), before + " fills before");
            correction.busted = true;
            assertTrue(big.fillOf(order, AsciiId.of("E1")).busted, "a busted one is still found, as a duplicate");
        }
    }

    @Test
    void shouldForgetTheExecutionsOfARecycledOrderInTheStoreWideIndex()
    {
        final OrderStore big = new OrderStore(1, 4, 100);
        final Order order = big.allocateOrder();
        big.add(order);
        for (int i = 0; i < OrderStore.FILLS_SCANNED + 5; i++)
        {
            execution(big, order, "E" + i);
        }
        big.retire(order);

        final Order reused = big.allocateOrder();
        assertSame(order, reused, "the only order, recycled");
        big.add(reused);
        reused.venueId = 0;
        for (int i = 0; i < 100; i++)
        {
            assertNull(big.fillOf(reused, AsciiId.of("E" + i)));
            execution(big, reused, "F" + i);
        }
    }

    private static Fill execution(final OrderStore store, final Order order, final String venueExecId)
    {
        order.venueId = 0;
        final Fill fill = store.allocateFill(order);
        fill.venueId = order.venueId;
        fill.venueExecId.set(venueExecId);
        store.indexFill(fill);
        return fill;
    }
}
