package io.bastion.gateway;

import io.bastion.sbe.ExecType;
import quickfix.Message;

/**
 * FIX 4.4: ExecType as the OMS gives it (fills are ExecType F), no ExecTransType, no HandlInst required.
 * OrdRejReason 16 and 18 came with FIX 5.0 and are sent as 99 (Other).
 */
final class Fix44Dialect implements FixDialect
{
    static final Fix44Dialect INSTANCE = new Fix44Dialect();

    private static final int ORD_REJ_REASON_MAX = 15;
    private static final int OTHER = 99;

    private Fix44Dialect()
    {
    }

    public String beginString()
    {
        return FIX44;
    }

    public Message newMessage(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(FixTags.BEGIN_STRING, FIX44);
        message.getHeader().setString(FixTags.MSG_TYPE, msgType);
        return message;
    }

    public void putExecTypeAndStatus(
        final Message report, final char execType, final char ordStatus, final long leavesQtyMantissa)
    {
        report.setChar(FixTags.EXEC_TYPE, execType);
        report.setChar(FixTags.ORD_STATUS, ordStatus);
    }

    public int ordRejReason(final int code)
    {
        return code <= ORD_REJ_REASON_MAX ? code : OTHER;
    }

    public int cxlRejReason(final int code)
    {
        return code;
    }

    public int execRestatementReason(final int code)
    {
        return code;
    }

    public void putOrderHandling(final Message order)
    {
    }

    public ExecType venueExecType(final String execType, final String execTransType)
    {
        return SbeEnums.execType(execType);
    }
}
