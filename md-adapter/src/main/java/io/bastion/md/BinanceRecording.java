package io.bastion.md;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A Binance market-data recording in the format of cryptofeed's raw-data recorder, as in
 * {@code shared/marketdata/binance}:
 * <ul>
 *     <li>WebSocket files ({@code BINANCE.ws.<connection>.<n>}): the first line is
 *     {@code <stream URL> <-> <connect-time-seconds>}, every other line {@code <receive-time-seconds>: <frame JSON>};
 *     </li>
 *     <li>HTTP files ({@code BINANCE.http.<connection>.<n>}): one response per line,
 *     {@code <request URL> -> <receive-time-seconds>: <body JSON>}; the symbol is the URL's {@code symbol=}
 *     query parameter.</li>
 * </ul>
 * Times are decimal epoch seconds, kept as epoch nanoseconds. Reading is for replays and tests, not the hot path. A
 * line that does not follow the format fails the read with its file and line number; the JSON inside a line is not
 * checked here (that is the parser's job, and the replay counts what it rejects).
 */
public final class BinanceRecording
{
    /** File name prefix of WebSocket recordings. */
    public static final String WEBSOCKET_FILE_PREFIX = "BINANCE.ws.";

    /** File name prefix of HTTP recordings. */
    public static final String HTTP_FILE_PREFIX = "BINANCE.http.";

    private static final String CONNECT_SEPARATOR = " <-> ";
    private static final String REQUEST_SEPARATOR = " -> ";
    private static final String TIME_SEPARATOR = ": ";

    private final List<String> streamUrls;
    private final List<List<RecordedMessage>> frameFiles;
    private final List<RecordedMessage> frames;
    private final List<RecordedMessage> snapshots;

    private BinanceRecording(
        final List<String> streamUrls,
        final List<List<RecordedMessage>> frameFiles,
        final List<RecordedMessage> snapshots)
    {
        this.streamUrls = Collections.unmodifiableList(streamUrls);
        this.frameFiles = frameFiles;
        final List<RecordedMessage> allFrames = new ArrayList<>();
        for (final List<RecordedMessage> file : frameFiles)
        {
            allFrames.addAll(file);
        }
        this.frames = Collections.unmodifiableList(allFrames);
        this.snapshots = Collections.unmodifiableList(snapshots);
    }

    /**
     * Read every {@code BINANCE.ws.*} and {@code BINANCE.http.*} file in a directory, in file-name order.
     *
     * @param directory the recording directory.
     * @return the recording.
     * @throws IOException if the directory has no WebSocket file, or a file cannot be read or breaks the format.
     */
    public static BinanceRecording readDirectory(final Path directory) throws IOException
    {
        final List<Path> webSocketFiles = new ArrayList<>();
        final List<Path> httpFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory))
        {
            for (final Path file : files)
            {
                final String name = file.getFileName().toString();
                if (name.startsWith(WEBSOCKET_FILE_PREFIX))
                {
                    webSocketFiles.add(file);
                }
                else if (name.startsWith(HTTP_FILE_PREFIX))
                {
                    httpFiles.add(file);
                }
            }
        }
        if (webSocketFiles.isEmpty())
        {
            throw new IOException("no " + WEBSOCKET_FILE_PREFIX + "* file in " + directory.toAbsolutePath());
        }
        Collections.sort(webSocketFiles);
        Collections.sort(httpFiles);
        return read(webSocketFiles, httpFiles);
    }

    /**
     * Read the given files.
     *
     * @param webSocketFiles WebSocket recordings, one per connection.
     * @param httpFiles      HTTP recordings.
     * @return the recording.
     * @throws IOException if a file cannot be read or breaks the format.
     */
    public static BinanceRecording read(final List<Path> webSocketFiles, final List<Path> httpFiles)
        throws IOException
    {
        final List<String> streamUrls = new ArrayList<>();
        final List<List<RecordedMessage>> frameFiles = new ArrayList<>();
        for (final Path file : webSocketFiles)
        {
            frameFiles.add(readWebSocketFile(file, streamUrls));
        }
        final List<RecordedMessage> snapshots = new ArrayList<>();
        for (final Path file : httpFiles)
        {
            readHttpFile(file, snapshots);
        }
        return new BinanceRecording(streamUrls, frameFiles, snapshots);
    }

    /**
     * The stream URL of each WebSocket connection.
     *
     * @return the URLs, in file order.
     */
    public List<String> streamUrls()
    {
        return streamUrls;
    }

    /**
     * Symbols with a diff-depth stream ({@code <symbol>@depth...}) in any stream URL, upper case.
     *
     * @return the symbols, in subscription order, without duplicates.
     */
    public List<String> depthSymbols()
    {
        final List<String> symbols = new ArrayList<>();
        for (final String url : streamUrls)
        {
            final int query = url.indexOf("streams=");
            if (query < 0)
            {
                continue;
            }
            final int end = url.indexOf('&', query);
            final String streams = url.substring(query + "streams=".length(), end < 0 ? url.length() : end);
            for (final String stream : streams.split("/"))
            {
                final int at = stream.indexOf('@');
                if (at > 0 && (stream.startsWith("depth@", at + 1) || stream.endsWith("@depth")))
                {
                    final String symbol = stream.substring(0, at).toUpperCase(Locale.ROOT);
                    if (!symbols.contains(symbol))
                    {
                        symbols.add(symbol);
                    }
                }
            }
        }
        return symbols;
    }

    /**
     * Every WebSocket frame, file by file, in file order.
     *
     * @return the frames.
     */
    public List<RecordedMessage> frames()
    {
        return frames;
    }

    /**
     * Every REST snapshot body, in file order.
     *
     * @return the snapshots.
     */
    public List<RecordedMessage> snapshots()
    {
        return snapshots;
    }

    /**
     * Frames and snapshots merged by receive time, as they reached the recorder. Each connection's messages keep
     * their file order (the order they arrived in) even if the clock stepped back; on equal times a frame comes
     * before a snapshot.
     *
     * @return a new list.
     */
    public List<RecordedMessage> inReceiveOrder()
    {
        final List<List<RecordedMessage>> sources = new ArrayList<>(frameFiles);
        sources.add(snapshots);
        final int[] next = new int[sources.size()];
        final List<RecordedMessage> merged = new ArrayList<>(frames.size() + snapshots.size());
        while (true)
        {
            int earliest = -1;
            long earliestTimeNs = Long.MAX_VALUE;
            for (int s = 0; s < sources.size(); s++)
            {
                if (next[s] < sources.get(s).size())
                {
                    final long timeNs = sources.get(s).get(next[s]).receiveTimeNs();
                    if (earliest < 0 || timeNs < earliestTimeNs)
                    {
                        earliest = s;
                        earliestTimeNs = timeNs;
                    }
                }
            }
            if (earliest < 0)
            {
                return merged;
            }
            merged.add(sources.get(earliest).get(next[earliest]++));
        }
    }

    private static List<RecordedMessage> readWebSocketFile(final Path file, final List<String> streamUrls)
        throws IOException
    {
        final List<RecordedMessage> frames = new ArrayList<>();
        final String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final String header = reader.readLine();
            final int connect = header == null ? -1 : header.lastIndexOf(CONNECT_SEPARATOR);
            if (connect <= 0)
            {
                throw new IOException(name + ":1: expected '<stream URL>" + CONNECT_SEPARATOR + "<time>'");
            }
            final String streamUrl = header.substring(0, connect);
            streamUrls.add(streamUrl);

            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                if (line.isBlank())
                {
                    continue;
                }
                final String location = name + ":" + lineNumber;
                final int separator = line.indexOf(TIME_SEPARATOR);
                if (separator <= 0)
                {
                    throw new IOException(location + ": expected '<time>" + TIME_SEPARATOR + "<frame>'");
                }
                final long receiveTimeNs = secondsToNanos(line.substring(0, separator), location);
                final byte[] body = bodyOf(line, separator);
                frames.add(new RecordedMessage(
                    RecordedMessage.Source.WEBSOCKET, receiveTimeNs, streamUrl, null, body, location));
            }
        }
        return frames;
    }

    private static void readHttpFile(final Path file, final List<RecordedMessage> snapshots) throws IOException
    {
        final String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            int lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                if (line.isBlank())
                {
                    continue;
                }
                final String location = name + ":" + lineNumber;
                final int request = line.indexOf(REQUEST_SEPARATOR);
                final int separator = request < 0 ? -1 : line.indexOf(TIME_SEPARATOR, request);
                if (request <= 0 || separator < 0)
                {
                    throw new IOException(
                        location + ": expected '<url>" + REQUEST_SEPARATOR + "<time>" + TIME_SEPARATOR + "<body>'");
                }
                final String url = line.substring(0, request);
                final long receiveTimeNs =
                    secondsToNanos(line.substring(request + REQUEST_SEPARATOR.length(), separator), location);
                final byte[] body = bodyOf(line, separator);
                snapshots.add(new RecordedMessage(
                    RecordedMessage.Source.HTTP, receiveTimeNs, url, symbolOf(url, location), body, location));
            }
        }
    }

    private static byte[] bodyOf(final String line, final int timeSeparator)
    {
        return line.substring(timeSeparator + TIME_SEPARATOR.length()).getBytes(StandardCharsets.UTF_8);
    }

    private static String symbolOf(final String url, final String location) throws IOException
    {
        final int query = url.indexOf('?');
        if (query >= 0)
        {
            for (final String parameter : url.substring(query + 1).split("&"))
            {
                if (parameter.startsWith("symbol=") && parameter.length() > "symbol=".length())
                {
                    return parameter.substring("symbol=".length()).toUpperCase(Locale.ROOT);
                }
            }
        }
        throw new IOException(location + ": no symbol= query parameter in " + url);
    }

    private static long secondsToNanos(final String seconds, final String location) throws IOException
    {
        try
        {
            return new BigDecimal(seconds.trim()).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            throw new IOException(location + ": not a time in seconds: '" + seconds + "'", ex);
        }
    }
}
