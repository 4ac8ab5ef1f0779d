package io.bastion.oms;

import net.openhft.chronicle.values.Align;
import net.openhft.chronicle.values.Array;
import net.openhft.chronicle.values.Group;

/**
 * One position, per account and symbol, as stored off-heap in the positions Chronicle Map. Prices, quantities,
 * notionals and P&amp;L are fixed-point mantissas (exponent -8); notionals are price times quantity.
 * <p>
 * Four groups of fields:
 * <ul>
 *     <li>order-independent aggregates (bought and sold quantity and notional, fill count), exact under any
 *     busts and corrections;</li>
 *     <li>the average-cost state ({@code netQty}, {@code avgCost}, {@code realisedPnl}, {@code lastFillPx}), which
 *     depends on the order of fills: it is always the {@code base*} state with the fills in the ledger replayed on top
 *     of it, in order;</li>
 *     <li>the ledger: the most recent {@link #LEDGER_CAPACITY} surviving fills (signed quantity, price) in a ring,
 *     oldest at {@code ledgerHead}, and the {@code base*} state of every older fill, folded in order;</li>
 *     <li>the day-start snapshot ({@code dayStart*}): the position as it stood when the trading day started, which
 *     the daily loss limit counts the day's P&amp;L from.</li>
 * </ul>
 * See {@link PositionStore} for the rules.
 * <p>
 * This interface is the file format: the OMS writes positions and other processes (the admin console, tests, tools)
 * read the same file. Every field is placed by its {@link Group} number, in that order, so every JVM lays the value
 * out identically; without it Chronicle Values orders fields of the same size by reflection order, which differs
 * between JVMs and runs, and two processes would read each other's fields under the wrong names. A change of layout
 * takes a new {@link #FORMAT}. Fields added after the single-bit {@code markExplicit} are aligned to 8 bytes
 * ({@link Align}): Chronicle Values packs fields bit by bit, and cannot read a long that straddles two.
 */
public interface PositionValue
{
    /** Fills kept per position for exact busts and corrections. */
    int LEDGER_CAPACITY = 128;

    /**
     * The value of {@link #getFormat()} in every position this layout writes: "BSTNPOS" and the layout's number. A file
     * whose positions carry another is refused when opened.
     */
    long FORMAT = 0x4253544E504F5303L;

    /** @return {@link #FORMAT} when written by this layout. */
    @Group(0)
    long getFormat();

    /** @param value {@link #FORMAT}, set once when the position is created. */
    void setFormat(long value);

    /**
     * @return the write sequence: odd while the OMS is writing the position, even when it is whole. A reader takes a
     * copy and keeps it only if the sequence was even and unchanged across the copy.
     */
    long getVolatileVersion();

    /** @return the write sequence, read plainly (by the only writer). */
    @Group(1)
    long getVersion();

    /** @param value the write sequence, stored plainly (the odd value that opens a write). */
    void setVersion(long value);

    /** @param value the write sequence, stored after every earlier store (the even value that closes a write). */
    void setOrderedVersion(long value);

    /** @return bought minus sold quantity. */
    @Group(2)
    long getNetQty();

    /** @param value bought minus sold quantity. */
    void setNetQty(long value);

    /** @return average cost of the open position, a price; 0 when flat. */
    @Group(3)
    long getAvgCost();

    /** @param value average cost of the open position. */
    void setAvgCost(long value);

    /** @return realised P&amp;L. */
    @Group(4)
    long getRealisedPnl();

    /** @param value realised P&amp;L. */
    void setRealisedPnl(long value);

    /** @return price of the last surviving fill, or {@link io.bastion.protocol.FixedPoint#NULL_VALUE}. */
    @Group(5)
    long getLastFillPx();

    /** @param value price of the last surviving fill. */
    void setLastFillPx(long value);

    /** @return the mark price unrealised P&amp;L is computed against, or {@code NULL_VALUE}. */
    @Group(6)
    long getMarkPx();

    /** @param value the mark price. */
    void setMarkPx(long value);

    /** @return true when the mark was set by a reference price since the last fill, false when it is a fill's. */
    @Group(23)
    boolean getMarkExplicit();

    /** @param value true when the mark was set by a reference price since the last fill. */
    void setMarkExplicit(boolean value);

