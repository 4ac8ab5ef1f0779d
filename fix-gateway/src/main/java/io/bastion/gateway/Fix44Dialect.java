package io.bastion.gateway;

import quickfix.Message;

/**
 * FIX 4.4: ExecType as given (fills are ExecType F), no HandlInst required.
 */
final class Fix44Dialect implements FixDialect
{
    static final String BEGIN_STRING = "FIX.4.4";
    static final Fix44Dialect INSTANCE = new Fix44Dialect();

    private Fix44Dialect()
    {
    }

    public String beginString()
    {
        return BEGIN_STRING;
    }

    public Message newMessage(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(FixTags.BEGIN_STRING, BEGIN_STRING);
        message.getHeader().setString(FixTags.MSG_TYPE, msgType);
        return message;
    }

    public void putExecTypeAndStatus(final Message report, final char execType, final char ordStatus)
    {
        report.setChar(FixTags.EXEC_TYPE, execType);
        report.setChar(FixTags.ORD_STATUS, ordStatus);
    }

    public void putOrderHandling(final Message order)
    {
    }
}
