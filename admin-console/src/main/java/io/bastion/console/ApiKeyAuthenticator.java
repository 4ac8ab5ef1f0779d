package io.bastion.console;

import org.agrona.concurrent.NanoClock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * Checks presented API keys against the configured hashes.
 * <p>
 * A PBKDF2 verification costs tens to hundreds of milliseconds, so:
 * <ul>
 *     <li>a key that is not of the form {@code bst.<name>.<secret>} is refused without hashing;</li>
 *     <li>the name in the key selects the one hash to check; an unknown name is checked against a dummy hash so it
 *     costs the same time as a wrong secret;</li>
 *     <li>a successful verification is remembered for a short time, per key name, as the SHA-256 of the presented
 *     key (compared in constant time); a 256-bit random key makes a fast hash safe here. Memory is bounded by the
 *     number of configured keys;</li>
 *     <li>verifications run one at a time (a semaphore), so a flood of bad keys occupies at most one core.</li>
 * </ul>
 * Thread-safe. The plain key is never stored or logged.
 */
final class ApiKeyAuthenticator
{
    private final ApiKeys keys;
    private final long cacheNs;
    private final NanoClock clock;
    private final ApiKeyHash dummy;
    private final Semaphore verificationPermits = new Semaphore(AdminConsoleConfiguration.KEY_VERIFICATION_PERMITS);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong verifications = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    /** What became of a presented key. */
    enum Outcome
    {
        /** It is a configured key; the principal says whose. */
        VALID,
        /** It is not a configured key, or is malformed. */
        INVALID,
        /** No verification slot became free in time; try again. */
        BUSY
    }

    /**
     * @param outcome   what became of the key.
     * @param principal whose key it is when {@link Outcome#VALID}, else null.
     */
    record Result(Outcome outcome, ApiPrincipal principal)
    {
        static final Result INVALID = new Result(Outcome.INVALID, null);
        static final Result BUSY = new Result(Outcome.BUSY, null);

        static Result valid(final ApiKey key)
        {
            return new Result(Outcome.VALID, new ApiPrincipal(key.name(), key.role()));
        }
    }

    private record Verified(byte[] digest, long atNs)
    {
    }

    ApiKeyAuthenticator(final ApiKeys keys, final long cacheNs, final NanoClock clock)
    {
        this.keys = keys;
        this.cacheNs = cacheNs;
        this.clock = clock;
        this.dummy = dummyHash(keys);
    }

    /**
     * @param presented the key as presented, from the {@code Authorization: Bearer} header.
     * @return whose key it is, or why there is no answer.
     */
    Result authenticate(final String presented)
    {
        if (presented.length() > ApiKey.MAX_KEY_LENGTH)
        {
            return Result.INVALID;
        }
        final Matcher matcher = ApiKey.KEY.matcher(presented);
        if (!matcher.matches())
        {
            return Result.INVALID;
        }

        final ApiKey key = keys.byName(matcher.group(1));
        final byte[] digest = sha256(presented);
        if (key != null && cacheNs > 0)
        {
            final Verified cached = verified.get(key.name());
            if (cached != null && clock.nanoTime() - cached.atNs() < cacheNs &&
                MessageDigest.isEqual(cached.digest(), digest))
            {
                cacheHits.incrementAndGet();
                return Result.valid(key);
            }
        }

        try
        {
            final long waitNs = AdminConsoleConfiguration.KEY_VERIFICATION_WAIT_NS;
            if (!verificationPermits.tryAcquire(waitNs, TimeUnit.NANOSECONDS))
            {
                return Result.BUSY;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return Result.BUSY;
        }
        try
        {
            verifications.incrementAndGet();
            if (key == null)
            {
                dummy.matches(presented);
                return Result.INVALID;
            }
            if (!key.hash().matches(presented))
            {
                return Result.INVALID;
            }
            if (cacheNs > 0)
            {
                verified.put(key.name(), new Verified(digest, clock.nanoTime()));
            }
            return Result.valid(key);
        }
        finally
        {
            verificationPermits.release();
        }
    }

    /**
     * @param presented a presented key.
     * @return the name of the configured key it claims to be, or null when it claims none; for log messages.
     */
    String claimedName(final String presented)
    {
        if (presented.length() > ApiKey.MAX_KEY_LENGTH)
        {
            return null;
        }
        final Matcher matcher = ApiKey.KEY.matcher(presented);
        return matcher.matches() && keys.byName(matcher.group(1)) != null ? matcher.group(1) : null;
    }

    /** @return PBKDF2 verifications performed (cache misses, including dummy ones). */
    long verifications()
    {
        return verifications.get();
    }

    /** @return requests answered from the cache of verified keys. */
    long cacheHits()
    {
        return cacheHits.get();
    }

    /**
     * A hash no key matches (its hash bytes are random, not derived), as slow to check as the slowest configured key.
     */
    private static ApiKeyHash dummyHash(final ApiKeys keys)
    {
        int iterations = ApiKeyHash.MIN_ITERATIONS;
        for (final ApiKey key : keys.all())
        {
            iterations = Math.max(iterations, key.hash().iterations());
        }
        final SecureRandom random = new SecureRandom();
        final byte[] salt = new byte[ApiKeyHash.SALT_LENGTH];
        final byte[] hash = new byte[ApiKeyHash.HASH_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(hash);
        final Base64.Encoder encoder = Base64.getEncoder();
        return ApiKeyHash.parse(ApiKeyHash.SCHEME + '$' + iterations + '$' + encoder.encodeToString(salt) + '$' +
            encoder.encodeToString(hash));
    }

    private static byte[] sha256(final String presented)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.US_ASCII));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is not available in this JDK", ex);
        }
    }
}
