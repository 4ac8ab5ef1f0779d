package io.bastion.app;

import io.bastion.oms.CancelOnDisconnect;
import io.bastion.oms.VenueRules;
import io.bastion.protocol.FixedPoint;
import io.bastion.risk.LimitSet;
import io.bastion.risk.LimitType;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BastionConfigTest
{
    private static final Path CONFIG = Path.of("..", "config");

    @TempDir
    Path dir;

    @Test
    void shouldReadTheShippedVenueRules()
    {
        final VenueRules rules = BastionConfig.load(CONFIG).venueRules("SIM");
        assertEquals(new VenueRules(EnumSet.of(OrdType.MARKET, OrdType.LIMIT),
            EnumSet.of(TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK), true, false), rules);
    }

    @Test
    void shouldReadOverriddenVenueRules()
    {
        final Properties overrides = new Properties();
        overrides.setProperty("venue.SIM.ordTypes", "limit, stop_limit");
        overrides.setProperty("venue.SIM.replace", "false");
        overrides.setProperty("venue.SIM.cancelOnDisconnect", "true");
        final VenueRules rules = BastionConfig.load(CONFIG).with(overrides).venueRules("SIM");
        assertEquals(EnumSet.of(OrdType.LIMIT, OrdType.STOP_LIMIT), rules.ordTypes());
        assertEquals(false, rules.replace());
        assertEquals(true, rules.cancelOnDisconnect());
    }

    @Test
    void shouldRefuseAnUnknownOrderTypeNamingTheKey()
    {
        final Properties overrides = new Properties();
        overrides.setProperty("venue.SIM.ordTypes", "LIMIT,ICEBERG");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> BastionConfig.load(CONFIG).with(overrides).venueRules("SIM"));
        assertTrue(ex.getMessage().contains("venue.SIM.ordTypes='LIMIT,ICEBERG' is invalid"), ex.getMessage());
    }

    @Test
    void shouldRefuseAMalformedEndOfDay()
    {
        final Properties overrides = new Properties();
        overrides.setProperty("oms.tradingDay.end", "25:99");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> BastionConfig.load(CONFIG).with(overrides).applyTo(new io.bastion.oms.OmsContext()));
        assertTrue(ex.getMessage().contains("oms.tradingDay.end='25:99' is invalid"), ex.getMessage());
    }

    @Test
    void shouldLoadTheShippedRiskLimitsFromRiskProperties()
    {
        final LimitSet limits = BastionConfig.load(CONFIG).limits();
        assertEquals(1, limits.version());
        final int acme = limits.accounts().find("ACME");
        assertTrue(limits.isKnown(acme));
        final int aapl = limits.symbols().find("AAPL");
        assertEquals(FixedPoint.parse("190"), limits.referencePrice(aapl));
        assertEquals(FixedPoint.ofUnits(100_000), limits.limit(LimitType.MAX_ORDER_QTY, acme, aapl, 0));
        assertTrue(limits.isPermitted(acme, aapl));
    }

    @Test
    void shouldGiveEachClientSessionItsConfiguredDefaultAccount()
    {
        final Map<String, Integer> numbers = Map.of(
            "FIX.4.4:BASTION->CLIENT1", 1, "FIX.4.4:BASTION->DEMO", 3);
        final Map<Integer, String> accounts = BastionConfig.load(CONFIG)
            .defaultAccounts((name) -> numbers.getOrDefault(name, -1));
        assertEquals(Map.of(1, "ACME", 3, "DEMO-ACCT"), accounts);
    }

    @Test
    void shouldReadEachClientSessionsCancelOnDisconnectPolicyAndRefuseAnUnknownOne() throws Exception
    {
        final Map<String, Integer> numbers = Map.of("FIX.4.4:BASTION->DEMO", 3, "FIX.4.4:BASTION->CLIENT1", 1);
        assertEquals(Map.of(3, CancelOnDisconnect.DAY), BastionConfig.load(CONFIG)
            .cancelOnDisconnect((name) -> numbers.getOrDefault(name, -1)));

        final Path config = copyOfConfig();
        Files.copy(CONFIG.resolve("clients.cfg"), config.resolve("clients.cfg"));
        Files.writeString(config.resolve("clients.cfg"), Files.readString(config.resolve("clients.cfg"))
            .replace("CancelOnDisconnect=day", "CancelOnDisconnect=sometimes"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> BastionConfig.load(config).cancelOnDisconnect((name) -> numbers.getOrDefault(name, -1)));
        assertTrue(ex.getMessage().endsWith("clients.cfg: session 3 CancelOnDisconnect=sometimes is invalid; " +
            "expected off, day or all"), ex.getMessage());
    }

    @Test
    void shouldRefuseInvalidRiskLimitsNamingEveryBadSetting()
    {
        final Properties overrides = new Properties();
        overrides.setProperty("risk.maxOrderQty", "-5");
        overrides.setProperty("risk.account.NOBODY.maxOrderQty", "5");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> BastionConfig.load(CONFIG).with(overrides).limits());
        assertTrue(ex.getMessage().contains("risk.properties (or bastion.properties): invalid risk limits"),
            ex.getMessage());
        assertTrue(ex.getMessage().contains("risk.maxOrderQty: -5 must be positive"), ex.getMessage());
        assertTrue(ex.getMessage().contains("risk.account.NOBODY.maxOrderQty: account NOBODY is not in risk.accounts"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseARiskSettingInBothFilesAndAnythingButRiskInRiskProperties() throws Exception
    {
        final Path both = copyOfConfig();
        Files.writeString(both.resolve("bastion.properties"), "\nrisk.maxOrderQty=5\n", StandardOpenOption.APPEND);
        final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
            () -> BastionConfig.load(both));
        assertTrue(twice.getMessage().endsWith("risk.maxOrderQty is also set in bastion.properties; set it in one place"),
            twice.getMessage());

        final Path stray = copyOfConfig();
        Files.writeString(stray.resolve("risk.properties"), "\noms.symbols=AAPL\n", StandardOpenOption.APPEND);
        final IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
            () -> BastionConfig.load(stray));
        assertTrue(other.getMessage().endsWith("oms.symbols is not a risk setting (risk.*)"), other.getMessage());
    }

    private Path copyOfConfig() throws Exception
    {
        final Path copy = Files.createTempDirectory(dir, "config");
        for (final String file : new String[]{"bastion.properties", "risk.properties"})
        {
            Files.copy(CONFIG.resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
