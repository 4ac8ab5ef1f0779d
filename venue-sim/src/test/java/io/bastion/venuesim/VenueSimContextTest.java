package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.Test;
import quickfix.FileStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VenueSimContextTest
{
    @Test
    void shouldRequireSessionSettingsWithAnAcceptorSession()
    {
        assertEquals("sessionSettings is required",
            assertThrows(IllegalStateException.class, () -> new VenueSimContext().conclude()).getMessage());

        final SessionSettings initiatorOnly = new SessionSettings();
        initiatorOnly.setString(new SessionID("FIX.4.4", "A", "B"), "ConnectionType", "initiator");
        assertEquals("sessionSettings define no session with ConnectionType=acceptor",
            assertThrows(IllegalStateException.class,
                () -> new VenueSimContext().sessionSettings(initiatorOnly).conclude()).getMessage());
    }

    @Test
    void shouldDefaultToFileStoreAndSlf4jLogs()
    {
        final VenueSimContext context = new VenueSimContext().sessionSettings(acceptor()).conclude();

        assertInstanceOf(FileStoreFactory.class, context.messageStoreFactory());
        assertInstanceOf(SLF4JLogFactory.class, context.logFactory());
    }

    @Test
    void shouldRefuseInvalidSymbolsAndSeeds()
    {
        assertEquals("symbol AAPL is configured twice", assertThrows(IllegalArgumentException.class,
            () -> new VenueSimContext().sessionSettings(acceptor()).symbol("AAPL").symbol("AAPL").conclude())
            .getMessage());
        assertEquals("invalid symbol 'A B'", assertThrows(IllegalArgumentException.class,
            () -> new VenueSimContext().sessionSettings(acceptor()).symbol("A B").conclude()).getMessage());
        assertEquals("seed of AAPL: reference 0.04 is too low for 5 levels of tick 0.01",
            assertThrows(IllegalArgumentException.class, () -> new VenueSimContext().sessionSettings(acceptor())
                .seed("AAPL", FixedPoint.parse("0.04"), FixedPoint.parse("0.01"), 5, FixedPoint.SCALE).conclude())
            .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VenueSimContext().sessionSettings(acceptor())
            .seed("AAPL", FixedPoint.parse("10"), 0, 5, FixedPoint.SCALE).conclude());
        assertThrows(IllegalArgumentException.class, () -> new VenueSimContext().sessionSettings(acceptor())
            .doneOrderRetention(0).conclude());
    }

    private static SessionSettings acceptor()
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("FileStorePath", "target/unused-store");
        settings.setString(new SessionID("FIX.4.4", "VENUE", "CLIENT"), "BeginString", "FIX.4.4");
        return settings;
    }
}
