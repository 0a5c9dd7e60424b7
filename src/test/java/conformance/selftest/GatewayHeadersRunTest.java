package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.config.Settings;
import conformance.generation.Json;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import conformance.selftest.faults.ForwardingProxy;
import conformance.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A target behind a gateway that wants headers of its own: {@code conformance.headers} reaches it on every request,
 * and no file of the run nor the console holds a value, a 4-character one included. A header the suite sets itself
 * stops the run before any request.
 */
class GatewayHeadersRunTest {
    /** Long enough to be hidden by value too, and with the colon and comma the format must keep. */
    private static final String KEY = "gw:key,with=colon-7f3a91c2";
    /** Too short to be hidden by value (the Redactor's minimum): only its header name hides it. */
    private static final String TENANT = "zQ9~";

    @TempDir
    Path reports;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Launch.Outcome run(ForwardingProxy gateway, ReferenceTarget target, String headers) {
        Map<String, String> s = Targets.settingsFor(target);
        s.put("baseUrl", gateway.url().toString());
        s.put("tries", "5");
        s.put("operations", "create-a-conversation");
        s.put("reports", reports.toString());
        s.put("headers", headers);
        return Launch.run(Settings.of(s), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void extraHeadersReachTheTargetOnEveryRequestAndNoReportOrConsoleLineHoldsTheirValues() throws IOException {
        // every conversation refused: findings, with their requests and curl lines, in every report
        try (ReferenceTarget target = ReferenceTarget.start(Corpus.created((call, r) -> Reply.json(401, Corpus.error("refused"))));
             ForwardingProxy gateway = ForwardingProxy.gateway(target.baseUrl())) {
            Launch.Outcome outcome = run(gateway, target, "X-Gateway-Key: " + KEY + "\r\n\n  x-tenant:" + TENANT + "  \n");
            assertEquals(Verdict.NON_CONFORMANT, outcome.result().orElseThrow().report().verdict(), console.toString(StandardCharsets.UTF_8));
            List<ForwardingProxy.Seen> seen = gateway.seen();
            assertTrue(seen.size() >= outcome.result().get().report().requests(), seen.size() + " requests seen");
            assertTrue(seen.stream().allMatch(r -> KEY.equals(r.headers().get("x-gateway-key")) && TENANT.equals(r.headers().get("x-tenant"))),
                    "every request, fixtures and shrinking included, carries both headers");

            assertEquals(List.of(), filesHolding(KEY, TENANT));
            String printed = console.toString(StandardCharsets.UTF_8);
            assertFalse(printed.contains(KEY) || printed.contains(TENANT), printed);
            JsonNode summary = Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")));
            String curl = summary.findValues("curl").get(0).asString();
            assertTrue(curl.contains("-H 'x-tenant: <redacted>'") && curl.contains("-H 'X-Gateway-Key: <redacted>'")
                    && curl.contains("a header of CONFORMANCE_HEADERS"), curl);
            assertTrue(summary.at("/replay/command").asString().startsWith("CONFORMANCE_HEADERS=\"<the extra headers"),
                    summary.at("/replay/command").asString());
        }
    }

    @Test
    void aHeaderTheSuiteSetsItselfStopsTheRunBeforeAnyRequest() {
        for (String name : List.of("Content-Type", "accept")) {
            try (ReferenceTarget target = ReferenceTarget.start(); ForwardingProxy gateway = ForwardingProxy.gateway(target.baseUrl())) {
                console.reset();
                Launch.Outcome outcome = run(gateway, target, "X-Gateway-Key: " + KEY + "\n" + name + ": text/plain");
                assertEquals(List.of("[conformance] INCONCLUSIVE — configuration: conformance.headers (CONFORMANCE_HEADERS): line 2 names "
                        + name + ", a header the suite sets itself (Accept, Accept-Encoding, Content-Type, Content-Length, "
                        + "Transfer-Encoding, Host, Connection, Expect, Proxy-Authorization): leave it out; what is tested depends on it."),
                        console.toString(StandardCharsets.UTF_8).lines().toList());
                assertTrue(outcome.result().isEmpty());
                assertEquals(List.of(), gateway.seen(), "no request was sent");
            }
        }
    }

    private List<String> filesHolding(String... secrets) throws IOException {
        List<String> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                Stream.of(secrets).filter(text::contains).forEach(s -> holding.add(reports.relativize(f) + " holds " + s));
            }
        }
        return holding;
    }
}
