package io.bastion.console;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes a new API key: prints the key once, and the line to add to the API keys file. The key is not stored or
 * logged anywhere; only its salted PBKDF2 hash goes into the file.
 * <pre>
 * java -cp ... io.bastion.console.ApiKeyTool alice viewer
 * # API key 'alice' (role viewer). It is shown only this once and is not stored: keep it in a secret store.
 * bst.alice.4GQ0...
 * # Add this line to the API keys file (console.apiKeysFile) and restart the console:
 * alice=viewer:pbkdf2$600000$...$...
 * </pre>
 */
public final class ApiKeyTool
{
    private static final String USAGE = "usage: ApiKeyTool <name> <" + Role.labels() + "> [--iterations N]\n" +
        "  name: 1 to " + ApiKey.MAX_NAME_LENGTH + " characters of A-Z a-z 0-9 _ -\n" +
        "  --iterations: PBKDF2 iterations, " + ApiKeyHash.MIN_ITERATIONS + " to " + ApiKeyHash.MAX_ITERATIONS +
        " (default " + ApiKeyHash.DEFAULT_ITERATIONS + ")";

    private ApiKeyTool()
    {
    }

    /**
     * A new key and what to store for it.
     *
     * @param key    the plain key, {@code bst.<name>.<secret>}: give it to its owner, never store it.
     * @param apiKey name, role and hash: store this.
     */
    public record Generated(String key, ApiKey apiKey)
    {
        /**
         * {@inheritDoc}
         * Leaves the plain key out, so that printing or logging this record cannot leak it.
         */
        public String toString()
        {
            return "Generated[apiKey=" + apiKey + "]";
        }
    }

    /**
     * Make a key with a random 256-bit secret.
     *
     * @param name       its name.
     * @param role       its role.
     * @param iterations PBKDF2 iterations of its hash.
     * @param random     source of the secret and the salt.
     * @return the key and its configuration.
     * @throws IllegalArgumentException if the name or iterations are invalid.
     */
    public static Generated generate(final String name, final Role role, final int iterations,
        final SecureRandom random)
    {
        if (name == null || !ApiKey.NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException(
                "name must be 1 to " + ApiKey.MAX_NAME_LENGTH + " characters of A-Z a-z 0-9 _ -");
        }
        final byte[] secret = new byte[ApiKey.SECRET_BYTES];
        random.nextBytes(secret);
        final String key = ApiKey.PREFIX + name + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(key, new ApiKey(name, role, ApiKeyHash.create(key, iterations, random)));
    }

    /**
     * Command line entry point.
     *
     * @param args {@code <name> <role> [--iterations N]}.
     */
    public static void main(final String[] args)
    {
        final int status = run(args, System.out, System.err);
        if (status != 0)
        {
            System.exit(status);
        }
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length != 2 && args.length != 4)
        {
            err.println(USAGE);
            return 2;
        }
        final Role role = Role.ofLabel(args[1]);
        if (role == null)
        {
            err.println("unknown role '" + args[1] + "'\n" + USAGE);
            return 2;
        }
        int iterations = ApiKeyHash.DEFAULT_ITERATIONS;
        if (args.length == 4)
        {
            if (!"--iterations".equals(args[2]))
            {
                err.println(USAGE);
                return 2;
            }
            try
            {
                iterations = Integer.parseInt(args[3]);
            }
            catch (final NumberFormatException ex)
            {
                err.println("--iterations must be a number\n" + USAGE);
                return 2;
            }
        }

        final Generated generated;
        try
        {
            generated = generate(args[0], role, iterations, new SecureRandom());
        }
        catch (final IllegalArgumentException ex)
        {
            err.println(ex.getMessage() + '\n' + USAGE);
            return 2;
        }

        out.println("# API key '" + args[0] + "' (role " + role.label() +
            "). It is shown only this once and is not stored: keep it in a secret store.");
        out.println(generated.key());
        out.println("# Add this line to the API keys file (" + AdminConsoleConfiguration.API_KEYS_FILE_PROP +
            ") and restart the console:");
        out.println(generated.apiKey().toLine());
        out.flush();
        return 0;
    }
}
