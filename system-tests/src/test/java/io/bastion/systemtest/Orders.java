package io.bastion.systemtest;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.MsgType;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * FIX messages and field checks for system tests, built by tag so tests say exactly what goes on the wire.
 */
final class Orders
{
    private Orders()
    {
    }

    static Message newOrder(
        final String clOrdId, final String account, final String symbol, final char side, final char ordType,
        final String qty, final String price)
    {
        final Message order = new Message();
        order.getHeader().setString(MsgType.FIELD, MsgType.NEW_ORDER_SINGLE);
        order.setString(11, clOrdId);
        if (account != null)
        {
            order.setString(1, account);
        }
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setChar(40, ordType);
        order.setString(38, qty);
        if (price != null)
        {
            order.setString(44, price);
        }
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return order;
    }

    static Message cancel(final String clOrdId, final String origClOrdId, final String symbol, final char side)
    {
        final Message cancel = new Message();
        cancel.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REQUEST);
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        cancel.setChar(54, side);
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return cancel;
    }

    /**
     * Assert the fields every execution report carries and their values.
     */
    static void assertReport(
        final Message report, final String clOrdId, final char execType, final char ordStatus, final String orderQty,
        final String cumQty, final String leavesQty, final String avgPx, final String lastQty, final String lastPx)
        throws FieldNotFound
    {
        assertEquals(MsgType.EXECUTION_REPORT, report.getHeader().getString(MsgType.FIELD));
        assertEquals(clOrdId, report.getString(11), "ClOrdID (11)");
        assertEquals(execType, report.getChar(150), "ExecType (150)");
        assertEquals(ordStatus, report.getChar(39), "OrdStatus (39)");
        assertDecimal(orderQty, report, 38, "OrderQty");
        assertDecimal(cumQty, report, 14, "CumQty");
        assertDecimal(leavesQty, report, 151, "LeavesQty");
        assertDecimal(avgPx, report, 6, "AvgPx");
        assertDecimal(lastQty, report, 32, "LastQty");
        assertDecimal(lastPx, report, 31, "LastPx");
        assertFalse(report.getString(37).isEmpty(), "OrderID (37)");
        assertFalse(report.getString(17).isEmpty(), "ExecID (17)");
        assertFalse(report.getString(60).isEmpty(), "TransactTime (60)");
    }

    static void assertDecimal(final String expected, final Message message, final int tag, final String name)
        throws FieldNotFound
    {
        assertEquals(new java.math.BigDecimal(expected).stripTrailingZeros(),
            new java.math.BigDecimal(message.getString(tag)).stripTrailingZeros(), name + " (" + tag + ")");
    }
}
