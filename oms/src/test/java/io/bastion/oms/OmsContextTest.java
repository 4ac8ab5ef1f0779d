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
            .limits(TestLimits.wide(List.of(), List.of("SIM"), "1", "1"))
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
            .limits(TestLimits.wide(List.of(), List.of("SIM"), "1", "1"))
            .venueRules("NYSE", VenueRules.DEFAULT);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, context::conclude);
        assertEquals("venue rules for an unknown venue: NYSE", ex.getMessage());
    }

    @Test
    void shouldRefuseToStartWithoutRiskLimits()
    {
        final OmsContext context = new OmsContext()
            .venueNames(List.of("SIM"))
            .positionsFile(new File("unused.cmap"));
        final IllegalStateException ex = assertThrows(IllegalStateException.class, context::conclude);
        assertEquals("risk limits are required (risk fails closed)", ex.getMessage());
    }

    @Test
    void shouldRefuseRiskLimitsBuiltForOtherSymbolsOrVenues()
    {
        final IllegalStateException symbols = assertThrows(IllegalStateException.class, () -> new OmsContext()
            .venueNames(List.of("SIM"))
            .symbols(List.of("AAPL"))
            .positionsFile(new File("unused.cmap"))
            .limits(TestLimits.wide(List.of("MSFT"), List.of("SIM"), "1", "1"))
            .conclude());
        assertEquals("risk limits were built for symbols [MSFT], not [AAPL]", symbols.getMessage());

        final IllegalStateException venues = assertThrows(IllegalStateException.class, () -> new OmsContext()
            .venueNames(List.of("SIM"))
            .positionsFile(new File("unused.cmap"))
            .limits(TestLimits.wide(List.of(), List.of("SIM", "OTHER"), "1", "1"))
            .conclude());
        assertEquals("risk limits were built for venues [SIM, OTHER], not [SIM]", venues.getMessage());
    }

    @Test
    void shouldRefuseASessionDefaultAccountTheRiskLimitsDoNotKnow()
    {
        final OmsContext context = new OmsContext()
            .venueNames(List.of("SIM"))
            .positionsFile(new File("unused.cmap"))
            .limits(TestLimits.wide(List.of(), List.of("SIM"), "1", "1"))
            .defaultAccount(7, "GHOST");
        final IllegalStateException ex = assertThrows(IllegalStateException.class, context::conclude);
        assertEquals("client session 7: default account GHOST is not in risk.accounts", ex.getMessage());
    }
}
