package conformance.selftest;

import conformance.generation.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to a response body derived from the documented schema of the answer instead of written per operation: a value
 * of a type the schema does not allow (faulty), null wherever the schema allows it (conforming). An array schema is
 * reached through its items.
 */
final class FromSchema {
    /** The JSON types a wrong value is picked from, in this order: the first the declaration does not allow. */
    private static final List<String> TYPES = List.of("string", "integer", "boolean", "array", "object");

    private FromSchema() {
    }

    /**
     * The first property the schema declares a type for (of its items' schema, for an array: the fault goes into the
     * first item) given a value of the first type it does not allow. An integer becomes its decimal text, so a client
     * that reads ids as text goes on and the fault stays the only one.
     */
    record Mistyped(boolean inItems, String property, Set<String> declared, String given) {
        static Optional<Mistyped> of(JsonNode schema) {
            boolean array = types(schema).contains("array");
            JsonNode object = array ? schema.path("items") : schema;
            return object.path("properties").properties().stream().filter(p -> !types(p.getValue()).isEmpty()).findFirst()
                    .map(p -> {
                        Set<String> declared = types(p.getValue());
                        String given = TYPES.stream().filter(t -> !declared.contains(t)
                                && !(t.equals("integer") && declared.contains("number"))).findFirst().orElseThrow();
                        return new Mistyped(array, p.getKey(), declared, given);
                    });
        }

        /** A copy of {@code body} with the property mistyped (set even where the body lacks it); an empty list stays empty. */
        JsonNode applyTo(JsonNode body) {
            JsonNode copy = body.deepCopy();
            if ((inItems ? copy.path(0) : copy) instanceof ObjectNode o) {
                o.set(property, value(o.get(property)));
            }
            return copy;
        }

        private JsonNode value(JsonNode current) {
            return switch (given) {
                case "string" -> Json.NODES.stringNode(current != null && current.isValueNode() && !current.isNull()
                        ? current.asString() : "mistyped");
                case "integer" -> Json.NODES.numberNode(42);
                case "boolean" -> Json.NODES.booleanNode(true);
                case "array" -> Json.NODES.arrayNode();
                default -> Json.NODES.objectNode();
            };
        }

        @Override
        public String toString() {
            return (inItems ? "[0]." : "") + property + " as " + (given.equals("integer") || given.equals("array") ? "an " : "a ")
                    + given + " (documented: " + String.join(" or ", declared) + ")";
        }
    }

    /** A copy of {@code body} with every member, at every depth, whose schema allows null set to null. */
    static JsonNode nullEveryNullable(JsonNode schema, JsonNode body) {
        JsonNode copy = body.deepCopy();
        nullIn(schema, copy);
        return copy;
    }

    private static void nullIn(JsonNode schema, JsonNode node) {
        if (node instanceof ArrayNode items) {
            items.forEach(item -> nullIn(schema.path("items"), item));
        } else if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                JsonNode member = o.get(p.getKey());
                if (member != null && types(p.getValue()).contains("null")) {
                    o.putNull(p.getKey());
                } else if (member != null) {
                    nullIn(p.getValue(), member);
                }
            }
        }
    }

    /** The types a schema declares ({@code "type": "x"} or {@code "type": [...]}); none when it declares none. */
    static Set<String> types(JsonNode schema) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isString()) {
            out.add(type.asString());
        }
        type.forEach(t -> out.add(t.asString()));
        return out;
    }
}
