package io.bastion.md;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Locates the shared Binance recording: surefire sets {@value #PROPERTY} to {@code ../shared/marketdata/binance}
 * beside the repository, where CI puts it too.
 */
final class Recordings
{
    static final String PROPERTY = "bastion.binance.recording.dir";
    static final String[] SYMBOLS = {"NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR"};

    private static BinanceRecording binance;

    private Recordings()
    {
    }

    static Path binanceDirectory()
    {
        final String directory = System.getProperty(PROPERTY);
        if (directory == null || directory.isBlank())
        {
            fail("system property " + PROPERTY + " is not set: run the tests through Maven (surefire sets it to " +
                "${project.basedir}/../../shared/marketdata/binance) or pass -D" + PROPERTY + "=<dir>");
        }
        final Path path = Path.of(directory).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("BINANCE.ws.1.0")) ||
            !Files.isRegularFile(path.resolve("BINANCE.http.0.0")))
        {
            fail("the Binance recording (BINANCE.ws.1.0 and BINANCE.http.0.0) is not in " + path +
                " (from " + PROPERTY + "); it belongs in shared/marketdata/binance beside the repository");
        }
        return path;
    }

    static synchronized BinanceRecording binance()
    {
        if (binance == null)
        {
            try
            {
                binance = BinanceRecording.readDirectory(binanceDirectory());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return binance;
    }
}
