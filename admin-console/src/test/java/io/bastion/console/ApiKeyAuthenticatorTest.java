package io.bastion.console;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApiKeyAuthenticatorTest
{
    private static final long CACHE_NS = TimeUnit.SECONDS.toNanos(60);

    private static ApiKeyTool.Generated alice;
    private static ApiKeys keys;

    private long nowNs = 1_000;

    @BeforeAll
    static void keys()
    {
        alice = ApiKeyTool.generate("alice", Role.RISK_OFFICER, ApiKeyHash.MIN_ITERATIONS, new SecureRandom());
        keys = ApiKeys.parse(List.of(alice.apiKey().toLine()), "test");
    }

    private ApiKeyAuthenticator authenticator(final long cacheNs)
    {
        return new ApiKeyAuthenticator(keys, cacheNs, () -> nowNs);
    }

    @Test
    void shouldVerifyOnceThenRememberUntilTheCacheTimeRunsOut()
    {
        final ApiKeyAuthenticator authenticator = authenticator(CACHE_NS);

        final ApiKeyAuthenticator.Result first = authenticator.authenticate(alice.key());
        assertEquals(ApiKeyAuthenticator.Outcome.VALID, first.outcome());
        assertEquals(new ApiPrincipal("alice", Role.RISK_OFFICER), first.principal());
        assertEquals(1, authenticator.verifications());

        nowNs += CACHE_NS - 1;
        assertEquals(ApiKeyAuthenticator.Outcome.VALID, authenticator.authenticate(alice.key()).outcome());
        assertEquals(1, authenticator.verifications());
        assertEquals(1, authenticator.cacheHits());

        nowNs += 1;
        assertEquals(ApiKeyAuthenticator.Outcome.VALID, authenticator.authenticate(alice.key()).outcome());
        assertEquals(2, authenticator.verifications());
    }

    @Test
    void shouldNotLetACachedKeyVouchForAnotherWithTheSameName()
    {
        final ApiKeyAuthenticator authenticator = authenticator(CACHE_NS);
        authenticator.authenticate(alice.key());

        final String forged = alice.key().substring(0, alice.key().length() - 1) +
            (alice.key().endsWith("A") ? "B" : "A");
        assertEquals(ApiKeyAuthenticator.Result.INVALID, authenticator.authenticate(forged));
        assertEquals(2, authenticator.verifications());
    }

    @Test
    void shouldVerifyEveryRequestWhenCachingIsOff()
    {
        final ApiKeyAuthenticator authenticator = authenticator(0);

        authenticator.authenticate(alice.key());
        authenticator.authenticate(alice.key());

        assertEquals(2, authenticator.verifications());
        assertEquals(0, authenticator.cacheHits());
    }

    @Test
    void shouldSpendOneDerivationOnAnUnknownNameAndNoneOnMalformedKeys()
    {
        final ApiKeyAuthenticator authenticator = authenticator(CACHE_NS);
        final String secret = alice.key().substring(alice.key().lastIndexOf('.') + 1);

        assertEquals(ApiKeyAuthenticator.Result.INVALID, authenticator.authenticate("bst.mallory." + secret));
        assertEquals(1, authenticator.verifications());

        assertEquals(ApiKeyAuthenticator.Result.INVALID, authenticator.authenticate(secret));
        assertEquals(ApiKeyAuthenticator.Result.INVALID, authenticator.authenticate(""));
        assertEquals(ApiKeyAuthenticator.Result.INVALID, authenticator.authenticate("bst.alice." + secret + "="));
        assertEquals(ApiKeyAuthenticator.Result.INVALID, authenticator.authenticate("x".repeat(100_000)));
        assertEquals(1, authenticator.verifications());
    }

    @Test
    void shouldNameOnlyConfiguredKeysForLogs()
    {
        final ApiKeyAuthenticator authenticator = authenticator(CACHE_NS);
        final String secret = alice.key().substring(alice.key().lastIndexOf('.') + 1);

        assertEquals("alice", authenticator.claimedName("bst.alice." + secret));
        assertNull(authenticator.claimedName("bst.mallory." + secret));
        assertNull(authenticator.claimedName("garbage"));
    }
}
