package io.bastion.oms;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OmsContextTest
{
    @Test
    void shouldRefuseToStartTheOmsOnAContextThatWasNotConcluded()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> new OrderManager(new OmsContext().venueNames(List.of("SIM")), null, null));
        assertEquals("OmsContext must be concluded before the OMS starts", ex.getMessage());
    }

    @Test
    void shouldConcludeWithoutAnAeronClientButTakeItsIdBaseFromTheClock()
    {
        final OmsContext context = new OmsContext()
            .venueNames(List.of("SIM"))
            .positionsFile(new File("unused.cmap"))
            .clock(() -> 5_000_000_000L)
            .conclude();
        assertTrue(context.isConcluded());
        assertEquals(5_000_000L, context.idBase());
    }

    @Test
    void shouldRefuseVenueRulesForAnUnknownVenue()
    {
        final OmsContext context = new OmsContext()
            .venueNames(List.of("SIM"))
            .positionsFile(new File("unused.cmap"))
            .venueRules("NYSE", VenueRules.DEFAULT);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, context::conclude);
        assertEquals("venue rules for an unknown venue: NYSE", ex.getMessage());
    }
}
