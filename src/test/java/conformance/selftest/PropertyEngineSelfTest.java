package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Finding;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.config.RunConfig;
import conformance.generation.BrokenRule;
import conformance.generation.Intent;
import conformance.generation.Json;
import conformance.reference.Outcome;
import conformance.reference.Reply;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.verdict.FindingGroup;
import conformance.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The property engine's acceptance, end to end through real runs: faults that only some generated payloads reveal
 * are found at the default number of tries and shrunk to the threshold; seeds replay byte for byte; negative cases
 * name the rule they break.
 */
class PropertyEngineSelfTest {
    /** The faults here are in create-a-conversation's custom_attributes; the other operations would only repeat them. */
    private static final Map<String, String> DEFAULT_TRIES = Map.of("tries", String.valueOf(RunConfig.DEFAULT_TRIES), "operations", "create-a-conversation");

    /** A target that answers 500 when the request's custom_attributes object has the property. */
    static Variant serverErrorWhen(Predicate<JsonNode> customAttributes) {
        return Corpus.created((call, r) -> call.payload().map(p -> p.get("custom_attributes"))
                .filter(a -> a != null && a.isObject() && customAttributes.test(a)).isPresent()
                ? Reply.raw(500, "text/plain", "internal server error") : r);
    }

    /** The custom_attributes of every shrunk case the run reports for not_a_server_error; fails when there is none. */
    static List<JsonNode> shrunkAttributes(ConformanceRun.Result r) {
        List<Finding> shrunk = r.report().checks().stream().filter(c -> c.checkId().equals(NotAServerError.ID))
                .flatMap(c -> c.findings().stream()).map(FindingGroup::first).filter(f -> f.shrunk().isPresent()).toList();
        assertFalse(shrunk.isEmpty(), "no shrunk not_a_server_error finding: " + r.report().headline());
        return shrunk.stream().map(f -> Json.MAPPER.readTree(f.shrunk().get().request().body()).get("custom_attributes")).toList();
    }

    @Test
    void aServerErrorOnNonAsciiKeysIsFoundAtTheDefaultTriesAndShrunkToOneShortKey() {
        ConformanceRun.Result r = Targets.run(serverErrorWhen(AttributeFaults::nonAsciiLetterInAKey), DEFAULT_TRIES);
        // each 500 names its case, so there are several findings; a shrink whose budget ran out says so and is not judged
        List<Finding> finished = r.report().checks().stream().filter(c -> c.checkId().equals(NotAServerError.ID))
                .flatMap(c -> c.findings().stream()).map(FindingGroup::first)
                .filter(f -> f.shrink().filter(Finding.Shrunk::minimal).isPresent() && f.shrunk().isPresent()).toList();
        assertFalse(finished.isEmpty(), r.report().headline());
        for (Finding f : finished) {
            JsonNode attributes = Json.MAPPER.readTree(f.shrunk().get().request().body()).get("custom_attributes");
            assertEquals(1, attributes.size(), Json.text(attributes));
            String key = attributes.propertyNames().iterator().next();
            assertTrue(key.length() <= 2 && AttributeFaults.nonAsciiLetterInAKey(attributes), Json.text(attributes));
        }
    }

    @Test
    void aServerErrorOnMoreThanTwentyKeysIsShrunkToExactlyTwentyOne() {
        ConformanceRun.Result r = Targets.run(serverErrorWhen(a -> a.size() > 20), DEFAULT_TRIES);
        for (JsonNode attributes : shrunkAttributes(r)) {
            assertEquals(21, attributes.size(), Json.text(attributes));
        }
    }

    @Test
    void aServerErrorOnThreeLevelsOfNestingIsShrunkToExactlyThree() {
        ConformanceRun.Result r = Targets.run(serverErrorWhen(a -> AttributeFaults.nestedObjectLevels(a) >= 3), DEFAULT_TRIES);
        for (JsonNode attributes : shrunkAttributes(r)) {
            assertEquals(3, AttributeFaults.nestedObjectLevels(attributes), Json.text(attributes));
        }
    }

    /** Content type and body of every request but the contact the suite creates (its name carries the run's time). */
    private static List<String> sent(Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        Targets.run(Variant.CONFORMING, settings, (e, redactor) -> {
            if (e.kase().intent() != Intent.FIXTURE) {
                out.add(e.request().header("Content-Type").orElse("") + " " + Base64.getEncoder().encodeToString(e.request().body()));
            }
        });
        return out;
    }

    @Test
    void theSameSeedSendsTheSameBytesAndNoSeedSendsOthers() {
        Map<String, String> seeded = Map.of("tries", "40", "seed", "-4242", "operations", "create-a-conversation");
        List<String> first = sent(seeded);
        assertTrue(first.size() > 40, "requests: " + first.size());
        assertEquals(first, sent(seeded));
        Map<String, String> unseeded = Map.of("tries", "40", "seed", "", "operations", "create-a-conversation");
        assertNotEquals(sent(unseeded), sent(unseeded));
    }

    @Test
    void acceptingCustomAttributesAsTextIsFoundAndTheCaseNamesTheRuleItBreaks() {
        Variant acceptsText = Corpus.on(Outcome.INVALID_BODY, (call, r) -> call.payload()
                .map(p -> p.path("custom_attributes").isString()).orElse(false) ? call.acceptAnyway().get() : r);
        ConformanceRun.Result r = Targets.run(acceptsText);
        List<Finding> findings = r.report().checks().stream().filter(c -> c.checkId().equals(NegativeDataRejection.ID))
                .flatMap(c -> c.findings().stream()).map(FindingGroup::first).toList();
        assertFalse(findings.isEmpty(), r.report().headline());
        for (Finding f : findings) {
            String rule = f.exchange().kase().brokenRule().map(BrokenRule::name).orElse("");
            assertTrue(rule.startsWith("type: /custom_attributes as string"), rule);
            assertTrue(f.message().contains(rule), f.message());
            assertEquals("text", Json.MAPPER.readTree(f.exchange().request().body()).get("custom_attributes").asString());
        }
    }

    @Test
    void aRequestSchemaTheGeneratorCannotSatisfyEndsTheRunInconclusiveSayingWhy(@TempDir Path folder) throws Exception {
        ObjectNode spec = (ObjectNode) Json.MAPPER.readTree(Files.readString(RunConfig.DEFAULT_SPEC));
        ObjectNode payload = (ObjectNode) spec.get("components").get("schemas").get("public_conversation_create_payload");
        payload.putArray("required").add("custom_attributes");
        ((ObjectNode) payload.get("properties")).putObject("custom_attributes").put("type", "string").put("pattern", "^never$");
        Path file = folder.resolve("unsatisfiable.json");
        Files.writeString(file, Json.text(spec));
        ConformanceRun.Result r = Targets.run(Variant.CONFORMING, Map.of("spec", file.toString()));
        assertEquals(Verdict.INCONCLUSIVE, r.report().verdict(), r.report().headline());
        assertTrue(r.report().headline().contains("cannot generate request payloads")
                && r.report().headline().contains("does not support: pattern"), r.report().headline());
    }
}
