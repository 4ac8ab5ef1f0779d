package io.bastion.systemtest;

import io.bastion.app.Bastion;
import io.bastion.app.BastionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FIX message logs land where each session file says: client sessions under clients.cfg's FileLogPath, venue
 * sessions under venues.cfg's.
 */
class FixMessageLogSystemTest
{
    private final TestConfig config = TestConfig.create();

    @AfterEach
    void tearDown()
    {
        config.delete();
    }

    @Test
    void shouldLogClientAndVenueSessionsInTheirOwnDirectories() throws Exception
    {
        try (Bastion bastion = Bastion.launch(BastionConfig.load(config.configDir));
            FixTestClient client = new FixTestClient("CLIENT1", config.clientPort, null))
        {
            assertTrue(client.awaitLogon());
            VenueReady.await(client, "AAPL");
            client.send(Orders.newOrder("LOG-1", "ACME", "AAPL", '1', '2', "5", "175"));
            assertEquals('0', client.awaitApp("8").getChar(150));
            assertEquals(0, bastion.faults());
        }

        final Path clientLog = config.dataDir.resolve("fix/clients-log/FIX.4.4-BASTION-CLIENT1.messages.log");
        final Path venueLog = config.dataDir.resolve("fix/venues-log/FIX.4.4-BASTION-SIM.messages.log");
        assertTrue(Files.readString(clientLog).contains("\u000111=LOG-1\u0001"), "client order in " + clientLog);
        assertTrue(Files.readString(venueLog).contains("\u000135=D\u0001"), "venue order in " + venueLog);
        assertFalse(Files.exists(config.dataDir.resolve("fix/clients-log/FIX.4.4-BASTION-SIM.messages.log")),
            "no venue session log among the client logs");
    }
}
