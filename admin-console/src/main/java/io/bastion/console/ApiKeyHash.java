package io.bastion.console;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A salted, slow hash of an API key: PBKDF2 with HMAC-SHA-256 from the JDK, encoded as
 * {@code pbkdf2$<iterations>$<saltBase64>$<hashBase64>} (standard Base64 with padding). Only this is ever stored;
 * the key itself is shown once by {@link ApiKeyTool} and never kept.
 * <p>
 * New hashes use {@value #DEFAULT_ITERATIONS} iterations (OWASP's current figure for PBKDF2-HMAC-SHA256); stored
 * hashes with fewer than {@value #MIN_ITERATIONS} are refused. Comparison is constant-time.
 */
public final class ApiKeyHash
{
    /** Scheme tag, the first field of the encoded form. */
    public static final String SCHEME = "pbkdf2";
    /** JDK algorithm name. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Fewest iterations accepted in a stored hash. */
    public static final int MIN_ITERATIONS = 210_000;
    /** Iterations of newly generated hashes. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Most iterations accepted, so that a typo cannot make every verification take minutes. */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** Length of a new salt in bytes; stored salts may be longer, never shorter. */
    public static final int SALT_LENGTH = 16;
    /** Length of the derived hash in bytes. */
    public static final int HASH_LENGTH = 32;

    private static final char SEPARATOR = '$';

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private ApiKeyHash(final int iterations, final byte[] salt, final byte[] hash)
    {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hash a key with a fresh random salt.
     *
     * @param key        the plain key.
     * @param iterations PBKDF2 iterations, {@value #MIN_ITERATIONS} to {@value #MAX_ITERATIONS}.
     * @param random     source of the salt.
     * @return the hash.
     */
    public static ApiKeyHash create(final CharSequence key, final int iterations, final SecureRandom random)
    {
        checkIterations(iterations);
        final byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return new ApiKeyHash(iterations, salt, derive(key, salt, iterations));
    }

    /**
     * Decode the stored form. The message of a failure never repeats the text, which may be a key pasted by mistake.
     *
     * @param encoded {@code pbkdf2$<iterations>$<saltBase64>$<hashBase64>}.
     * @return the hash.
     * @throws IllegalArgumentException saying what is wrong.
     */
    public static ApiKeyHash parse(final String encoded)
    {
        final String[] fields = encoded.split("\\$", -1);
        if (fields.length != 4 || !SCHEME.equals(fields[0]))
        {
            throw new IllegalArgumentException(
                "hash must be " + SCHEME + "$<iterations>$<saltBase64>$<hashBase64>");
        }
        final int iterations;
        try
        {
            iterations = Integer.parseInt(fields[1]);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("iterations is not a number", ex);
        }
        checkIterations(iterations);
        final byte[] salt = decode(fields[2], "salt");
        if (salt.length < SALT_LENGTH)
        {
            throw new IllegalArgumentException(
                "salt has " + salt.length + " bytes, at least " + SALT_LENGTH + " are required");
        }
        final byte[] hash = decode(fields[3], "hash");
        if (hash.length != HASH_LENGTH)
        {
            throw new IllegalArgumentException("hash has " + hash.length + " bytes, " + HASH_LENGTH + " are required");
        }
        return new ApiKeyHash(iterations, salt, hash);
    }

    /**
     * Hash a presented key with this salt and iterations and compare in constant time. Costs tens to hundreds of
     * milliseconds by design.
     *
     * @param key the presented key.
     * @return true when it is the key this hash was made from.
     */
    public boolean matches(final CharSequence key)
    {
        final byte[] candidate = derive(key, salt, iterations);
        try
        {
            return MessageDigest.isEqual(candidate, hash);
        }
        finally
        {
            Arrays.fill(candidate, (byte)0);
        }
    }

    /**
     * @return PBKDF2 iterations.
     */
    public int iterations()
    {
        return iterations;
    }

    /**
     * @return the stored form, {@code pbkdf2$<iterations>$<saltBase64>$<hashBase64>}.
     */
    public String encode()
    {
        final Base64.Encoder encoder = Base64.getEncoder();
        return SCHEME + SEPARATOR + iterations + SEPARATOR + encoder.encodeToString(salt) + SEPARATOR +
            encoder.encodeToString(hash);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return encode();
    }

    private static void checkIterations(final int iterations)
    {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS)
        {
            throw new IllegalArgumentException(
                "iterations " + iterations + " outside " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
    }

    private static byte[] decode(final String base64, final String what)
    {
        try
        {
            return Base64.getDecoder().decode(base64);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(what + " is not Base64", ex);
        }
    }

    private static byte[] derive(final CharSequence key, final byte[] salt, final int iterations)
    {
        final char[] chars = new char[key.length()];
        for (int i = 0; i < chars.length; i++)
        {
            chars[i] = key.charAt(i);
        }
        final PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_LENGTH * 8);
        try
        {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", ex);
        }
        finally
        {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
