package io.bastion.venuesim.engine;

import io.bastion.protocol.FixedPoint;
import io.bastion.protocol.Int128;

/**
 * An order in the engine, as listeners see it. Instances are pooled and reused: read them during a listener call
 * and keep nothing. Prices and quantities are {@link FixedPoint} mantissas.
 */
public final class Order
{
    private long orderId;
    private boolean house;
    private Side side;
    private OrderType type;
    private TimeInForce timeInForce;
    private long priceMantissa;
    private long quantityMantissa;
    private long filledQuantityMantissa;
    private long filledNotionalHigh;
    private long filledNotionalLow;
    private boolean done;
    private boolean canceled;

    OrderBook book;
    PriceLevel level;
    Order previous;
    Order next;

    Order()
    {
    }

    void init(
        final long orderId,
        final boolean house,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final long priceMantissa,
        final long quantityMantissa)
    {
        this.orderId = orderId;
        this.house = house;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.priceMantissa = type == OrderType.MARKET ? FixedPoint.NULL_VALUE : priceMantissa;
        this.quantityMantissa = quantityMantissa;
        filledQuantityMantissa = 0;
        filledNotionalHigh = 0;
        filledNotionalLow = 0;
        done = false;
        canceled = false;
        book = null;
        level = null;
        previous = null;
        next = null;
    }

    void fill(final long quantity, final long price)
    {
        filledNotionalHigh = Int128.addProductHigh(filledNotionalHigh, filledNotionalLow, quantity, price);
        filledNotionalLow = Int128.addProductLow(filledNotionalLow, quantity, price);
        filledQuantityMantissa += quantity;
        if (filledQuantityMantissa >= quantityMantissa)
        {
            done = true;
        }
    }

    void cancel()
    {
        canceled = true;
        done = true;
    }

    void replace(final long newPriceMantissa, final long newQuantityMantissa)
    {
        priceMantissa = newPriceMantissa;
        quantityMantissa = newQuantityMantissa;
        if (filledQuantityMantissa >= newQuantityMantissa)
        {
            done = true;
        }
    }

    /**
     * The id given on entry; house orders have negative ids.
     *
     * @return the order id.
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * Whether the order is the venue's own seeded liquidity rather than a participant's.
     *
     * @return true for house orders.
     */
    public boolean isHouse()
    {
        return house;
    }

    /**
     * Side.
     *
     * @return the side.
     */
    public Side side()
    {
        return side;
    }

    /**
     * Order type.
     *
     * @return market or limit.
     */
    public OrderType type()
    {
        return type;
    }

    /**
     * Time in force.
     *
     * @return the time in force.
     */
    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    /**
     * Limit price.
     *
     * @return the price mantissa, or {@link FixedPoint#NULL_VALUE} for a market order.
     */
    public long price()
    {
        return priceMantissa;
    }

    /**
     * Total order quantity, filled or not (FIX OrderQty).
     *
     * @return the quantity mantissa.
     */
    public long quantity()
    {
        return quantityMantissa;
    }

    /**
     * Quantity filled so far (FIX CumQty).
     *
     * @return the filled quantity mantissa.
     */
    public long filledQuantity()
    {
        return filledQuantityMantissa;
    }

    /**
     * Quantity still working (FIX LeavesQty); zero once done.
     *
     * @return the working quantity mantissa.
     */
    public long leavesQuantity()
    {
        return done ? 0 : quantityMantissa - filledQuantityMantissa;
    }

    /**
     * Whether the order is done: filled, canceled, or replaced down to its filled quantity.
     *
     * @return true when done.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * Where the order stands.
     *
     * @return the status.
     */
    public OrderStatus status()
    {
        if (canceled)
        {
            return OrderStatus.CANCELED;
        }
        if (done)
        {
            return OrderStatus.FILLED;
        }
        return filledQuantityMantissa > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
    }

    /**
     * Quantity-weighted average fill price (FIX AvgPx): the exact sum of quantity times price over all fills,
     * divided by the filled quantity in 128-bit arithmetic and rounded half up to the last of the 8 decimals.
     *
     * @return the average price mantissa, or 0 when nothing is filled.
     */
    public long averagePrice()
    {
        if (filledQuantityMantissa == 0)
        {
            return 0;
        }
        final long half = filledQuantityMantissa >> 1;
        final long high = Int128.addProductHigh(filledNotionalHigh, filledNotionalLow, half, 1);
        final long low = Int128.addProductLow(filledNotionalLow, half, 1);
        return Int128.divide(high, low, filledQuantityMantissa);
    }

    /**
     * For logs and test failures; allocates.
     *
     * @return a readable description.
     */
    @Override
    public String toString()
    {
        return "Order{id=" + orderId +
            (house ? ", house" : "") +
            ", " + side +
            ", " + type +
            ", " + timeInForce +
            ", price=" + FixedPoint.toString(priceMantissa) +
            ", qty=" + FixedPoint.toString(quantityMantissa) +
            ", filled=" + FixedPoint.toString(filledQuantityMantissa) +
            ", " + status() +
            '}';
    }
}
