package io.bastion.console;

import java.util.regex.Pattern;

/**
 * One configured API key: who it belongs to, what it may do, and its slow hash. The key a client presents is
 * {@code bst.<name>.<secret>}; carrying the name lets the console check a presented key against exactly one hash,
 * so an unknown key costs one PBKDF2 derivation, not one per configured key.
 *
 * @param name the key's name, {@code [A-Za-z0-9_-]}, 1 to {@value #MAX_NAME_LENGTH} characters.
 * @param role what it may do.
 * @param hash its salted slow hash.
 */
public record ApiKey(String name, Role role, ApiKeyHash hash)
{
    /** Prefix of every key, so that secret scanners and people can recognise one. */
    public static final String PREFIX = "bst.";
    /** Longest name. */
    public static final int MAX_NAME_LENGTH = 64;
    /** Random bytes in the secret part of a key. */
    public static final int SECRET_BYTES = 32;
    /** Length of the secret part: {@link #SECRET_BYTES} in unpadded Base64url. */
    public static final int SECRET_LENGTH = 43;
    /** A valid name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "}");
    /** A well-formed presented key; group 1 is the name. */
    public static final Pattern KEY = Pattern.compile(
        "bst\\.([A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "})\\.[A-Za-z0-9_-]{" + SECRET_LENGTH + "}");
    /** Longest well-formed presented key. */
    public static final int MAX_KEY_LENGTH = PREFIX.length() + MAX_NAME_LENGTH + 1 + SECRET_LENGTH;

    /**
     * @param name the name.
     * @param role the role.
     * @param hash the hash.
     */
    public ApiKey
    {
        if (name == null || !NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException(
                "name must be 1 to " + MAX_NAME_LENGTH + " characters of A-Z a-z 0-9 _ -");
        }
        if (role == null || hash == null)
        {
            throw new IllegalArgumentException("role and hash are required");
        }
    }

    /**
     * @return the line of the API keys file that configures this key: {@code <name>=<role>:<hash>}.
     */
    public String toLine()
    {
        return name + '=' + role.label() + ':' + hash.encode();
    }
}
