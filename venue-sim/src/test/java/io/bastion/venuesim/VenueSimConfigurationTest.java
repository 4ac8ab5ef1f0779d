package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.Test;
import quickfix.SessionID;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueSimConfigurationTest
{
    @Test
    void shouldReadSymbolsSeedsAndTheReplenishFlag() throws IOException
    {
        final VenueSimContext context = VenueSimConfiguration.fromProperties(properties(
            "venuesim.symbols = AAPL, MSFT ,XYZ",
            "venuesim.AAPL.reference=190.00",
            "venuesim.AAPL.tick=0.01",
            "venuesim.AAPL.levels=5",
            "venuesim.AAPL.levelQty=1000",
            "venuesim.MSFT.reference=420.5",
            "venuesim.MSFT.tick=0.05",
            "venuesim.MSFT.levels=2",
            "venuesim.MSFT.levelQty=0.5",
            "venuesim.XYZ.levels=0",
            "venuesim.replenish=false",
            "oms.something=else",
            "venuesim.enabled=true"));

        assertEquals(List.of(
            new SymbolSeed("AAPL", fp("190"), fp("0.01"), 5, fp("1000")),
            new SymbolSeed("MSFT", fp("420.5"), fp("0.05"), 2, fp("0.5")),
            new SymbolSeed("XYZ", 0, 0, 0, 0)), context.symbols());
        assertFalse(context.replenish());
    }

    @Test
    void shouldDefaultTickLevelsQuantityAndReplenish() throws IOException
    {
        final VenueSimContext context = VenueSimConfiguration.fromProperties(properties(
            "venuesim.symbols=AAPL",
            "venuesim.AAPL.reference=190"));

        assertEquals(List.of(new SymbolSeed("AAPL", fp("190"), fp("0.01"), 5, fp("1000"))), context.symbols());
        assertTrue(context.replenish());
    }

    @Test
    void shouldTradeNothingWithoutSymbols() throws IOException
    {
        assertEquals(List.of(), VenueSimConfiguration.fromProperties(properties("other=1")).symbols());
    }

    @Test
    void shouldRefuseBadValuesNamingTheKeyAndValue()
    {
        assertRefused("venuesim.AAPL.reference=abc is not a decimal number with at most 8 decimals",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=abc");
        assertRefused("venuesim.AAPL.reference=-190 must be positive",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=-190");
        assertRefused("venuesim.AAPL.tick=0 must be positive",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.AAPL.tick=0");
        assertRefused("venuesim.AAPL.tick=0.000000001 is not a decimal number with at most 8 decimals",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.AAPL.tick=0.000000001");
        assertRefused("venuesim.AAPL.levels=five is not a whole number",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.AAPL.levels=five");
        assertRefused("venuesim.AAPL.levels=-1 is out of range [0, 10000]",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.AAPL.levels=-1");
        assertRefused("venuesim.AAPL.levelQty=0 must be positive",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.AAPL.levelQty=0");
        assertRefused("venuesim.replenish=yes is not a boolean: use true or false",
            "venuesim.replenish=yes");
        assertRefused("venuesim.AAPL.reference is required: AAPL has 5 seeded levels " +
            "(set venuesim.AAPL.levels=0 for an empty book)",
            "venuesim.symbols=AAPL");
        assertRefused("venuesim.AAPL.reference=0.03 is too low for 5 levels of tick 0.01: " +
            "the lowest bid would not be positive",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=0.03");
    }

    @Test
    void shouldRefuseBadSymbolListsAndStrayKeys()
    {
        assertRefused("venuesim.symbols=AAPL,AAPL lists AAPL twice", "venuesim.symbols=AAPL,AAPL");
        assertRefused("venuesim.symbols=AAPL,,MSFT has an invalid symbol '': symbols are non-empty printable " +
            "ASCII without spaces", "venuesim.symbols=AAPL,,MSFT");
        assertRefused("unknown key venuesim.AAPL.levelqty: per-symbol keys are reference, tick, levels and levelQty",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.AAPL.levelqty=5");
        assertRefused("venuesim.TSLA.reference configures TSLA, which venuesim.symbols does not list",
            "venuesim.symbols=AAPL", "venuesim.AAPL.reference=190", "venuesim.TSLA.reference=250");
    }

    @Test
    void shouldReadTheProjectsDefaultConfigurationDirectory()
    {
        final VenueSimContext context = VenueSimConfiguration.fromDirectory(Paths.get("..", "config"));

        assertEquals(4, context.symbols().size());
        assertEquals(new SymbolSeed("MSFT", fp("420"), fp("0.01"), 5, fp("1000")), context.symbols().get(1));
        assertEquals(2, context.sessionSettings().size());
        assertTrue(context.sessionSettings().isSetting(new SessionID("FIX.4.4", "SIM", "BASTION"),
            "SocketAcceptPort"));
        assertTrue(context.sessionSettings().isSetting(new SessionID("FIX.4.4", "SIM", "DIRECT"),
            "SocketAcceptPort"));

        final ByteArrayOutputStream banner = new ByteArrayOutputStream();
        VenueSimMain.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8), context);
        final String text = banner.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FIX.4.4: connect to 127.0.0.1:9880 with SenderCompID=BASTION TargetCompID=SIM"),
            text);
        assertTrue(text.contains("book AAPL 189.99 x 190.01 (5 levels of 1000 each side, tick 0.01)"), text);
    }

    @Test
    void shouldExplainAMissingConfigurationFile() throws IOException
    {
        final Path empty = Files.createTempDirectory("venue-sim-config");
        try
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> VenueSimConfiguration.fromDirectory(empty));
            assertTrue(ex.getMessage().startsWith("cannot read the venue-sim configuration in " + empty),
                ex.getMessage());
            assertTrue(ex.getMessage().contains("venue-sim.cfg"), ex.getMessage());
        }
        finally
        {
            Files.delete(empty);
        }
    }

    @Test
    void shouldParseTheCommandLine()
    {
        assertEquals(Paths.get("dir"), VenueSimMain.configDirectory(new String[]{ "--config", "dir" }));
        assertEquals(Paths.get("dir"), VenueSimMain.configDirectory(new String[]{ "--config=dir" }));
        assertNull(VenueSimMain.configDirectory(new String[]{}));
        assertNull(VenueSimMain.configDirectory(new String[]{ "--config" }));
        assertNull(VenueSimMain.configDirectory(new String[]{ "dir" }));
    }

    private static void assertRefused(final String message, final String... lines)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> VenueSimConfiguration.fromProperties(properties(lines)));
        assertEquals(message, ex.getMessage());
    }

    private static Properties properties(final String... lines) throws IOException
    {
        final Properties properties = new Properties();
        properties.load(new StringReader(String.join("\n", lines)));
        return properties;
    }

    private static long fp(final String decimal)
    {
        return FixedPoint.parse(decimal);
    }
}
