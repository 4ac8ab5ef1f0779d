package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import net.openhft.chronicle.bytes.Byteable;
import net.openhft.chronicle.hash.serialization.SizeMarshaller;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapAbsentEntry;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.VanillaChronicleMap;
import net.openhft.chronicle.values.Values;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Positions and P&amp;L per account and symbol in a persisted, off-heap Chronicle Map: they survive a restart, and
 * other processes (the admin console) can read the file without touching the OMS thread. The key is
 * {@code account + '\u0001' + symbol} (SOH cannot occur in a FIX field); the value is a {@link PositionValue}. Every
 * amount is a fixed-point mantissa with exponent -8. {@link Side#BUY} buys; every other side sells.
 *
 * <h2>Accounting</h2>
 * Average cost, as defined in {@link AverageCost}: a fill that extends the position re-averages its cost, a fill
 * against it realises {@code (price - avgCost) * closedQty} (the other way round for a short), a fill through zero
 * closes the old position and opens the remainder at the fill price, and flat has an average cost of 0. Unrealised
 * P&amp;L is {@code (markPx - avgCost) * netQty}, computed on read ({@link Position#unrealisedPnl()}). The mark is
 * the last fill's price until {@link #mark} sets a reference price, which stands until the next fill.
 *
 * <h2>Busts and corrections</h2>
 * Bought and sold quantity and notional and the fill count do not depend on the order of fills, so a bust or a
 * correction adjusts them directly. Average cost and realised P&amp;L do depend on the order, and cannot be unwound
 * from the aggregate, so each position keeps a ledger of its last {@link PositionValue#LEDGER_CAPACITY} surviving
 * fills (signed quantity and price) and a base state holding every older fill, folded in order. A bust removes the
 * newest ledger fill with the same direction, quantity and price (a correction replaces it in place) and replays the
 * ledger on the base: the position, average cost, realised P&amp;L and last fill price are then exactly what replaying
 * the surviving fills in their original order gives ({@link PositionAdjustment#REPLAYED}). A bust or correction of a
 * fill that has already left the ledger is applied at the base as the opposite trade (then the corrected one) and
 * counted ({@link PositionAdjustment#APPLIED_BEFORE_LEDGER}); when the position never lost a fill from its ledger,
 * an unmatched one changes nothing ({@link PositionAdjustment#NO_SUCH_FILL}).
 *
 * <h2>Threading, allocation and failure</h2>
 * {@link #applyFill}, {@link #applyBust}, {@link #applyCorrection} and {@link #mark} run on the OMS thread: they update
 * the entry in place, off-heap, under the entry's write lock, reusing one key builder, one native value reference and
 * two scratch accumulators, so they allocate nothing once the position exists. Each computes every new value before
 * writing any, so an overflow ({@link ArithmeticException}) or a bad argument ({@link IllegalArgumentException})
 * leaves the stored position as it was. A fill appends to the ledger and, when it is full, folds the oldest fill into
 * the base: constant time. A bust or a correction replays at most the ledger.
 *
 * <h2>File</h2>
 * Everything, ledger included, is in the entry, so a reopened file gives back identical positions. An entry takes
 * about 2.2 KB. Chronicle Map reads an existing file's layout from the file itself, so a file written with another
 * {@link PositionValue} layout is refused when opened rather than misread.
 */
public final class PositionStore implements AutoCloseable
{
    /** Separates account and symbol in a key. */
    public static final char KEY_SEPARATOR = '\u0001';

    private static final int LEDGER_CAPACITY = PositionValue.LEDGER_CAPACITY;
    private static final int NOT_FOUND = -1;

    private final ChronicleMap<CharSequence, PositionValue> map;
    private final StringBuilder key = new StringBuilder(OmsConfiguration.ACCOUNT_LENGTH + 1 +
        OmsConfiguration.SYMBOL_LENGTH);
    private final PositionValue value = Values.newNativeReference(PositionValue.class);
    private final PositionValue empty = Values.newHeapInstance(PositionValue.class);
    private final AverageCost live = new AverageCost();
    private final AverageCost base = new AverageCost();

    /**
     * Open (or create) the positions file.
     *
     * @param file    the Chronicle Map file.
     * @param entries how many positions it must hold (when creating it; an existing file keeps its own capacity).
     * @throws IllegalStateException if the file holds positions of another layout (written by another version).
     */
    public PositionStore(final File file, final long entries)
    {
        final File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs())
        {
            throw new UncheckedIOException(new IOException("cannot create directory " + parent));
        }
        empty.setLastFillPx(FixedPoint.NULL_VALUE);
        empty.setMarkPx(FixedPoint.NULL_VALUE);
        empty.setBaseLastFillPx(FixedPoint.NULL_VALUE);
        try
        {
            map = ChronicleMap.of(CharSequence.class, PositionValue.class)
                .name("bastion-positions")
                .averageKeySize(24)
                .entries(entries)
                .createPersistedTo(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open positions file " + file, ex);
        }

        try
        {
            verifyValueSize(file);
        }
        catch (final RuntimeException ex)
        {
            map.close();
            throw ex;
        }
    }

    /**
     * Apply a fill to the position of an account in a symbol, creating the position if there is none. The fill price
     * becomes the mark.
     *
     * @param account   account.
     * @param symbol    symbol.
     * @param side      side of the fill.
     * @param lastQty   quantity filled, positive mantissa.
     * @param lastPx    price, mantissa.
     * @param timeNs    time of the fill, epoch nanoseconds.
     * @throws IllegalArgumentException if the quantity is not positive or the price is null.
     * @throws ArithmeticException      if an amount would overflow; the position is then unchanged.
     */
    public void applyFill(
        final CharSequence account,
        final CharSequence symbol,
        final Side side,
        final long lastQty,
        final long lastPx,
        final long timeNs)
    {
        requireFill(lastQty, lastPx);
        final long signedQty = signed(side, lastQty);
        final long notional = FixedPoint.notional(lastQty, lastPx);
        setKey(account, symbol);

        try (ExternalMapQueryContext<CharSequence, PositionValue, ?> context = map.queryContext(key))
        {
            context.writeLock().lock();
            MapEntry<CharSequence, PositionValue> entry = context.entry();
            if (entry == null)
            {
                final MapAbsentEntry<CharSequence, PositionValue> absent = context.absentEntry();
                if (absent == null)
                {
                    throw new IllegalStateException("position neither present nor absent: " + key);
                }
                absent.doInsert(context.wrapValueAsData(empty));
                entry = context.entry();
            }

            final PositionValue position = entry.value().getUsing(value);
            final long boughtQty = signedQty > 0 ? Math.addExact(position.getBoughtQty(), lastQty) :
                position.getBoughtQty();
            final long soldQty = signedQty < 0 ? Math.addExact(position.getSoldQty(), lastQty) : position.getSoldQty();
            final long boughtNotional = signedQty > 0 ? Math.addExact(position.getBoughtNotional(), notional) :
                position.getBoughtNotional();
            final long soldNotional = signedQty < 0 ? Math.addExact(position.getSoldNotional(), notional) :
                position.getSoldNotional();
            loadLive(position);
            live.fill(signedQty, lastPx);

            final int size = position.getLedgerSize();
            final int head = position.getLedgerHead();
            if (size == LEDGER_CAPACITY)
            {
                loadBase(position);
                base.fill(position.getLedgerQtyAt(head), position.getLedgerPxAt(head));
                storeBase(position);
                position.setFoldedFills(position.getFoldedFills() + 1);
                position.setLedgerHead(ringIndex(head, 1));
                position.setLedgerSize(size - 1);
            }
            append(position, signedQty, lastPx);
            storeLive(position);
            position.setBoughtQty(boughtQty);
            position.setSoldQty(soldQty);
            position.setBoughtNotional(boughtNotional);
            position.setSoldNotional(soldNotional);
            position.setFillCount(position.getFillCount() + 1);
            position.setMarkPx(lastPx);
            position.setMarkExplicit(false);
            position.setUpdatedNs(timeNs);
        }
    }

    /**
     * Remove a fill applied earlier, as if it had never happened: the newest surviving fill of this account and symbol
     * with the same direction, quantity and price.
     *
     * @param account account.
     * @param symbol  symbol.
     * @param side    side of the busted fill.
     * @param bustQty quantity of the busted fill, positive mantissa.
     * @param bustPx  price of the busted fill, mantissa.
     * @param timeNs  time of the bust, epoch nanoseconds.
     * @return {@link PositionAdjustment#REPLAYED} when exact, or see {@link PositionAdjustment}.
     * @throws IllegalArgumentException if the quantity is not positive or the price is null.
     * @throws ArithmeticException      if an amount would overflow; the position is then unchanged.
     */
    public PositionAdjustment applyBust(
        final CharSequence account,
        final CharSequence symbol,
        final Side side,
        final long bustQty,
        final long bustPx,
        final long timeNs)
    {
        requireFill(bustQty, bustPx);
        final long signedQty = signed(side, bustQty);
        final long notional = FixedPoint.notional(bustQty, bustPx);
        setKey(account, symbol);

        try (ExternalMapQueryContext<CharSequence, PositionValue, ?> context = map.queryContext(key))
        {
            context.writeLock().lock();
            final MapEntry<CharSequence, PositionValue> entry = context.entry();
            if (entry == null)
            {
                return PositionAdjustment.NO_SUCH_FILL;
            }

            final PositionValue position = entry.value().getUsing(value);
            final long boughtQty = signedQty > 0 ? position.getBoughtQty() - bustQty : position.getBoughtQty();
            final long soldQty = signedQty < 0 ? position.getSoldQty() - bustQty : position.getSoldQty();
            final long boughtNotional = signedQty > 0 ? Math.subtractExact(position.getBoughtNotional(), notional) :
                position.getBoughtNotional();
            final long soldNotional = signedQty < 0 ? Math.subtractExact(position.getSoldNotional(), notional) :
                position.getSoldNotional();

            final int found = findNewest(position, signedQty, bustPx);
            if (found != NOT_FOUND)
            {
                loadBase(position);
                replay(position, found, 0, 0);
                remove(position, found);
            }
            else
            {
                if (position.getFoldedFills() == 0 || boughtQty < 0 || soldQty < 0)
                {
                    return PositionAdjustment.NO_SUCH_FILL;
                }
                loadBase(position);
                base.trade(-signedQty, bustPx);
                replay(position, NOT_FOUND, 0, 0);
                storeBase(position);
                position.setFoldedFills(position.getFoldedFills() - 1);
                position.setLateAdjustments(position.getLateAdjustments() + 1);
            }

            storeLive(position);
            position.setBoughtQty(boughtQty);
            position.setSoldQty(soldQty);
            position.setBoughtNotional(boughtNotional);
            position.setSoldNotional(soldNotional);
            position.setFillCount(position.getFillCount() - 1);
            updateMarkAfterReplay(position);
            position.setUpdatedNs(timeNs);
            return found != NOT_FOUND ? PositionAdjustment.REPLAYED : PositionAdjustment.APPLIED_BEFORE_LEDGER;
        }
    }

    /**
     * Replace a fill applied earlier by its corrected quantity and price, in the same place in the order of fills: the
     * newest surviving fill of this account and symbol with the same direction, old quantity and old price.
     *
     * @param account account.
     * @param symbol  symbol.
     * @param side    side of the fill.
     * @param oldQty  quantity as applied, positive mantissa.
     * @param oldPx   price as applied, mantissa.
     * @param newQty  corrected quantity, positive mantissa (a fill corrected to nothing is a bust).
     * @param newPx   corrected price, mantissa.
     * @param timeNs  time of the correction, epoch nanoseconds.
     * @return {@link PositionAdjustment#REPLAYED} when exact, or see {@link PositionAdjustment}.
     * @throws IllegalArgumentException if a quantity is not positive or a price is null.
     * @throws ArithmeticException      if an amount would overflow; the position is then unchanged.
     */
    public PositionAdjustment applyCorrection(
        final CharSequence account,
        final CharSequence symbol,
        final Side side,
        final long oldQty,
        final long oldPx,
        final long newQty,
        final long newPx,
        final long timeNs)
    {
        requireFill(oldQty, oldPx);
        requireFill(newQty, newPx);
        final long signedOldQty = signed(side, oldQty);
        final long signedNewQty = signed(side, newQty);
        final long qtyChange = newQty - oldQty;
        final long notionalChange = Math.subtractExact(
            FixedPoint.notional(newQty, newPx), FixedPoint.notional(oldQty, oldPx));
        setKey(account, symbol);

        try (ExternalMapQueryContext<CharSequence, PositionValue, ?> context = map.queryContext(key))
        {
            context.writeLock().lock();
            final MapEntry<CharSequence, PositionValue> entry = context.entry();
            if (entry == null)
            {
                return PositionAdjustment.NO_SUCH_FILL;
            }

            final PositionValue position = entry.value().getUsing(value);
            final boolean buy = signedOldQty > 0;
            final long boughtQty = buy ? Math.addExact(position.getBoughtQty(), qtyChange) : position.getBoughtQty();
            final long soldQty = buy ? position.getSoldQty() : Math.addExact(position.getSoldQty(), qtyChange);
            final long boughtNotional = buy ? Math.addExact(position.getBoughtNotional(), notionalChange) :
                position.getBoughtNotional();
            final long soldNotional = buy ? position.getSoldNotional() :
                Math.addExact(position.getSoldNotional(), notionalChange);

            final int found = findNewest(position, signedOldQty, oldPx);
            if (found != NOT_FOUND)
            {
                loadBase(position);
                replay(position, found, signedNewQty, newPx);
                position.setLedgerQtyAt(ringIndex(position.getLedgerHead(), found), signedNewQty);
                position.setLedgerPxAt(ringIndex(position.getLedgerHead(), found), newPx);
            }
            else
            {
                if (position.getFoldedFills() == 0 || (buy ? position.getBoughtQty() : position.getSoldQty()) < oldQty)
                {
                    return PositionAdjustment.NO_SUCH_FILL;
                }
                loadBase(position);
                base.trade(-signedOldQty, oldPx);
                base.trade(signedNewQty, newPx);
                replay(position, NOT_FOUND, 0, 0);
                storeBase(position);
                position.setLateAdjustments(position.getLateAdjustments() + 1);
            }

            storeLive(position);
            position.setBoughtQty(boughtQty);
            position.setSoldQty(soldQty);
            position.setBoughtNotional(boughtNotional);
            position.setSoldNotional(soldNotional);
            updateMarkAfterReplay(position);
            position.setUpdatedNs(timeNs);
            return found != NOT_FOUND ? PositionAdjustment.REPLAYED : PositionAdjustment.APPLIED_BEFORE_LEDGER;
        }
    }

    /**
     * Mark a position to a reference price: unrealised P&amp;L is computed against it until the next fill.
     *
     * @param account       account.
     * @param symbol        symbol.
     * @param priceMantissa reference price.
     * @param timeNs        time of the price, epoch nanoseconds.
     * @return true when the position exists (a mark never creates one).
     * @throws IllegalArgumentException if the price is null.
     */
    public boolean mark(final CharSequence account, final CharSequence symbol, final long priceMantissa,
        final long timeNs)
    {
        if (priceMantissa == FixedPoint.NULL_VALUE)
        {
            throw new IllegalArgumentException("mark price is null");
        }
        setKey(account, symbol);

        try (ExternalMapQueryContext<CharSequence, PositionValue, ?> context = map.queryContext(key))
        {
            context.writeLock().lock();
            final MapEntry<CharSequence, PositionValue> entry = context.entry();
            if (entry == null)
            {
                return false;
            }
            final PositionValue position = entry.value().getUsing(value);
            position.setMarkPx(priceMantissa);
            position.setMarkExplicit(true);
            position.setUpdatedNs(timeNs);
            return true;
        }
    }

    /**
     * Read one position.
     *
     * @param account account.
     * @param symbol  symbol.
     * @return a copy, or null when there is none.
     */
    public Position read(final String account, final String symbol)
    {
        final PositionValue found = map.get(account + KEY_SEPARATOR + symbol);
        return found == null ? null : toPosition(account + KEY_SEPARATOR + symbol, found);
    }

    /**
     * @return a copy of every position.
     */
    public List<Position> readAll()
    {
        final List<Position> positions = new ArrayList<>();
        map.forEach((k, v) -> positions.add(toPosition(k, v)));
        return positions;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        map.close();
    }

    /**
     * Chronicle Map takes the layout of an existing file from the file, not from {@link PositionValue}: a file written
     * with another layout would be read as garbage and written past its entries. Refuse it: compare the file's value
     * size (from its size marshaller, which answers even for an empty file, and from an entry if there is one) with
     * this version's, without writing anything.
     */
    private void verifyValueSize(final File file)
    {
        final long expectedSize = ((Byteable)value).maxSize();
        if (map instanceof VanillaChronicleMap<?, ?, ?> vanilla)
        {
            final SizeMarshaller sizes = vanilla.valueSizeMarshaller;
            if (sizes.minStorableSize() != expectedSize || sizes.maxStorableSize() != expectedSize)
            {
                throw new IllegalStateException(otherVersion(file, sizes.maxStorableSize() + "-byte positions, not " +
                    expectedSize));
            }
        }

        final long[] storedSize = {expectedSize};
        map.forEachEntryWhile(
            (entry) ->
            {
                storedSize[0] = entry.value().size();
                return false;
            });
        if (storedSize[0] != expectedSize)
        {
            throw new IllegalStateException(otherVersion(file, storedSize[0] + "-byte positions, not " + expectedSize));
        }
    }

    private static String otherVersion(final File file, final String holds)
    {
        return "positions file " + file + " holds " + holds + ": another version of Bastion wrote it; move it aside " +
            "(its positions cannot be converted)";
    }

    private void setKey(final CharSequence account, final CharSequence symbol)
    {
        key.setLength(0);
        key.append(account).append(KEY_SEPARATOR).append(symbol);
    }

    private void loadLive(final PositionValue position)
    {
        live.reset(position.getNetQty(), position.getAvgCost(), position.getRealisedPnl(), position.getLastFillPx());
    }

    private void storeLive(final PositionValue position)
    {
        position.setNetQty(live.netQty);
        position.setAvgCost(live.avgCost);
        position.setRealisedPnl(live.realisedPnl);
        position.setLastFillPx(live.lastFillPx);
    }

    private void loadBase(final PositionValue position)
    {
        base.reset(position.getBaseNetQty(), position.getBaseAvgCost(), position.getBaseRealisedPnl(),
            position.getBaseLastFillPx());
    }

    private void storeBase(final PositionValue position)
    {
        position.setBaseNetQty(base.netQty);
        position.setBaseAvgCost(base.avgCost);
        position.setBaseRealisedPnl(base.realisedPnl);
        position.setBaseLastFillPx(base.lastFillPx);
    }

    /**
     * The live state: the base, then every ledger fill in order, skipping the one at {@code changedAt} when the
     * replacement quantity is 0, else using the replacement for it.
     */
    private void replay(
        final PositionValue position, final int changedAt, final long replacementQty, final long replacementPx)
    {
        live.reset(base.netQty, base.avgCost, base.realisedPnl, base.lastFillPx);
        final int head = position.getLedgerHead();
        final int size = position.getLedgerSize();
        for (int i = 0; i < size; i++)
        {
            if (i == changedAt)
            {
                if (replacementQty != 0)
                {
                    live.fill(replacementQty, replacementPx);
                }
            }
            else
            {
                final int index = ringIndex(head, i);
                live.fill(position.getLedgerQtyAt(index), position.getLedgerPxAt(index));
            }
        }
    }

    private void updateMarkAfterReplay(final PositionValue position)
    {
        if (!position.getMarkExplicit())
        {
            position.setMarkPx(live.lastFillPx);
        }
    }

    private static int findNewest(final PositionValue position, final long signedQty, final long price)
    {
        final int head = position.getLedgerHead();
        for (int i = position.getLedgerSize() - 1; i >= 0; i--)
        {
            final int index = ringIndex(head, i);
            if (position.getLedgerQtyAt(index) == signedQty && position.getLedgerPxAt(index) == price)
            {
                return i;
            }
        }
        return NOT_FOUND;
    }

    private static void append(final PositionValue position, final long signedQty, final long price)
    {
        final int size = position.getLedgerSize();
        final int index = ringIndex(position.getLedgerHead(), size);
        position.setLedgerQtyAt(index, signedQty);
        position.setLedgerPxAt(index, price);
        position.setLedgerSize(size + 1);
    }

    private static void remove(final PositionValue position, final int at)
    {
        final int head = position.getLedgerHead();
        final int size = position.getLedgerSize();
        for (int i = at; i < size - 1; i++)
        {
            final int to = ringIndex(head, i);
            final int from = ringIndex(head, i + 1);
            position.setLedgerQtyAt(to, position.getLedgerQtyAt(from));
            position.setLedgerPxAt(to, position.getLedgerPxAt(from));
        }
        position.setLedgerSize(size - 1);
    }

    private static int ringIndex(final int head, final int offset)
    {
        return (head + offset) % LEDGER_CAPACITY;
    }

    private static long signed(final Side side, final long qty)
    {
        return side == Side.BUY ? qty : -qty;
    }

    private static void requireFill(final long qty, final long price)
    {
        if (qty <= 0)
        {
            throw new IllegalArgumentException("fill quantity must be positive: " + qty);
        }
        if (price == FixedPoint.NULL_VALUE)
        {
            throw new IllegalArgumentException("fill price is null");
        }
    }

    private static Position toPosition(final CharSequence key, final PositionValue v)
    {
        final String text = key.toString();
        final int separator = text.indexOf(KEY_SEPARATOR);
        return new Position(
            text.substring(0, separator),
            text.substring(separator + 1),
            v.getNetQty(),
            v.getAvgCost(),
            v.getRealisedPnl(),
            v.getMarkPx(),
            v.getBoughtQty(),
            v.getSoldQty(),
            v.getBoughtNotional(),
            v.getSoldNotional(),
            v.getFillCount(),
            v.getLateAdjustments(),
            v.getUpdatedNs());
    }
}
