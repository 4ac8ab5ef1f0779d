package io.bastion.gateway;

import quickfix.Message;

/**
 * What differs between FIX versions when the gateway writes a message, chosen per session from its BeginString.
 * Everything else is read and written by tag on generic {@link Message}s.
 * <p>
 * FIX 4.4 is implemented. FIX 4.2 will need ExecTransType (20) and ExecType 1/2 instead of F for fills, and
 * HandlInst (21) on orders; FIXT.1.1 will need ApplVerID (1128) from the session's DefaultApplVerID.
 */
interface FixDialect
{
    /**
     * The dialect for a session's BeginString.
     *
     * @param beginString such as {@code FIX.4.4}.
     * @return the dialect, or null when the version is not supported.
     */
    static FixDialect forBeginString(final String beginString)
    {
        return Fix44Dialect.BEGIN_STRING.equals(beginString) ? Fix44Dialect.INSTANCE : null;
    }

    /**
     * The BeginStrings for which {@link #forBeginString(String)} returns a dialect, for error messages.
     *
     * @return the supported versions.
     */
    static String supportedBeginStrings()
    {
        return Fix44Dialect.BEGIN_STRING;
    }

    /**
     * @return the BeginString (8) of this dialect.
     */
    String beginString();

    /**
     * A new application message of a type; the session completes the header when it sends it.
     *
     * @param msgType MsgType (35).
     * @return the message.
     */
    Message newMessage(String msgType);

    /**
     * Put ExecType (150) and OrdStatus (39) on an ExecutionReport, given in FIX 4.4 terms (fills are ExecType F).
     *
     * @param report     the ExecutionReport.
     * @param execType   FIX 4.4 ExecType.
     * @param ordStatus  OrdStatus.
     */
    void putExecTypeAndStatus(Message report, char execType, char ordStatus);

    /**
     * Put whatever the version requires on a NewOrderSingle or OrderCancelReplaceRequest sent to a venue
     * (HandlInst (21) in FIX 4.2; nothing in FIX 4.4).
     *
     * @param order the order message.
     */
    void putOrderHandling(Message order);
}
