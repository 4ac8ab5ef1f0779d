package io.bastion.oms;

/**
 * One position, per account and symbol, as stored off-heap in the positions Chronicle Map. Quantities and notionals
 * are fixed-point mantissas (exponent -8); notionals are price times quantity.
 */
public interface PositionValue
{
    /** @return bought minus sold quantity. */
    long getNetQty();

    /** @param value bought minus sold quantity. */
    void setNetQty(long value);

    /** @return quantity bought. */
    long getBoughtQty();

    /** @param value quantity bought. */
    void setBoughtQty(long value);

    /** @return quantity sold. */
    long getSoldQty();

    /** @param value quantity sold. */
    void setSoldQty(long value);

    /** @return notional bought. */
    long getBoughtNotional();

    /** @param value notional bought. */
    void setBoughtNotional(long value);

    /** @return notional sold. */
    long getSoldNotional();

    /** @param value notional sold. */
    void setSoldNotional(long value);

    /** @return number of fills applied. */
    long getFillCount();

    /** @param value number of fills applied. */
    void setFillCount(long value);

    /** @return time of the last fill applied, epoch nanoseconds. */
    long getUpdatedNs();

    /** @param value time of the last fill applied, epoch nanoseconds. */
    void setUpdatedNs(long value);
}
