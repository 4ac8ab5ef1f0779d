package io.bastion.gateway;

import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.CxlRejResponseTo;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ExecType;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.OrdStatus;
import io.bastion.sbe.OrdType;
import io.bastion.sbe.Side;
import io.bastion.sbe.TimeInForce;

/**
 * FIX field values to SBE enum constants without exceptions: a value that is valid FIX but not one of the schema's
 * becomes {@code OTHER}, so that the OMS can reject it with a precise text.
 */
final class SbeEnums
{
    private static final int ASCII = 128;
    private static final int UINT8 = 256;

    private static final Side[] SIDES = new Side[ASCII];
    private static final OrdType[] ORD_TYPES = new OrdType[ASCII];
    private static final TimeInForce[] TIME_IN_FORCES = new TimeInForce[ASCII];
    private static final ExecType[] EXEC_TYPES = new ExecType[ASCII];
    private static final OrdStatus[] ORD_STATUSES = new OrdStatus[ASCII];
    private static final CxlRejResponseTo[] CXL_REJ_RESPONSE_TOS = new CxlRejResponseTo[ASCII];
    private static final OrdRejReason[] ORD_REJ_REASONS = new OrdRejReason[UINT8];
    private static final CxlRejReason[] CXL_REJ_REASONS = new CxlRejReason[UINT8];
    private static final ExecRestatementReason[] EXEC_RESTATEMENT_REASONS = new ExecRestatementReason[UINT8];

    static
    {
        for (final Side value : Side.values())
        {
            SIDES[value.value()] = value;
        }
        for (final OrdType value : OrdType.values())
        {
            ORD_TYPES[value.value()] = value;
        }
        for (final TimeInForce value : TimeInForce.values())
        {
            TIME_IN_FORCES[value.value()] = value;
        }
        for (final ExecType value : ExecType.values())
        {
            EXEC_TYPES[value.value()] = value;
        }
        for (final OrdStatus value : OrdStatus.values())
        {
            ORD_STATUSES[value.value()] = value;
        }
        for (final CxlRejResponseTo value : CxlRejResponseTo.values())
        {
            CXL_REJ_RESPONSE_TOS[value.value()] = value;
        }
        for (final OrdRejReason value : OrdRejReason.values())
        {
            ORD_REJ_REASONS[value.value()] = value;
        }
        for (final CxlRejReason value : CxlRejReason.values())
        {
            CXL_REJ_REASONS[value.value()] = value;
        }
        for (final ExecRestatementReason value : ExecRestatementReason.values())
        {
            EXEC_RESTATEMENT_REASONS[value.value()] = value;
        }
    }

    private SbeEnums()
    {
    }

    static Side side(final String fixValue)
    {
        final Side value = lookup(SIDES, fixValue);
        return null == value ? Side.OTHER : value;
    }

    static OrdType ordType(final String fixValue)
    {
        final OrdType value = lookup(ORD_TYPES, fixValue);
        return null == value ? OrdType.OTHER : value;
    }

    static TimeInForce timeInForce(final String fixValue)
    {
        final TimeInForce value = lookup(TIME_IN_FORCES, fixValue);
        return null == value ? TimeInForce.OTHER : value;
    }

    static ExecType execType(final String fixValue)
    {
        final ExecType value = lookup(EXEC_TYPES, fixValue);
        return null == value ? ExecType.OTHER : value;
    }

    static OrdStatus ordStatus(final String fixValue)
    {
        final OrdStatus value = lookup(ORD_STATUSES, fixValue);
        return null == value ? OrdStatus.OTHER : value;
    }

    /**
     * CxlRejResponseTo has no {@code OTHER}: an unknown value maps to {@code NULL_VAL}.
     */
    static CxlRejResponseTo cxlRejResponseTo(final String fixValue)
    {
        final CxlRejResponseTo value = lookup(CXL_REJ_RESPONSE_TOS, fixValue);
        return null == value ? CxlRejResponseTo.NULL_VAL : value;
    }

    /**
     * @param fixValue the field's text, or null when absent.
     * @return {@code NULL_VAL} when absent, {@code OTHER} when not one of the schema's values.
     */
    static OrdRejReason ordRejReason(final String fixValue)
    {
        if (null == fixValue)
        {
            return OrdRejReason.NULL_VAL;
        }
        final int code = smallInt(fixValue);
        final OrdRejReason value = code < 0 ? null : ORD_REJ_REASONS[code];
        return null == value || value == OrdRejReason.NULL_VAL ? OrdRejReason.OTHER : value;
    }

    /**
     * @param fixValue the field's text, or null when absent.
     * @return {@code NULL_VAL} when absent, {@code OTHER} when not one of the schema's values.
     */
    static CxlRejReason cxlRejReason(final String fixValue)
    {
        if (null == fixValue)
        {
            return CxlRejReason.NULL_VAL;
        }
        final int code = smallInt(fixValue);
        final CxlRejReason value = code < 0 ? null : CXL_REJ_REASONS[code];
        return null == value || value == CxlRejReason.NULL_VAL ? CxlRejReason.OTHER : value;
    }

    /**
     * @param fixValue the field's text, or null when absent.
     * @return {@code NULL_VAL} when absent, {@code OTHER} when not one of the schema's values.
     */
    static ExecRestatementReason execRestatementReason(final String fixValue)
    {
        if (null == fixValue)
        {
            return ExecRestatementReason.NULL_VAL;
        }
        final int code = smallInt(fixValue);
        final ExecRestatementReason value = code < 0 ? null : EXEC_RESTATEMENT_REASONS[code];
        return null == value || value == ExecRestatementReason.NULL_VAL ? ExecRestatementReason.OTHER : value;
    }

    private static <E> E lookup(final E[] table, final String fixValue)
    {
        if (null == fixValue || fixValue.length() != 1)
        {
            return null;
        }
        final char c = fixValue.charAt(0);
        // Index 0 is the schema's null value, never a FIX value.
        return c == 0 || c >= table.length ? null : table[c];
    }

    private static int smallInt(final String text)
    {
        final int length = text.length();
        if (length == 0 || length > 3)
        {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value < UINT8 ? value : -1;
    }
}
