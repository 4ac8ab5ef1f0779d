package io.bastion.app;

import io.bastion.oms.VenueRules;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BastionConfigTest
{
    private static final Path CONFIG = Path.of("..", "config");

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
}
