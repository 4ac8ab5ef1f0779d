package io.bastion.md;

import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a {@link BinanceRecording} through the real parser and one {@link BinanceDepthSynchronizer} per symbol, in
 * receive-time order, as the live adapter will see it: each frame is parsed from bytes and, if it is a diff-depth
 * event, handed to its symbol's synchronizer; each recorded REST snapshot is handed over when it was received
 * (a recording cannot answer a new request, so a snapshot the synchronizer asks for later never comes).
 * <p>
 * Bad input is counted and reported to the {@link Listener}, never thrown: a malformed frame changes no book (and if
 * it hid an event, the next event's sequence check finds the gap). Synchronizers exist for every symbol subscribed
 * to in the recording's stream URLs, and are created for any other symbol on its first message.
 */
public final class BinanceReplay
{
    /**
     * Told what happened to each message; every method defaults to doing nothing.
     */
    public interface Listener
    {
        /**
         * A diff-depth event was handed to its synchronizer.
         *
         * @param synchronizer the symbol's synchronizer, after the event.
         * @param update       the parsed event, valid only during the call.
         * @param outcome      what the synchronizer did.
         */
        default void onDepthUpdate(
            final BinanceDepthSynchronizer synchronizer, final DepthUpdate update, final DepthUpdateOutcome outcome)
        {
        }

        /**
         * A snapshot was handed to its synchronizer.
         *
         * @param synchronizer the symbol's synchronizer, after the snapshot.
         * @param snapshot     the parsed snapshot, valid only during the call.
         * @param outcome      what the synchronizer did.
         */
        default void onSnapshot(
            final BinanceDepthSynchronizer synchronizer, final DepthSnapshot snapshot, final SnapshotOutcome outcome)
        {
        }

        /**
         * A message was rejected by the parser.
         *
         * @param message the message.
         * @param error   why.
         * @param field   the field at fault, or null.
         */
        default void onMalformed(final RecordedMessage message, final ParseError error, final String field)
        {
        }
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(BinanceReplay.class);
    private static final Listener NO_LISTENER = new Listener()
    {
    };

    private final Listener listener;
    private final BinanceMessageParser parser = new BinanceMessageParser();
    private final DepthUpdate update = new DepthUpdate();
    private final DepthSnapshot snapshot = new DepthSnapshot();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final Map<String, BinanceDepthSynchronizer> synchronizersBySymbol = new LinkedHashMap<>();
    private BinanceDepthSynchronizer[] synchronizers = new BinanceDepthSynchronizer[0];
    private final long[] framesByKind = new long[FrameKind.values().length];
    private final long[] rejectedByError = new long[ParseError.values().length];
    private long frames;
    private long snapshotsReceived;
    private long malformedSnapshots;

    /**
     * A replay without a listener.
     */
    public BinanceReplay()
    {
        this(NO_LISTENER);
    }

    /**
     * A replay that reports to a listener.
     *
     * @param listener told about every message.
     */
    public BinanceReplay(final Listener listener)
    {
        this.listener = listener;
    }

    /**
     * Replay a whole recording in receive-time order.
     *
     * @param recording the recording.
     */
    public void replay(final BinanceRecording recording)
    {
        for (final String symbol : recording.depthSymbols())
        {
            obtainSynchronizer(symbol);
        }
        replay(recording.inReceiveOrder());
    }

    /**
     * Replay messages in the given order (a test may drop, reorder, corrupt or add messages).
     *
     * @param messages the messages.
     */
    public void replay(final List<RecordedMessage> messages)
    {
        for (final RecordedMessage message : messages)
        {
            onMessage(message);
        }
    }

    /**
     * Replay one message.
     *
     * @param message a frame or a snapshot.
     */
    public void onMessage(final RecordedMessage message)
    {
        final byte[] body = message.body();
        buffer.wrap(body);
        if (message.source() == RecordedMessage.Source.WEBSOCKET)
        {
            onFrame(message, body.length);
        }
        else
        {
            onSnapshotBody(message, body.length);
        }
    }

    /**
     * The synchronizer of a symbol.
     *
     * @param symbol upper case, e.g. {@code NKNUSDT}.
     * @return the synchronizer, or null if the replay has not seen the symbol.
     */
    public BinanceDepthSynchronizer synchronizer(final String symbol)
    {
        return synchronizersBySymbol.get(symbol);
    }

    /**
     * Every synchronizer, in order of first appearance.
     *
     * @return the synchronizers.
     */
    public List<BinanceDepthSynchronizer> synchronizers()
    {
        return Collections.unmodifiableList(new ArrayList<>(synchronizersBySymbol.values()));
    }

    /**
     * WebSocket frames replayed.
     *
     * @return the count.
     */
    public long frames()
    {
        return frames;
    }

    /**
     * Frames of one kind, {@link FrameKind#MALFORMED} included.
     *
     * @param kind the kind.
     * @return the count.
     */
    public long frames(final FrameKind kind)
    {
        return framesByKind[kind.ordinal()];
    }

    /**
     * Frames recognised as streams this adapter does not use (bookTicker, trades, klines, others) and skipped.
     *
     * @return the count.
     */
    public long skippedFrames()
    {
        return frames - frames(FrameKind.DEPTH_UPDATE) - frames(FrameKind.MALFORMED);
    }

    /**
     * Frames and snapshots rejected by the parser.
     *
     * @return the count.
     */
    public long rejected()
    {
        return frames(FrameKind.MALFORMED) + malformedSnapshots;
    }

    /**
     * Frames and snapshots rejected for one reason.
     *
     * @param error the reason.
     * @return the count.
     */
    public long rejected(final ParseError error)
    {
        return rejectedByError[error.ordinal()];
    }

    /**
     * REST snapshots replayed, well-formed or not.
     *
     * @return the count.
     */
    public long snapshotsReceived()
    {
        return snapshotsReceived;
    }

    /**
     * REST snapshots rejected by the parser.
     *
     * @return the count.
     */
    public long malformedSnapshots()
    {
        return malformedSnapshots;
    }

    private void onFrame(final RecordedMessage message, final int length)
    {
        frames++;
        final FrameKind kind = parser.parseStreamFrame(buffer, 0, length, update);
        framesByKind[kind.ordinal()]++;
        if (kind == FrameKind.MALFORMED)
        {
            rejected(message);
            return;
        }
        if (kind != FrameKind.DEPTH_UPDATE)
        {
            return;
        }

        final BinanceDepthSynchronizer synchronizer = synchronizerOf(update);
        final DepthUpdateOutcome outcome = synchronizer.onDepthUpdate(update);
        if (outcome.snapshotNeeded())
        {
            LOGGER.info("{} needs a depth snapshot ({} at {}, book id {})",
                synchronizer.symbol(), outcome, message.location(), synchronizer.book().lastUpdateId());
        }
        listener.onDepthUpdate(synchronizer, update, outcome);
    }

    private void onSnapshotBody(final RecordedMessage message, final int length)
    {
        snapshotsReceived++;
        if (parser.parseSnapshot(buffer, 0, length, snapshot) != ParseError.NONE)
        {
            malformedSnapshots++;
            rejected(message);
            return;
        }

        final BinanceDepthSynchronizer synchronizer = obtainSynchronizer(message.symbol());
        final SnapshotOutcome outcome = synchronizer.onSnapshot(snapshot);
        LOGGER.info("{} snapshot lastUpdateId={} at {}: {}, book {} id {}", synchronizer.symbol(),
            snapshot.lastUpdateId(), message.location(), outcome, synchronizer.book().state(),
            synchronizer.book().lastUpdateId());
        listener.onSnapshot(synchronizer, snapshot, outcome);
    }

    private void rejected(final RecordedMessage message)
    {
        final ParseError error = parser.error();
        rejectedByError[error.ordinal()]++;
        LOGGER.warn("rejected {} at {}: {} (field {})", message.source(), message.location(), error,
            parser.errorField());
        listener.onMalformed(message, error, parser.errorField());
    }

    private BinanceDepthSynchronizer synchronizerOf(final DepthUpdate depthUpdate)
    {
        for (final BinanceDepthSynchronizer synchronizer : synchronizers)
        {
            if (depthUpdate.symbolEquals(synchronizer.symbolBytes()))
            {
                return synchronizer;
            }
        }
        return obtainSynchronizer(depthUpdate.symbol());
    }

    private BinanceDepthSynchronizer obtainSynchronizer(final String symbol)
    {
        BinanceDepthSynchronizer synchronizer = synchronizersBySymbol.get(symbol);
        if (synchronizer == null)
        {
            synchronizer = new BinanceDepthSynchronizer(symbol);
            synchronizersBySymbol.put(symbol, synchronizer);
            synchronizers = synchronizersBySymbol.values().toArray(new BinanceDepthSynchronizer[0]);
        }
        return synchronizer;
    }
}
