package io.bastion.protocol;

/**
 * Aeron stream ids of Bastion's message streams, and what their messages may carry. The channel is a deployment
 * choice ({@code aeron:ipc} by default); the stream ids are part of the protocol.
 */
public final class Streams
{
    /** Default channel: IPC through the media driver shared by all components on one host. */
    public static final String IPC_CHANNEL = "aeron:ipc";

    /** Everything the OMS consumes: client commands, venue events, session events. */
    public static final int OMS_INBOUND_STREAM_ID = 1001;

    /** Everything the OMS decides: venue commands and client reports. */
    public static final int OMS_OUTBOUND_STREAM_ID = 1002;

    /** Longest Text a message on these streams carries; writers cut a longer one, readers read no more. */
    public static final int MAX_TEXT_LENGTH = 1024;

    private Streams()
    {
    }
}
