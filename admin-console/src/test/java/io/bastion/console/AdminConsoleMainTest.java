package io.bastion.console;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminConsoleMainTest
{
    @Test
    void shouldParseTheCommandLine()
    {
        final AdminConsoleContext ctx = AdminConsole.parse(new String[]{
            "--positions", "data/positions.cmap", "--api-keys", "config/api-keys.properties", "--port", "9090",
            "--bind", "::1", "--key-cache-seconds", "5", "--allow-plain-http-on-network"});

        assertEquals(new File("data/positions.cmap"), ctx.positionsFile());
        assertEquals(Path.of("config/api-keys.properties"), ctx.apiKeysFile());
        assertEquals(9090, ctx.port());
        assertEquals("::1", ctx.bindAddress());
        assertEquals(TimeUnit.SECONDS.toNanos(5), ctx.apiKeyCacheNs());
        assertTrue(ctx.allowPlainHttpOnNetwork());
    }

    @Test
    void shouldDefaultToLoopbackPort8080()
    {
        final AdminConsoleContext ctx = AdminConsole.parse(new String[]{"--positions", "p", "--api-keys", "k"});

        assertEquals("127.0.0.1", ctx.bindAddress());
        assertEquals(8080, ctx.port());
    }

    @Test
    void shouldRefuseBadCommandLines()
    {
        assertThrows(IllegalArgumentException.class, () -> AdminConsole.parse(new String[]{"--positions", "p"}));
        assertThrows(IllegalArgumentException.class,
            () -> AdminConsole.parse(new String[]{"--positions", "p", "--api-keys", "k", "--port", "70000"}));
        assertThrows(IllegalArgumentException.class,
            () -> AdminConsole.parse(new String[]{"--positions", "p", "--api-keys", "k", "--port"}));
        assertThrows(IllegalArgumentException.class,
            () -> AdminConsole.parse(new String[]{"--positions", "p", "--api-keys", "k", "--verbose", "x"}));
    }
}
