package io.bastion.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest
{
    private static final String SOURCE = "API keys file keys.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String hash(final int iterations, final int saltBytes, final int hashBytes)
    {
        final Base64.Encoder encoder = Base64.getEncoder();
        return "pbkdf2$" + iterations + '$' + encoder.encodeToString(bytes(saltBytes)) + '$' +
            encoder.encodeToString(bytes(hashBytes));
    }

    private static byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String good()
    {
        return hash(ApiKeyHash.MIN_ITERATIONS, ApiKeyHash.SALT_LENGTH, ApiKeyHash.HASH_LENGTH);
    }

    private static IllegalArgumentException malformed(final String... lines)
    {
        return assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of(lines), SOURCE));
    }

    @Test
    void shouldReadKeysSkippingCommentsAndBlankLines()
    {
        final String aliceHash = good();
        final ApiKeys keys = ApiKeys.parse(List.of(
            "# keys",
            "! also a comment",
            "",
            "alice=viewer:" + aliceHash,
            "  bob_2 = risk-officer:" + good() + "  ",
            "root-1=admin:" + hash(600_000, 32, ApiKeyHash.HASH_LENGTH)), SOURCE);

        assertEquals(3, keys.size());
        assertEquals(Role.VIEWER, keys.byName("alice").role());
        assertEquals(aliceHash, keys.byName("alice").hash().encode());
        assertEquals(Role.RISK_OFFICER, keys.byName("bob_2").role());
        assertEquals(Role.ADMIN, keys.byName("root-1").role());
        assertEquals(600_000, keys.byName("root-1").hash().iterations());
        assertNull(keys.byName("carol"));
        assertEquals("alice=viewer:" + aliceHash, keys.byName("alice").toLine());
    }

    @Test
    void shouldNameTheLineOfEveryMalformedEntry()
    {
        assertEquals(SOURCE + " line 2: expected <name>=<role>:<hash>",
            malformed("# keys", "alice viewer").getMessage());
        assertEquals(SOURCE + " line 1: the name must be 1 to 64 characters of A-Z a-z 0-9 _ -",
            malformed("al ice=viewer:" + good()).getMessage());
        assertEquals(SOURCE + " line 1: the name must be 1 to 64 characters of A-Z a-z 0-9 _ -",
            malformed("=viewer:" + good()).getMessage());
        assertEquals(SOURCE + " line 1 (key 'alice'): expected <role>:<hash> with role viewer|risk-officer|admin",
            malformed("alice=superuser:" + good()).getMessage());
        assertEquals(SOURCE + " line 1 (key 'alice'): expected <role>:<hash> with role viewer|risk-officer|admin",
            malformed("alice=" + good()).getMessage());
        assertEquals(SOURCE + " line 3 (key 'alice'): duplicate name, first defined on line 1",
            malformed("alice=viewer:" + good(), "bob=viewer:" + good(), "alice=admin:" + good()).getMessage());
    }

    @Test
    void shouldRefuseWeakOrMalformedHashes()
    {
        assertTrue(malformed("a=viewer:sha256$210000$x$y").getMessage()
            .endsWith("line 1 (key 'a'): hash must be pbkdf2$<iterations>$<saltBase64>$<hashBase64>"));
        assertTrue(malformed("a=viewer:" + hash(209_999, 16, 32)).getMessage()
            .endsWith("line 1 (key 'a'): iterations 209999 outside 210000..10000000"));
        assertTrue(malformed("a=viewer:pbkdf2$many$AAAA$BBBB").getMessage()
            .endsWith("line 1 (key 'a'): iterations is not a number"));
        assertTrue(malformed("a=viewer:" + hash(210_000, 8, 32)).getMessage()
            .endsWith("line 1 (key 'a'): salt has 8 bytes, at least 16 are required"));
        assertTrue(malformed("a=viewer:" + hash(210_000, 16, 20)).getMessage()
            .endsWith("line 1 (key 'a'): hash has 20 bytes, 32 are required"));
        assertTrue(malformed("a=viewer:pbkdf2$210000$not*base64$AAAA").getMessage()
            .endsWith("line 1 (key 'a'): salt is not Base64"));
        assertTrue(malformed("a=viewer:" + good() + "$extra").getMessage()
            .endsWith("line 1 (key 'a'): hash must be pbkdf2$<iterations>$<saltBase64>$<hashBase64>"));
    }

    @Test
    void shouldNeverRepeatTheLineWhichMayBeAPastedKey()
    {
        final String pastedKey = "bst.alice.6dMZ5ZlqWN9mbv8CWbWnUVwzW6n3FLYfJtW7s3G8Ebc";

        final String nameMessage = malformed(pastedKey).getMessage();
        final String valueMessage = malformed("alice=viewer:" + pastedKey).getMessage();
        final String roleMessage = malformed("alice=" + pastedKey).getMessage();

        for (final String message : List.of(nameMessage, valueMessage, roleMessage))
        {
            assertFalse(message.contains("6dMZ5ZlqWN9mbv8CWbWnUVwzW6n3FLYfJtW7s3G8Ebc"), message);
        }
    }

    @Test
    void shouldRefuseAFileWithoutKeys()
    {
        final IllegalArgumentException ex = malformed("# nothing yet", "");
        assertTrue(ex.getMessage().startsWith(SOURCE + " defines no API key"), ex.getMessage());
    }

    @Test
    void shouldLoadAFileNamingItInMessages(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("keys.properties");
        Files.write(file, List.of("alice=viewer:" + good(), "bob=viewer:"));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(file));
        assertTrue(ex.getMessage().startsWith("API keys file " + file + " line 2 (key 'bob'): "), ex.getMessage());
    }
}
