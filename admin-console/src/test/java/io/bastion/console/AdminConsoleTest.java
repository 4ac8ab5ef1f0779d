package io.bastion.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.bastion.oms.PositionStore;
import io.bastion.oms.PositionValue;
import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.values.Values;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console over real HTTP on 127.0.0.1, reading a real Chronicle Map positions file that stays open for writing,
 * as the OMS would hold it.
 */
class AdminConsoleTest
{
    private static final long T1_NS = 1_700_000_000_000_000_000L;
    private static final long T2_NS = 1_700_000_000_123_456_789L;
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    @TempDir
    static Path dir;

    private static PositionStore omsStore;
    private static File positionsFile;
    private static Path keysFile;
    private static String viewerKey;
    private static String adminKey;
    private static AdminConsole console;
    private static HttpClient client;
    private static JsonMapper json;
    private static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void start() throws IOException
    {
        logs = new ListAppender<>();
        logs.start();
        rootLogger().addAppender(logs);

        positionsFile = dir.resolve("positions.cmap").toFile();
        omsStore = new PositionStore(positionsFile, 1_000);
        omsStore.applyFill("ACC1", "AAPL", Side.BUY, units("100"), units("190.25"), T1_NS);
        omsStore.applyFill("ACC1", "AAPL", Side.SELL, units("40"), units("191.5"), T2_NS);
        omsStore.applyFill("ACC1", "MSFT", Side.BUY, units("10.5"), units("420.12345678"), T1_NS);
        omsStore.applyFill("ACC2", "AAPL", Side.BUY, units("1"), units("100"), T1_NS);
        omsStore.applyFill("ACC2", "AAPL", Side.BUY, units("2"), units("100.00000001"), T2_NS);

        final SecureRandom random = new SecureRandom();
        final ApiKeyTool.Generated viewer = ApiKeyTool.generate("ops-viewer", Role.VIEWER,
            ApiKeyHash.MIN_ITERATIONS, random);
        final ApiKeyTool.Generated admin = ApiKeyTool.generate("root", Role.ADMIN, ApiKeyHash.MIN_ITERATIONS, random);
        viewerKey = viewer.key();
        adminKey = admin.key();
        keysFile = dir.resolve("api-keys.properties");
        Files.write(keysFile, List.of("# test keys", viewer.apiKey().toLine(), "", admin.apiKey().toLine()),
            StandardCharsets.UTF_8);

        console = AdminConsole.start(new AdminConsoleContext()
            .positionsFile(positionsFile)
            .apiKeysFile(keysFile)
            .port(0));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        json = JsonMapper.createDefault();
    }

    @AfterAll
    static void stop()
    {
        if (console != null)
        {
            console.close();
        }
        if (omsStore != null)
        {
            omsStore.close();
        }
        rootLogger().detachAppender(logs);
    }

