package io.bastion.gateway;

import io.bastion.sbe.VenueCommandType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentVenueCommandsTest
{
    private static final byte NEW_ORDER = VenueCommandType.NEW_ORDER.value();
    private static final byte CANCEL = VenueCommandType.CANCEL.value();

    private final SentVenueCommands sent = new SentVenueCommands(4);

    @Test
    void shouldFindTheCommandSentUnderASequenceNumber()
    {
        sent.onSent(7, 4242, NEW_ORDER);
        sent.onSent(8, 4243, CANCEL);

        assertEquals(NEW_ORDER, sent.commandType(7));
        assertEquals(4242, sent.venueClOrdId(7));
        assertEquals(CANCEL, sent.commandType(8));
        assertEquals(4243, sent.venueClOrdId(8));
    }

    @Test
    void shouldKnowNothingOfSequenceNumbersNeverSentOrOverwritten()
    {
        sent.onSent(1, 100, NEW_ORDER);
        sent.onSent(5, 500, CANCEL);

        assertEquals(SentVenueCommands.NO_COMMAND, sent.commandType(1), "slot of 1 reused by 5 in a ring of 4");
        assertEquals(FixFields.NULL_ID, sent.venueClOrdId(1));
        assertEquals(SentVenueCommands.NO_COMMAND, sent.commandType(2));
        assertEquals(SentVenueCommands.NO_COMMAND, sent.commandType(0));
        assertEquals(SentVenueCommands.NO_COMMAND, sent.commandType(-1));
        assertEquals(500, sent.venueClOrdId(5));
    }

    @Test
    void shouldRememberACommandReportedNotSentUntilItsSequenceNumberIsReused()
    {
        sent.onSent(3, 300, NEW_ORDER);
        assertFalse(sent.isNotSent(3));

        sent.onNotSent(3);
        assertTrue(sent.isNotSent(3));
        assertFalse(sent.isNotSent(7));

        sent.onSent(3, 301, NEW_ORDER);
        assertFalse(sent.isNotSent(3), "a new message under a reset sequence number was sent");
    }

    @Test
    void shouldRequireAPowerOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> new SentVenueCommands(6));
    }
}
