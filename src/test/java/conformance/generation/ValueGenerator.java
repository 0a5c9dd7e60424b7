package conformance.generation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a value that a JSON Schema (draft 2020-12, refs already inlined) accepts, biased toward edge cases. Free-form
 * positions (no type, or objects open to any member) get arbitrary JSON, explored as thoroughly as typed ones.
 */
public final class ValueGenerator {
    static final int MAX_DEPTH = 8;
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples", "default",
            "deprecated", "readOnly", "writeOnly", "$comment", "$schema", "$id", "$anchor", "contentMediaType",
            "contentEncoding", "xml", "externalDocs", "discriminator", "nullable");
    /** The keywords generation honours; the soundness self-test builds its random schemas from all of them. */
    static final Set<String> UNDERSTOOD = Set.of("type", "properties", "required", "additionalProperties",
            "items", "prefixItems", "enum", "const", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
            "format", "oneOf", "anyOf", "allOf");
    private static final Set<String> FORMATS = Set.of("uuid", "date-time", "date", "email", "uri", "ipv4", "hostname");

    private final Rng rng;
    private final Statistics stats;
    private final NumberGenerator numbers;

    public ValueGenerator(Rng rng, Statistics stats) {
        this.rng = rng;
        this.stats = stats;
        this.numbers = new NumberGenerator(rng, stats);
    }

    public JsonNode generate(JsonNode schema) {
        return value(schema, "", 0);
    }

    JsonNode value(JsonNode schema, String position, int depth) {
        if (schema == null || schema.isMissingNode() || (schema.isBoolean() && schema.booleanValue())) {
            return anyValue(position, depth);
        }
        if (schema.isBoolean()) {
            throw new GenerationException("the schema at " + position + " is false: no value is valid there");
        }
        noteUnknownKeywords(schema);
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode choice = schema.get("enum").get(rng.between(0, schema.get("enum").size() - 1));
            stats.count("enum " + position + " " + Json.text(choice));
            return choice.deepCopy();
        }
        if (schema.has("allOf")) {
            return value(Schemas.mergeAllOf(schema), position, depth);
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                int branch = rng.between(0, schema.get(combinator).size() - 1);
                stats.count(combinator + " " + position + " branch " + branch);
                return value(Schemas.withBranch(schema, combinator, branch), position, depth);
            }
        }
        List<String> types = Schemas.types(schema);
        if (types.isEmpty()) {
            return anyValue(position, depth);
        }
        String type = types.get(rng.between(0, types.size() - 1));
        stats.type(position, type);
        return switch (type) {
            case "null" -> Json.NODES.nullNode();
            case "boolean" -> Json.NODES.booleanNode(rng.chance(0.5));
            case "integer" -> numbers.generate(schema, position, true);
            case "number" -> numbers.generate(schema, position, false);
            case "string" -> Json.NODES.stringNode(string(schema, position));
            case "array" -> array(schema, position, depth);
            case "object" -> object(schema, position, depth);
            default -> throw new GenerationException("unknown type '" + type + "' at " + position);
        };
    }

    private void noteUnknownKeywords(JsonNode schema) {
        for (String keyword : schema.propertyNames()) {
            if (!UNDERSTOOD.contains(keyword) && !ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
                stats.unknownKeyword(keyword);
            }
        }
        if (schema.has("format") && !FORMATS.contains(schema.get("format").asString())) {
            stats.unknownKeyword("format: " + schema.get("format").asString());
        }
    }

    /** Arbitrary JSON, for positions the schema leaves open. */
    JsonNode anyValue(String position, int depth) {
        int roll = rng.between(0, 99);
        boolean mayNest = depth < MAX_DEPTH;
        String type = roll < 30 ? "string" : roll < 45 ? "integer" : roll < 55 ? "number" : roll < 65 ? "boolean"
                : roll < 72 ? "null" : (roll < 90 && mayNest) ? "object" : mayNest ? "array" : "string";
        stats.type(position, type);
        return switch (type) {
            case "string" -> Json.NODES.stringNode(freeString(position));
            case "integer" -> Json.NODES.numberNode(numbers.freeInteger());
            case "number" -> Json.NODES.numberNode(numbers.freeNumber());
            case "boolean" -> Json.NODES.booleanNode(rng.chance(0.5));
            case "null" -> Json.NODES.nullNode();
            case "object" -> freeObject(position, depth, null);
            default -> freeArray(position, depth);
        };
    }

    private String string(JsonNode schema, String position) {
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : Integer.MAX_VALUE;
        if (minLength > maxLength) {
            throw new GenerationException("minLength > maxLength at " + position);
        }
        String base = schema.has("format") ? formatted(schema.get("format").asString(), position) : null;
        if (base == null) {
            base = freeString(position);
        }
        return fitLength(base, minLength, maxLength);
    }

    private String fitLength(String s, int minLength, int maxLength) {
        int length = s.codePointCount(0, s.length());
        if (length > maxLength) {
            stats.edge("string cut to maxLength");
            return s.substring(0, s.offsetByCodePoints(0, maxLength));
        }
        if (length < minLength) {
            stats.edge("string padded to minLength");
            return s + "x".repeat(minLength - length);
        }
        return s;
    }

    private String formatted(String format, String position) {
        stats.count("format " + format);
        return switch (format) {
            case "uuid" -> new UUID(rng.between(Long.MIN_VALUE, Long.MAX_VALUE), rng.between(Long.MIN_VALUE, Long.MAX_VALUE)).toString();
            case "date-time" -> DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(rng.between(0L, 4_102_444_800L)));
            case "date" -> DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(rng.between(0L, 4_102_444_800L)).atOffset(ZoneOffset.UTC));
            case "email" -> "user" + rng.between(0, 99_999) + "@example.com";
            case "uri" -> "https://example.com/" + rng.between(0, 99_999);
            case "ipv4" -> rng.between(1, 254) + "." + rng.between(0, 255) + "." + rng.between(0, 255) + "." + rng.between(1, 254);
            case "hostname" -> "host" + rng.between(0, 9999) + ".example.com";
            default -> null;
        };
    }

    private String freeString(String position) {
        int roll = rng.between(0, 99);
        if (roll < 40) {
            String s = rng.pick(Edges.STRINGS);
            stats.edge(stringEdge(s));
            return s;
        }
        if (roll < 45) {
            int n = rng.between(1000, 5000);
            stats.edge("huge string");
            stats.size(position, "string", n);
            return "x".repeat(n);
        }
        int n = rng.between(1, 24);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(rng.chance(0.9) ? (char) rng.between('a', 'z') : rng.pick(Edges.STRINGS));
        }
        return out.toString();
    }

    private String freeKey() {
        if (rng.chance(0.4)) {
            String k = rng.pick(Edges.KEYS);
            stats.edge(keyEdge(k));
            return k;
        }
        int n = rng.between(1, 12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) rng.between('a', 'z'));
        }
        return out.toString();
    }

    /**
     * How many members or items: near the top often many (more than 20 is an edge case of its own), deeper mostly a
     * few, so that nested values stay small on average instead of growing with every level.
     */
    private int freeSize(String position, String kind, int depth) {
        int roll = rng.between(0, 99);
        int size = depth <= 1
                ? roll < 10 ? 0 : roll < 70 ? rng.between(1, 3) : roll < 88 ? rng.between(4, 12) : rng.between(21, 40)
                : roll < 15 ? 0 : roll < 85 ? rng.between(1, 3) : rng.between(4, 12);
        stats.size(position, kind, size);
        return size;
    }

    /** An object with arbitrary members; {@code valueSchema} (may be null) constrains their values. */
    private ObjectNode freeObject(String position, int depth, JsonNode valueSchema) {
        ObjectNode node = Json.NODES.objectNode();
        if ((valueSchema == null || valueSchema.isBoolean()) && depth < MAX_DEPTH - 3 && rng.chance(0.05)) {
            return nested(position, depth);
        }
        int size = freeSize(position, "object", depth);
        String child = freeChild(position, "/*");
        // keys are drawn until the size is reached: a repeated key would quietly make a "many keys" case smaller
        for (int attempt = 0; node.size() < size && attempt < 3 * size; attempt++) {
            String key = freeKey();
            if (!node.has(key)) {
                node.set(key, value(valueSchema, child, depth + 1));
            }
        }
        return node;
    }

    /** A chain of objects several levels deep: deep nesting is an edge case of its own. */
    private ObjectNode nested(String position, int depth) {
        int levels = rng.between(2, Math.max(2, MAX_DEPTH - depth - 1));
        stats.edge("nested objects " + levels + " deep");
        ObjectNode root = Json.NODES.objectNode();
        ObjectNode current = root;
        for (int i = 1; i < levels; i++) {
            ObjectNode next = Json.NODES.objectNode();
            current.set(freeKey(), next);
            current = next;
        }
        current.set(freeKey(), anyValue(freeChild(position, "/*"), depth + levels));
        return root;
    }

    private ArrayNode freeArray(String position, int depth) {
        ArrayNode node = Json.NODES.arrayNode();
        int size = freeSize(position, "array", depth);
        for (int i = 0; i < size; i++) {
            node.add(anyValue(freeChild(position, "/[]"), depth + 1));
        }
        return node;
    }

    private JsonNode object(JsonNode schema, String position, int depth) {
        JsonNode properties = schema.path("properties");
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        JsonNode additional = schema.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
        boolean freeForm = properties.isEmpty() && !closed;
        int minProperties = schema.path("minProperties").asInt(0);
        int maxProperties = schema.has("maxProperties") ? schema.get("maxProperties").asInt() : Integer.MAX_VALUE;
        ObjectNode node;
        if (freeForm && required.isEmpty()) {
            node = freeObject(position, depth, additional);
        } else {
            node = Json.NODES.objectNode();
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                if (required.contains(p.getKey()) || rng.chance(0.6)) {
                    node.set(p.getKey(), value(p.getValue(), position + "/" + p.getKey(), depth + 1));
                }
            }
            for (String r : required) {
                if (!node.has(r)) {
                    // a required member the properties do not declare is an additional one
                    node.set(r, value(additional, position + "/" + r, depth + 1));
                }
            }
            if (!closed && rng.chance(0.2)) {
                stats.edge("extra member beside declared properties");
                String key = "extra_" + freeKey();
                if (!properties.has(key)) {
                    node.set(key, value(additional, position + "/*", depth + 1));
                }
            }
        }
        return fitMembers(node, schema, properties, required, additional, closed, minProperties, maxProperties, position, depth);
    }

    private ObjectNode fitMembers(ObjectNode node, JsonNode schema, JsonNode properties, Set<String> required,
                                  JsonNode additional, boolean closed, int min, int max, String position, int depth) {
        List<String> names = new ArrayList<>(node.propertyNames());
        for (int i = names.size() - 1; node.size() > max && i >= 0; i--) {
            if (!required.contains(names.get(i))) {
                node.remove(names.get(i));
            }
        }
        int guard = 0;
        while (node.size() < min && guard++ < 10 * (min + 1)) {
            List<String> absent = new ArrayList<>();
            properties.propertyNames().forEach(n -> {
                if (!node.has(n)) {
                    absent.add(n);
                }
            });
            if (!absent.isEmpty()) {
                String name = absent.get(0);
                node.set(name, value(properties.get(name), position + "/" + name, depth + 1));
            } else if (!closed) {
                node.set("m" + guard + freeKey(), value(additional, position + "/*", depth + 1));
            } else {
                throw new GenerationException("cannot reach minProperties at " + position);
            }
        }
        if (node.size() > max) {
            throw new GenerationException("required members exceed maxProperties at " + position);
        }
        return node;
    }

    private JsonNode array(JsonNode schema, String position, int depth) {
        int minItems = schema.path("minItems").asInt(0);
        int maxItems = schema.has("maxItems") ? schema.get("maxItems").asInt() : Integer.MAX_VALUE;
        JsonNode prefix = schema.path("prefixItems");
        JsonNode items = schema.get("items");
        boolean closed = items != null && items.isBoolean() && !items.booleanValue();
        int size = depth >= MAX_DEPTH ? minItems : freeSize(position, "array", depth);
        size = Math.max(minItems, Math.min(size, maxItems));
        if (closed) {
            size = Math.min(size, prefix.size());
        }
        if (size < minItems) {
            throw new GenerationException("cannot reach minItems at " + position);
        }
        ArrayNode node = Json.NODES.arrayNode();
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        Set<String> seen = new HashSet<>();
        int attempts = 0;
        while (node.size() < size && attempts++ < size * 20 + 20) {
            int i = node.size();
            JsonNode itemSchema = i < prefix.size() ? prefix.get(i) : items;
            JsonNode item = value(itemSchema, position + "/" + (i < prefix.size() ? i : "[]"), depth + 1);
            if (!unique || seen.add(canonical(item))) {
                node.add(item);
            }
        }
        if (node.size() < minItems) {
            throw new GenerationException("cannot make enough unique items at " + position);
        }
        return node;
    }

    /**
     * JSON equality as JSON Schema sees it (uniqueItems): 1 and 1.0 are the same number, member order does not
     * count. Jackson's own equality says otherwise for both.
     */
    static String canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            node.forEach(item -> out.append(canonical(item)).append(','));
            return out.append(']').toString();
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            new TreeSet<>(node.propertyNames()).forEach(name -> out.append(Json.text(Json.NODES.stringNode(name)))
                    .append(':').append(canonical(node.get(name))).append(','));
            return out.append('}').toString();
        }
        return Json.text(node);
    }

    /** The statistics' name of an edge-case string: as JSON, so NUL and invisible characters show. */
    static String stringEdge(String s) {
        return "string " + Json.text(Json.NODES.stringNode(s));
    }

    static String keyEdge(String key) {
        return "key " + Json.text(Json.NODES.stringNode(key.length() > 20 ? "long key" : key));
    }

    /** Positions below two levels of free-form members are counted together, so the statistics stay readable. */
    private static String freeChild(String position, String step) {
        if (position.endsWith("/…")) {
            return position;
        }
        int free = position.split("/\\*|/\\[]", -1).length - 1;
        return free >= 2 ? position + "/…" : position + step;
    }
}
