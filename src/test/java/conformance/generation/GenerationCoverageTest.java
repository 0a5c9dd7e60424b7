package conformance.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.fixtures.FixedValues;
import conformance.selftest.AttributeFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * At the default number of tries, for any seed, the cases of a run reach every type branch and size bucket of the
 * free-form {@code custom_attributes}, every edge-case key and string, and every negative rule; and they hold the
 * payloads the acceptance faults need (a non-ASCII key, more than 20 keys, objects three levels deep).
 */
class GenerationCoverageTest {
    private static final long[] SEEDS = {1, 20261128, -7, 4242, Long.MAX_VALUE};
    private static final List<String> FREE_TYPES = List.of("string", "integer", "number", "boolean", "null", "object", "array");
    private static final List<String> SIZES = List.of("0", "1", "2-5", "6-20", ">20");

    private final Operation operation = new ContractLoader().load(RunConfig.DEFAULT_SPEC).operation(Contract.CREATE_CONVERSATION);

    @Test
    void theDefaultTriesReachEveryBranchEdgeAndRuleForAnySeed() {
        for (long seed : SEEDS) {
            Statistics stats = new Statistics();
            CasePlan plan = new CasePlan(operation, seed, RunConfig.DEFAULT_TRIES,
                    new FixedValues(Map.of()), List.of(), List.of(), stats);
            List<JsonNode> attributes = new ArrayList<>();
            plan.forEach(c -> c.payload().filter(p -> c.intent() == Intent.POSITIVE)
                    .map(p -> p.get("custom_attributes")).filter(a -> a != null).ifPresent(attributes::add));
            List<String> missing = new ArrayList<>();
            FREE_TYPES.forEach(t -> require(stats, "type /custom_attributes/* " + t, missing));
            SIZES.forEach(b -> require(stats, "size /custom_attributes object " + b, missing));
            plan.rules().forEach(r -> require(stats, "rule " + r.name(), missing));
            Edges.KEYS.forEach(k -> require(stats, "edge " + ValueGenerator.keyEdge(k), missing));
            Edges.STRINGS.forEach(s -> require(stats, "edge " + ValueGenerator.stringEdge(s), missing));
            require(stats, "edge huge string", missing);
            assertEquals(List.of(), missing, "seed " + seed);
            assertEquals(0, stats.get("generated payload rejected by the schema"), "seed " + seed);
            assertTrue(stats.unknownKeywords().isEmpty(), "seed " + seed + ": " + stats.unknownKeywords());
            reaches(attributes, "a key with a non-ASCII letter", seed, AttributeFaults::nonAsciiLetterInAKey);
            reaches(attributes, "more than 20 keys", seed, a -> a.size() > 20);
            reaches(attributes, "objects nested three levels deep", seed, a -> AttributeFaults.nestedObjectLevels(a) >= 3);
        }
    }

    private static void require(Statistics stats, String what, List<String> missing) {
        if (stats.get(what) == 0) {
            missing.add(what);
        }
    }

    /** Several payloads of the kind, not one lucky draw. */
    private static void reaches(List<JsonNode> attributes, String what, long seed, Predicate<JsonNode> kind) {
        long n = attributes.stream().filter(kind).count();
        assertTrue(n >= 3, "seed " + seed + ": only " + n + " payloads with " + what);
    }
}
