package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.TimeInForce;

/**
 * One request on an order, as the client and the venue know it: the client's ClOrdID (and the OrigClOrdID it named)
 * and the venue ClOrdID Bastion chose for it. Every ClOrdID a client used on an order stays indexed as one of these
 * until the order is recycled, so duplicates are caught and late venue reports still find their order. Pooled.
 */
final class Request
{
    static final byte NEW = 1;
    static final byte CANCEL = 2;
    static final byte REPLACE = 3;
    /** A cancel Bastion sends on its own: end of the trading day, GTD expiry. It has no client ClOrdID. */
    static final byte INTERNAL_CANCEL = 4;

    /** Place in the store's pool, fixed. */
    final int index;
    final ClOrdKey key = new ClOrdKey();
    final AsciiId origClOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    byte type;
    long venueClOrdId;
    boolean keyIndexed;
    boolean venueIndexed;
    Order order;
    Request nextOfOrder;

    OrdType ordType;
    TimeInForce timeInForce;
    long orderQty;
    long price;
    long stopPx;
    long expireTimeNs;

    Request(final int index)
    {
        this.index = index;
    }

    void reset()
    {
        key.clear();
        origClOrdId.clear();
        type = 0;
        venueClOrdId = 0;
        keyIndexed = false;
        venueIndexed = false;
        order = null;
        nextOfOrder = null;
        ordType = null;
        timeInForce = null;
        orderQty = 0;
        price = FixedPoint.NULL_VALUE;
        stopPx = FixedPoint.NULL_VALUE;
        expireTimeNs = 0;
    }
}