    @Test
    void shouldListAllPositionsWithExactDecimalStrings() throws Exception
    {
        final HttpResponse<String> response = get("/api/positions", viewerKey);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", contentType(response));
        final List<Map<String, Object>> positions = positions(response);
        assertEquals(3, positions.size());

        final Map<String, Object> aapl = positions.get(0);
        assertEquals("ACC1", aapl.get("account"));
        assertEquals("AAPL", aapl.get("symbol"));
        assertEquals("60", aapl.get("netQty"));
        assertEquals("100", aapl.get("boughtQty"));
        assertEquals("40", aapl.get("soldQty"));
        assertEquals("19025", aapl.get("boughtNotional"));
        assertEquals("7660", aapl.get("soldNotional"));
        assertEquals("190.25", aapl.get("avgBuyPx"));
        assertEquals("191.5", aapl.get("avgSellPx"));
        assertEquals("190.25", aapl.get("avgCost"));
        assertEquals("50", aapl.get("realisedPnl"), "(191.5 - 190.25) * 40");
        assertEquals("191.5", aapl.get("markPx"), "the last fill's price");
        assertEquals("75", aapl.get("unrealisedPnl"), "(191.5 - 190.25) * 60");
        assertEquals(0, ((Number)aapl.get("lateAdjustments")).intValue());
        assertEquals(2, ((Number)aapl.get("fillCount")).intValue());
        assertEquals("2023-11-14T22:13:20.123456789Z", aapl.get("updatedAt"));

        final Map<String, Object> msft = positions.get(1);
        assertEquals("ACC1", msft.get("account"));
        assertEquals("MSFT", msft.get("symbol"));
        assertEquals("10.5", msft.get("netQty"));
        assertEquals("0", msft.get("soldQty"));
        assertEquals("4411.29629619", msft.get("boughtNotional"));
        assertEquals("420.12345678", msft.get("avgBuyPx"));
        assertTrue(msft.containsKey("avgSellPx"), "avgSellPx is present, as null, when nothing was sold");
        assertNull(msft.get("avgSellPx"));
        assertEquals("2023-11-14T22:13:20Z", msft.get("updatedAt"));

        final Map<String, Object> acc2 = positions.get(2);
        assertEquals("ACC2", acc2.get("account"));
        assertEquals("3", acc2.get("netQty"));
        assertEquals("300.00000002", acc2.get("boughtNotional"));
        assertEquals("100.00000001", acc2.get("avgBuyPx"), "300.00000002 / 3 rounded half-even to 8 places");
        assertEquals("100.00000001", acc2.get("avgCost"), "the same rounding for the average cost");
        assertEquals("0", acc2.get("unrealisedPnl"));
        assertTrue(response.body().contains("\"netQty\":\"60\""), response.body());
    }

    @Test
    void shouldListOneAccountSortedBySymbol() throws Exception
    {
        final HttpResponse<String> response = get("/api/positions/ACC1", adminKey);

        assertEquals(200, response.statusCode(), response.body());
        final Map<String, Object> body = json.readValue(response.body(), JSON_OBJECT);
        assertEquals("ACC1", body.get("account"));
        final List<Map<String, Object>> positions = positions(response);
        assertEquals(2, positions.size());
        assertEquals("AAPL", positions.get(0).get("symbol"));
        assertEquals("MSFT", positions.get(1).get("symbol"));
    }

    @Test
    void shouldSeeNewFillsWithoutRestart() throws Exception
    {
        omsStore.applyFill("ACC3", "GOOG", Side.SELL, units("7"), units("170.01"), T2_NS);

        final HttpResponse<String> response = get("/api/positions/ACC3", viewerKey);

        assertEquals(200, response.statusCode(), response.body());
        final Map<String, Object> goog = positions(response).get(0);
        assertEquals("-7", goog.get("netQty"));
        assertEquals("1190.07", goog.get("soldNotional"));
        assertEquals("170.01", goog.get("avgSellPx"));
        assertNull(goog.get("avgBuyPx"));
    }

    @Test
    void shouldAnswerNotFoundProblemForAccountWithoutPositions() throws Exception
    {
        final HttpResponse<String> response = get("/api/positions/NOBODY", viewerKey);

        assertProblem(response, 404, "Not Found");
        assertEquals("account 'NOBODY' has no positions", problem(response).get("detail"));
    }

    @Test
    void shouldAnswerBadRequestProblemForImpossibleAccount() throws Exception
    {
        final HttpResponse<String> response = get("/api/positions/" + "A".repeat(200), viewerKey);

        assertProblem(response, 400, "Bad Request");
    }

