package conformance.generation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One way to break a request, read from the request schema (never hand-coded per field): a wrong type at a declared
 * position, a value outside an enum or bound, a missing required member, an unknown member where none is allowed,
 * or bytes that are not the documented JSON at all.
 */
public abstract class NegativeRule {
    private final String name;

    NegativeRule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Breaks {@code valid} (a schema-valid payload, never modified) in this rule's way. */
    abstract Breakage apply(JsonNode valid, ValueGenerator values, String mediaType);

    /** Every rule the schema offers, in a stable order, plus the byte-level ones. */
    public static List<NegativeRule> of(JsonNode requestSchema, boolean bodyRequired) {
        List<NegativeRule> rules = new ArrayList<>();
        collect(requestSchema, "", "#", rules, 0);
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

    private static void collect(JsonNode schema, String pointer, String schemaPath, List<NegativeRule> rules, int depth) {
        if (schema == null || !schema.isObject() || depth > 3) {
            return;
        }
        List<String> allowed = Schemas.types(schema);
        if (!allowed.isEmpty()) {
            for (String wrong : Schemas.ALL_TYPES) {
                boolean permitted = allowed.contains(wrong) || (wrong.equals("integer") && allowed.contains("number"));
                if (!permitted) {
                    rules.add(new WrongType(pointer, schemaPath, allowed, wrong));
                }
            }
        }
        if (schema.has("enum")) {
            rules.add(new Replace("enum: " + display(pointer) + " outside its enum", pointer, "enum",
                    v -> Json.NODES.stringNode("not-in-enum-" + v.hashCode())));
        }
        if (schema.has("maxLength") && allowed.equals(List.of("string"))) {
            int max = schema.get("maxLength").asInt();
            rules.add(new Replace("maxLength: " + display(pointer) + " longer than " + max, pointer, "maxLength",
                    v -> Json.NODES.stringNode("x".repeat(max + 1))));
        }
        if (schema.has("minLength") && schema.get("minLength").asInt() > 0 && allowed.equals(List.of("string"))) {
            rules.add(new Replace("minLength: " + display(pointer) + " shorter than " + schema.get("minLength").asInt(),
                    pointer, "minLength", v -> Json.NODES.stringNode("")));
        }
        if (schema.has("maximum") && (allowed.contains("integer") || allowed.contains("number"))) {
            long max = (long) Math.floor(schema.get("maximum").asDouble());
            rules.add(new Replace("maximum: " + display(pointer) + " above " + max, pointer, "maximum",
                    v -> Json.NODES.numberNode(max + 1)));
        }
        if (schema.has("minimum") && (allowed.contains("integer") || allowed.contains("number"))) {
            long min = (long) Math.ceil(schema.get("minimum").asDouble());
            rules.add(new Replace("minimum: " + display(pointer) + " below " + min, pointer, "minimum",
                    v -> Json.NODES.numberNode(min - 1)));
        }
        if (!allowed.contains("object") && !allowed.isEmpty()) {
            return;
        }
        schema.path("required").forEach(r -> rules.add(new Remove(pointer, r.asString())));
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
            rules.add(new Replace("additionalProperties: unknown member in " + display(pointer), pointer,
                    "additionalProperties", v -> {
                        ObjectNode o = v.isObject() ? ((ObjectNode) v).deepCopy() : Json.NODES.objectNode();
                        o.put("unexpected_member_" + o.size(), true);
                        return o;
                    }));
        }
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            collect(p.getValue(), pointer + "/" + escape(p.getKey()), schemaPath + "/properties/" + p.getKey(), rules, depth + 1);
        }
    }

    static String display(String pointer) {
        return pointer.isEmpty() ? "the body" : pointer;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
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

    /** Sets the value at {@code pointer}, creating missing parent objects on the way. */
    static JsonNode setAt(JsonNode root, String pointer, java.util.function.UnaryOperator<JsonNode> change) {
        if (pointer.isEmpty()) {
            return change.apply(root);
        }
        JsonNode copy = root.deepCopy();
        String[] parts = pointer.substring(1).split("/", -1);
        ObjectNode parent = (ObjectNode) copy;
        for (int i = 0; i < parts.length - 1; i++) {
            String key = unescape(parts[i]);
            JsonNode next = parent.get(key);
            if (next == null || !next.isObject()) {
                next = Json.NODES.objectNode();
                parent.set(key, next);
            }
            parent = (ObjectNode) next;
        }
        String last = unescape(parts[parts.length - 1]);
        JsonNode current = parent.has(last) ? parent.get(last) : Json.NODES.nullNode();
        parent.set(last, change.apply(current));
        return copy;
    }

    private static String unescape(String part) {
        return part.replace("~1", "/").replace("~0", "~");
    }

    private static final class WrongType extends NegativeRule {
        private final String pointer;
        private final String wrong;

        WrongType(String pointer, String schemaPath, List<String> allowed, String wrong) {
            super("type: " + display(pointer) + " as " + wrong + " (" + schemaPath + "/type allows "
                    + String.join("|", allowed) + ")");
            this.pointer = pointer;
            this.wrong = wrong;
        }

        @Override
        Breakage apply(JsonNode valid, ValueGenerator values, String mediaType) {
            JsonNode broken = setAt(valid, pointer, v -> sample(wrong, values));
            return new Breakage(name(), Optional.of(broken), Json.bytes(broken), mediaType, Optional.of(pointer), Optional.of("type"));
        }

        private static JsonNode sample(String type, ValueGenerator values) {
            return switch (type) {
                case "null" -> Json.NODES.nullNode();
                case "boolean" -> Json.NODES.booleanNode(true);
                case "integer" -> Json.NODES.numberNode(42);
                case "number" -> Json.NODES.numberNode(4.5);
                case "string" -> Json.NODES.stringNode("text");
                case "array" -> Json.NODES.arrayNode().add(values.anyValue("", ValueGenerator.MAX_DEPTH - 1));
                default -> Json.NODES.objectNode().put("k", "v");
            };
        }
    }

    private static final class Replace extends NegativeRule {
        private final String pointer;
        private final String keyword;
        private final java.util.function.UnaryOperator<JsonNode> change;

        Replace(String name, String pointer, String keyword, java.util.function.UnaryOperator<JsonNode> change) {
            super(name);
            this.pointer = pointer;
            this.keyword = keyword;
            this.change = change;
        }

        @Override
        Breakage apply(JsonNode valid, ValueGenerator values, String mediaType) {
            JsonNode broken = setAt(valid, pointer, change);
            return new Breakage(name(), Optional.of(broken), Json.bytes(broken), mediaType, Optional.of(pointer), Optional.of(keyword));
        }
    }

    private static final class Remove extends NegativeRule {
        private final String pointer;
        private final String member;

        Remove(String pointer, String member) {
            super("required: " + display(pointer) + " without '" + member + "'");
            this.pointer = pointer;
            this.member = member;
        }

        @Override
        Breakage apply(JsonNode valid, ValueGenerator values, String mediaType) {
            JsonNode broken = setAt(valid, pointer, v -> {
                ObjectNode o = v.isObject() ? ((ObjectNode) v).deepCopy() : Json.NODES.objectNode();
                o.remove(member);
                return o;
            });
            return new Breakage(name(), Optional.of(broken), Json.bytes(broken), mediaType,
                    Optional.of(pointer + "/" + escape(member)), Optional.of("required"));
        }
    }

    private static final class Bytes extends NegativeRule {
        private final java.util.function.BiFunction<JsonNode, String, byte[]> bytes;

        Bytes(String name, java.util.function.BiFunction<JsonNode, String, byte[]> bytes) {
            super(name);
            this.bytes = bytes;
        }

        @Override
        Breakage apply(JsonNode valid, ValueGenerator values, String mediaType) {
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
        Breakage apply(JsonNode valid, ValueGenerator values, String mediaType) {
            byte[] body = formEncoded ? "custom_attributes%5Bsuite%5D=form".getBytes(StandardCharsets.US_ASCII) : Json.bytes(valid);
            return new Breakage(name(), Optional.empty(), body, contentType, Optional.empty(), Optional.empty());
        }
    }
}
