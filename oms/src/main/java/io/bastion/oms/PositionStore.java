package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import net.openhft.chronicle.bytes.Byteable;
import net.openhft.chronicle.bytes.PointerBytesStore;
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
import java.lang.invoke.VarHandle;
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
 * The OMS thread is the file's only writer: {@link #applyFill}, {@link #applyBust}, {@link #applyCorrection},
 * {@link #mark}, {@link #startDay} and {@link #repairTornPositions} run there. The first access to a position looks it up (creating it for
 * a fill) through Chronicle Map under the entry's write lock; the entry then stays where it is for the life of the map
 * (values are one fixed size and positions are never removed), so the store keeps a reference bound to it, found
 * through an on-heap index of the keys, and later updates go straight to the entry's memory without the map's hash
 * lookup or lock. Readers on other threads or in other processes ({@link #read}, {@link #readAll}; the admin console)
 * never see half an update: each write makes the entry's {@code version} odd, writes, and makes it even again, and a
 * reader keeps a copy only if the version was even and unchanged across it (a sequence lock). Updates allocate
 * nothing once the position has been touched in this process. Each computes every new value before writing any, so an
 * overflow ({@link ArithmeticException}) or a bad argument ({@link IllegalArgumentException}) leaves the stored
 * position as it was; a process that dies in the middle of a write leaves the version odd, which readers report and
 * {@link #repairTornPositions} (called by the OMS when it opens the file) clears and names. A fill appends to the
 * ledger and, when it is full, folds the oldest fill into the base: constant time. A bust or a correction replays at
 * most the ledger.
 *
 * <h2>Trading day</h2>
 * Each position also keeps a day-start snapshot ({@link #startDay}): its net quantity, mark, and bought and sold
 * notional when the trading day started, and which day that was. The OMS takes it for every position when a trading
 * day ends, and at start for those whose snapshot is from an earlier day; the daily loss limit counts an account's
 * P&amp;L from it ({@link Position#dayPnl}).
 *
 * <h2>File</h2>
 * Everything, ledger and day-start snapshot included, is in the entry, so a reopened file gives back identical positions. An entry takes
 * about 2.2 KB. The layout of an entry is fixed field by field ({@link PositionValue}), so every process reading the
 * file sees the same fields. Chronicle Map reads an existing file's layout from the file itself, so a file written
 * with another {@link PositionValue} layout (another size, or another {@link PositionValue#FORMAT}) is refused when
 * opened rather than misread.
 */
public final class PositionStore implements AutoCloseable
{
    /** Separates account and symbol in a key. */
    public static final char KEY_SEPARATOR = '\u0001';

    private static final int LEDGER_CAPACITY = PositionValue.LEDGER_CAPACITY;
    private static final int NOT_FOUND = -1;
    private static final int MAX_CACHED = 1 << 22;
    private static final int READ_ATTEMPTS = 1_000_000;

    private final ChronicleMap<CharSequence, PositionValue> map;
    private final StringBuilder key = new StringBuilder(OmsConfiguration.ACCOUNT_LENGTH + 1 +
        OmsConfiguration.SYMBOL_LENGTH);
    private final PositionValue value = Values.newNativeReference(PositionValue.class);
    private final PositionValue empty = Values.newHeapInstance(PositionValue.class);
    private final AverageCost live = new AverageCost();
    private final AverageCost base = new AverageCost();

    private final IntHashIndex cacheIndex;
    private final AsciiId[] cachedAccounts;
    private final AsciiId[] cachedSymbols;
    private final PositionValue[] cached;
    private int cachedCount;
    private boolean closed;

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
        final int cacheCapacity = (int)Math.max(1, Math.min(entries, MAX_CACHED));
        cacheIndex = new IntHashIndex(cacheCapacity);
        cachedAccounts = new AsciiId[cacheCapacity];
        cachedSymbols = new AsciiId[cacheCapacity];
        cached = new PositionValue[cacheCapacity];
        empty.setFormat(PositionValue.FORMAT);
        empty.setLastFillPx(FixedPoint.NULL_VALUE);
        empty.setMarkPx(FixedPoint.NULL_VALUE);
        empty.setBaseLastFillPx(FixedPoint.NULL_VALUE);
        empty.setDayStartPx(FixedPoint.NULL_VALUE);
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
            verifyLayout(file);
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
        requireOpen();
        requireFill(lastQty, lastPx);
        final long signedQty = signed(side, lastQty);
        final long notional = FixedPoint.notional(lastQty, lastPx);
        final PositionValue position = position(account, symbol, true);

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
        final boolean fold = size == LEDGER_CAPACITY;
        if (fold)
        {
            loadBase(position);
            base.fill(position.getLedgerQtyAt(head), position.getLedgerPxAt(head));
        }

        final long version = beginWrite(position);
        if (fold)
        {
            storeBase(position);
            position.setFoldedFills(position.getFoldedFills() + 1);
            position.setLedgerHead(ringIndex(head, 1));
            position.setLedgerSize(size - 1);
        }
        append(position, signedQty, lastPx);
        storeLive(position, boughtQty, soldQty, boughtNotional, soldNotional);
        position.setFillCount(position.getFillCount() + 1);
        position.setMarkPx(lastPx);
        position.setMarkExplicit(false);
        position.setUpdatedNs(timeNs);
        endWrite(position, version);
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
        requireOpen();
        requireFill(bustQty, bustPx);
        final long signedQty = signed(side, bustQty);
        final long notional = FixedPoint.notional(bustQty, bustPx);
        final PositionValue position = position(account, symbol, false);
        if (position == null)
        {
            return PositionAdjustment.NO_SUCH_FILL;
        }

        final long boughtQty = signedQty > 0 ? position.getBoughtQty() - bustQty : position.getBoughtQty();
        final long soldQty = signedQty < 0 ? position.getSoldQty() - bustQty : position.getSoldQty();
        final long boughtNotional = signedQty > 0 ? Math.subtractExact(position.getBoughtNotional(), notional) :
            position.getBoughtNotional();
        final long soldNotional = signedQty < 0 ? Math.subtractExact(position.getSoldNotional(), notional) :
            position.getSoldNotional();

        final int found = findNewest(position, signedQty, bustPx);
        if (found == NOT_FOUND && (position.getFoldedFills() == 0 || boughtQty < 0 || soldQty < 0))
        {
            return PositionAdjustment.NO_SUCH_FILL;
        }
        loadBase(position);
        if (found == NOT_FOUND)
        {
            base.trade(-signedQty, bustPx);
        }
        replay(position, found, 0, 0);

        final long version = beginWrite(position);
        if (found != NOT_FOUND)
        {
            remove(position, found);
        }
        else
        {
            storeBase(position);
            position.setFoldedFills(position.getFoldedFills() - 1);
            position.setLateAdjustments(position.getLateAdjustments() + 1);
        }
        storeLive(position, boughtQty, soldQty, boughtNotional, soldNotional);
        position.setFillCount(position.getFillCount() - 1);
        updateMarkAfterReplay(position);
        position.setUpdatedNs(timeNs);
        endWrite(position, version);
        return found != NOT_FOUND ? PositionAdjustment.REPLAYED : PositionAdjustment.APPLIED_BEFORE_LEDGER;
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
        requireOpen();
        requireFill(oldQty, oldPx);
        requireFill(newQty, newPx);
        final long signedOldQty = signed(side, oldQty);
        final long signedNewQty = signed(side, newQty);
        final long qtyChange = newQty - oldQty;
        final long notionalChange = Math.subtractExact(
            FixedPoint.notional(newQty, newPx), FixedPoint.notional(oldQty, oldPx));
        final PositionValue position = position(account, symbol, false);
        if (position == null)
        {
            return PositionAdjustment.NO_SUCH_FILL;
        }

        final boolean buy = signedOldQty > 0;
        final long boughtQty = buy ? Math.addExact(position.getBoughtQty(), qtyChange) : position.getBoughtQty();
        final long soldQty = buy ? position.getSoldQty() : Math.addExact(position.getSoldQty(), qtyChange);
        final long boughtNotional = buy ? Math.addExact(position.getBoughtNotional(), notionalChange) :
            position.getBoughtNotional();
        final long soldNotional = buy ? position.getSoldNotional() :
            Math.addExact(position.getSoldNotional(), notionalChange);

        final int found = findNewest(position, signedOldQty, oldPx);
        if (found == NOT_FOUND &&
            (position.getFoldedFills() == 0 || (buy ? position.getBoughtQty() : position.getSoldQty()) < oldQty))
        {
            return PositionAdjustment.NO_SUCH_FILL;
        }
        loadBase(position);
        if (found != NOT_FOUND)
        {
            replay(position, found, signedNewQty, newPx);
        }
        else
        {
            base.trade(-signedOldQty, oldPx);
            base.trade(signedNewQty, newPx);
            replay(position, NOT_FOUND, 0, 0);
        }

        final long version = beginWrite(position);
        if (found != NOT_FOUND)
        {
            position.setLedgerQtyAt(ringIndex(position.getLedgerHead(), found), signedNewQty);
            position.setLedgerPxAt(ringIndex(position.getLedgerHead(), found), newPx);
        }
        else
        {
            storeBase(position);
            position.setLateAdjustments(position.getLateAdjustments() + 1);
        }
        storeLive(position, boughtQty, soldQty, boughtNotional, soldNotional);
        updateMarkAfterReplay(position);
        position.setUpdatedNs(timeNs);
        endWrite(position, version);
        return found != NOT_FOUND ? PositionAdjustment.REPLAYED : PositionAdjustment.APPLIED_BEFORE_LEDGER;
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
        requireOpen();
        if (priceMantissa == FixedPoint.NULL_VALUE)
        {
            throw new IllegalArgumentException("mark price is null");
        }
        final PositionValue position = position(account, symbol, false);
        if (position == null)
        {
            return false;
        }
        final long version = beginWrite(position);
        position.setMarkPx(priceMantissa);
        position.setMarkExplicit(true);
        position.setUpdatedNs(timeNs);
        endWrite(position, version);
        return true;
    }

    /**
     * Set the trading day positions created from now on start in: a position opened during the day had nothing when
     * the day started, so its day-start snapshot is empty, taken for this day.
     *
     * @param day days since 1970-01-01 in the OMS's trading zone.
     */
    public void tradingDay(final long day)
    {
        empty.setDayStartDay(day);
    }

    /**
     * Take a position's day-start snapshot: the position as it stands now becomes where the trading day's P&amp;L
     * counts from.
     *
     * @param account    account.
     * @param symbol     symbol.
     * @param day        the trading day starting, days since 1970-01-01 in the OMS's trading zone.
     * @param dayStartPx the mark the position is valued at now, or {@link FixedPoint#NULL_VALUE} when it has none.
     * @return true when the position exists (a snapshot never creates one).
     */
    public boolean startDay(final CharSequence account, final CharSequence symbol, final long day, final long dayStartPx)
    {
        requireOpen();
        final PositionValue position = position(account, symbol, false);
        if (position == null)
        {
            return false;
        }
        final long version = beginWrite(position);
        position.setDayStartDay(day);
        position.setDayStartNetQty(position.getNetQty());
        position.setDayStartPx(dayStartPx);
        position.setDayStartBoughtNotional(position.getBoughtNotional());
        position.setDayStartSoldNotional(position.getSoldNotional());
        endWrite(position, version);
        return true;
    }

    /**
     * The price of a position's last surviving fill, on the writer's thread (after a bust or a correction it is the
     * fill that is now the last). Allocation free once the position has been touched.
     *
     * @param account account.
     * @param symbol  symbol.
     * @return the price, or {@link FixedPoint#NULL_VALUE} when there is no such position or fill.
     */
    public long lastFillPx(final CharSequence account, final CharSequence symbol)
    {
        requireOpen();
        final PositionValue position = position(account, symbol, false);
        return position == null ? FixedPoint.NULL_VALUE : position.getLastFillPx();
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
        requireOpen();
        final String key = account + KEY_SEPARATOR + symbol;
        final PositionValue reader = Values.newNativeReference(PositionValue.class);
        try (ExternalMapQueryContext<CharSequence, PositionValue, ?> context = map.queryContext(key))
        {
            context.readLock().lock();
            final MapEntry<CharSequence, PositionValue> entry = context.entry();
            return entry == null ? null : snapshot(key, entry.value().getUsing(reader));
        }
    }

    /**
     * @return a copy of every position.
     * @throws TornPositionException if a position stays half-written (see {@link #repairTornPositions()}).
     */
    public List<Position> readAll()
    {
        requireOpen();
        final List<Position> positions = new ArrayList<>();
        final PositionValue reader = Values.newNativeReference(PositionValue.class);
        map.forEachEntry((entry) -> positions.add(snapshot(entry.key().get(), entry.value().getUsing(reader))));
        return positions;
    }

    /**
     * Close positions a writer left half-written because its process died in the middle of an update, so that readers
     * can read them again. Only the OMS, the file's writer, calls this, when it opens the file and before it writes:
     * such a position holds a mix of the values from before and after the interrupted fill, bust, correction or mark.
     *
     * @return the keys ({@code account + '\u0001' + symbol}) of the positions found half-written, for the caller to
     * report; empty in the normal case.
     */
    public List<String> repairTornPositions()
    {
        requireOpen();
        final List<String> torn = new ArrayList<>();
        final PositionValue writer = Values.newNativeReference(PositionValue.class);
        map.forEachEntry(
            (entry) ->
            {
                final PositionValue position = entry.value().getUsing(writer);
                final long version = position.getVolatileVersion();
                if ((version & 1) != 0)
                {
                    position.setOrderedVersion(version + 1);
                    torn.add(entry.key().get().toString());
                }
            });
        return torn;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            map.close();
        }
    }

    /**
     * Chronicle Map takes the layout of an existing file from the file, not from {@link PositionValue}: a file written
     * with another layout would be read as garbage and written past its entries. Refuse it without writing anything:
     * compare the file's value size (from its size marshaller, which answers even for an empty file) with this
     * version's, and the {@link PositionValue#FORMAT} of an entry if there is one (a layout of the same size with its
     * fields elsewhere).
     */
    private void verifyLayout(final File file)
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

        final long[] stored = {expectedSize, PositionValue.FORMAT};
        final PositionValue reader = Values.newNativeReference(PositionValue.class);
        map.forEachEntryWhile(
            (entry) ->
            {
                stored[0] = entry.value().size();
                if (stored[0] == expectedSize)
                {
                    stored[1] = entry.value().getUsing(reader).getFormat();
                }
                return false;
            });
        if (stored[0] != expectedSize)
        {
            throw new IllegalStateException(otherVersion(file, stored[0] + "-byte positions, not " + expectedSize));
        }
        if (stored[1] != PositionValue.FORMAT)
        {
            throw new IllegalStateException(otherVersion(file, "positions of format " + Long.toHexString(stored[1]) +
                ", not " + Long.toHexString(PositionValue.FORMAT)));
        }
    }

    private static String otherVersion(final File file, final String holds)
    {
        return "positions file " + file + " holds " + holds + ": another version of Bastion wrote it; move it aside " +
            "(its positions cannot be converted)";
    }

    /**
     * The position of an account in a symbol, bound to its entry in the file. Entries are a fixed size and the OMS
     * never removes one, so an entry stays where it was put for the life of the map: the first access looks it up
     * (creating it if asked) through Chronicle Map under the entry's lock and keeps the binding, and every later one
     * finds it in an on-heap index of the ASCII keys without touching the map's own hash lookup.
     *
     * @return the bound position, or null when there is none and {@code create} is false.
     */
    private PositionValue position(final CharSequence account, final CharSequence symbol, final boolean create)
    {
        final int hash = 31 * AsciiId.hash(account) + AsciiId.hash(symbol);
        for (int i = cacheIndex.first(hash); i != IntHashIndex.MISSING; i = cacheIndex.next())
        {
            if (cachedAccounts[i].contentEquals(account) && cachedSymbols[i].contentEquals(symbol))
            {
                return cached[i];
            }
        }
        return bind(account, symbol, hash, create);
    }

    private PositionValue bind(
        final CharSequence account, final CharSequence symbol, final int hash, final boolean create)
    {
        setKey(account, symbol);
        try (ExternalMapQueryContext<CharSequence, PositionValue, ?> context = map.queryContext(key))
        {
            context.writeLock().lock();
            MapEntry<CharSequence, PositionValue> entry = context.entry();
            if (entry == null)
            {
                if (!create)
                {
                    return null;
                }
                final MapAbsentEntry<CharSequence, PositionValue> absent = context.absentEntry();
                if (absent == null)
                {
                    throw new IllegalStateException("position neither present nor absent: " + key);
                }
                absent.doInsert(context.wrapValueAsData(empty));
                entry = context.entry();
            }

            final boolean cacheable = cachedCount < cacheIndex.capacity() && AsciiId.isAscii(account) &&
                AsciiId.isAscii(symbol);
            final PositionValue bound = pinned(entry.value().getUsing(value));
            if (!cacheable)
            {
                return bound;
            }
            final int slot = cachedCount++;
            cached[slot] = bound;
            cachedAccounts[slot] = AsciiId.of(account);
            cachedSymbols[slot] = AsciiId.of(symbol);
            cacheIndex.put(hash, slot);
            return bound;
        }
    }

    /**
     * A reference of its own to the memory a reference bound through a query context points at: the context's bytes
     * are a window it moves from segment to segment, while the entry itself stays put in the mapped file.
     */
    private static PositionValue pinned(final PositionValue bound)
    {
        final Byteable viaContext = (Byteable)bound;
        final long size = viaContext.maxSize();
        final PointerBytesStore memory = new PointerBytesStore();
        memory.set(viaContext.bytesStore().addressForWrite(viaContext.offset()), size);
        final PositionValue pinned = Values.newNativeReference(PositionValue.class);
        ((Byteable)pinned).bytesStore(memory, 0, size);
        return pinned;
    }

    /**
     * Open a write: an odd sequence tells readers the position is changing. Called once every new value is computed,
     * so nothing between here and {@link #endWrite} can throw.
     */
    private static long beginWrite(final PositionValue position)
    {
        final long version = position.getVersion() + 1;
        position.setVersion(version);
        VarHandle.storeStoreFence();
        return version;
    }

    private static void endWrite(final PositionValue position, final long openVersion)
    {
        position.setOrderedVersion(openVersion + 1);
    }

    private void requireOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("positions file is closed");
        }
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

    private void storeLive(
        final PositionValue position,
        final long boughtQty,
        final long soldQty,
        final long boughtNotional,
        final long soldNotional)
    {
        position.setNetQty(live.netQty);
        position.setAvgCost(live.avgCost);
        position.setRealisedPnl(live.realisedPnl);
        position.setLastFillPx(live.lastFillPx);
        position.setBoughtQty(boughtQty);
        position.setSoldQty(soldQty);
        position.setBoughtNotional(boughtNotional);
        position.setSoldNotional(soldNotional);
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

    /**
     * A consistent copy of a position the OMS may be writing at the same moment, from another thread or process: copy,
     * and keep the copy only if the write sequence was even before and unchanged after.
     */
    private static Position snapshot(final CharSequence key, final PositionValue v)
    {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++)
        {
            final long before = v.getVolatileVersion();
            if ((before & 1) == 0)
            {
                final Position copy = toPosition(key, v);
                VarHandle.loadLoadFence();
                if (v.getVolatileVersion() == before)
                {
                    return copy;
                }
            }
            Thread.onSpinWait();
        }
        throw new TornPositionException("position " + key.toString().replace(KEY_SEPARATOR, '/') +
            " is half-written: its writer died during an update; the OMS repairs it when it opens the file");
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
            v.getUpdatedNs(),
            v.getDayStartDay(),
            v.getDayStartNetQty(),
            v.getDayStartPx(),
            v.getDayStartBoughtNotional(),
            v.getDayStartSoldNotional());
    }
}