    @Test
    void shouldChallengeRequestWithoutKey() throws Exception
    {
        final HttpResponse<String> response = get("/api/positions", null);

        assertProblem(response, 401, "Unauthorized");
        assertEquals("Bearer realm=\"bastion-admin-console\"",
            response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertFalse(response.body().contains("ACC1"));
    }

    @Test
    void shouldRefuseWrongKeys() throws Exception
    {
        final String wrongSecret = viewerKey.substring(0, viewerKey.length() - 4) +
            (viewerKey.endsWith("AAAA") ? "BBBB" : "AAAA");
        final String unknownName = "bst.nobody." + viewerKey.substring(viewerKey.lastIndexOf('.') + 1);
        for (final String key : List.of(wrongSecret, unknownName, "not-a-key", viewerKey + "x"))
        {
            final HttpResponse<String> response = get("/api/positions", key);

            assertProblem(response, 401, "Unauthorized");
            assertEquals("Bearer realm=\"bastion-admin-console\", error=\"invalid_token\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null));
            assertFalse(response.body().contains("ACC1"));
        }

        final HttpResponse<String> basic = send(HttpRequest.newBuilder(uri("/api/positions"))
            .header("Authorization", "Basic " + viewerKey).GET().build());
        assertProblem(basic, 401, "Unauthorized");
    }

    @Test
    void shouldEnforceTheRoleEachRouteNeeds() throws Exception
    {
        final HttpResponse<String> viewerOnAdmin = get("/api/test-roles/admin", viewerKey);
        assertProblem(viewerOnAdmin, 403, "Forbidden");
        assertEquals("API key 'ops-viewer' has role viewer; this needs admin or higher",
            problem(viewerOnAdmin).get("detail"));
        assertEquals("Bearer realm=\"bastion-admin-console\", error=\"insufficient_scope\"",
            viewerOnAdmin.headers().firstValue("WWW-Authenticate").orElse(null));
        assertProblem(get("/api/test-roles/risk-officer", viewerKey), 403, "Forbidden");

        assertEquals(200, get("/api/test-roles/admin", adminKey).statusCode());
        assertEquals(200, get("/api/test-roles/risk-officer", adminKey).statusCode());
        assertProblem(get("/api/test-roles/admin", null), 401, "Unauthorized");
    }

    @Test
    void shouldRefuseEveryoneOnARouteThatDeclaresNoRole() throws Exception
    {
        final HttpResponse<String> response = get("/api/test-roles/undeclared", adminKey);

        assertProblem(response, 403, "Forbidden");
        assertEquals("this endpoint declares no role, so nobody may use it", problem(response).get("detail"));
    }

    @Test
    void shouldNotLetAnotherSpellingOfAPathSkipTheKey() throws Exception
    {
        for (final String path : List.of("/api/positions/", "//api/positions", "/health/../api/positions",
            "/api/./positions", "/API/positions", "/api/positions?x=1", "/api/positions;x=1"))
        {
            final HttpResponse<String> response = get(path, null);
            assertEquals(401, response.statusCode(), path + " " + response.body());
            assertFalse(response.body().contains("ACC1"), path);
        }
    }

    @Test
    void shouldFailToStartOnAPortInUse()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> AdminConsole.start(
            new AdminConsoleContext().positionsFile(positionsFile).apiKeysFile(keysFile).port(console.port())));
        assertTrue(ex.getMessage().startsWith("cannot start the admin console on 127.0.0.1:" + console.port()),
            ex.getMessage());
    }

    @Test
    void shouldAnswerHealthProbesWithoutKey() throws Exception
    {
        final HttpResponse<String> liveness = get("/health/liveness", null);
        assertEquals(200, liveness.statusCode(), liveness.body());
        assertEquals("UP", json.readValue(liveness.body(), JSON_OBJECT).get("status"));

        final HttpResponse<String> readiness = get("/health/readiness", null);
        assertEquals(200, readiness.statusCode(), readiness.body());
        final Map<String, Object> body = json.readValue(readiness.body(), JSON_OBJECT);
        assertEquals("UP", body.get("status"));
        assertEquals(Boolean.TRUE, body.get("positionsFileOpen"));
    }

    @Test
    void shouldAnswerProblemForUnknownPathOnlyWithKey() throws Exception
    {
        assertProblem(get("/api/nothing-here", null), 401, "Unauthorized");
        assertProblem(get("/api/nothing-here", viewerKey), 404, "Not Found");
        final HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/positions"))
            .header("Authorization", "Bearer " + viewerKey).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(post, 405, "Method Not Allowed");
    }

