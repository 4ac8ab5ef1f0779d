package io.bastion.gateway;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ExecType;
import org.junit.jupiter.api.Test;
import quickfix.Message;

import static io.bastion.gateway.TestFixSession.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The per-version choices as a table: FIX 4.4 ExecType and OrdStatus from the OMS in, what each version writes out.
 */
class FixDialectTest
{
    private static final long SOME_LEFT = FixedPoint.ofUnits(10);

    @Test
    void shouldChooseADialectPerSession()
    {
        assertSame(Fix42Dialect.INSTANCE, FixDialect.forSession("FIX.4.2", null));
        assertSame(Fix44Dialect.INSTANCE, FixDialect.forSession("FIX.4.4", null));
        assertSame(Fix50Sp2Dialect.INSTANCE, FixDialect.forSession("FIXT.1.1", "FIX.5.0SP2"));
        assertSame(Fix50Sp2Dialect.INSTANCE, FixDialect.forSession("FIXT.1.1", "9"));
        assertNull(FixDialect.forSession("FIXT.1.1", "FIX.5.0"));
        assertNull(FixDialect.forSession("FIXT.1.1", null));
        assertNull(FixDialect.forSession("FIX.4.3", null));
    }

    @Test
    void shouldWriteFix42ExecTransTypeAndExecType()
    {
        assertFix42('F', '1', 0, "0", "1");
        assertFix42('F', '2', 0, "0", "2");
        assertFix42('F', '6', SOME_LEFT, "0", "1");
        assertFix42('F', '6', 0, "0", "2");
        assertFix42('F', 'E', SOME_LEFT, "0", "1");
        assertFix42('F', 'E', FixedPoint.NULL_VALUE, "0", "2");
        assertFix42('H', '0', 0, "1", "0");
        assertFix42('H', '1', 0, "1", "1");
        assertFix42('G', '2', 0, "2", "2");
        assertFix42('I', '4', 0, "3", "4");
        assertFix42('I', 'D', 0, "3", "0");
        assertFix42('I', 'E', 0, "3", "E");
        assertFix42('0', '0', 0, "0", "0");
        assertFix42('D', '1', 0, "0", "D");
        assertFix42('4', '4', 0, "0", "4");
        assertFix42('E', 'E', 0, "0", "E");
    }

    @Test
    void shouldWriteFix44AndFix50Sp2ExecTypeAsGiven()
    {
        for (final FixDialect dialect : new FixDialect[]{ Fix44Dialect.INSTANCE, Fix50Sp2Dialect.INSTANCE })
        {
            final Message report = dialect.newMessage("8");
            dialect.putExecTypeAndStatus(report, 'H', '1', SOME_LEFT);
            assertEquals("H", get(report, 150));
            assertEquals("1", get(report, 39));
            assertNull(get(report, 20));
        }
        assertEquals("9", get(Fix50Sp2Dialect.INSTANCE.newMessage("8").getHeader(), 1128));
        assertNull(get(Fix44Dialect.INSTANCE.newMessage("8").getHeader(), 1128));
    }

    @Test
    void shouldReplaceReasonsAVersionDoesNotDefine()
    {
        assertEquals(8, Fix42Dialect.INSTANCE.ordRejReason(8));
        assertEquals(0, Fix42Dialect.INSTANCE.ordRejReason(11));
        assertEquals(3, Fix42Dialect.INSTANCE.cxlRejReason(3));
        assertEquals(2, Fix42Dialect.INSTANCE.cxlRejReason(99));
        assertEquals(5, Fix42Dialect.INSTANCE.execRestatementReason(5));
        assertEquals(4, Fix42Dialect.INSTANCE.execRestatementReason(10));
        assertEquals(15, Fix44Dialect.INSTANCE.ordRejReason(15));
        assertEquals(99, Fix44Dialect.INSTANCE.ordRejReason(16));
        assertEquals(99, Fix44Dialect.INSTANCE.ordRejReason(99));
        assertEquals(18, Fix50Sp2Dialect.INSTANCE.ordRejReason(18));
    }

    @Test
    void shouldNormaliseFix42VenueExecTypes()
    {
        final FixDialect fix42 = Fix42Dialect.INSTANCE;
        assertEquals(ExecType.TRADE, fix42.venueExecType("1", "0"));
        assertEquals(ExecType.TRADE, fix42.venueExecType("2", null));
        assertEquals(ExecType.TRADE_CANCEL, fix42.venueExecType("1", "1"));
        assertEquals(ExecType.TRADE_CORRECT, fix42.venueExecType("2", "2"));
        assertEquals(ExecType.ORDER_STATUS, fix42.venueExecType("0", "3"));
        assertEquals(ExecType.RESTATED, fix42.venueExecType("D", "0"));
        assertEquals(ExecType.CANCELED, fix42.venueExecType("4", "0"));
        assertEquals(ExecType.PARTIAL_FILL, Fix44Dialect.INSTANCE.venueExecType("1", null),
            "a FIX 4.4 venue's value is forwarded as it is");
    }

    private static void assertFix42(
        final char execType,
        final char ordStatus,
        final long leavesQty,
        final String expectedExecTransType,
        final String expectedExecType)
    {
        final Message report = Fix42Dialect.INSTANCE.newMessage("8");
        Fix42Dialect.INSTANCE.putExecTypeAndStatus(report, execType, ordStatus, leavesQty);
        final String what = "ExecType " + execType + " OrdStatus " + ordStatus;
        assertEquals(expectedExecTransType, get(report, 20), what);
        assertEquals(expectedExecType, get(report, 150), what);
        assertEquals(String.valueOf(ordStatus), get(report, 39), what);
    }
}
