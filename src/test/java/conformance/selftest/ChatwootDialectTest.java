package conformance.selftest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.checks.Finding;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.StatusCodeConformance;
import conformance.config.Settings;
import conformance.exchange.Exchange;
import conformance.generation.Json;
import conformance.reference.Dialect;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.report.SummaryJson;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import conformance.verdict.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What a run against real Chatwoot will report, seen on the embedded target's Chatwoot dialect: exactly the deviations
 * the behaviour notes predict, per operation, all covered by the shipped waivers, also when the dialect is tested by
 * base URL as a remote target. Three whole runs: without waivers at the default tries (the 422s need generated values),
 * with them embedded and remote at {@link #WAIVED_TRIES}. What else the shipped waivers must do: {@link ShippedWaiversTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatwootDialectTest {
    static final String SHIPPED_WAIVERS = "waivers/chatwoot-known-deviations.yaml";
    static final String SEED = "7";
    private static final int WAIVED_TRIES = 60;
    private static final String STATUS = StatusCodeConformance.ID;
    private static final String ACCEPTANCE = PositiveDataAcceptance.ID;
    private static final String REJECTION = NegativeDataRejection.ID;
    private static final String SERVER_ERROR = NotAServerError.ID;

    /** Each (check, operation) a run against Chatwoot fails, with the sentence of the behaviour notes that predicts it. */
    private static final Map<Deviation, String> EXPECTED = expected();

    record Deviation(String check, String operation) implements Comparable<Deviation> {
        @Override
        public int compareTo(Deviation o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return check + " on " + operation;
        }
    }

    private static Map<Deviation, String> expected() {
        Map<Deviation, String> m = new LinkedHashMap<>();
        String notFound = "unknown identifiers: 404 {\"status\":404,\"error\":\"Not Found\"}; no operation ever returns 401";
        String badJson = "malformed JSON is 400 {\"status\":400,\"error\":\"Bad Request\"} (inferred)";
        String twelveAbc = "path ids are cast by ActiveRecord: 12abc is read as 12 (inferred)";
        String hmac = "an identifier_hash that is not blank is compared and fails with 500, not 401";
        String formats = "invalid email or phone (not E.164) is 422";
        String bodyOptional = "body optional; strong parameters take scalars as text and drop the rest";
        m.put(new Deviation(STATUS, "create-a-contact"), notFound + "; " + formats + "; " + badJson + "; " + hmac);
        m.put(new Deviation(ACCEPTANCE, "create-a-contact"), formats);
        m.put(new Deviation(REJECTION, "create-a-contact"), bodyOptional);
        m.put(new Deviation(SERVER_ERROR, "create-a-contact"), hmac);
        m.put(new Deviation(STATUS, "update-a-contact"), notFound + "; " + formats + "; " + badJson + "; " + hmac);
        m.put(new Deviation(ACCEPTANCE, "update-a-contact"), formats);
        m.put(new Deviation(REJECTION, "update-a-contact"), bodyOptional + "; blank values ignored");
        m.put(new Deviation(SERVER_ERROR, "update-a-contact"), hmac);
        m.put(new Deviation(STATUS, "create-a-conversation"), notFound + "; custom attribute over 1500 characters or "
                + "above 9,999,999,999 is 422; " + badJson);
        m.put(new Deviation(ACCEPTANCE, "create-a-conversation"), "custom attribute limits: 422");
        m.put(new Deviation(REJECTION, "create-a-conversation"), "custom_attributes not an object dropped; body not required");
        m.put(new Deviation(STATUS, "list-all-contact-conversations"), notFound);
        m.put(new Deviation(REJECTION, "get-single-conversation"), twelveAbc);
        m.put(new Deviation(REJECTION, "resolve-conversation"), twelveAbc);
        m.put(new Deviation(STATUS, "toggle-typing-status"), badJson + " (404 is documented here)");
        m.put(new Deviation(REJECTION, "toggle-typing-status"), "typing_status not required, any value 200; body not required; " + twelveAbc);
        m.put(new Deviation(REJECTION, "update-last-seen"), twelveAbc);
        m.put(new Deviation(STATUS, "create-a-message"), notFound + "; " + badJson);
        m.put(new Deviation(REJECTION, "create-a-message"), "body optional; a scalar content is kept as text, an object dropped; " + twelveAbc);
        m.put(new Deviation(STATUS, "list-all-conversation-messages"), notFound);
        m.put(new Deviation(REJECTION, "list-all-conversation-messages"), twelveAbc);
        m.put(new Deviation(STATUS, "update-a-message"), notFound + "; " + badJson);
        m.put(new Deviation(REJECTION, "update-a-message"), "only submitted_values is read, anything else dropped; " + twelveAbc);
        return Map.copyOf(m);
    }

    private ConformanceRun.Result unwaived;
    private ConformanceRun.Result waived;

    /** The whole run without waivers, at the default tries: the 422 causes need generated values. */
    private ConformanceRun.Result unwaived() {
        if (unwaived == null) {
            unwaived = embedded(Map.of());
        }
        return unwaived;
    }

    private ConformanceRun.Result waived() {
        if (waived == null) {
            waived = embedded(Map.of("waivers", SHIPPED_WAIVERS, "tries", String.valueOf(WAIVED_TRIES)));
        }
        return waived;
    }

    /** A run of the embedded target's chatwoot dialect, seed 7, with these settings beside. */
    static ConformanceRun.Result embedded(Map<String, String> extra) {
        // not the project's reports/: its stored failing cases would be sent first
        Map<String, String> s = new HashMap<>(Map.of("reference", "chatwoot", "seed", SEED, "reports",
                Path.of("target", "selftest-reports", "chatwoot").toString()));
        s.putAll(extra);
        return Configuration.from(Settings.of(s)).run(Progress.SILENT).execute();
    }

    /** The (check, operation) pairs of a run with this outcome. */
    static Set<Deviation> with(ConformanceRun.Result r, Outcome outcome) {
        return r.report().checks().stream().filter(c -> c.outcome() == outcome)
                .map(c -> new Deviation(c.checkId(), c.operationId())).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void withoutWaiversExactlyThePredictedChecksFailOnEachOperation() {
        ConformanceRun.Result r = unwaived();
        assertEquals(Verdict.NON_CONFORMANT, r.report().verdict(), r.report().headline());
        assertEquals(new TreeSet<>(EXPECTED.keySet()), with(r, Outcome.FAILED), r.report().headline());
        for (CheckResult c : r.report().checks()) {
            for (FindingGroup g : c.findings()) {
                Finding f = g.first();
                String expected = c.checkId() + " on " + c.operationId() + " (" + EXPECTED.get(new Deviation(c.checkId(), c.operationId())) + ")";
                switch (c.checkId()) {
                    case STATUS -> assertTrue(f.message().contains("never observed") || Set.of(400, 404, 422, 500).contains(f.status()),
                            expected + ": " + f.message());
                    case ACCEPTANCE -> assertEquals(422, f.status(), expected + ": " + f.message());
                    case REJECTION -> assertEquals(200, f.status(), expected + ": " + f.message());
                    case SERVER_ERROR -> assertTrue(f.message().contains("/identifier_hash"), expected + ": " + f.message());
                    default -> throw new AssertionError("unexpected finding " + c.checkId() + ": " + f.message());
                }
            }
        }
    }

    /**
     * Chatwoot answers 422 for an email its format refuses and for a phone number that is not E.164, with a message of
     * each: two causes, so two findings per check, each of status_code_conformance (the first ones a run shrinks)
     * shrunk to a case that still fails for its own cause (never a case of the other one).
     */
    @Test
    void the422ForAnEmailAndForAPhoneNumberAreTwoFindingsEachShrunkToItsOwnCause() {
        ConformanceRun.Result r = unwaived();
        for (String check : List.of(STATUS, ACCEPTANCE)) {
            List<Finding> unprocessable = r.report().checks().stream()
                    .filter(c -> c.checkId().equals(check) && c.operationId().equals("create-a-contact"))
                    .flatMap(c -> c.findings().stream()).map(FindingGroup::first).filter(f -> f.status() == 422).toList();
            assertEquals(2, unprocessable.size(), check + ": " + unprocessable.stream().map(Finding::signature).toList());
            Set<String> causes = new TreeSet<>();
            for (Finding f : unprocessable) {
                String cause = cause(f.exchange());
                causes.add(cause);
                if (!check.equals(STATUS)) {
                    continue;
                }
                Exchange shrunk = f.shrunk().orElseThrow(() -> new AssertionError("not shrunk: " + f.signature()));
                assertEquals(cause, cause(shrunk), check + " shrank into another cause: " + new String(shrunk.request().body(), UTF_8));
                JsonNode body = Json.MAPPER.readTree(shrunk.request().body());
                assertTrue(shrunk.request().body().length < f.exchange().request().body().length);
                // a shrink cut short by its time budget (a loaded machine) says so instead of claiming a minimal case
                Finding.Shrunk shrink = f.shrink().orElseThrow();
                assertTrue(!shrink.minimal() || body.size() == 1, "only the member that causes it is left: " + body);
                assertEquals(shrink.minimal(), !f.shrinkNote().orElseThrow().startsWith("not minimal"), f.shrinkNote().orElseThrow());
                assertTrue(body.path(cause).isString(), body.toString());
            }
            assertEquals(Set.of("email", "phone_number"), causes, check);
        }
    }

    /** Which of Chatwoot's two contact validations an answer names: {@code email} or {@code phone_number}. */
    private static String cause(Exchange e) {
        String answer = new String(e.response().orElseThrow().body(), UTF_8);
        boolean email = answer.contains("Email Invalid email");
        assertTrue(email != answer.contains("Phone number should be in e164 format"), answer);
        return email ? "email" : "phone_number";
    }

    @Test
    void withTheShippedWaiversTheRunIsConformantWithEveryWaiverApplied() throws IOException {
        ConformanceRun.Result r = waived();
        int shipped = waiversShipped();
        assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        assertTrue(r.report().headline().startsWith("CONFORMANT (with " + shipped + " waivers)"), r.report().headline());
        assertEquals(List.of(), r.report().unusedWaivers().stream().map(Waiver::describe).toList());
        assertEquals(new TreeSet<>(EXPECTED.keySet()), with(r, Outcome.WAIVED), "the waived checks are the deviations");
        String certificate = conformance.report.Certificate.render(r.report(), r.redactor());
        JsonNode summary = SummaryJson.render(r.report(), r.redactor());
        JsonNode waivers = summary.get("waivers");
        assertEquals(shipped, waivers.size(), waivers.toString());
        for (int n = 1; n <= shipped; n++) {
            assertTrue(certificate.contains("waiver #" + n + " "), "certificate lists waiver #" + n);
            JsonNode w = waivers.get(n - 1);
            assertEquals(n, w.get("index").asInt());
            assertTrue(w.get("check").isString() && w.get("operation").isString() && w.get("reason").isString(), w.toString());
            assertEquals("2027-12-31", w.get("expires").asString());
        }
        for (JsonNode check : summary.get("checks")) {
            for (JsonNode f : check.get("findings")) {
                int index = f.get("waiverIndex").asInt();
                assertTrue(f.get("waiver").asString().startsWith("waiver #" + index + " ("), f.toString());
            }
        }
    }

    /** The chatwoot dialect started on its own and tested by base URL, as any server is: the same deviations, waived. */
    @Test
    void asARemoteTargetTheChatwootDialectShowsTheSameDeviationsAndTheWaiversCoverThem() throws IOException {
        try (ReferenceTarget target = ReferenceTarget.start(Dialect.CHATWOOT, Variant.CONFORMING)) {
            Map<String, String> s = new HashMap<>(Targets.settingsFor(target));
            s.putAll(Map.of("seed", SEED, "tries", String.valueOf(WAIVED_TRIES), "waivers", SHIPPED_WAIVERS,
                    "reports", Path.of("target", "selftest-reports", "chatwoot-remote").toString()));
            ConformanceRun.Result r = Configuration.from(Settings.of(s)).run(Progress.SILENT).execute();
            assertEquals("remote", SummaryJson.render(r.report(), r.redactor()).get("targetKind").asString());
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
            assertTrue(r.report().headline().startsWith("CONFORMANT (with " + waiversShipped() + " waivers)"), r.report().headline());
            assertEquals(new TreeSet<>(EXPECTED.keySet()), with(r, Outcome.WAIVED), "the waived checks are the deviations");
        }
    }

    private static int waiversShipped() throws IOException {
        return (int) Files.readAllLines(Path.of(SHIPPED_WAIVERS)).stream().filter(l -> l.startsWith("  - check: ")).count();
    }
}
