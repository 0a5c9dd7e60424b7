package conformance.generation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One way to break a request, read from the request schema (never hand-coded per field): a wrong type at a declared
 * position, a value outside an enum, const, bound or length, a missing required member, an unknown member where none
 * is allowed, too many or too few items or members, or bytes that are not the documented JSON at all. Schema rules
 * descend into properties, items and additional members; each names the place and keyword the schema must reject.
 */
public abstract class NegativeRule {
    private static final int MAX_DEPTH = 3;
    /** Bounds above this are not broken by building that many items or members. */
    private static final int MAX_COUNT = 1000;

    private final String name;

    NegativeRule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Breaks {@code valid} (a schema-valid payload, never modified) in this rule's way. */
    abstract Breakage apply(JsonNode valid, String mediaType);

    /** Every rule the schema offers, in a stable order, plus the byte-level ones. */
    public static List<NegativeRule> of(JsonNode requestSchema, boolean bodyRequired) {
        List<NegativeRule> rules = new ArrayList<>();
        collect(requestSchema, List.of(), "#", rules);
        rules.add(new Bytes("malformed JSON: truncated body", (valid, media) -> {
            byte[] b = Json.bytes(valid);
            return Arrays.copyOf(b, Math.max(1, b.length / 2));
        }));
        rules.add(new Bytes("malformed JSON: trailing garbage", (valid, media) -> concat(Json.bytes(valid), "}garbage")));
        rules.add(new Bytes("malformed bytes: invalid UTF-8 in a member name", (valid, media) -> invalidUtf8(valid)));
        if (bodyRequired) {
            rules.add(new Bytes("required request body missing", (valid, media) -> new byte[0]));
        }
        rules.add(new MediaType("wrong media type: text/plain", "text/plain", false));
        rules.add(new MediaType("wrong media type: application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded", true));
        return rules;
    }

    /** One step from a value to a part of it: a member name, or an array index when {@code index >= 0}. */
    record Step(String name, int index) {
        static Step member(String name) {
            return new Step(name, -1);
        }

        static Step item(int index) {
            return new Step(String.valueOf(index), index);
        }

        boolean isItem() {
            return index >= 0;
        }
    }

    private static void collect(JsonNode schema, List<Step> at, String schemaPath, List<NegativeRule> rules) {
        if (schema == null || !schema.isObject() || at.size() > MAX_DEPTH) {
            return;
        }
        if (schema.has("allOf")) {
            collect(Schemas.mergeAllOf(schema), at, schemaPath, rules);
            return;
        }
        String where = display(at);
        // only a declared type is a rule: keywords such as properties say nothing about values of other types
        List<String> declared = schema.has("type") ? Schemas.types(schema) : List.of();
        for (String wrong : declared.isEmpty() ? List.<String>of() : Schemas.ALL_TYPES) {
            if (!declared.contains(wrong) && !(wrong.equals("integer") && declared.contains("number"))) {
                rules.add(new Replace("type: " + where + " as " + wrong + " (" + schemaPath + "/type allows "
                        + String.join("|", declared) + ")", at, "type", v -> sample(wrong)));
            }
        }
        valueRules(schema, at, where, rules);
        countRules(schema, at, where, rules);
        List<String> types = Schemas.types(schema);
        if (types.isEmpty() || types.contains("object")) {
            memberRules(schema, at, schemaPath, where, rules);
        }
        if (types.isEmpty() || types.contains("array")) {
            JsonNode prefix = schema.path("prefixItems");
            for (int i = 0; i < prefix.size(); i++) {
                collect(prefix.get(i), with(at, Step.item(i)), schemaPath + "/prefixItems/" + i, rules);
            }
            collect(schema.get("items"), with(at, Step.item(prefix.size())), schemaPath + "/items", rules);
        }
    }

