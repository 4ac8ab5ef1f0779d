package io.bastion.risk;

import io.bastion.protocol.FixedPoint;

import java.util.Arrays;

/**
 * The latest reference price of each instrument and when it was taken, as the OMS last heard it: the start-of-day
 * price from the configuration, then whatever the market-data adapter publishes. Written and read on the OMS thread.
 */
public final class ReferencePrices
{
    private final long[] prices;
    private final long[] timesNs;
    private long version;

    /**
     * @param symbols how many instruments.
     */
    public ReferencePrices(final int symbols)
    {
        prices = new long[symbols];
        timesNs = new long[symbols];
        Arrays.fill(prices, FixedPoint.NULL_VALUE);
    }

    /**
     * Take the configured start-of-day prices of a limit set, for the instruments whose configured price differs from
     * the one taken last (so a limit update that leaves them alone keeps the live prices).
     *
     * @param limits   the limit set now in force.
     * @param previous the one before it, or null at start.
     * @param nowNs    time to stamp them with.
     */
    public void takeConfigured(final LimitSet limits, final LimitSet previous, final long nowNs)
    {
        for (int symbol = 0; symbol < prices.length; symbol++)
        {
            final long configured = limits.referencePrice(symbol);
            if (configured != FixedPoint.NULL_VALUE &&
                (previous == null || previous.referencePrice(symbol) != configured))
            {
                update(symbol, configured, nowNs);
            }
        }
    }

    /**
     * @param symbol symbol index.
     * @param price  price mantissa.
     * @param timeNs when it was taken, epoch nanoseconds.
     */
    public void update(final int symbol, final long price, final long timeNs)
    {
        if (prices[symbol] != price)
        {
            version++;
        }
        prices[symbol] = price;
        timesNs[symbol] = timeNs;
    }

    /**
     * @return a number that changes whenever a price does, so values derived from the prices can be kept until then.
     */
    public long version()
    {
        return version;
    }

    /**
     * @param symbol symbol index.
     * @return the price, or {@link FixedPoint#NULL_VALUE} when none was ever given.
     */
    public long price(final int symbol)
    {
        return prices[symbol];
    }

    /**
     * @param symbol symbol index.
     * @return when the price was taken, epoch nanoseconds.
     */
    public long timeNs(final int symbol)
    {
        return timesNs[symbol];
    }
}