    @Test
    void shouldSetSecurityHeadersOnEveryResponse() throws Exception
    {
        final List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(get("/api/positions", viewerKey));
        responses.add(get("/api/positions", null));
        responses.add(get("/api/positions", "bst.nobody.x"));
        responses.add(get("/api/positions/NOBODY", viewerKey));
        responses.add(get("/api/nothing-here", viewerKey));
        responses.add(get("/health/liveness", null));
        responses.add(get("/health/readiness", null));
        for (final HttpResponse<String> response : responses)
        {
            final String what = response.request().uri() + " " + response.statusCode();
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), what);
            assertEquals("default-src 'none'; frame-ancestors 'none'",
                response.headers().firstValue("Content-Security-Policy").orElse(null), what);
        }
    }

    @Test
    void shouldNeverLogKeys() throws Exception
    {
        get("/api/positions", viewerKey);
        get("/api/positions", adminKey + "x");
        get("/api/positions", viewerKey.substring(0, viewerKey.length() - 1) + "Q");

        final List<ILoggingEvent> events;
        synchronized (logs)
        {
            // AppenderBase.doAppend holds the appender's monitor while it appends.
            events = new ArrayList<>(logs.list);
        }
        final List<String> messages = new ArrayList<>();
        for (final ILoggingEvent event : events)
        {
            messages.add(event.getFormattedMessage() +
                (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("invalid API key claiming to be 'ops-viewer'")),
            "the capture works: refusals are logged");
        final String viewerSecret = viewerKey.substring(viewerKey.lastIndexOf('.') + 1);
        final String adminSecret = adminKey.substring(adminKey.lastIndexOf('.') + 1);
        for (final String message : messages)
        {
            assertFalse(message.contains(viewerSecret), message);
            assertFalse(message.contains(adminSecret), message);
            assertFalse(message.contains(viewerSecret.substring(0, viewerSecret.length() - 1)), message);
        }
    }

    @Test
    void shouldRememberVerifiedKeysInsteadOfHashingEveryRequest() throws Exception
    {
        assertEquals(200, get("/api/positions", viewerKey).statusCode());
        final long verifications = console.authenticator().verifications();

        for (int i = 0; i < 5; i++)
        {
            assertEquals(200, get("/api/positions", viewerKey).statusCode());
        }

        assertEquals(verifications, console.authenticator().verifications());
    }

    @Test
    void shouldAnswerUnavailableNamingAPositionLeftHalfWrittenUntilTheOmsRepairsIt() throws Exception
    {
        final File torn = dir.resolve("torn/positions.cmap").toFile();
        try (PositionStore oms = new PositionStore(torn, 100))
        {
            oms.applyFill("ACC7", "TSLA", Side.BUY, units("3"), units("250"), T1_NS);
        }
        try (ChronicleMap<CharSequence, PositionValue> raw = ChronicleMap.of(CharSequence.class, PositionValue.class)
            .averageKeySize(24).entries(100).createPersistedTo(torn);
            ExternalMapQueryContext<CharSequence, PositionValue, ?> context =
                raw.queryContext("ACC7" + PositionStore.KEY_SEPARATOR + "TSLA"))
        {
            context.writeLock().lock();
            final PositionValue crashed = context.entry().value().getUsing(
                Values.newNativeReference(PositionValue.class));
            crashed.setVersion(crashed.getVersion() + 1);
        }

        try (AdminConsole second = AdminConsole.start(new AdminConsoleContext()
            .positionsFile(torn)
            .apiKeysFile(keysFile)
            .port(0)))
        {
            for (final String path : new String[] {"/api/positions", "/api/positions/ACC7"})
            {
                final HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(second, path))
                    .header("Authorization", "Bearer " + viewerKey).GET().build());
                assertProblem(refused, 503, "Service Unavailable");
                assertTrue(refused.body().contains("position ACC7/TSLA is half-written"), refused.body());
            }

            try (PositionStore oms = new PositionStore(torn, 100))
            {
                assertEquals(List.of("ACC7" + PositionStore.KEY_SEPARATOR + "TSLA"), oms.repairTornPositions());
                final HttpResponse<String> positions = send(HttpRequest.newBuilder(uri(second, "/api/positions/ACC7"))
                    .header("Authorization", "Bearer " + viewerKey).GET().build());
                assertEquals(200, positions.statusCode(), positions.body());
            }
        }
    }

    @Test
    void shouldBecomeReadyWhenThePositionsFileAppears() throws Exception
    {
        final File later = dir.resolve("later/positions.cmap").toFile();
        try (AdminConsole second = AdminConsole.start(new AdminConsoleContext()
            .positionsFile(later)
            .apiKeysFile(keysFile)
            .port(0)))
        {
            final HttpResponse<String> notReady = send(HttpRequest.newBuilder(uri(second, "/health/readiness"))
                .GET().build());
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertEquals(Boolean.FALSE, json.readValue(notReady.body(), JSON_OBJECT).get("positionsFileOpen"));
            final HttpResponse<String> unavailable = send(HttpRequest.newBuilder(uri(second, "/api/positions"))
                .header("Authorization", "Bearer " + viewerKey).GET().build());
            assertProblem(unavailable, 503, "Service Unavailable");
            assertFalse(later.exists(), "the console never creates the OMS's file");

            try (PositionStore oms = new PositionStore(later, 100))
            {
                oms.applyFill("ACC9", "AMZN", Side.BUY, units("1"), units("185"), T1_NS);

                final HttpResponse<String> ready = send(HttpRequest.newBuilder(uri(second, "/health/readiness"))
                    .GET().build());
                assertEquals(200, ready.statusCode(), ready.body());
                final HttpResponse<String> positions = send(HttpRequest.newBuilder(uri(second, "/api/positions"))
                    .header("Authorization", "Bearer " + viewerKey).GET().build());
                assertEquals(200, positions.statusCode(), positions.body());
                assertEquals("ACC9", positions(positions).get(0).get("account"));
            }
        }
    }

    @Test
    void shouldRefusePlainHttpOnNetworkAddressByDefault()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> AdminConsole.start(
            new AdminConsoleContext().positionsFile(positionsFile).apiKeysFile(keysFile).bindAddress("0.0.0.0")));
        assertTrue(ex.getMessage().contains("not loopback"), ex.getMessage());
    }

    @Test
    void shouldFailToStartOnMalformedKeysFileNamingTheLine() throws IOException
    {
        final Path bad = dir.resolve("bad-keys.properties");
        Files.write(bad, List.of("# comment", "alice=viewer:pbkdf2$1000$AAAA$BBBB"), StandardCharsets.UTF_8);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> AdminConsole.start(
            new AdminConsoleContext().positionsFile(positionsFile).apiKeysFile(bad).port(0)));
        assertTrue(ex.getMessage().contains("line 2 (key 'alice')"), ex.getMessage());
    }

    private static long units(final String decimal)
    {
        final long mantissa = FixedPoint.parse(decimal);
        assertTrue(mantissa != FixedPoint.INVALID, decimal);
        return mantissa;
    }

    private static Logger rootLogger()
    {
        return (Logger)LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static URI uri(final String path)
    {
        return uri(console, path);
    }

    private static URI uri(final AdminConsole target, final String path)
    {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    private static HttpResponse<String> get(final String path, final String key) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (key != null)
        {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(final HttpRequest request) throws Exception
    {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String contentType(final HttpResponse<String> response)
    {
        final String value = response.headers().firstValue("Content-Type").orElse("");
        final int semicolon = value.indexOf(';');
        return semicolon < 0 ? value : value.substring(0, semicolon);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> positions(final HttpResponse<String> response) throws IOException
    {
        final Object positions = json.readValue(response.body(), JSON_OBJECT).get("positions");
        assertNotNull(positions, response.body());
        return (List<Map<String, Object>>)positions;
    }

    private static Map<String, Object> problem(final HttpResponse<String> response) throws IOException
    {
        return json.readValue(response.body(), JSON_OBJECT);
    }

    private static void assertProblem(final HttpResponse<String> response, final int status, final String title)
        throws IOException
    {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", contentType(response), response.body());
        final Map<String, Object> problem = problem(response);
        assertEquals("about:blank", problem.get("type"));
        assertEquals(title, problem.get("title"));
        assertEquals(status, ((Number)problem.get("status")).intValue());
        assertTrue(problem.get("detail") instanceof String && !((String)problem.get("detail")).isEmpty(),
            response.body());
    }
}
