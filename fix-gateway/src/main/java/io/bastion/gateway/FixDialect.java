package io.bastion.gateway;

import io.bastion.sbe.ExecType;
import quickfix.Message;

/**
 * What differs between FIX versions when the gateway writes or reads a message, chosen per session from its
 * BeginString (and, for FIXT.1.1, its DefaultApplVerID). Everything else is read and written by tag on generic
 * {@link Message}s.
 * <p>
 * The OMS speaks FIX 4.4 semantics in SBE: fills are ExecType F, busts H, corrections G, status responses I. A
 * dialect converts them on the way out to the client's version and normalises a venue's reports on the way in.
 * Enumerated values that a version does not define are replaced by that version's nearest catch-all value, so that a
 * counterparty validating against its data dictionary never rejects a report.
 */
interface FixDialect
{
    /** BeginString of FIX 4.2. */
    String FIX42 = "FIX.4.2";

    /** BeginString of FIX 4.4. */
    String FIX44 = "FIX.4.4";

    /** BeginString of the FIXT.1.1 transport that carries FIX 5.0 and later. */
    String FIXT11 = "FIXT.1.1";

    /** DefaultApplVerID of FIX 5.0SP2 as its BeginString-like name, as QuickFIX/J session settings accept it. */
    String FIX50SP2 = "FIX.5.0SP2";

    /** ApplVerID (1128) enumeration value of FIX 5.0SP2. */
    String APPL_VER_ID_FIX50SP2 = "9";

    /**
     * The dialect for a session.
     *
     * @param beginString      such as {@code FIX.4.4}.
     * @param defaultApplVerId the session's DefaultApplVerID setting for FIXT.1.1 ({@code FIX.5.0SP2} or {@code 9}),
     *                         ignored for other versions; may be null.
     * @return the dialect, or null when the version is not supported.
     */
    static FixDialect forSession(final String beginString, final String defaultApplVerId)
    {
        if (FIX44.equals(beginString))
        {
            return Fix44Dialect.INSTANCE;
        }
        if (FIX42.equals(beginString))
        {
            return Fix42Dialect.INSTANCE;
        }
        if (FIXT11.equals(beginString) &&
            (FIX50SP2.equals(defaultApplVerId) || APPL_VER_ID_FIX50SP2.equals(defaultApplVerId)))
        {
            return Fix50Sp2Dialect.INSTANCE;
        }
        return null;
    }

    /**
     * The versions for which {@link #forSession(String, String)} returns a dialect, for error messages.
     *
     * @return the supported versions.
     */
    static String supportedVersions()
    {
        return FIX42 + ", " + FIX44 + ", " + FIXT11 + " with DefaultApplVerID=" + FIX50SP2;
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
     * Put ExecType (150), OrdStatus (39) and, where the version has it, ExecTransType (20) on an ExecutionReport,
     * given in FIX 4.4 terms.
     *
     * @param report             the ExecutionReport.
     * @param execType           FIX 4.4 ExecType.
     * @param ordStatus          OrdStatus.
     * @param leavesQtyMantissa  LeavesQty as a fixed-point mantissa, or null: decides partial fill or fill where
     *                           OrdStatus does not.
     */
    void putExecTypeAndStatus(Message report, char execType, char ordStatus, long leavesQtyMantissa);

    /**
     * @param code an OrdRejReason (103) of the schema.
     * @return the code, or this version's catch-all when the version does not define it.
     */
    int ordRejReason(int code);

    /**
     * @param code a CxlRejReason (102) of the schema.
     * @return the code, or this version's catch-all when the version does not define it.
     */
    int cxlRejReason(int code);

    /**
     * @param code an ExecRestatementReason (378) of the schema.
     * @return the code, or this version's catch-all when the version does not define it.
     */
    int execRestatementReason(int code);

    /**
     * Put whatever the version requires on a NewOrderSingle or OrderCancelReplaceRequest sent to a venue
     * (HandlInst (21) in FIX 4.2; nothing in later versions).
     *
     * @param order the order message.
     */
    void putOrderHandling(Message order);

    /**
     * A venue's ExecType in FIX 4.4 terms, as the OMS expects it.
     *
     * @param execType      the venue's ExecType (150), or null when absent.
     * @param execTransType the venue's ExecTransType (20), or null when absent (always absent after FIX 4.2).
     * @return the SBE ExecType; {@link ExecType#OTHER} for a value the schema does not know.
     */
    ExecType venueExecType(String execType, String execTransType);
}
