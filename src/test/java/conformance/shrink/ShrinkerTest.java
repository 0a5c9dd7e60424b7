package conformance.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.generation.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ShrinkerTest {
    private static final Duration NO_TIME_LIMIT = Duration.ofMinutes(1);

    private static ObjectNode attributes(JsonNode value) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.putObject("custom_attributes").put("a", 1).put("b", "x").set("notes", value);
        return payload;
    }

    private static JsonNode notes(JsonNode payload) {
        return payload.path("custom_attributes").path("notes");
    }

    /** One character at a time, 2,000 characters would take 499 tries: the cuts from the end take a few dozen. */
    @Test
    void aStringThatMustStayOverALimitShrinksToTheLimitWithinTheBudget() {
        Shrinker.Result r = new Shrinker(NO_TIME_LIMIT, 200).shrink(attributes(Json.NODES.stringNode("x".repeat(2000))),
                p -> notes(p).isString() && notes(p).asString().length() > 1500);
        assertFalse(r.exhausted(), "tries: " + r.tries());
        assertEquals(1501, notes(r.smallest()).asString().length());
        assertEquals(1, r.smallest().get("custom_attributes").size(), r.smallest().toString());
    }

    @Test
    void aNumberThatMustStayOverALimitShrinksToTheLimitWithinTheBudget() {
        Shrinker.Result r = new Shrinker(NO_TIME_LIMIT, 200).shrink(attributes(Json.NODES.numberNode(17_179_869_129L)),
                p -> notes(p).isIntegralNumber() && notes(p).asLong() > 9_999_999_999L);
        assertFalse(r.exhausted(), "tries: " + r.tries());
        assertEquals(10_000_000_000L, notes(r.smallest()).asLong());
    }

    @Test
    void aShrinkThatRunsOutOfTriesSaysSoAndKeepsHowFarItGot() {
        JsonNode original = attributes(Json.NODES.stringNode("x".repeat(2000)));
        Shrinker.Result r = new Shrinker(NO_TIME_LIMIT, 40).shrink(original,
                p -> notes(p).isString() && notes(p).asString().length() > 1500);
        assertTrue(r.exhausted());
        assertEquals(40, r.tries());
        assertTrue(notes(r.smallest()).asString().length() > 1500);
        assertTrue(Json.bytes(r.smallest()).length < Json.bytes(original).length, "some progress within 40 tries");
    }
}
