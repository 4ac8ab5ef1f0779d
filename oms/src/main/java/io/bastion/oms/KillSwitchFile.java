package io.bastion.oms;

import io.bastion.risk.KillSwitches;
import io.bastion.sbe.KillSwitchScope;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The engaged kill switches, kept in a small text file so that a switch stays engaged across a restart or a crash
 * until someone releases it. One line per switch, tab separated: scope, name, whether risk-reducing orders pass, who
 * engaged it, when (epoch nanoseconds), why. Rewritten whole (to a temporary file, then moved over) on every change.
 */
final class KillSwitchFile
{
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
        if (file == null || !file.exists())
        {
            return saved;
        }
        try
        {
            for (final String line : Files.readAllLines(file.toPath(), StandardCharsets.UTF_8))
            {
                if (line.isBlank())
                {
                    continue;
                }
                final String[] fields = line.split("\t", 6);
                if (fields.length != 6)
                {
                    throw new IllegalStateException("kill switch file " + file + ": malformed line: " + line);
                }
                saved.add(new Saved(KillSwitchScope.valueOf(fields[0]), fields[1], Boolean.parseBoolean(fields[2]),
                    fields[3], Long.parseLong(fields[4]), fields[5]));
            }
            return saved;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read kill switch file " + file, ex);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalStateException("kill switch file " + file + ": " + ex.getMessage(), ex);
        }
    }

    static void save(final File file, final List<KillSwitches.Engagement> engaged) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (final KillSwitches.Engagement e : engaged)
        {
            text.append(e.scope().name()).append('\t')
                .append(clean(e.name())).append('\t')
                .append(e.allowRiskReducing()).append('\t')
                .append(clean(e.engagedBy())).append('\t')
                .append(e.timeNs()).append('\t')
                .append(clean(e.reason())).append('\n');
        }
        final Path target = file.toPath();
        final Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Free text with its tabs and line breaks made spaces, so it stays one field of one line.
     */
    static String clean(final String value)
    {
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
