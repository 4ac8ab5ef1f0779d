package io.bastion.gateway;

/**
 * The FIX tags the gateway reads and writes, by number, so that no version-specific message class is needed.
 */
final class FixTags
{
    static final int ACCOUNT = 1;
    static final int SENDER_SUB_ID = 50;
    static final int AVG_PX = 6;
    static final int BEGIN_STRING = 8;
    static final int CL_ORD_ID = 11;
    static final int CUM_QTY = 14;
    static final int EXEC_ID = 17;
    static final int EXEC_REF_ID = 19;
    static final int EXEC_TRANS_TYPE = 20;
    static final int HANDL_INST = 21;
    static final int LAST_MKT = 30;
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
    static final int SENDING_TIME = 52;
    static final int SIDE = 54;
    static final int SYMBOL = 55;
    static final int TEXT = 58;
    static final int TIME_IN_FORCE = 59;
    static final int TRANSACT_TIME = 60;
    static final int POSS_DUP_FLAG = 43;
    static final int POSS_RESEND = 97;
    static final int STOP_PX = 99;
    static final int EX_DESTINATION = 100;
    static final int CXL_REJ_REASON = 102;
    static final int ORD_REJ_REASON = 103;
    static final int EXPIRE_TIME = 126;
    static final int EXEC_TYPE = 150;
    static final int LEAVES_QTY = 151;
    static final int REF_TAG_ID = 371;
    static final int REF_MSG_TYPE = 372;
    static final int SESSION_REJECT_REASON = 373;
    static final int EXEC_RESTATEMENT_REASON = 378;
    static final int BUSINESS_REJECT_REF_ID = 379;
    static final int BUSINESS_REJECT_REASON = 380;
    static final int EXPIRE_DATE = 432;
    static final int CXL_REJ_RESPONSE_TO = 434;
    static final int PASSWORD = 554;
    static final int NEW_PASSWORD = 925;
    static final int ENCRYPTED_PASSWORD = 1402;
    static final int ENCRYPTED_NEW_PASSWORD = 1404;

    static final String MSG_TYPE_LOGON = "A";
    static final String MSG_TYPE_NEW_ORDER_SINGLE = "D";
    static final String MSG_TYPE_ORDER_CANCEL_REQUEST = "F";
    static final String MSG_TYPE_ORDER_CANCEL_REPLACE_REQUEST = "G";
    static final String MSG_TYPE_ORDER_STATUS_REQUEST = "H";
    static final String MSG_TYPE_EXECUTION_REPORT = "8";
    static final String MSG_TYPE_ORDER_CANCEL_REJECT = "9";
    static final String MSG_TYPE_REJECT = "3";
    static final String MSG_TYPE_BUSINESS_MESSAGE_REJECT = "j";

    static final int SESSION_REJECT_VALUE_OUT_OF_RANGE = 5;
    static final int SESSION_REJECT_INCORRECT_DATA_FORMAT = 6;
    static final int BUSINESS_REJECT_APPLICATION_NOT_AVAILABLE = 4;

    private FixTags()
    {
    }

    /**
     * The FIX name of a tag the gateway validates, for reject texts.
     *
     * @param tag the tag number.
     * @return its name, or {@code "Tag"} for a tag not listed here.
     */
    static String name(final int tag)
    {
        switch (tag)
        {
            case ACCOUNT:
                return "Account";
            case SENDER_SUB_ID:
                return "SenderSubID";
            case CL_ORD_ID:
                return "ClOrdID";
            case ORDER_ID:
                return "OrderID";
            case ORDER_QTY:
                return "OrderQty";
            case ORIG_CL_ORD_ID:
                return "OrigClOrdID";
            case PRICE:
                return "Price";
            case SYMBOL:
                return "Symbol";
            case STOP_PX:
                return "StopPx";
            case EX_DESTINATION:
                return "ExDestination";
            case EXPIRE_DATE:
                return "ExpireDate";
            default:
                return "Tag";
        }
    }
}
