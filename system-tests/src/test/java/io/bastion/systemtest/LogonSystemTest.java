package io.bastion.systemtest;

import io.bastion.app.Bastion;
import io.bastion.app.BastionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logon is authenticated against the default configuration: only configured CompIDs, and CLIENT2's password.
 */
class LogonSystemTest
{
    private static TestConfig config;
    private static Bastion bastion;

    @BeforeAll
    static void start()
    {
        config = TestConfig.create();
        bastion = Bastion.launch(BastionConfig.load(config.configDir));
    }

    @AfterAll
    static void stop()
    {
        if (bastion != null)
        {
            bastion.close();
        }
        config.delete();
    }

    @Test
    void shouldRefuseAWrongPasswordWithALogoutSayingWhy() throws Exception
    {
        try (FixTestClient client = new FixTestClient("CLIENT2", config.clientPort, "not-the-password"))
        {
            final Message logout = client.awaitAdmin(MsgType.LOGOUT);
            assertEquals("Invalid password for CLIENT2", logout.getString(58));
            assertFalse(client.isLoggedOn());
        }
    }

    @Test
    void shouldRefuseAMissingPasswordWithALogoutSayingWhy() throws Exception
    {
        try (FixTestClient client = new FixTestClient("CLIENT2", config.clientPort, null))
        {
            final Message logout = client.awaitAdmin(MsgType.LOGOUT);
            assertEquals("Password (554) required for CLIENT2", logout.getString(58));
            assertFalse(client.isLoggedOn());
        }
    }

    @Test
    void shouldAcceptTheConfiguredPassword() throws Exception
    {
        try (FixTestClient client = new FixTestClient("CLIENT2", config.clientPort, "client2-secret"))
        {
            assertTrue(client.awaitLogon());
        }
    }

    @Test
    void shouldRefuseToStartASecondBastionOnTheSameDataDirectory()
    {
        final RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
            () -> Bastion.launch(BastionConfig.load(config.configDir)).close());
        assertTrue(String.valueOf(refused.getMessage()).startsWith("another Bastion is active on data directory"),
            refused.toString());
        assertTrue(bastion.gateway().clientSessionCount() > 0, "the running Bastion is untouched");
    }

    @Test
    void shouldNeverLogOnAnUnknownCompId() throws Exception
    {
        try (FixTestClient client = new FixTestClient("INTRUDER", config.clientPort, null))
        {
            assertFalse(client.awaitLogon(3_000), "an unconfigured CompID must not log on");
        }
    }
}
