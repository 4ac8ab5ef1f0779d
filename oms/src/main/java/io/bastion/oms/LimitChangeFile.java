package io.bastion.oms;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risk limit changes made at run time, appended one line per accepted change and forced to disk before the change
 * is acknowledged, so that a restart (or a crash) replays them on top of the configuration and comes back to the
 * limits in force. A line: the version the change made, when (epoch nanoseconds), who made it, then {@code S}, key,
 * value for each setting set and {@code R}, key for each removed, all tab separated, with {@code %}, tab and line
 * breaks percent-encoded. A last line without its line break was being written when the process died: it was never
 * acknowledged, and is cut off.
 */
final class LimitChangeFile
{
    private static final String SET = "S";
    private static final String REMOVE = "R";

    /**
     * One change as saved.
     *
     * @param version     the version it made.
     * @param timeNs      when.
     * @param requestedBy who made it.
     * @param changes     settings set, with their values.
     * @param removals    settings removed.
     */
    record Change(long version, long timeNs, String requestedBy, Map<String, String> changes, Set<String> removals)
    {
    }

    private final File file;

    /**
     * @param file the file; created on the first change.
     */
    LimitChangeFile(final File file)
    {
        this.file = file;
    }

    /**
     * @return the file.
     */
    File file()
    {
        return file;
    }

    /**
     * @return every complete change in the file, oldest first; none when there is no file.
     * @throws IllegalStateException if a complete line is malformed.
     */
    List<Change> load()
    {
        final List<Change> loaded = new ArrayList<>();
        if (!file.exists())
        {
            return loaded;
        }
        final String text;
        try
        {
            text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read risk limit changes file " + file, ex);
        }
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start))
        {
            final String line = text.substring(start, end);
            if (!line.isBlank())
            {
                loaded.add(parse(line));
            }
        }
        return loaded;
    }

    /**
     * Cut off a last line that was never finished (the process died writing it, before acknowledging the change).
     *
     * @return true when there was one.
     */
    boolean dropTornTail()
    {
        if (!file.exists() || file.length() == 0)
        {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final byte[] bytes = Files.readAllBytes(file.toPath());
            int complete = bytes.length;
            while (complete > 0 && bytes[complete - 1] != '\n')
            {
                complete--;
            }
            if (complete == bytes.length)
            {
                return false;
            }
            channel.truncate(complete);
            channel.force(true);
            return true;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot repair risk limit changes file " + file, ex);
        }
    }

    /**
     * Append a change and force it to disk.
     *
     * @param change the change.
     * @throws IOException if it could not be written durably.
     */
    void append(final Change change) throws IOException
    {
        dropTornTail();
        final StringBuilder line = new StringBuilder();
        line.append(change.version()).append('\t').append(change.timeNs()).append('\t')
            .append(escape(change.requestedBy()));
        change.changes().forEach((key, value) ->
            line.append('\t').append(SET).append('\t').append(escape(key)).append('\t').append(escape(value)));
        change.removals().forEach((key) -> line.append('\t').append(REMOVE).append('\t').append(escape(key)));
        line.append('\n');
        final File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs())
        {
            throw new IOException("cannot create directory " + parent);
        }
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private Change parse(final String line)
    {
        final String[] fields = line.split("\t", -1);
        try
        {
            final Map<String, String> changes = new LinkedHashMap<>();
            final Set<String> removals = new LinkedHashSet<>();
            int i = 3;
            while (i < fields.length)
            {
                if (fields[i].equals(SET) && i + 2 < fields.length)
                {
                    changes.put(unescape(fields[i + 1]), unescape(fields[i + 2]));
                    i += 3;
                }
                else if (fields[i].equals(REMOVE) && i + 1 < fields.length)
                {
                    removals.add(unescape(fields[i + 1]));
                    i += 2;
                }
                else
                {
                    throw new IllegalArgumentException("expected S key value or R key at field " + (i + 1));
                }
            }
            return new Change(Long.parseLong(fields[0]), Long.parseLong(fields[1]), unescape(fields[2]), changes,
                removals);
        }
        catch (final IllegalArgumentException | ArrayIndexOutOfBoundsException ex)
        {
            throw new IllegalStateException("risk limit changes file " + file + ": malformed line (" +
                ex.getMessage() + "): " + line, ex);
        }
    }

    static String escape(final String value)
    {
        return value.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
    }

    static String unescape(final String value)
    {
        return value.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
    }
}
