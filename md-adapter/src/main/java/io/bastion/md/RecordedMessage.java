package io.bastion.md;

import java.nio.charset.StandardCharsets;

/**
 * One message of a market-data recording: a WebSocket frame or a REST response body, with the time it was received.
 * Immutable by convention: the body array is shared, not copied, and must not be modified.
 */
public final class RecordedMessage
{
    /**
     * Which connection a message arrived on.
     */
    public enum Source
    {
        /** A WebSocket stream frame. */
        WEBSOCKET,

        /** The body of a REST (HTTP) response: for Binance, a depth snapshot. */
        HTTP
    }

    private final Source source;
    private final long receiveTimeNs;
    private final String url;
    private final String symbol;
    private final byte[] body;
    private final String location;

    /**
     * A recorded message.
     *
     * @param source        WebSocket frame or REST body.
     * @param receiveTimeNs when it was received, epoch nanoseconds.
     * @param url           the stream URL of a frame, the request URL of a REST body.
     * @param symbol        the symbol a REST body is for (from its URL), or null for a frame.
     * @param body          the frame or body, UTF-8 JSON; not copied.
     * @param location      where it was read from, {@code file:line}, for diagnostics.
     */
    public RecordedMessage(
        final Source source,
        final long receiveTimeNs,
        final String url,
        final String symbol,
        final byte[] body,
        final String location)
    {
        this.source = source;
        this.receiveTimeNs = receiveTimeNs;
        this.url = url;
        this.symbol = symbol;
        this.body = body;
        this.location = location;
    }

    /**
     * The connection the message arrived on.
     *
     * @return the source.
     */
    public Source source()
    {
        return source;
    }

    /**
     * When the message was received.
     *
     * @return epoch nanoseconds.
     */
    public long receiveTimeNs()
    {
        return receiveTimeNs;
    }

    /**
     * The stream URL of a frame, the request URL of a REST body.
     *
     * @return the URL.
     */
    public String url()
    {
        return url;
    }

    /**
     * The symbol a REST body is for.
     *
     * @return the symbol, or null for a WebSocket frame.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * The frame or body; shared, do not modify.
     *
     * @return UTF-8 JSON bytes.
     */
    public byte[] body()
    {
        return body;
    }

    /**
     * Where the message was read from.
     *
     * @return {@code file:line}, or a description for a message made in code.
     */
    public String location()
    {
        return location;
    }

    /**
     * The same message with another body, e.g. to inject faults in a test.
     *
     * @param newBody the body.
     * @return a new message.
     */
    public RecordedMessage withBody(final byte[] newBody)
    {
        return new RecordedMessage(source, receiveTimeNs, url, symbol, newBody, location);
    }

    /**
     * The body as text, for diagnostics.
     *
     * @return the body decoded as UTF-8.
     */
    public String bodyText()
    {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString()
    {
        return source + "@" + location + " t=" + receiveTimeNs + "ns";
    }
}
