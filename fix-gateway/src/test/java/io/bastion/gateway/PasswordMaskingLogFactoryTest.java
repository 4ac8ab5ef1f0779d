package io.bastion.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PasswordMaskingLogFactoryTest
{
    private static final char SOH = '\u0001';

    @Test
    void shouldMaskEveryPasswordField()
    {
        final String logon = fix("8=FIX.4.4", "35=A", "553=user", "554=s3cret", "925=n3w", "10=000");

        assertEquals(fix("8=FIX.4.4", "35=A", "553=user", "554=***", "925=***", "10=000"),
            PasswordMaskingLogFactory.mask(logon));
    }

    @Test
    void shouldMaskPasswordsInQuotedMessagesAndLeaveOtherTagsAlone()
    {
        assertEquals("Logon 554=*** rejected", PasswordMaskingLogFactory.mask("Logon 554=abc rejected"));
        assertEquals("8=FIX.4.4|1554=x|554=***|", PasswordMaskingLogFactory.mask("8=FIX.4.4|1554=x|554=pw|"));
        assertEquals(fix("554=***", "58=x"), PasswordMaskingLogFactory.mask(fix("554=554=554=", "58=x")));
    }

    @Test
    void shouldReturnTextWithoutPasswordsUnchanged()
    {
        final String heartbeat = fix("8=FIX.4.4", "35=0", "10=000");

        assertSame(heartbeat, PasswordMaskingLogFactory.mask(heartbeat));
    }

    private static String fix(final String... fields)
    {
        final StringBuilder builder = new StringBuilder();
        for (final String field : fields)
        {
            builder.append(field).append(SOH);
        }
        return builder.toString();
    }
}
