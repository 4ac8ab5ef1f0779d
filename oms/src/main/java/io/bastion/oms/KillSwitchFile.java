package io.bastion.oms;

import io.bastion.risk.KillSwitches;
import io.bastion.sbe.KillSwitchScope;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The engaged kill switches, kept in a {@link StateFile} so that a switch stays engaged across a restart or a crash
 * until someone releases it. One line per switch: scope, name, whether risk-reducing orders pass, who engaged it, when
 * (epoch nanoseconds), why.
 */
final class KillSwitchFile
{
    private static final int FIELDS = 6;

    /**
     * A switch as saved: its name is resolved to an index again when loaded.
     *
     * @param scope             scope.
     * @param name              venue, account or symbol name, session number, or "" for global.
     * @param allowRiskReducing whether risk-reducing orders pass.
     * @param engagedBy         who engaged it.
     * @param timeNs            when.
     * @param reason            why.
     */
    record Saved(
        KillSwitchScope scope, String name, boolean allowRiskReducing, String engagedBy, long timeNs, String reason)
    {
    }

    private KillSwitchFile()
    {
    }

    static List<Saved> load(final File file)
    {
        final List<Saved> saved = new ArrayList<>();
        for (final String[] fields : StateFile.read(file, FIELDS, "kill switch"))
        {
            try
            {
                saved.add(new Saved(KillSwitchScope.valueOf(fields[0]), fields[1], Boolean.parseBoolean(fields[2]),
                    fields[3], Long.parseLong(fields[4]), fields[5]));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalStateException("kill switch file " + file + ": " + ex.getMessage(), ex);
            }
        }
        return saved;
    }

    static void save(final File file, final List<KillSwitches.Engagement> engaged) throws IOException
    {
        final List<Object[]> records = new ArrayList<>();
        for (final KillSwitches.Engagement e : engaged)
        {
            records.add(new Object[] {e.scope().name(), e.name(), e.allowRiskReducing(), e.engagedBy(), e.timeNs(),
                e.reason()});
        }
        StateFile.write(file, records);
    }
}
