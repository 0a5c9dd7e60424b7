package conformance.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random JSON Schemas made of the keywords generation supports, each one satisfiable, for the soundness self-test:
 * the engine must be right on schemas no one wrote by hand, not only on the document's.
 */
final class RandomSchemas {
    static final String UNKNOWN_KEYWORD = "x_unknown_keyword";
    private static final List<String> FORMATS = List.of("uuid", "date-time", "email", "uri");
    private static final List<String> DISJOINT_TYPES = List.of("string", "integer", "boolean", "null", "object", "array");
    private static final int MAX_DEPTH = 3;

    private final SplittableRandom random;

    RandomSchemas(long seed) {
        this.random = new SplittableRandom(seed);
    }

    ObjectNode any(int depth) {
        int kind = random.nextInt(depth >= MAX_DEPTH ? 7 : 13);
        ObjectNode s = switch (kind) {
            case 0, 1, 2, 3, 4 -> of(List.of("string", "integer", "number", "boolean", "null").get(kind), depth);
            case 5 -> enumeration();
            case 6 -> constant();
            case 7 -> object(depth);
            case 8 -> array(depth);
            case 9 -> typeArray(depth);
            case 10 -> oneOf(depth);
            case 11 -> anyOf(depth);
            default -> allOf(depth);
        };
        if (chance(0.1)) {
            s.put("description", "an annotation, not a constraint");
        }
        if (chance(0.05)) {
            s.put(UNKNOWN_KEYWORD, true);
        }
        return s;
    }

    /** A schema whose values all have JSON type {@code type}. */
    ObjectNode of(String type, int depth) {
        return switch (type) {
            case "string" -> string();
            case "integer" -> integer();
            case "number" -> number();
            case "object" -> object(depth);
            case "array" -> array(depth);
            default -> typed(type);
        };
    }

    private ObjectNode typed(String type) {
        return Json.NODES.objectNode().put("type", type);
    }

    private ObjectNode string() {
        ObjectNode s = typed("string");
        if (chance(0.3)) {
            return s.put("format", pick(FORMATS));
        }
        int min = chance(0.5) ? random.nextInt(6) : 0;
        if (min > 0) {
            s.put("minLength", min);
        }
        if (chance(0.5)) {
            s.put("maxLength", min + random.nextInt(20));
        }
        return s;
    }

    private ObjectNode integer() {
        ObjectNode s = typed("integer");
        long low = random.nextLong(-1000, 1000);
        long width = random.nextLong(0, 500);
        if (chance(0.3)) {
            int m = random.nextInt(2, 8);
            s.put("multipleOf", m);
            width += 2L * m;
        }
        bounds(s, low, low + width, chance(0.2) ? 0.5 : 0);
        return s;
    }

    private ObjectNode number() {
        ObjectNode s = typed("number");
        double low = random.nextInt(-1000, 1000) + pick(List.of(0.0, 0.5, 0.25));
        double width = 1 + random.nextInt(500);
        if (chance(0.3)) {
            double m = pick(List.of(0.5, 0.25, 2.5, 3.0, 0.1));
            s.put("multipleOf", m);
            width += 4 * m;
        }
        bounds(s, low, low + width, 0);
        return s;
    }

    /** Some of minimum/exclusiveMinimum and maximum/exclusiveMaximum around [low, high]; {@code nudge} makes them fractional. */
    private void bounds(ObjectNode s, double low, double high, double nudge) {
        switch (random.nextInt(3)) {
            case 0 -> s.put("minimum", low - nudge);
            case 1 -> s.put("exclusiveMinimum", low - 1 - nudge);
            default -> { }
        }
        switch (random.nextInt(3)) {
            case 0 -> s.put("maximum", high + nudge);
            case 1 -> s.put("exclusiveMaximum", high + 1 + nudge);
            default -> { }
        }
    }

