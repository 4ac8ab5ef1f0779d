package io.bastion.md;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parse + apply of the recorded NKNUSDT frames and snapshot allocates nothing after warm-up. Each round restarts the
 * synchronizer and feeds the first frame (buffered), the REST snapshot (parsed and loaded), then the other 149
 * frames (parsed and applied), all from pre-filled buffers.
 */
class ParseApplyAllocationTest
{
    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int ROUNDS_PER_WINDOW = 200;
    private static final int CLEAN_WINDOWS_REQUIRED = 3;
    private static final int MAX_WINDOWS = 20;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final BinanceMessageParser parser = new BinanceMessageParser();
    private final DepthUpdate update = new DepthUpdate();
    private final DepthSnapshot snapshot = new DepthSnapshot();
    private final BinanceDepthSynchronizer synchronizer = new BinanceDepthSynchronizer("NKNUSDT");
    private final List<UnsafeBuffer> frames = new ArrayList<>();
    private UnsafeBuffer[] frameBuffers;
    private UnsafeBuffer snapshotBuffer;
    private long appliedInRound;

    @Test
    void shouldNotAllocateWhenParsingAndApplyingAfterWarmUp()
    {
        final BinanceRecording recording = Recordings.binance();
        final byte[] nkn = "NKNUSDT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (final RecordedMessage message : recording.frames())
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(message.body());
            if (parser.parseStreamFrame(buffer, 0, buffer.capacity(), update) == FrameKind.DEPTH_UPDATE &&
                update.symbolEquals(nkn))
            {
                frames.add(buffer);
            }
        }
        frameBuffers = frames.toArray(new UnsafeBuffer[0]);
        snapshotBuffer = new UnsafeBuffer(recording.snapshots().get(0).body());
        assertEquals(150, frameBuffers.length);

        for (int i = 0; i < WARM_UP_ROUNDS; i++)
        {
            round();
        }
        assertEquals(149, appliedInRound);
        assertTrue(synchronizer.book().isServable());

        // A steady per-update allocation shows in every window; a one-off (JIT, class loading) does not repeat.
        final List<Long> windows = new ArrayList<>();
        int cleanInARow = 0;
        while (cleanInARow < CLEAN_WINDOWS_REQUIRED && windows.size() < MAX_WINDOWS)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < ROUNDS_PER_WINDOW; i++)
            {
                round();
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            windows.add(allocated);
            cleanInARow = allocated == 0 ? cleanInARow + 1 : 0;
        }

        assertEquals(CLEAN_WINDOWS_REQUIRED, cleanInARow, "bytes allocated per window of " + ROUNDS_PER_WINDOW +
            " rounds (" + ROUNDS_PER_WINDOW * 150 + " frames, " + ROUNDS_PER_WINDOW + " snapshots): " + windows);
        assertEquals(149, appliedInRound);
    }

    private void round()
    {
        synchronizer.restart();
        appliedInRound = 0;
        final UnsafeBuffer[] buffers = frameBuffers;
        for (int i = 0; i < buffers.length; i++)
        {
            final UnsafeBuffer frame = buffers[i];
            if (parser.parseStreamFrame(frame, 0, frame.capacity(), update) != FrameKind.DEPTH_UPDATE)
            {
                throw new IllegalStateException("frame " + i + " did not parse: " + parser.error());
            }
            if (synchronizer.onDepthUpdate(update) == DepthUpdateOutcome.APPLIED)
            {
                appliedInRound++;
            }
            if (i == 0)
            {
                if (parser.parseSnapshot(snapshotBuffer, 0, snapshotBuffer.capacity(), snapshot) != ParseError.NONE ||
                    synchronizer.onSnapshot(snapshot) != SnapshotOutcome.APPLIED)
                {
                    throw new IllegalStateException("snapshot not applied");
                }
            }
        }
    }
}
