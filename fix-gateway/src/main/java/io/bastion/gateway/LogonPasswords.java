package io.bastion.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Logon passwords are kept as SHA-256 digests and compared in constant time, so neither the comparison's duration
 * nor a heap dump of the registry gives the password away.
 */
final class LogonPasswords
{
    private LogonPasswords()
    {
    }

    static byte[] digest(final String password)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    static boolean matches(final byte[] expectedDigest, final String givenPassword)
    {
        return MessageDigest.isEqual(expectedDigest, digest(givenPassword));
    }
}
