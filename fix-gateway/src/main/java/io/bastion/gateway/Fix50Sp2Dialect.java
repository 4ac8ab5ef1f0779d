package io.bastion.gateway;

import io.bastion.sbe.ExecType;
import quickfix.Message;

/**
 * FIX 5.0SP2 over FIXT.1.1: the application semantics of FIX 4.4 (fills are ExecType F; FIX 5.0SP2 no longer defines
 * ExecType 1 and 2), every application message carries ApplVerID (1128) 9 in its header. The session's
 * DefaultApplVerID says the same; the explicit field lets a counterparty that serves several versions on one session
 * pick the right dictionary without relying on the Logon.
 */
final class Fix50Sp2Dialect implements FixDialect
{
    static final Fix50Sp2Dialect INSTANCE = new Fix50Sp2Dialect();

    private static final int APPL_VER_ID = 1128;

    private Fix50Sp2Dialect()
    {
    }

    public String beginString()
    {
        return FIXT11;
    }

    public Message newMessage(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(FixTags.BEGIN_STRING, FIXT11);
        message.getHeader().setString(FixTags.MSG_TYPE, msgType);
        message.getHeader().setString(APPL_VER_ID, APPL_VER_ID_FIX50SP2);
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
        return code;
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
