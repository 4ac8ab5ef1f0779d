package io.bastion.gateway;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;
import org.junit.jupiter.api.Test;
import quickfix.FieldException;
import quickfix.Message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixFieldsTest
{
    @Test
    void shouldRefuseClientTextLongerThanItsSbeField()
    {
        final Message message = new Message();
        message.setString(FixTags.SYMBOL, "S".repeat(33));

        final FieldException ex =
            assertThrows(FieldException.class, () -> FixFields.clientText(message, FixTags.SYMBOL, 32));

        assertEquals("Symbol (55) longer than 32 characters", ex.getMessage());
        assertEquals(FixTags.SYMBOL, ex.getField());
        assertEquals(FixTags.SESSION_REJECT_VALUE_OUT_OF_RANGE, ex.getSessionRejectReason());
        assertEquals("", FixFields.clientText(message, FixTags.ACCOUNT, 32));
    }

    @Test
    void shouldRefuseClientDecimalsThatDoNotFitFixedPoint()
    {
        final Message message = new Message();
        message.setString(FixTags.PRICE, "1e3");

        final FieldException ex =
            assertThrows(FieldException.class, () -> FixFields.clientDecimal(message, FixTags.PRICE));

        assertEquals(FixTags.SESSION_REJECT_INCORRECT_DATA_FORMAT, ex.getSessionRejectReason());
        assertEquals(FixTags.PRICE, ex.getField());
        assertEquals(FixedPoint.NULL_VALUE, FixFields.clientDecimal(message, FixTags.STOP_PX));
    }

    @Test
    void shouldRoundVenueDecimalsWithMoreThanEightPlacesHalfUp()
    {
        assertEquals(9_912_345_679L, FixFields.roundedDecimal("99.123456789"));
        assertEquals(9_912_345_678L, FixFields.roundedDecimal("99.123456784999"));
        assertEquals(-9_912_345_679L, FixFields.roundedDecimal("-99.123456785"));
        assertEquals(10_125_000_000L, FixFields.roundedDecimal("101.25"));
        assertEquals(FixedPoint.NULL_VALUE, FixFields.roundedDecimal("abc"));
        assertEquals(FixedPoint.NULL_VALUE, FixFields.roundedDecimal("1.123456789x"));
    }

    @Test
    void shouldParseOwnIdentifiersOrReturnNull()
    {
        final Message message = new Message();
        message.setString(FixTags.CL_ORD_ID, "4242");
        message.setString(FixTags.ORIG_CL_ORD_ID, "X-1");

        assertEquals(4242L, FixFields.id(message, FixTags.CL_ORD_ID));
        assertEquals(FixFields.NULL_ID, FixFields.id(message, FixTags.ORIG_CL_ORD_ID));
        assertEquals(FixFields.NULL_ID, FixFields.id(message, FixTags.ORDER_ID));
    }

    @Test
    void shouldMapFixValuesOutsideTheSchemaToOther()
    {
        assertEquals(Side.SELL_SHORT, SbeEnums.side("5"));
        assertEquals(Side.OTHER, SbeEnums.side("H"));
        assertEquals(OrdType.OTHER, SbeEnums.ordType("B"));
        assertEquals(Side.OTHER, SbeEnums.side("12"));
        assertEquals(Side.OTHER, SbeEnums.side("\u00e9"));
        assertEquals(TimeInForce.AT_CLOSE, SbeEnums.timeInForce("7"));
        assertEquals(ExecType.TRADE, SbeEnums.execType("F"));
        assertEquals(ExecType.OTHER, SbeEnums.execType("9"));
        assertEquals(OrdStatus.OTHER, SbeEnums.ordStatus(null));
        assertEquals(CxlRejResponseTo.NULL_VAL, SbeEnums.cxlRejResponseTo("3"));
        assertEquals(OrdRejReason.NULL_VAL, SbeEnums.ordRejReason(null));
        assertEquals(OrdRejReason.UNKNOWN_ACCOUNT, SbeEnums.ordRejReason("15"));
        assertEquals(OrdRejReason.OTHER, SbeEnums.ordRejReason("7"));
        assertEquals(OrdRejReason.OTHER, SbeEnums.ordRejReason("255"));
        assertEquals(OrdRejReason.OTHER, SbeEnums.ordRejReason("x"));
        assertEquals(CxlRejReason.ALREADY_PENDING, SbeEnums.cxlRejReason("3"));
        assertEquals(CxlRejReason.OTHER, SbeEnums.cxlRejReason("4"));
    }
}