    private ObjectNode enumeration() {
        ObjectNode s = Json.NODES.objectNode();
        ArrayNode values = s.putArray("enum");
        List<JsonNode> pool = samples();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            values.add(pool.get(random.nextInt(pool.size())));
        }
        return s;
    }

    private ObjectNode constant() {
        ObjectNode s = Json.NODES.objectNode();
        s.set("const", pick(samples()));
        return s;
    }

    private static List<JsonNode> samples() {
        return List.of(Json.NODES.stringNode("open"), Json.NODES.stringNode("é"), Json.NODES.numberNode(7),
                Json.NODES.numberNode(2.5), Json.NODES.nullNode(), Json.NODES.booleanNode(true),
                Json.NODES.objectNode().put("k", 1), Json.NODES.arrayNode().add(1).add("two"));
    }

    private ObjectNode object(int depth) {
        ObjectNode s = chance(0.85) ? typed("object") : Json.NODES.objectNode();
        ObjectNode properties = Json.NODES.objectNode();
        int n = random.nextInt(5);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = pick(List.of("a", "b", "name", "with space", "é", "n" + i));
            if (!properties.has(name)) {
                properties.set(name, any(depth + 1));
                names.add(name);
            }
        }
        if (!names.isEmpty() || chance(0.5)) {
            s.set("properties", properties);
        }
        ArrayNode required = Json.NODES.arrayNode();
        names.stream().filter(x -> chance(0.5)).forEach(required::add);
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        boolean closed = false;
        switch (random.nextInt(4)) {
            case 0 -> {
                s.put("additionalProperties", false);
                closed = true;
            }
            case 1 -> s.put("additionalProperties", true);
            case 2 -> s.set("additionalProperties", any(depth + 1));
            default -> { }
        }
        if (chance(0.3)) {
            int min = random.nextInt(0, (closed ? names.size() : 4) + 1);
            s.put("minProperties", min);
            if (chance(0.5)) {
                s.put("maxProperties", Math.max(min, required.size()) + random.nextInt(3));
            }
        }
        return s;
    }

    private ObjectNode array(int depth) {
        ObjectNode s = chance(0.85) ? typed("array") : Json.NODES.objectNode();
        ObjectNode items = random.nextInt(4) == 0 ? null : of(pick(List.of("string", "integer", "number", "object", "array")), depth + 1);
        if (items != null) {
            s.set("items", items);
        }
        if (chance(0.2)) {
            ArrayNode prefix = s.putArray("prefixItems");
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                prefix.add(any(depth + 1));
            }
        }
        int min = random.nextInt(3);
        if (min > 0) {
            s.put("minItems", min);
        }
        if (chance(0.5)) {
            s.put("maxItems", min + random.nextInt(5));
        }
        // two distinct items exist for every items schema above, not always three
        if (chance(0.3) && min <= 2 && !s.has("prefixItems")) {
            s.put("uniqueItems", true);
        }
        return s;
    }

    private ObjectNode typeArray(int depth) {
        String first = pick(DISJOINT_TYPES);
        String second = pick(List.of("null", "string", "integer", "number", "boolean"));
        ObjectNode s = first.equals(second) ? typed(first) : Json.NODES.objectNode();
        if (!first.equals(second)) {
            s.putArray("type").add(first).add(second);
        }
        ObjectNode extra = of(first, depth);
        extra.remove("type");
        s.setAll(extra);
        return s;
    }

    /** Branches of pairwise different JSON types, so that a value matches exactly one of them. */
    private ObjectNode oneOf(int depth) {
        List<String> types = new ArrayList<>(DISJOINT_TYPES);
        ObjectNode s = Json.NODES.objectNode();
        ArrayNode branches = s.putArray("oneOf");
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            String type = types.remove(random.nextInt(types.size()));
            branches.add(of(type, depth + 1).put("type", type));
        }
        return s;
    }

    private ObjectNode anyOf(int depth) {
        ObjectNode s = Json.NODES.objectNode();
        ArrayNode branches = s.putArray("anyOf");
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            branches.add(any(depth + 1));
        }
        return s;
    }

    /** Parts that constrain the same type in compatible ways, as documents compose schemas. */
    private ObjectNode allOf(int depth) {
        ObjectNode s = Json.NODES.objectNode();
        ArrayNode parts = s.putArray("allOf");
        switch (random.nextInt(3)) {
            case 0 -> {
                parts.add(Json.NODES.objectNode().put("type", "object").set("properties",
                        Json.NODES.objectNode().set("left", any(depth + 1))));
                ObjectNode right = Json.NODES.objectNode();
                right.set("properties", Json.NODES.objectNode().set("right", any(depth + 1)));
                right.putArray("required").add("right");
                parts.add(right);
            }
            case 1 -> {
                parts.add(typed("integer").put("minimum", random.nextInt(-50, 50)));
                parts.add(Json.NODES.objectNode().put("maximum", 60 + random.nextInt(50)));
            }
            default -> {
                parts.add(typed("string").put("minLength", random.nextInt(3)));
                parts.add(Json.NODES.objectNode().put("maxLength", 3 + random.nextInt(10)));
            }
        }
        return s;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
