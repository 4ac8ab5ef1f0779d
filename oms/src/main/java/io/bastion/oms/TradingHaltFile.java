package io.bastion.oms;

import io.bastion.risk.TradingHalts;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trading halts in force, kept in a {@link StateFile} so that a halt outlives a restart or a crash until it is
 * lifted. One line per halt: venue name ("" for every venue), instrument ("" for the whole venue), who halted it, when
 * (epoch nanoseconds), why.
 */
final class TradingHaltFile
{
    private static final int FIELDS = 5;

    /**
     * A halt as saved: its names are resolved to indexes again when loaded.
     *
     * @param venue    venue name, or "".
     * @param symbol   instrument, or "".
     * @param haltedBy who halted it.
     * @param timeNs   when.
     * @param reason   why.
     */
    record Saved(String venue, String symbol, String haltedBy, long timeNs, String reason)
    {
    }

    private TradingHaltFile()
    {
    }

    static List<Saved> load(final File file)
    {
        final List<Saved> saved = new ArrayList<>();
        for (final String[] fields : StateFile.read(file, FIELDS, "trading halt"))
        {
            try
            {
                saved.add(new Saved(fields[0], fields[1], fields[2], Long.parseLong(fields[3]), fields[4]));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalStateException("trading halt file " + file + ": " + ex.getMessage(), ex);
            }
        }
        return saved;
    }

    static void save(final File file, final List<TradingHalts.Halt> halts) throws IOException
    {
        final List<Object[]> records = new ArrayList<>();
        for (final TradingHalts.Halt h : halts)
        {
            records.add(new Object[] {h.venueName(), h.symbolName(), h.haltedBy(), h.timeNs(), h.reason()});
        }
        StateFile.write(file, records);
    }
}
