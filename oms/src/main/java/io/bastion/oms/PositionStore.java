package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapAbsentEntry;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.values.Values;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Positions per account and symbol in a persisted, off-heap Chronicle Map: they survive a restart, and other
 * processes (the admin console) can read the file without touching the OMS thread. The key is
 * {@code account + '\u0001' + symbol} (SOH cannot occur in a FIX field); the value is a {@link PositionValue}.
 * <p>
 * {@link #applyFill} runs on the OMS thread: it updates the entry in place, off-heap, under the entry's write lock,
 * reusing one key builder and one native value reference, so it allocates nothing once the position exists.
 */
public final class PositionStore implements AutoCloseable
{
    /** Separates account and symbol in a key. */
    public static final char KEY_SEPARATOR = '\u0001';

    private final ChronicleMap<CharSequence, PositionValue> map;
    private final StringBuilder key = new StringBuilder(OmsConfiguration.ACCOUNT_LENGTH + 1 +
        OmsConfiguration.SYMBOL_LENGTH);
    private final PositionValue value = Values.newNativeReference(PositionValue.class);
    private final PositionValue zero = Values.newHeapInstance(PositionValue.class);

    /**
     * Open (or create) the positions file.
     *
     * @param file    the Chronicle Map file.
     * @param entries how many positions it must hold.
     */
    public PositionStore(final File file, final long entries)
    {
        final File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs())
        {
            throw new UncheckedIOException(new IOException("cannot create directory " + parent));
        }
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
    }

    /**
     * Apply a fill to the position of an account in a symbol.
     *
     * @param account   account.
     * @param symbol    symbol.
     * @param side      side of the fill.
     * @param lastQty   quantity filled, mantissa.
     * @param lastPx    price, mantissa.
     * @param timeNs    time of the fill, epoch nanoseconds.
     */
    public void applyFill(
        final CharSequence account,
        final CharSequence symbol,
        final Side side,
        final long lastQty,
        final long lastPx,
        final long timeNs)
    {
        key.setLength(0);
        key.append(account).append(KEY_SEPARATOR).append(symbol);

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
                absent.doInsert(context.wrapValueAsData(zero));
                entry = context.entry();
            }

            final PositionValue position = entry.value().getUsing(value);
            final long notional = FixedPoint.notional(lastQty, lastPx);
            if (side == Side.BUY)
            {
                position.setNetQty(Math.addExact(position.getNetQty(), lastQty));
                position.setBoughtQty(Math.addExact(position.getBoughtQty(), lastQty));
                position.setBoughtNotional(Math.addExact(position.getBoughtNotional(), notional));
            }
            else
            {
                position.setNetQty(Math.subtractExact(position.getNetQty(), lastQty));
                position.setSoldQty(Math.addExact(position.getSoldQty(), lastQty));
                position.setSoldNotional(Math.addExact(position.getSoldNotional(), notional));
            }
            position.setFillCount(position.getFillCount() + 1);
            position.setUpdatedNs(timeNs);
        }
    }

    /**
     * Take a fill back out of a position (a bust).
     *
     * @param account account.
     * @param symbol  symbol.
     * @param side    side of the busted fill.
     * @param qty     quantity of the busted fill, mantissa.
     * @param px      price of the busted fill, mantissa.
     * @param timeNs  time of the bust, epoch nanoseconds.
     */
    public void applyBust(
        final CharSequence account,
        final CharSequence symbol,
        final Side side,
        final long qty,
        final long px,
        final long timeNs)
    {
        applyFill(account, symbol, side == Side.BUY ? Side.SELL : Side.BUY, qty, px, timeNs);
    }

    /**
     * Replace a fill by its correction.
     *
     * @param account account.
     * @param symbol  symbol.
     * @param side    side of the fill.
     * @param oldQty  quantity first applied.
     * @param oldPx   price first applied.
     * @param newQty  corrected quantity.
     * @param newPx   corrected price.
     * @param timeNs  time of the correction.
     */
    public void applyCorrection(
        final CharSequence account,
        final CharSequence symbol,
        final Side side,
        final long oldQty,
        final long oldPx,
        final long newQty,
        final long newPx,
        final long timeNs)
    {
        applyBust(account, symbol, side, oldQty, oldPx, timeNs);
        applyFill(account, symbol, side, newQty, newPx, timeNs);
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

    private static Position toPosition(final CharSequence key, final PositionValue v)
    {
        final String text = key.toString();
        final int separator = text.indexOf(KEY_SEPARATOR);
        return new Position(
            text.substring(0, separator),
            text.substring(separator + 1),
            v.getNetQty(),
            v.getBoughtQty(),
            v.getSoldQty(),
            v.getBoughtNotional(),
            v.getSoldNotional(),
            v.getFillCount(),
            v.getUpdatedNs());
    }
}