    /** Rules on the value itself: enum, const, lengths, bounds, multipleOf. */
    private static void valueRules(JsonNode schema, List<Step> at, String where, List<NegativeRule> rules) {
        if (schema.has("enum")) {
            rules.add(new Replace("enum: " + where + " outside its enum", at, "enum",
                    v -> Json.NODES.stringNode("not-in-the-enum")));
        }
        if (schema.has("const")) {
            JsonNode c = schema.get("const");
            rules.add(new Replace("const: " + where + " other than its const", at, "const",
                    v -> Json.NODES.stringNode(c.isString() ? c.asString() + "-other" : "not-the-const")));
        }
        if (schema.path("maxLength").isIntegralNumber() && schema.get("maxLength").asInt() < MAX_COUNT) {
            int max = schema.get("maxLength").asInt();
            rules.add(new Replace("maxLength: " + where + " longer than " + max, at, "maxLength",
                    v -> Json.NODES.stringNode("x".repeat(max + 1))));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            rules.add(new Replace("minLength: " + where + " shorter than " + schema.get("minLength").asInt(), at,
                    "minLength", v -> Json.NODES.stringNode("")));
        }
        bound(schema, "maximum", at, where, BigDecimal.ONE, rules);
        bound(schema, "minimum", at, where, BigDecimal.ONE.negate(), rules);
        bound(schema, "exclusiveMaximum", at, where, BigDecimal.ZERO, rules);
        bound(schema, "exclusiveMinimum", at, where, BigDecimal.ZERO, rules);
        if (schema.path("multipleOf").isNumber() && schema.get("multipleOf").decimalValue().signum() > 0) {
            BigDecimal m = schema.get("multipleOf").decimalValue();
            // m × 1.5 is never a whole multiple of m
            rules.add(new Replace("multipleOf: " + where + " not a multiple of " + m.toPlainString(), at, "multipleOf",
                    v -> Json.NODES.numberNode(m.multiply(new BigDecimal("1.5")))));
        }
    }

    /** A number just beyond the bound: {@code bound + offset} (an exclusive bound is broken by the bound itself). */
    private static void bound(JsonNode schema, String keyword, List<Step> at, String where, BigDecimal offset,
                              List<NegativeRule> rules) {
        if (schema.path(keyword).isNumber()) {
            BigDecimal value = schema.get(keyword).decimalValue().add(offset);
            rules.add(new Replace(keyword + ": " + where + " at " + value.toPlainString(), at, keyword,
                    v -> Json.NODES.numberNode(value)));
        }
    }

    /** Rules on sizes: min/maxItems, uniqueItems, min/maxProperties. */
    private static void countRules(JsonNode schema, List<Step> at, String where, List<NegativeRule> rules) {
        if (schema.path("minItems").asInt(0) > 0) {
            rules.add(new Replace("minItems: " + where + " empty", at, "minItems", v -> Json.NODES.arrayNode()));
        }
        if (schema.path("maxItems").isIntegralNumber() && schema.get("maxItems").asInt() < MAX_COUNT) {
            int max = schema.get("maxItems").asInt();
            rules.add(new Replace("maxItems: " + where + " with " + (max + 1) + " items", at, "maxItems", v -> {
                ArrayNode a = Json.NODES.arrayNode();
                for (int i = 0; i <= max; i++) {
                    a.add(i);
                }
                return a;
            }));
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            rules.add(new Replace("uniqueItems: " + where + " with a repeated item", at, "uniqueItems",
                    v -> Json.NODES.arrayNode().add("same").add("same")));
        }
        if (schema.path("minProperties").asInt(0) > 0) {
            rules.add(new Replace("minProperties: " + where + " without members", at, "minProperties",
                    v -> Json.NODES.objectNode()));
        }
        if (schema.path("maxProperties").isIntegralNumber() && schema.get("maxProperties").asInt() < MAX_COUNT) {
            int max = schema.get("maxProperties").asInt();
            rules.add(new Replace("maxProperties: " + where + " with " + (max + 1) + " members", at, "maxProperties", v -> {
                ObjectNode o = v.isObject() ? ((ObjectNode) v).deepCopy() : Json.NODES.objectNode();
                for (int i = 0; o.size() <= max; i++) {
                    o.putNull("extra_member_" + i);
                }
                return o;
            }));
        }
    }

