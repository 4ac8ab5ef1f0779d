package io.bastion.oms;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import net.openhft.chronicle.bytes.Byteable;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.values.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The positions file is shared: the OMS writes it and other processes read it. Its entry layout must be the same in
 * every JVM, field by field.
 */
class PositionLayoutTest
{
    private static final int CHILD_PROCESSES = 4;

    @TempDir
    Path dir;

    @Test
    void shouldPlaceEveryFieldAtItsDocumentedOffset()
    {
        final PositionValue value = Values.newNativeReference(PositionValue.class);
        final long size = ((Byteable)value).maxSize();
        assertEquals(2256, size, "format, 18 longs, two ledgers of 128 longs, two ints and a bit, then (aligned to 8 " +
            "bytes) the five longs of the day-start snapshot");
        final BytesStore<?, ?> bytes = BytesStore.nativeStoreWithFixedCapacity(size);
        try
        {
            ((Byteable)value).bytesStore(bytes, 0, size);
            final List<LongConsumer> longFields = List.of(
                value::setFormat, value::setVersion, value::setNetQty, value::setAvgCost, value::setRealisedPnl,
                value::setLastFillPx, value::setMarkPx, value::setBoughtQty, value::setSoldQty,
                value::setBoughtNotional, value::setSoldNotional, value::setFillCount, value::setUpdatedNs,
                value::setLateAdjustments, value::setFoldedFills, value::setBaseNetQty, value::setBaseAvgCost,
                value::setBaseRealisedPnl, value::setBaseLastFillPx);
            for (int i = 0; i < longFields.size(); i++)
            {
                clear(bytes, size);
                longFields.get(i).accept(0x0102030405060708L);
                assertEquals(0x0102030405060708L, bytes.readLong(8L * i), "long field " + i + " at " + 8 * i);
                assertEquals(1, nonZeroLongs(bytes, size), "long field " + i + " alone");
            }

            final long ledgerQty = 8L * longFields.size();
            final long ledgerPx = ledgerQty + 8L * PositionValue.LEDGER_CAPACITY;
            final long ints = ledgerPx + 8L * PositionValue.LEDGER_CAPACITY;
            clear(bytes, size);
            value.setLedgerQtyAt(0, 11);
            value.setLedgerQtyAt(PositionValue.LEDGER_CAPACITY - 1, 12);
            value.setLedgerPxAt(0, 21);
            value.setLedgerPxAt(PositionValue.LEDGER_CAPACITY - 1, 22);
            value.setLedgerHead(31);
            value.setLedgerSize(32);
            value.setMarkExplicit(true);
            assertEquals(11, bytes.readLong(ledgerQty));
            assertEquals(12, bytes.readLong(ledgerPx - 8));
            assertEquals(21, bytes.readLong(ledgerPx));
            assertEquals(22, bytes.readLong(ints - 8));
            assertEquals(31, bytes.readInt(ints));
            assertEquals(32, bytes.readInt(ints + 4));
            assertEquals(1, bytes.readByte(ints + 8));

            final long dayStart = ints + 16;
            final List<LongConsumer> dayStartFields = List.of(
                value::setDayStartDay, value::setDayStartNetQty, value::setDayStartPx,
                value::setDayStartBoughtNotional, value::setDayStartSoldNotional);
            for (int i = 0; i < dayStartFields.size(); i++)
            {
                clear(bytes, size);
                dayStartFields.get(i).accept(0x0102030405060708L);
                assertEquals(0x0102030405060708L, bytes.readLong(dayStart + 8L * i),
                    "day-start field " + i + " at " + (dayStart + 8 * i));
                assertEquals(1, nonZeroLongs(bytes, size), "day-start field " + i + " alone");
            }
            assertEquals(size, dayStart + 8L * dayStartFields.size());
        }
        finally
        {
            bytes.releaseLast();
        }
    }

    @Test
    void shouldReadInThisProcessWhatOtherProcessesWrote() throws Exception
    {
        for (int child = 0; child < CHILD_PROCESSES; child++)
        {
            final File file = dir.resolve("positions-" + child + ".cmap").toFile();
            final String written = runWriter(file);
            try (PositionStore store = new PositionStore(file, 1_000))
            {
                assertEquals(written, store.read("ACME", "AAPL").toString(), "process " + child);
            }
        }
    }

    /**
     * Writes, in a JVM of its own, a position whose fields all differ, and prints it as that JVM read it back.
     */
    public static final class Writer
    {
        private Writer()
        {
        }

        /**
         * @param args the positions file.
         */
        public static void main(final String[] args)
        {
            try (PositionStore store = new PositionStore(new File(args[0]), 1_000))
            {
                store.applyFill("ACME", "AAPL", Side.BUY, FixedPoint.ofUnits(300), FixedPoint.parse("10.5"), 1_000);
                store.applyFill("ACME", "AAPL", Side.SELL, FixedPoint.ofUnits(100), FixedPoint.parse("12.25"), 2_000);
                store.applyFill("ACME", "AAPL", Side.BUY, FixedPoint.ofUnits(7), FixedPoint.parse("11"), 3_000);
                store.applyBust("ACME", "AAPL", Side.BUY, FixedPoint.ofUnits(7), FixedPoint.parse("11"), 4_000);
                store.mark("ACME", "AAPL", FixedPoint.parse("13.75"), 5_000);
                store.startDay("ACME", "AAPL", 19_700, FixedPoint.parse("13.5"));
                store.applyFill("ACME", "AAPL", Side.SELL, FixedPoint.ofUnits(50), FixedPoint.parse("14"), 6_000);
                System.out.println("POSITION " + store.read("ACME", "AAPL"));
            }
        }
    }

    private static String runWriter(final File file) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("--enable-native-access") ||
                argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Writer.class.getName());
        command.add(file.getAbsolutePath());
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "writer process ends");
        assertEquals(0, process.exitValue(), output);
        for (final String line : output.split("\n"))
        {
            if (line.startsWith("POSITION "))
            {
                return line.substring("POSITION ".length()).strip();
            }
        }
        throw new AssertionError("writer printed no position: " + output);
    }

    private static void clear(final BytesStore<?, ?> bytes, final long size)
    {
        for (long i = 0; i < size; i++)
        {
            bytes.writeByte(i, (byte)0);
        }
    }

    private static int nonZeroLongs(final BytesStore<?, ?> bytes, final long size)
    {
        int count = 0;
        for (long i = 0; i + 8 <= size; i += 8)
        {
            count += bytes.readLong(i) != 0 ? 1 : 0;
        }
        return count;
    }
}
