package io.bastion.gateway;

import io.bastion.protocol.FixedPoint;
import quickfix.FieldException;
import quickfix.FieldMap;
import quickfix.FieldNotFound;

/**
 * Reading FIX fields by tag into SBE field values. Client input is checked strictly: a value that does not fit its
 * SBE field is refused with a {@link FieldException}, which QuickFIX/J answers with a session-level Reject (35=3)
 * carrying RefTagID, SessionRejectReason and the exception's text. Venue input is taken as leniently as it can be
 * without changing its meaning, because a venue's report must reach the OMS.
 */
final class FixFields
{
    /** Null value of the SBE {@code int64} identifiers Bastion chooses. */
    static final long NULL_ID = Long.MIN_VALUE;

    private static final int MAX_ID_DIGITS = 18;

    private FixFields()
    {
    }

    /**
     * @return the field's value, or null when absent.
     */
    static String optional(final FieldMap fields, final int tag)
    {
        try
        {
            return fields.isSetField(tag) ? fields.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    /**
     * A client's text field for an SBE char array.
     *
     * @return the value, or an empty string when absent.
     * @throws FieldException (value out of range) when longer than the array.
     */
    static String clientText(final FieldMap fields, final int tag, final int maxLength)
    {
        final String value = optional(fields, tag);
        if (null == value)
        {
            return "";
        }
        if (value.length() > maxLength)
        {
            throw new FieldException(
                FixTags.SESSION_REJECT_VALUE_OUT_OF_RANGE,
                FixTags.name(tag) + " (" + tag + ") longer than " + maxLength + " characters",
                tag);
        }
        return value;
    }

    /**
     * A client's price or quantity.
     *
     * @return the fixed-point mantissa, or {@link FixedPoint#NULL_VALUE} when absent.
     * @throws FieldException (incorrect data format) when not a decimal that fits the fixed-point representation.
     */
    static long clientDecimal(final FieldMap fields, final int tag)
    {
        final String value = optional(fields, tag);
        if (null == value)
        {
            return FixedPoint.NULL_VALUE;
        }
        final long mantissa = FixedPoint.parse(value);
        if (FixedPoint.INVALID == mantissa)
        {
            throw new FieldException(
                FixTags.SESSION_REJECT_INCORRECT_DATA_FORMAT,
                FixTags.name(tag) + " (" + tag + ") '" + value + "' is not a decimal with at most " +
                    FixedPoint.DECIMALS + " decimal places within range",
                tag);
        }
        return mantissa;
    }

    /**
     * A venue's price or quantity: more than {@link FixedPoint#DECIMALS} decimal places are rounded half up (venues
     * often send AvgPx with more).
     *
     * @return the fixed-point mantissa, or {@link FixedPoint#NULL_VALUE} when absent or not a decimal.
     */
    static long venueDecimal(final FieldMap fields, final int tag)
    {
        final String value = optional(fields, tag);
        if (null == value)
        {
            return FixedPoint.NULL_VALUE;
        }
        return roundedDecimal(value);
    }

    static long roundedDecimal(final String value)
    {
        final long mantissa = FixedPoint.parse(value);
        if (FixedPoint.INVALID != mantissa)
        {
            return mantissa;
        }

        final int point = value.indexOf('.');
        final int cut = point + 1 + FixedPoint.DECIMALS;
        if (point < 0 || value.length() <= cut)
        {
            return FixedPoint.NULL_VALUE;
        }
        for (int i = cut; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < '0' || c > '9')
            {
                return FixedPoint.NULL_VALUE;
            }
        }

        final long truncated = FixedPoint.parse(value.substring(0, cut));
        if (FixedPoint.INVALID == truncated)
        {
            return FixedPoint.NULL_VALUE;
        }
        if (value.charAt(cut) < '5')
        {
            return truncated;
        }
        return value.charAt(0) == '-' ? truncated - 1 : truncated + 1;
    }

    /**
     * A venue's text field for an SBE char array: cut to the array when longer (and reported by the caller).
     *
     * @return the value, or an empty string when absent.
     */
    static String venueText(final FieldMap fields, final int tag, final int maxLength)
    {
        final String value = optional(fields, tag);
        if (null == value)
        {
            return "";
        }
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    /**
     * @return true when the field is present and longer than {@code maxLength}.
     */
    static boolean isLongerThan(final FieldMap fields, final int tag, final int maxLength)
    {
        final String value = optional(fields, tag);
        return null != value && value.length() > maxLength;
    }

    /**
     * One of Bastion's own numeric identifiers, e.g. the ClOrdID it sent to a venue.
     *
     * @return the identifier, or {@link #NULL_ID} when absent or not a non-negative decimal integer.
     */
    static long id(final FieldMap fields, final int tag)
    {
        final String value = optional(fields, tag);
        if (null == value || value.isEmpty() || value.length() > MAX_ID_DIGITS)
        {
            return NULL_ID;
        }
        long id = 0;
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < '0' || c > '9')
            {
                return NULL_ID;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /**
     * @return the UTCTimestamp in nanoseconds since the epoch, or {@link FixTimestamps#NULL_NS} when absent or
     * malformed.
     */
    static long timestampNs(final FieldMap fields, final int tag)
    {
        final String value = optional(fields, tag);
        return null == value ? FixTimestamps.NULL_NS : FixTimestamps.parseNs(value);
    }

    /**
     * Text for an SBE var-data field, cut to {@link FixGatewayConfiguration#MAX_TEXT_LENGTH}.
     *
     * @return the text, or an empty string when absent.
     */
    static String freeText(final FieldMap fields, final int tag)
    {
        return venueText(fields, tag, FixGatewayConfiguration.MAX_TEXT_LENGTH);
    }
}
