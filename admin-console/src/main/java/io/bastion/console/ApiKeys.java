package io.bastion.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API keys file: one key per line, {@code <name>=<role>:pbkdf2$<iterations>$<saltBase64>$<hashBase64>}, with
 * blank lines and lines starting with {@code #} or {@code !} ignored. It is a plain subset of the Java properties
 * format, read line by line so that every error names its line. Roles are {@code viewer|risk-officer|admin}.
 * <pre>
 * # made by: java io.bastion.console.ApiKeyTool alice viewer
 * alice=viewer:pbkdf2$600000$3q2+7w...==$Yk1...=
 * </pre>
 * Error messages give the file, the line number and the name when it is a valid one, never the rest of the line:
 * a key pasted by mistake in place of its hash must not reach a log.
 */
public final class ApiKeys
{
    private final Map<String, ApiKey> byName;

    private ApiKeys(final Map<String, ApiKey> byName)
    {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Read and check an API keys file.
     *
     * @param file the file, UTF-8.
     * @return the keys.
     * @throws IllegalArgumentException naming the file and line of the first malformed line.
     * @throws UncheckedIOException     if the file cannot be read.
     */
    public static ApiKeys load(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read API keys file " + file, ex);
        }
        return parse(lines, "API keys file " + file);
    }

    /**
     * Check the lines of an API keys file.
     *
     * @param lines  the lines.
     * @param source what to call them in messages, such as {@code API keys file /etc/bastion/api-keys.properties}.
     * @return the keys.
     * @throws IllegalArgumentException naming the source and line of the first malformed line, or saying that
     *                                  there is no key at all.
     */
    public static ApiKeys parse(final List<String> lines, final String source)
    {
        final Map<String, ApiKey> keys = new LinkedHashMap<>();
        final Map<String, Integer> lineOfName = new HashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final int lineNumber = i + 1;
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!')
            {
                continue;
            }

            final int equals = line.indexOf('=');
            if (equals < 0)
            {
                throw malformed(source, lineNumber, null, "expected <name>=<role>:<hash>");
            }
            final String name = line.substring(0, equals).strip();
            if (!ApiKey.NAME.matcher(name).matches())
            {
                throw malformed(source, lineNumber, null,
                    "the name must be 1 to " + ApiKey.MAX_NAME_LENGTH + " characters of A-Z a-z 0-9 _ -");
            }
            final Integer firstLine = lineOfName.putIfAbsent(name, lineNumber);
            if (firstLine != null)
            {
                throw malformed(source, lineNumber, name, "duplicate name, first defined on line " + firstLine);
            }

            final String value = line.substring(equals + 1).strip();
            final int colon = value.indexOf(':');
            final Role role = colon < 0 ? null : Role.ofLabel(value.substring(0, colon));
            if (role == null)
            {
                throw malformed(source, lineNumber, name, "expected <role>:<hash> with role " + Role.labels());
            }
            final ApiKeyHash hash;
            try
            {
                hash = ApiKeyHash.parse(value.substring(colon + 1));
            }
            catch (final IllegalArgumentException ex)
            {
                throw malformed(source, lineNumber, name, ex.getMessage());
            }
            keys.put(name, new ApiKey(name, role, hash));
        }

        if (keys.isEmpty())
        {
            throw new IllegalArgumentException(source + " defines no API key; create one with " +
                ApiKeyTool.class.getName() + " <name> <" + Role.labels() + ">");
        }
        return new ApiKeys(keys);
    }

    /**
     * @param name a key's name.
     * @return the key, or null when none has that name.
     */
    public ApiKey byName(final String name)
    {
        return byName.get(name);
    }

    /**
     * @return every key, in file order.
     */
    public List<ApiKey> all()
    {
        return new ArrayList<>(byName.values());
    }

    /**
     * @return how many keys there are.
     */
    public int size()
    {
        return byName.size();
    }

    private static IllegalArgumentException malformed(
        final String source, final int lineNumber, final String name, final String problem)
    {
        return new IllegalArgumentException(source + " line " + lineNumber +
            (name == null ? "" : " (key '" + name + "')") + ": " + problem);
    }
}
