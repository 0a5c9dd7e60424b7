package conformance.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Over many random schemas built from the supported keywords: every generated value validates with networknt
 * (draft 2020-12), and every negative case fails validation at the rule it names (instance pointer and keyword).
 */
class GenerationSoundnessTest {
    private static final long SEED = 0x5EED_2026L;
    private static final int SCHEMAS = 400;
    private static final int VALUES = 12;
    private static final int VALUES_BROKEN = 4;
    private static final int SHOWN = 15;
    /** The keywords negative generation breaks; each must be met by the random schemas. */
    private static final Set<String> BROKEN_KEYWORDS = Set.of("type", "enum", "const", "minLength", "maxLength",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
            "uniqueItems", "minProperties", "maxProperties", "required", "additionalProperties");

    private final ContractLoader loader = new ContractLoader();

    @Test
    void everyValueValidatesAndEveryNegativeCaseBreaksTheRuleItNames() {
        RandomSchemas random = new RandomSchemas(SEED);
        List<String> problems = new ArrayList<>();
        Set<String> keywordsUsed = new TreeSet<>();
        Set<String> keywordsBroken = new TreeSet<>();
        int values = 0;
        for (int n = 0; n < SCHEMAS; n++) {
            ObjectNode node = random.any(0);
            keywords(node, keywordsUsed);
            JsonSchema schema = loader.compile("random schema " + n, node);
            List<NegativeRule> rules = NegativeRule.of(node, true);
            for (int i = 0; i < VALUES; i++) {
                JsonNode value;
                try {
                    value = new ValueGenerator(Rng.forCase(SEED + n, i), new Statistics()).generate(node);
                } catch (GenerationException e) {
                    problems.add(Json.text(node) + " → no value: " + e.getMessage());
                    break;
                }
                values++;
                List<JsonSchema.Violation> violations = schema.validate(value);
                if (!violations.isEmpty()) {
                    problems.add(Json.text(node) + " → invalid value " + Json.text(value) + ": " + violations);
                    continue;
                }
                for (NegativeRule rule : i < VALUES_BROKEN ? rules : List.<NegativeRule>of()) {
                    Breakage b = rule.apply(value, "application/json");
                    if (b.payload().isPresent()) {
                        keywordsBroken.add(b.keyword().orElseThrow());
                        check(schema, node, value, b).ifPresent(problems::add);
                    }
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(SHOWN, problems.size())),
                problems.size() + " problems, the first " + SHOWN + " shown");
        assertTrue(values > SCHEMAS * VALUES * 9 / 10, "too few values: " + values);
        assertTrue(keywordsUsed.containsAll(ValueGenerator.UNDERSTOOD), "random schemas never use "
                + ValueGenerator.UNDERSTOOD.stream().filter(k -> !keywordsUsed.contains(k)).toList());
        assertEquals(BROKEN_KEYWORDS, keywordsBroken);
    }

    private static Optional<String> check(JsonSchema schema, JsonNode node, JsonNode value, Breakage b) {
        List<JsonSchema.Violation> found = schema.validate(b.payload().get());
        boolean named = found.stream().anyMatch(v -> v.pointer().equals(b.pointer().orElseThrow())
                && v.keyword().equals(b.keyword().orElseThrow()));
        return named ? Optional.empty() : Optional.of(Json.text(node) + " → '" + b.rule() + "' on "
                + Json.text(value) + " gave " + Json.text(b.payload().get()) + ", violations " + found
                + " (expected " + b.keyword().get() + " at '" + b.pointer().get() + "')");
    }

    @Test
    void anUnknownKeywordIsReportedOnceHoweverOftenItIsMet() {
        JsonNode schema = Json.MAPPER.readTree("""
                {"type": "object", "required": ["a", "b"],
                 "properties": {"a": {"type": "string", "%1$s": 1, "pattern": ".*"},
                                "b": {"type": "array", "items": {"type": "integer", "%1$s": 2}}}}
                """.formatted(RandomSchemas.UNKNOWN_KEYWORD));
        Statistics stats = new Statistics();
        for (int i = 0; i < 50; i++) {
            new ValueGenerator(Rng.forCase(SEED, i), stats).generate(schema);
        }
        assertEquals(Set.of(RandomSchemas.UNKNOWN_KEYWORD, "pattern"), stats.unknownKeywords());
        String report = stats.render();
        assertEquals(1, report.split(RandomSchemas.UNKNOWN_KEYWORD, -1).length - 1, report);
    }

    /** The keywords of a schema and of every schema inside it. */
    private static void keywords(JsonNode schema, Set<String> into) {
        if (!schema.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            into.add(e.getKey());
            switch (e.getKey()) {
                case "properties" -> e.getValue().forEach(s -> keywords(s, into));
                case "items", "additionalProperties" -> keywords(e.getValue(), into);
                case "prefixItems", "oneOf", "anyOf", "allOf" -> e.getValue().forEach(s -> keywords(s, into));
                default -> { }
            }
        }
    }
}
