package io.bastion.oms;

import net.openhft.chronicle.values.Array;

/**
 * One position, per account and symbol, as stored off-heap in the positions Chronicle Map. Prices, quantities,
 * notionals and P&amp;L are fixed-point mantissas (exponent -8); notionals are price times quantity.
 * <p>
 * Three groups of fields:
 * <ul>
 *     <li>order-independent aggregates (bought and sold quantity and notional, fill count), exact under any
 *     busts and corrections;</li>
 *     <li>the average-cost state ({@code netQty}, {@code avgCost}, {@code realisedPnl}, {@code lastFillPx}), which
 *     depends on the order of fills: it is always the {@code base*} state with the fills in the ledger replayed on top
 *     of it, in order;</li>
 *     <li>the ledger: the most recent {@link #LEDGER_CAPACITY} surviving fills (signed quantity, price) in a ring,
 *     oldest at {@code ledgerHead}, and the {@code base*} state of every older fill, folded in order.</li>
 * </ul>
 * See {@link PositionStore} for the rules.
 */
public interface PositionValue
{
    /** Fills kept per position for exact busts and corrections. */
    int LEDGER_CAPACITY = 128;

    /**
     * @return the write sequence: odd while the OMS is writing the position, even when it is whole. A reader takes a
     * copy and keeps it only if the sequence was even and unchanged across the copy.
     */
    long getVolatileVersion();

    /** @return the write sequence, read plainly (by the only writer). */
    long getVersion();

    /** @param value the write sequence, stored plainly (the odd value that opens a write). */
    void setVersion(long value);

    /** @param value the write sequence, stored after every earlier store (the even value that closes a write). */
    void setOrderedVersion(long value);

    /** @return bought minus sold quantity. */
    long getNetQty();

    /** @param value bought minus sold quantity. */
    void setNetQty(long value);

    /** @return average cost of the open position, a price; 0 when flat. */
    long getAvgCost();

    /** @param value average cost of the open position. */
    void setAvgCost(long value);

    /** @return realised P&amp;L. */
    long getRealisedPnl();

    /** @param value realised P&amp;L. */
    void setRealisedPnl(long value);

    /** @return price of the last surviving fill, or {@link io.bastion.protocol.FixedPoint#NULL_VALUE}. */
    long getLastFillPx();

    /** @param value price of the last surviving fill. */
    void setLastFillPx(long value);

    /** @return the mark price unrealised P&amp;L is computed against, or {@code NULL_VALUE}. */
    long getMarkPx();

    /** @param value the mark price. */
    void setMarkPx(long value);

    /** @return true when the mark was set by a reference price since the last fill, false when it is a fill's. */
    boolean getMarkExplicit();

    /** @param value true when the mark was set by a reference price since the last fill. */
    void setMarkExplicit(boolean value);

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

    /** @return number of surviving fills. */
    long getFillCount();

    /** @param value number of surviving fills. */
    void setFillCount(long value);

    /** @return time of the last fill, bust, correction or mark, epoch nanoseconds. */
    long getUpdatedNs();

    /** @param value time of the last fill, bust, correction or mark, epoch nanoseconds. */
    void setUpdatedNs(long value);

    /** @return busts and corrections of fills that had left the ledger, applied at the base. */
    long getLateAdjustments();

    /** @param value busts and corrections of fills that had left the ledger. */
    void setLateAdjustments(long value);

    /** @return number of fills folded into the base state. */
    long getFoldedFills();

    /** @param value number of fills folded into the base state. */
    void setFoldedFills(long value);

    /** @return net quantity of the folded fills. */
    long getBaseNetQty();

    /** @param value net quantity of the folded fills. */
    void setBaseNetQty(long value);

    /** @return average cost after the folded fills. */
    long getBaseAvgCost();

    /** @param value average cost after the folded fills. */
    void setBaseAvgCost(long value);

    /** @return realised P&amp;L of the folded fills. */
    long getBaseRealisedPnl();

    /** @param value realised P&amp;L of the folded fills. */
    void setBaseRealisedPnl(long value);

    /** @return price of the last folded fill, or {@code NULL_VALUE}. */
    long getBaseLastFillPx();

    /** @param value price of the last folded fill. */
    void setBaseLastFillPx(long value);

    /** @return ring index of the oldest fill in the ledger. */
    int getLedgerHead();

    /** @param value ring index of the oldest fill in the ledger. */
    void setLedgerHead(int value);

    /** @return number of fills in the ledger. */
    int getLedgerSize();

    /** @param value number of fills in the ledger. */
    void setLedgerSize(int value);

    /**
     * @param index ring index.
     * @return quantity of a fill in the ledger, positive for a buy, negative for a sell.
     */
    long getLedgerQtyAt(int index);

    /**
     * @param index ring index.
     * @param value quantity of a fill, positive for a buy, negative for a sell.
     */
    @Array(length = LEDGER_CAPACITY)
    void setLedgerQtyAt(int index, long value);

    /**
     * @param index ring index.
     * @return price of a fill in the ledger.
     */
    long getLedgerPxAt(int index);

    /**
     * @param index ring index.
     * @param value price of a fill.
     */
    @Array(length = LEDGER_CAPACITY)
    void setLedgerPxAt(int index, long value);
}
