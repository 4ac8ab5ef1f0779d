package io.bastion.console;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyToolTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        return ApiKeyTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintTheKeyOnceAndTheLineToStore()
    {
        assertEquals(0, run("alice", "risk-officer", "--iterations", "210000"));

        final List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), out.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).startsWith("# API key 'alice' (role risk-officer). It is shown only this once"));
        final String key = lines.get(1);
        assertTrue(ApiKey.KEY.matcher(key).matches(), key);
        assertTrue(key.startsWith("bst.alice."), key);
        assertTrue(lines.get(2).startsWith("# Add this line to the API keys file (console.apiKeysFile)"));
        final String line = lines.get(3);
        assertTrue(line.startsWith("alice=risk-officer:pbkdf2$210000$"), line);
        assertEquals(1, out.toString(StandardCharsets.UTF_8).split(key, -1).length - 1, "the key appears once");
        assertFalse(line.contains(key.substring(key.lastIndexOf('.') + 1)), "the stored line holds no key");
        assertEquals("", err.toString(StandardCharsets.UTF_8));

        final ApiKey stored = ApiKeys.parse(List.of(line), "output").byName("alice");
        assertEquals(Role.RISK_OFFICER, stored.role());
        assertTrue(stored.hash().matches(key));
    }

    @Test
    void shouldRefuseBadArgumentsWithUsage()
    {
        assertEquals(2, run());
        assertEquals(2, run("alice", "root"));
        assertEquals(2, run("al.ice", "viewer"));
        assertEquals(2, run("alice", "viewer", "--iterations", "1000"));
        assertEquals(2, run("alice", "viewer", "--iterations", "lots"));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no key is made");
        assertTrue(err.toString(StandardCharsets.UTF_8)
            .contains("usage: ApiKeyTool <name> <viewer|risk-officer|admin>"));
    }

    @Test
    void shouldKeepTheKeyOutOfToString()
    {
        final ApiKeyTool.Generated generated = ApiKeyTool.generate("bob", Role.VIEWER, ApiKeyHash.MIN_ITERATIONS,
            new SecureRandom());
        assertFalse(generated.toString().contains(generated.key()), generated.toString());
    }
}
