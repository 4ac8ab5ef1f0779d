package io.bastion.console;

import java.util.concurrent.TimeUnit;

/**
 * Property names and defaults of the admin console, for whoever maps a configuration file onto an
 * {@link AdminConsoleContext} (the launcher, {@link AdminConsole#main}).
 */
public final class AdminConsoleConfiguration
{
    /** Property: address the HTTP server binds. */
    public static final String BIND_ADDRESS_PROP = "console.bindAddress";
    /** Default of {@link #BIND_ADDRESS_PROP}: loopback only. */
    public static final String BIND_ADDRESS_DEFAULT = "127.0.0.1";

    /** Property: HTTP port; 0 picks a free one. */
    public static final String PORT_PROP = "console.port";
    /** Default of {@link #PORT_PROP}: plain HTTP for now; 8443 is kept for HTTPS with the full console. */
    public static final int PORT_DEFAULT = 8080;

    /** Property: the API keys file (see {@link ApiKeys}). */
    public static final String API_KEYS_FILE_PROP = "console.apiKeysFile";

    /** Property: the OMS's positions file (Chronicle Map), read-only use. */
    public static final String POSITIONS_FILE_PROP = "console.positionsFile";

    /** Property: seconds a successful key verification is remembered; 0 verifies every request. */
    public static final String API_KEY_CACHE_SECONDS_PROP = "console.apiKeyCacheSeconds";
    /** Default of {@link #API_KEY_CACHE_SECONDS_PROP}. */
    public static final long API_KEY_CACHE_SECONDS_DEFAULT = 60;

    /**
     * Property: allow plain HTTP on an address other than loopback. API keys would cross the network in clear
     * text, so this is off, and only meant for a network that is already encrypted (a VPN, an SSH tunnel's far end).
     */
    public static final String ALLOW_PLAIN_HTTP_ON_NETWORK_PROP = "console.allowPlainHttpOnNetwork";

    /**
     * How long a request waits for a PBKDF2 verification slot before it is answered 503. Verifications run one
     * at a time so that a flood of bad keys costs at most one core, never the OMS's.
     */
    public static final long KEY_VERIFICATION_WAIT_NS = TimeUnit.SECONDS.toNanos(5);

    /** Concurrent PBKDF2 verifications. */
    public static final int KEY_VERIFICATION_PERMITS = 1;

    /** Largest request body accepted, in bytes. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    /** Realm in {@code WWW-Authenticate} challenges. */
    public static final String REALM = "bastion-admin-console";

    private AdminConsoleConfiguration()
    {
    }
}
