package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.MutableDirectBuffer;

/**
 * Pre-trade checks, called synchronously on the OMS thread for every new order. A check returns the control that
 * failed as a value (never an exception) and keeps the limit and the offending value so the caller can write a
 * rejection text such as {@code MAX_ORDER_NOTIONAL: 1,250,000.00 > 1,000,000.00}. Allocation free.
 * <p>
 * Not thread safe: owned by the OMS thread.
 */
public final class PreTradeRisk
{
    private static final byte[] NO_LIMIT = ": no limit configured".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GREATER = " > ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final long[] rejectCounts = new long[RiskControl.values().length];
    private RiskLimits limits;
    private RiskControl lastControl = RiskControl.NONE;
    private long lastValue;
    private long lastLimit;
    private int lastDecimals;

    /**
     * @param limits the limits to apply.
     */
    public PreTradeRisk(final RiskLimits limits)
    {
        this.limits = limits;
    }

    /**
     * Replace the limits; takes effect for the next check.
     *
     * @param limits the new limits.
     */
    public void limits(final RiskLimits limits)
    {
        this.limits = limits;
    }

    /**
     * @return the limits in force.
     */
    public RiskLimits limits()
    {
        return limits;
    }

    /**
     * Check a new order.
     *
     * @param orderQty quantity mantissa, positive.
     * @param price    limit price mantissa, or {@link FixedPoint#NULL_VALUE} for a market order (checked on quantity
     *                 only until reference prices are available to value it).
     * @return {@link RiskControl#NONE} when the order passes, else the control that rejected it.
     */
    public RiskControl checkNewOrder(final long orderQty, final long price)
    {
        final RiskLimits limits = this.limits;
        if (limits.maxOrderQty() == FixedPoint.NULL_VALUE || orderQty > limits.maxOrderQty())
        {
            return reject(RiskControl.MAX_ORDER_QTY, orderQty, limits.maxOrderQty(), 0);
        }

        if (price != FixedPoint.NULL_VALUE)
        {
            final long notional = notionalOrMax(orderQty, price);
            if (limits.maxOrderNotional() == FixedPoint.NULL_VALUE || notional > limits.maxOrderNotional())
            {
                return reject(RiskControl.MAX_ORDER_NOTIONAL, notional, limits.maxOrderNotional(), 2);
            }
        }

        lastControl = RiskControl.NONE;
        return RiskControl.NONE;
    }

    /**
     * Write the text of the last rejection, e.g. {@code MAX_ORDER_QTY: 2,000 > 1,000}.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @return bytes written (0 when the last check passed).
     */
    public int formatLastRejection(final MutableDirectBuffer buffer, final int offset)
    {
        if (lastControl == RiskControl.NONE)
        {
            return 0;
        }

        int position = offset;
        position += buffer.putStringWithoutLengthAscii(position, lastControl.name());
        if (lastLimit == FixedPoint.NULL_VALUE)
        {
            buffer.putBytes(position, NO_LIMIT);
            position += NO_LIMIT.length;
        }
        else
        {
            buffer.putByte(position++, (byte)':');
            buffer.putByte(position++, (byte)' ');
            position += GroupedDecimal.format(lastValue, lastDecimals, buffer, position);
            buffer.putBytes(position, GREATER);
            position += GREATER.length;
            position += GroupedDecimal.format(lastLimit, lastDecimals, buffer, position);
        }
        return position - offset;
    }

    /**
     * @param control a control.
     * @return how many orders it has rejected.
     */
    public long rejectCount(final RiskControl control)
    {
        return rejectCounts[control.ordinal()];
    }

    private RiskControl reject(final RiskControl control, final long value, final long limit, final int decimals)
    {
        rejectCounts[control.ordinal()]++;
        lastControl = control;
        lastValue = value;
        lastLimit = limit;
        lastDecimals = decimals;
        return control;
    }

    private static long notionalOrMax(final long qty, final long price)
    {
        try
        {
            return FixedPoint.notional(qty, price);
        }
        catch (final ArithmeticException ex)
        {
            return Long.MAX_VALUE;
        }
    }
}
