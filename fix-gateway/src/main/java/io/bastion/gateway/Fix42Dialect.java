package io.bastion.gateway;

import io.bastion.sbe.ExecType;
import quickfix.Message;

/**
 * FIX 4.2: every ExecutionReport carries ExecTransType (20), and ExecType follows the order's status.
 * <table>
 *     <caption>FIX 4.4 ExecType from the OMS to FIX 4.2</caption>
 *     <tr><th>OMS ExecType</th><th>ExecTransType</th><th>ExecType</th></tr>
 *     <tr><td>F (Trade)</td><td>0 (New)</td><td>1 (Partial fill) when OrdStatus is 1, 2 (Fill) when OrdStatus is
 *     2; otherwise (pending cancel or replace) 1 while LeavesQty &gt; 0, else 2</td></tr>
 *     <tr><td>H (Trade cancel)</td><td>1 (Cancel)</td><td>the value of the order's status after the bust</td></tr>
 *     <tr><td>G (Trade correct)</td><td>2 (Correct)</td><td>the value of the order's status after the correction
 *     </td></tr>
 *     <tr><td>I (Order status)</td><td>3 (Status)</td><td>the value of the order's status</td></tr>
 *     <tr><td>any other</td><td>0 (New)</td><td>as given (0, 3, 4, 5, 6, 8, A, C, D, E exist in FIX 4.2)</td></tr>
 * </table>
 * "The value of the order's status" is OrdStatus itself, except OrdStatus D (Accepted for bidding), which in FIX 4.2
 * ExecType would mean Restated and is sent as 0 (New). Reasons FIX 4.2 does not define are sent as its
 * catch-all: OrdRejReason 0 (Broker option), CxlRejReason 2 (Broker option), ExecRestatementReason 4 (Broker option).
 * Orders to FIX 4.2 venues carry HandlInst 1 (automated execution, private, no broker intervention), which FIX 4.2
 * requires.
 */
final class Fix42Dialect implements FixDialect
{
    static final Fix42Dialect INSTANCE = new Fix42Dialect();

    private static final char EXEC_TRANS_TYPE_NEW = '0';
    private static final char EXEC_TRANS_TYPE_CANCEL = '1';
    private static final char EXEC_TRANS_TYPE_CORRECT = '2';
    private static final char EXEC_TRANS_TYPE_STATUS = '3';
    private static final char PARTIAL_FILL = '1';
    private static final char FILL = '2';
    private static final char ORD_STATUS_ACCEPTED_FOR_BIDDING = 'D';
    private static final char NEW = '0';
    private static final char HANDL_INST_AUTOMATED_PRIVATE = '1';
    private static final int ORD_REJ_REASON_MAX = 8;
    private static final int ORD_REJ_REASON_BROKER_OPTION = 0;
    private static final int CXL_REJ_REASON_MAX = 3;
    private static final int CXL_REJ_REASON_BROKER_OPTION = 2;
    private static final int EXEC_RESTATEMENT_REASON_MAX = 5;
    private static final int EXEC_RESTATEMENT_REASON_BROKER_OPTION = 4;

    private Fix42Dialect()
    {
    }

    public String beginString()
    {
        return FIX42;
    }

    public Message newMessage(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(FixTags.BEGIN_STRING, FIX42);
        message.getHeader().setString(FixTags.MSG_TYPE, msgType);
        return message;
    }

    public void putExecTypeAndStatus(
        final Message report, final char execType, final char ordStatus, final long leavesQtyMantissa)
    {
        final char execTransType;
        final char fix42ExecType;
        switch (execType)
        {
            case 'F':
                execTransType = EXEC_TRANS_TYPE_NEW;
                fix42ExecType = fillExecType(ordStatus, leavesQtyMantissa);
                break;
            case 'H':
                execTransType = EXEC_TRANS_TYPE_CANCEL;
                fix42ExecType = statusExecType(ordStatus);
                break;
            case 'G':
                execTransType = EXEC_TRANS_TYPE_CORRECT;
                fix42ExecType = statusExecType(ordStatus);
                break;
            case 'I':
                execTransType = EXEC_TRANS_TYPE_STATUS;
                fix42ExecType = statusExecType(ordStatus);
                break;
            default:
                execTransType = EXEC_TRANS_TYPE_NEW;
                fix42ExecType = execType;
                break;
        }

        report.setChar(FixTags.EXEC_TRANS_TYPE, execTransType);
        report.setChar(FixTags.EXEC_TYPE, fix42ExecType);
        report.setChar(FixTags.ORD_STATUS, ordStatus);
    }

    public int ordRejReason(final int code)
    {
        return code <= ORD_REJ_REASON_MAX ? code : ORD_REJ_REASON_BROKER_OPTION;
    }

    public int cxlRejReason(final int code)
    {
        return code <= CXL_REJ_REASON_MAX ? code : CXL_REJ_REASON_BROKER_OPTION;
    }

    public int execRestatementReason(final int code)
    {
        return code <= EXEC_RESTATEMENT_REASON_MAX ? code : EXEC_RESTATEMENT_REASON_BROKER_OPTION;
    }

    public void putOrderHandling(final Message order)
    {
        order.setChar(FixTags.HANDL_INST, HANDL_INST_AUTOMATED_PRIVATE);
    }

    public ExecType venueExecType(final String execType, final String execTransType)
    {
        if (null != execTransType && execTransType.length() == 1)
        {
            switch (execTransType.charAt(0))
            {
                case EXEC_TRANS_TYPE_CANCEL:
                    return ExecType.TRADE_CANCEL;
                case EXEC_TRANS_TYPE_CORRECT:
                    return ExecType.TRADE_CORRECT;
                case EXEC_TRANS_TYPE_STATUS:
                    return ExecType.ORDER_STATUS;
                default:
                    break;
            }
        }

        final ExecType value = SbeEnums.execType(execType);
        return ExecType.PARTIAL_FILL == value || ExecType.FILL == value ? ExecType.TRADE : value;
    }

    private static char fillExecType(final char ordStatus, final long leavesQtyMantissa)
    {
        if (PARTIAL_FILL == ordStatus || FILL == ordStatus)
        {
            return ordStatus;
        }
        return leavesQtyMantissa > 0 ? PARTIAL_FILL : FILL;
    }

    private static char statusExecType(final char ordStatus)
    {
        return ORD_STATUS_ACCEPTED_FOR_BIDDING == ordStatus ? NEW : ordStatus;
    }
}
