package conformance.selftest;

import tools.jackson.databind.JsonNode;

/** What the property engine's acceptance faults look for in {@code custom_attributes}, shared by the tests of it. */
public final class AttributeFaults {
    private AttributeFaults() {
    }

    public static boolean nonAsciiLetterInAKey(JsonNode attributes) {
        return attributes.propertyNames().stream().anyMatch(k -> k.codePoints().anyMatch(c -> c > 127 && Character.isLetter(c)));
    }

    /** How many objects are nested inside this one: {} → 0, {"a": {}} → 1, {"a": {"b": {}}} → 2. */
    public static int nestedObjectLevels(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            if (child.isObject()) {
                deepest = Math.max(deepest, 1 + nestedObjectLevels(child));
            }
        }
        return deepest;
    }
}