    /** Rules on members: required ones missing, unknown ones where none are allowed, and the members' own rules. */
    private static void memberRules(JsonNode schema, List<Step> at, String schemaPath, String where, List<NegativeRule> rules) {
        schema.path("required").forEach(r -> rules.add(missing(at, r.asString())));
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
            rules.add(new Replace("additionalProperties: unknown member in " + where, at, "additionalProperties", v -> {
                ObjectNode o = v.isObject() ? ((ObjectNode) v).deepCopy() : Json.NODES.objectNode();
                o.put("unexpected_member_" + o.size(), true);
                return o;
            }));
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            collect(p.getValue(), with(at, Step.member(p.getKey())), schemaPath + "/properties/" + p.getKey(), rules);
        }
        String extra = "additional_member";
        if (additional != null && additional.isObject() && !properties.has(extra)) {
            collect(additional, with(at, Step.member(extra)), schemaPath + "/additionalProperties", rules);
        }
    }

    private static JsonNode sample(String type) {
        return switch (type) {
            case "null" -> Json.NODES.nullNode();
            case "boolean" -> Json.NODES.booleanNode(true);
            case "integer" -> Json.NODES.numberNode(42);
            case "number" -> Json.NODES.numberNode(4.5);
            case "string" -> Json.NODES.stringNode("text");
            case "array" -> Json.NODES.arrayNode().add("text");
            default -> Json.NODES.objectNode().put("k", "v");
        };
    }

    private static List<Step> with(List<Step> at, Step step) {
        List<Step> out = new ArrayList<>(at);
        out.add(step);
        return List.copyOf(out);
    }

    static String pointer(List<Step> at) {
        StringBuilder out = new StringBuilder();
        at.forEach(s -> out.append('/').append(s.name().replace("~", "~0").replace("/", "~1")));
        return out.toString();
    }

    static String display(List<Step> at) {
        return at.isEmpty() ? "the body" : pointer(at);
    }

    /**
     * {@code root} with the value at {@code at} replaced by {@code change} of it (a JSON null where there was none);
     * missing or differently typed containers on the way are made anew, arrays padded with nulls.
     */
    static JsonNode setAt(JsonNode root, List<Step> at, UnaryOperator<JsonNode> change) {
        JsonNode current = root == null ? Json.NODES.nullNode() : root;
        if (at.isEmpty()) {
            return change.apply(current);
        }
        Step step = at.get(0);
        List<Step> rest = at.subList(1, at.size());
        if (step.isItem()) {
            ArrayNode array = current.isArray() ? ((ArrayNode) current).deepCopy() : Json.NODES.arrayNode();
            while (array.size() <= step.index()) {
                array.addNull();
            }
            array.set(step.index(), setAt(array.get(step.index()), rest, change));
            return array;
        }
        ObjectNode object = current.isObject() ? ((ObjectNode) current).deepCopy() : Json.NODES.objectNode();
        object.set(step.name(), setAt(object.get(step.name()), rest, change));
        return object;
    }

    /** The valid payload with one more member whose name is not UTF-8 (0xC3 0x28 is a broken two-byte sequence). */
    private static byte[] invalidUtf8(JsonNode valid) {
        byte[] broken = {'"', (byte) 0xC3, 0x28, '"', ':', '1'};
        if (!valid.isObject()) {
            return concat("{".getBytes(StandardCharsets.UTF_8), broken, "}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] rest = Json.bytes(valid);
        String tail = valid.isEmpty() ? "}" : "," + new String(rest, 1, rest.length - 1, StandardCharsets.UTF_8);
        return concat("{".getBytes(StandardCharsets.UTF_8), broken, tail.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] first, String tail) {
        return concat(first, tail.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * A schema rule: the value at one place replaced by one the schema rejects with one keyword, reported at
     * {@code reportedAt} (the place itself, but for a missing member the member's place).
     */
    private static final class Replace extends NegativeRule {
        private final List<Step> at;
        private final String keyword;
        private final String reportedAt;
        private final UnaryOperator<JsonNode> change;

        Replace(String name, List<Step> at, String keyword, UnaryOperator<JsonNode> change) {
            this(name, at, keyword, at, change);
        }

        Replace(String name, List<Step> at, String keyword, List<Step> reportedAt, UnaryOperator<JsonNode> change) {
            super(name);
            this.at = at;
            this.keyword = keyword;
            this.reportedAt = pointer(reportedAt);
            this.change = change;
        }

        @Override
        Breakage apply(JsonNode valid, String mediaType) {
            JsonNode broken = setAt(valid, at, change);
            return new Breakage(name(), Optional.of(broken), Json.bytes(broken), mediaType, Optional.of(reportedAt),
                    Optional.of(keyword));
        }
    }

    private static NegativeRule missing(List<Step> at, String member) {
        return new Replace("required: " + display(at) + " without '" + member + "'", at, "required",
                with(at, Step.member(member)), v -> {
                    ObjectNode o = v.isObject() ? ((ObjectNode) v).deepCopy() : Json.NODES.objectNode();
                    o.remove(member);
                    return o;
                });
    }

    private static final class Bytes extends NegativeRule {
        private final BiFunction<JsonNode, String, byte[]> bytes;

        Bytes(String name, BiFunction<JsonNode, String, byte[]> bytes) {
            super(name);
            this.bytes = bytes;
        }

        @Override
        Breakage apply(JsonNode valid, String mediaType) {
            return new Breakage(name(), Optional.empty(), bytes.apply(valid, mediaType), mediaType, Optional.empty(), Optional.empty());
        }
    }

    private static final class MediaType extends NegativeRule {
        private final String contentType;
        private final boolean formEncoded;

        MediaType(String name, String contentType, boolean formEncoded) {
            super(name);
            this.contentType = contentType;
            this.formEncoded = formEncoded;
        }

        @Override
        Breakage apply(JsonNode valid, String mediaType) {
            byte[] body = formEncoded ? "custom_attributes%5Bsuite%5D=form".getBytes(StandardCharsets.US_ASCII) : Json.bytes(valid);
            return new Breakage(name(), Optional.empty(), body, contentType, Optional.empty(), Optional.empty());
        }
    }
}
