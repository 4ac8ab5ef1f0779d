package io.bastion.oms;

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
 * A small text file of risk state that must outlive the process (engaged kill switches, trading halts): one record a
 * line, fields separated by tabs, rewritten whole on every change, to a temporary file that is then moved over the
 * old one, so a crash leaves either the old state or the new one.
 */
final class StateFile
{
    private StateFile()
    {
    }

    /**
     * @param file   the file, or null.
     * @param fields fields per line; the last takes the rest of the line.
     * @param what   what the file holds, for messages.
     * @return the records; none when the file is null or does not exist.
     * @throws IllegalStateException if a line does not have the fields.
     */
    static List<String[]> read(final File file, final int fields, final String what)
    {
        final List<String[]> records = new ArrayList<>();
        if (file == null || !file.exists())
        {
            return records;
        }
        try
        {
            for (final String line : Files.readAllLines(file.toPath(), StandardCharsets.UTF_8))
            {
                if (line.isBlank())
                {
                    continue;
                }
                final String[] record = line.split("\t", fields);
                if (record.length != fields)
                {
                    throw new IllegalStateException(what + " file " + file + ": malformed line: " + line);
                }
                records.add(record);
            }
            return records;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + what + " file " + file, ex);
        }
    }

    /**
     * Replace the file's content atomically.
     *
     * @param file    the file.
     * @param records the records, each a line of fields.
     * @throws IOException if it cannot be written; the old content then stays.
     */
    static void write(final File file, final List<Object[]> records) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (final Object[] record : records)
        {
            for (int i = 0; i < record.length; i++)
            {
                text.append(i == 0 ? "" : "\t").append(clean(String.valueOf(record[i])));
            }
            text.append('\n');
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
