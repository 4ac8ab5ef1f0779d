package io.bastion.console;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyHashTest
{
    private static final String KEY = "bst.alice.6dMZ5ZlqWN9mbv8CWbWnUVwzW6n3FLYfJtW7s3G8Ebc";

    @Test
    void shouldMatchOnlyTheKeyItWasMadeFromAndSurviveEncoding()
    {
        final ApiKeyHash hash = ApiKeyHash.create(KEY, ApiKeyHash.MIN_ITERATIONS, new SecureRandom());
        final ApiKeyHash decoded = ApiKeyHash.parse(hash.encode());

        assertTrue(decoded.matches(KEY));
        assertFalse(decoded.matches(KEY.substring(0, KEY.length() - 1) + "d"));
        assertFalse(decoded.matches(""));
        assertEquals(hash.encode(), decoded.encode());
        assertTrue(hash.encode().matches("pbkdf2\\$210000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}="),
            hash.encode());
    }

    @Test
    void shouldSaltEveryHash()
    {
        final SecureRandom random = new SecureRandom();
        assertNotEquals(ApiKeyHash.create(KEY, ApiKeyHash.MIN_ITERATIONS, random).encode(),
            ApiKeyHash.create(KEY, ApiKeyHash.MIN_ITERATIONS, random).encode());
    }

    @Test
    void shouldRefuseTooFewIterations()
    {
        assertThrows(IllegalArgumentException.class,
            () -> ApiKeyHash.create(KEY, ApiKeyHash.MIN_ITERATIONS - 1, new SecureRandom()));
    }
}