    /** @return quantity bought. */
    @Group(7)
    long getBoughtQty();

    /** @param value quantity bought. */
    void setBoughtQty(long value);

    /** @return quantity sold. */
    @Group(8)
    long getSoldQty();

    /** @param value quantity sold. */
    void setSoldQty(long value);

    /** @return notional bought. */
    @Group(9)
    long getBoughtNotional();

    /** @param value notional bought. */
    void setBoughtNotional(long value);

    /** @return notional sold. */
    @Group(10)
    long getSoldNotional();

    /** @param value notional sold. */
    void setSoldNotional(long value);

    /** @return number of surviving fills. */
    @Group(11)
    long getFillCount();

    /** @param value number of surviving fills. */
    void setFillCount(long value);

    /** @return time of the last fill, bust, correction or mark, epoch nanoseconds. */
    @Group(12)
    long getUpdatedNs();

    /** @param value time of the last fill, bust, correction or mark, epoch nanoseconds. */
    void setUpdatedNs(long value);

    /** @return busts and corrections of fills that had left the ledger, applied at the base. */
    @Group(13)
    long getLateAdjustments();

    /** @param value busts and corrections of fills that had left the ledger. */
    void setLateAdjustments(long value);

    /** @return number of fills folded into the base state. */
    @Group(14)
    long getFoldedFills();

    /** @param value number of fills folded into the base state. */
    void setFoldedFills(long value);

    /** @return net quantity of the folded fills. */
    @Group(15)
    long getBaseNetQty();

    /** @param value net quantity of the folded fills. */
    void setBaseNetQty(long value);

    /** @return average cost after the folded fills. */
    @Group(16)
    long getBaseAvgCost();

    /** @param value average cost after the folded fills. */
    void setBaseAvgCost(long value);

    /** @return realised P&amp;L of the folded fills. */
    @Group(17)
    long getBaseRealisedPnl();

    /** @param value realised P&amp;L of the folded fills. */
    void setBaseRealisedPnl(long value);

    /** @return price of the last folded fill, or {@code NULL_VALUE}. */
    @Group(18)
    long getBaseLastFillPx();

    /** @param value price of the last folded fill. */
    void setBaseLastFillPx(long value);

    /** @return ring index of the oldest fill in the ledger. */
    @Group(21)
    int getLedgerHead();

    /** @param value ring index of the oldest fill in the ledger. */
    void setLedgerHead(int value);

    /** @return number of fills in the ledger. */
    @Group(22)
    int getLedgerSize();

    /** @param value number of fills in the ledger. */
    void setLedgerSize(int value);

    /**
     * @param index ring index.
     * @return quantity of a fill in the ledger, positive for a buy, negative for a sell.
     */
    @Group(19)
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
    @Group(20)
    long getLedgerPxAt(int index);

    /**
     * @param index ring index.
     * @param value price of a fill.
     */
    @Array(length = LEDGER_CAPACITY)
    void setLedgerPxAt(int index, long value);

    /** @return the trading day the snapshot was taken for (days since 1970-01-01 in the OMS's trading zone). */
    @Group(24)
    @Align(offset = 8)
    long getDayStartDay();

    /** @param value the trading day the snapshot was taken for. */
    void setDayStartDay(long value);

    /** @return net quantity when the trading day started. */
    @Group(25)
    @Align(offset = 8)
    long getDayStartNetQty();

    /** @param value net quantity when the trading day started. */
    void setDayStartNetQty(long value);

    /** @return the mark the position was valued at when the day started, or {@code NULL_VALUE}. */
    @Group(26)
    @Align(offset = 8)
    long getDayStartPx();

    /** @param value the mark the position was valued at when the day started. */
    void setDayStartPx(long value);

    /** @return notional bought when the trading day started. */
    @Group(27)
    @Align(offset = 8)
    long getDayStartBoughtNotional();

    /** @param value notional bought when the trading day started. */
    void setDayStartBoughtNotional(long value);

    /** @return notional sold when the trading day started. */
    @Group(28)
    @Align(offset = 8)
    long getDayStartSoldNotional();

    /** @param value notional sold when the trading day started. */
    void setDayStartSoldNotional(long value);
}
