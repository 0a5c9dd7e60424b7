package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import conformance.Launch;
import conformance.checks.Catalog;
import conformance.chatwoot.MessageSemantics;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.ListedAfterCreate;
import conformance.checks.OwnershipIsolation;
import conformance.checks.UpdatePersisted;
import conformance.config.Settings;
import conformance.generation.Json;
import conformance.reference.Outcome;
import conformance.reference.ReferenceTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The run as a user starts it: outputs, verdict line, and what bad input or a dead target gives. */
class LaunchTest {
    @TempDir
    Path reports;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Launch.Outcome launch(Map<String, String> settings) {
        Map<String, String> s = new HashMap<>(settings);
        s.put("reports", reports.toString());
        s.putIfAbsent("tries", "40");
        return Launch.run(Settings.of(s), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private JsonNode summary() throws Exception {
        return Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")));
    }

    private String lastLine() {
        String[] lines = console.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void theEmbeddedRunWritesTheThreeOutputsInTheDocumentedShape() throws Exception {
        launch(Map.of());
        JsonNode s = summary();
        // a random seed: when it ever finds something on the conforming target, the failure must say what and with which seed
        assertEquals("CONFORMANT", s.get("verdict").asString(), () -> "seed " + s.get("seed") + ": " + console.toString(StandardCharsets.UTF_8));
        for (String field : List.of("target", "spec", "seed", "profile", "suiteVersion", "startedAt", "durationMs", "requests", "checks")) {
            assertTrue(s.has(field), "summary lacks " + field);
        }
        assertEquals(64, s.get("spec").get("sha256").asString().length());
        assertEquals("spec", s.get("profile").asString());
        assertEquals("embedded", s.get("targetKind").asString());
        assertEquals("document", s.get("dialect").asString());
        assertTrue(lastLine().contains("(embedded reference target, document dialect)"), lastLine());
        assertTrue(Files.readString(reports.resolve("certificate.md")).lines().findFirst().orElseThrow()
                .endsWith("(embedded reference target, document dialect)"));
        Set<String> passed = new HashSet<>();
        for (JsonNode c : s.get("checks")) {
            for (String field : List.of("id", "operation", "outcome", "requests", "findings", "waiver", "skipReason")) {
                assertTrue(c.has(field), "check lacks " + field + ": " + c);
            }
            if (c.get("operation").asString().equals("create-a-conversation") && c.get("outcome").asString().equals("passed")) {
                passed.add(c.get("id").asString());
            }
        }
        Set<String> expected = new HashSet<>(Launch.checkIds());
        expected.remove(DocumentedPropertiesPresent.ID);
        // it judges messages, none of which create-a-conversation answers
        expected.remove(MessageSemantics.ID);
        // these judge the steps after a create (the fetch, the list, the update), never the create itself
        expected.removeAll(Set.of(EnsureResourceAvailability.ID, ListedAfterCreate.ID, UpdatePersisted.ID, OwnershipIsolation.ID));
        assertEquals(expected, passed, "every check passes; the strict-only one is skipped with its reason");
        assertTrue(Files.readString(reports.resolve("certificate.md")).contains("CONFORMANT"));
        assertTrue(lastLine().startsWith("[conformance] CONFORMANT"), lastLine());
    }

    @Test
    void aTargetWhose200HasAnUndocumentedStatusValueIsNonConformantAtSlashStatus() throws Exception {
        try (ReferenceTarget target = ReferenceTarget.start(Corpus.created((call, r) -> r.editJson(o -> o.put("status", "closed"))))) {
            launch(Targets.settingsFor(target));
        }
        JsonNode s = summary();
        assertEquals("NON_CONFORMANT", s.get("verdict").asString());
        boolean found = false;
        for (JsonNode c : s.get("checks")) {
            if (c.get("id").asString().equals("response_schema_conformance")) {
                for (JsonNode f : c.get("findings")) {
                    found |= f.get("pointer").asString().equals("/status") && f.get("curl").asString().startsWith("curl ");
                }
            }
        }
        assertTrue(found, s.toString());
        assertTrue(lastLine().contains("NON_CONFORMANT") && lastLine().contains("response_schema_conformance"), lastLine());
        assertEquals("remote", s.get("targetKind").asString());
        assertTrue(s.get("dialect").isNull(), "a remote target has no dialect");
        assertFalse(lastLine().contains("embedded"), lastLine());
    }

    @Test
    void aTargetThatAcceptsAnUnknownContactIsNonConformant() throws Exception {
        try (ReferenceTarget target = ReferenceTarget.start(Corpus.on(Outcome.UNKNOWN_CONTACT, (call, r) -> call.acceptAnyway().get()))) {
            launch(Targets.settingsFor(target));
        }
        assertEquals("NON_CONFORMANT", summary().get("verdict").asString());
        assertTrue(lastLine().contains("unknown_identifier_rejection"), lastLine());
    }

    @Test
    void aTargetThatRefusesConnectionsIsInconclusiveInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        launch(Map.of("baseUrl", "http://127.0.0.1:" + port, "inboxIdentifier", "inbox", "timeout", "2s"));
        assertEquals("INCONCLUSIVE", summary().get("verdict").asString());
        assertTrue(lastLine().contains("INCONCLUSIVE") && lastLine().contains("connection refused"), lastLine());
    }

    @Test
    void badConfigurationStopsBeforeAnyRequestWithOneLineNamingTheSetting() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", http -> {
            requests.incrementAndGet();
            http.sendResponseHeaders(500, -1);
            http.close();
        });
        server.start();
        try {
            Launch.Outcome o = launch(Map.of("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort()));
            assertTrue(o.stopReason().orElseThrow().contains("conformance.inboxIdentifier"));
            assertTrue(lastLine().contains("INCONCLUSIVE") && lastLine().contains("conformance.inboxIdentifier"), lastLine());
            assertEquals("INCONCLUSIVE", summary().get("verdict").asString());
            launch(Map.of("baseUrl", "htp:/broken", "inboxIdentifier", "x"));
            assertTrue(lastLine().contains("conformance.baseUrl"), lastLine());
            assertEquals(0, requests.get());
        } finally {
            server.stop(0);
        }
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("Exception"), "no stack trace for bad input");
    }
}
