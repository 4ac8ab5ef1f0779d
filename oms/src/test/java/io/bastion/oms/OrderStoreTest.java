package io.bastion.oms;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
