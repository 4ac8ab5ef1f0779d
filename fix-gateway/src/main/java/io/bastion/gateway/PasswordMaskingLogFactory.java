package io.bastion.gateway;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Wraps QuickFIX/J's session logs so that the values of Password (554), NewPassword (925), EncryptedPassword (1402)
 * and EncryptedNewPassword (1404) never reach a log: QuickFIX/J logs every Logon as it was received or sent.
 */
final class PasswordMaskingLogFactory implements LogFactory
{
    static final String MASK = "***";

    private static final char SOH = '\u0001';
    private static final String[] MASKED_TAGS =
    {
        FixTags.PASSWORD + "=",
        FixTags.NEW_PASSWORD + "=",
        FixTags.ENCRYPTED_PASSWORD + "=",
        FixTags.ENCRYPTED_NEW_PASSWORD + "=",
    };

    private final LogFactory delegate;

    PasswordMaskingLogFactory(final LogFactory delegate)
    {
        this.delegate = delegate;
    }

    public Log create(final SessionID sessionID)
    {
        return new MaskingLog(delegate.create(sessionID));
    }

    /**
     * Replace the value of every password field in FIX text with {@link #MASK}.
     *
     * @param text a FIX message or a log event that may quote one.
     * @return the text with passwords masked; the same instance when it has none.
     */
    static String mask(final String text)
    {
        if (null == text)
        {
            return null;
        }

        String result = text;
        for (final String tagPrefix : MASKED_TAGS)
        {
            result = mask(result, tagPrefix);
        }
        return result;
    }

    private static String mask(final String text, final String tagPrefix)
    {
        int index = text.indexOf(tagPrefix);
        if (index < 0)
        {
            return text;
        }

        final StringBuilder builder = new StringBuilder(text.length());
        int copied = 0;
        while (index >= 0)
        {
            final int valueStart = index + tagPrefix.length();
            if (index == 0 || !Character.isDigit(text.charAt(index - 1)))
            {
                int valueEnd = text.indexOf(SOH, valueStart);
                if (valueEnd < 0)
                {
                    valueEnd = endOfValue(text, valueStart);
                }
                builder.append(text, copied, valueStart).append(MASK);
                copied = valueEnd;
            }
            index = text.indexOf(tagPrefix, Math.max(valueStart, copied));
        }
        builder.append(text, copied, text.length());

        return builder.toString();
    }

    private static int endOfValue(final String text, final int valueStart)
    {
        // Messages quoted in log events may use '|' or spaces instead of SOH.
        int end = valueStart;
        while (end < text.length() && text.charAt(end) != '|' && text.charAt(end) != ' ' && text.charAt(end) != ',')
        {
            end++;
        }
        return end;
    }

    private static final class MaskingLog implements Log
    {
        private final Log delegate;

        MaskingLog(final Log delegate)
        {
            this.delegate = delegate;
        }

        public void clear()
        {
            delegate.clear();
        }

        public void onIncoming(final String message)
        {
            delegate.onIncoming(mask(message));
        }

        public void onOutgoing(final String message)
        {
            delegate.onOutgoing(mask(message));
        }

        public void onEvent(final String text)
        {
            delegate.onEvent(mask(text));
        }

        public void onErrorEvent(final String text)
        {
            delegate.onErrorEvent(mask(text));
        }

        public void onWarnEvent(final String text)
        {
            delegate.onWarnEvent(mask(text));
        }
    }
}
