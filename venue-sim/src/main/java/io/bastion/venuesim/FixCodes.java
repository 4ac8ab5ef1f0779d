package io.bastion.venuesim;

/**
 * The FIX tags and values the venue reads and writes. Messages are handled by tag, not by version-specific
 * classes, so FIX 4.2 sessions work as well as FIX 4.4 ones.
 */
final class FixCodes
{
    static final int AVG_PX = 6;
    static final int CL_ORD_ID = 11;
    static final int CUM_QTY = 14;
    static final int EXEC_ID = 17;
    static final int EXEC_TRANS_TYPE = 20;
    static final int LAST_PX = 31;
    static final int LAST_QTY = 32;
    static final int MSG_SEQ_NUM = 34;
    static final int MSG_TYPE = 35;
    static final int ORDER_ID = 37;
    static final int ORDER_QTY = 38;
    static final int ORD_STATUS = 39;
    static final int ORD_TYPE = 40;
    static final int ORIG_CL_ORD_ID = 41;
    static final int PRICE = 44;
    static final int REF_SEQ_NUM = 45;
    static final int SIDE = 54;
    static final int SYMBOL = 55;
    static final int TEXT = 58;
    static final int TIME_IN_FORCE = 59;
    static final int TRANSACT_TIME = 60;
    static final int POSS_RESEND = 97;
    static final int CXL_REJ_REASON = 102;
    static final int ORD_REJ_REASON = 103;
    static final int EXEC_TYPE = 150;
    static final int LEAVES_QTY = 151;
    static final int REF_MSG_TYPE = 372;
    static final int BUSINESS_REJECT_REASON = 380;
    static final int CXL_REJ_RESPONSE_TO = 434;

    static final String MSG_TYPE_EXECUTION_REPORT = "8";
    static final String MSG_TYPE_ORDER_CANCEL_REJECT = "9";
    static final String MSG_TYPE_NEW_ORDER_SINGLE = "D";
    static final String MSG_TYPE_ORDER_CANCEL_REQUEST = "F";
    static final String MSG_TYPE_ORDER_CANCEL_REPLACE_REQUEST = "G";
    static final String MSG_TYPE_ORDER_STATUS_REQUEST = "H";
    static final String MSG_TYPE_BUSINESS_MESSAGE_REJECT = "j";

    static final char SIDE_BUY = '1';
    static final char SIDE_SELL = '2';
    static final char ORD_TYPE_MARKET = '1';
    static final char ORD_TYPE_LIMIT = '2';
    static final char TIF_DAY = '0';
    static final char TIF_GOOD_TILL_CANCEL = '1';
    static final char TIF_IMMEDIATE_OR_CANCEL = '3';
    static final char TIF_FILL_OR_KILL = '4';

    static final char EXEC_TYPE_NEW = '0';
    static final char EXEC_TYPE_CANCELED = '4';
    static final char EXEC_TYPE_REPLACED = '5';
    static final char EXEC_TYPE_REJECTED = '8';
    static final char EXEC_TYPE_TRADE = 'F';
    static final char EXEC_TYPE_ORDER_STATUS = 'I';
    static final char EXEC_TRANS_TYPE_NEW = '0';
    static final char EXEC_TRANS_TYPE_STATUS = '3';

    static final char ORD_STATUS_NEW = '0';
    static final char ORD_STATUS_PARTIALLY_FILLED = '1';
    static final char ORD_STATUS_FILLED = '2';
    static final char ORD_STATUS_CANCELED = '4';
    static final char ORD_STATUS_REJECTED = '8';

    static final int ORD_REJ_REASON_BROKER_OPTION = 0;
    static final int ORD_REJ_REASON_UNKNOWN_SYMBOL = 1;
    static final int ORD_REJ_REASON_DUPLICATE_ORDER = 6;
    static final int ORD_REJ_REASON_UNSUPPORTED_ORDER_CHARACTERISTIC = 11;
    static final int ORD_REJ_REASON_INCORRECT_QUANTITY = 13;
    static final int ORD_REJ_REASON_OTHER = 99;

    static final int CXL_REJ_REASON_TOO_LATE = 0;
    static final int CXL_REJ_REASON_UNKNOWN_ORDER = 1;
    static final int CXL_REJ_REASON_BROKER_OPTION = 2;
    static final int CXL_REJ_REASON_DUPLICATE_CL_ORD_ID = 6;
    static final int CXL_REJ_REASON_OTHER = 99;

    static final char CXL_REJ_RESPONSE_TO_CANCEL = '1';
    static final char CXL_REJ_RESPONSE_TO_REPLACE = '2';

    static final int BUSINESS_REJECT_REASON_OTHER = 0;

    /** Highest OrdRejReason FIX 4.2 defines; newer codes map to {@link #ORD_REJ_REASON_BROKER_OPTION}. */
    static final int ORD_REJ_REASON_MAX_FIX42 = 8;

    /** Highest CxlRejReason FIX 4.2 defines; newer codes map to {@link #CXL_REJ_REASON_BROKER_OPTION}. */
    static final int CXL_REJ_REASON_MAX_FIX42 = 3;

    private FixCodes()
    {
    }

    /**
     * Whether a session speaks FIX 4.2 or older: ExecTransType on every report, fills reported as ExecType 1/2
     * rather than F, and fewer reject reasons.
     */
    static boolean isPreFix43(final String beginString)
    {
        return "FIX.4.0".equals(beginString) || "FIX.4.1".equals(beginString) || "FIX.4.2".equals(beginString);
    }
}
