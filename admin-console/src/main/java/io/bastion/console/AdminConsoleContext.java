package io.bastion.console;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Every setting and dependency of the admin console; {@link #conclude()} validates them once, at start, and loads
 * the API keys file.
 */
public final class AdminConsoleContext
{
    private File positionsFile;
    private Path apiKeysFile;
    private ApiKeys apiKeys;
    private String bindAddress = AdminConsoleConfiguration.BIND_ADDRESS_DEFAULT;
    private int port = AdminConsoleConfiguration.PORT_DEFAULT;
    private long apiKeyCacheNs = TimeUnit.SECONDS.toNanos(AdminConsoleConfiguration.API_KEY_CACHE_SECONDS_DEFAULT);
    private boolean allowPlainHttpOnNetwork;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;
    private boolean concluded;

    /**
     * Validate the settings and load the API keys file; call once before use.
     *
     * @return this.
     * @throws IllegalStateException    naming the setting that is wrong.
     * @throws IllegalArgumentException naming the line of the API keys file that is malformed.
     */
    public AdminConsoleContext conclude()
    {
        if (concluded)
        {
            throw new IllegalStateException("AdminConsoleContext already concluded");
        }
        require(positionsFile != null, "positionsFile is required (" +
            AdminConsoleConfiguration.POSITIONS_FILE_PROP + ")");
        require(apiKeys != null || apiKeysFile != null, "apiKeysFile is required (" +
            AdminConsoleConfiguration.API_KEYS_FILE_PROP + ")");
        require(port >= 0 && port <= 65_535, "port must be 0 to 65535: " + port);
        require(apiKeyCacheNs >= 0, "apiKeyCacheNs must not be negative: " + apiKeyCacheNs);
        require(nanoClock != null, "nanoClock is required");
        require(bindAddress != null && !bindAddress.isBlank(), "bindAddress is required");
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(bindAddress);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException("bindAddress is not a known address: " + bindAddress, ex);
        }
        require(address.isLoopbackAddress() || allowPlainHttpOnNetwork,
            "bindAddress " + bindAddress + " is not loopback: the console serves plain HTTP until TLS comes with the " +
            "full console, so API keys would cross the network in clear text; bind 127.0.0.1 or set " +
            AdminConsoleConfiguration.ALLOW_PLAIN_HTTP_ON_NETWORK_PROP + "=true on an encrypted network");

        if (apiKeys == null)
        {
            apiKeys = ApiKeys.load(apiKeysFile);
        }
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }

    /** @return the OMS's positions file. */
    public File positionsFile()
    {
        return positionsFile;
    }

    /**
     * @param file the OMS's positions file (Chronicle Map). The console only reads it; until it exists the console
     *             is not ready and position requests are answered 503.
     * @return this.
     */
    public AdminConsoleContext positionsFile(final File file)
    {
        this.positionsFile = file;
        return this;
    }

    /** @return the API keys file, or null when keys were given directly. */
    public Path apiKeysFile()
    {
        return apiKeysFile;
    }

    /** @param file the API keys file, read by {@link #conclude()}. @return this. */
    public AdminConsoleContext apiKeysFile(final Path file)
    {
        this.apiKeysFile = file;
        return this;
    }

    /** @return the API keys; loaded by {@link #conclude()} unless given. */
    public ApiKeys apiKeys()
    {
        return apiKeys;
    }

    /** @param keys API keys already loaded; the file is then not read. @return this. */
    public AdminConsoleContext apiKeys(final ApiKeys keys)
    {
        this.apiKeys = keys;
        return this;
    }

    /** @return address the HTTP server binds. */
    public String bindAddress()
    {
        return bindAddress;
    }

    /**
     * @param address address the HTTP server binds; loopback unless plain HTTP on a network is allowed.
     * @return this.
     */
    public AdminConsoleContext bindAddress(final String address)
    {
        this.bindAddress = address;
        return this;
    }

    /** @return HTTP port; 0 picks a free one. */
    public int port()
    {
        return port;
    }

    /** @param port HTTP port; 0 picks a free one. @return this. */
    public AdminConsoleContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /** @return how long a successful key verification is remembered, ns; 0 verifies every request. */
    public long apiKeyCacheNs()
    {
        return apiKeyCacheNs;
    }

    /**
     * @param durationNs how long a successful key verification is remembered; 0 verifies every request.
     * @return this.
     */
    public AdminConsoleContext apiKeyCacheNs(final long durationNs)
    {
        this.apiKeyCacheNs = durationNs;
        return this;
    }

    /** @return whether plain HTTP may be served on an address other than loopback. */
    public boolean allowPlainHttpOnNetwork()
    {
        return allowPlainHttpOnNetwork;
    }

    /** @param allow whether plain HTTP may be served on an address other than loopback. @return this. */
    public AdminConsoleContext allowPlainHttpOnNetwork(final boolean allow)
    {
        this.allowPlainHttpOnNetwork = allow;
        return this;
    }

    /** @return clock of the key verification cache. */
    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    /** @param clock clock of the key verification cache. @return this. */
    public AdminConsoleContext nanoClock(final NanoClock clock)
    {
        this.nanoClock = clock;
        return this;
    }
}
