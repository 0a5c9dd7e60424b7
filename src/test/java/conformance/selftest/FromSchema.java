package conformance.selftest;

import conformance.generation.Json;
import java.util.ArrayList;
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
 * of a type the schema does not allow, at the top or one level down (faulty), null wherever the schema allows it
 * (conforming). An array schema is reached through its items.
 */
final class FromSchema {
    /** The JSON types a wrong value is picked from, in this order: the first the declaration does not allow. */
    private static final List<String> TYPES = List.of("string", "integer", "boolean", "array", "object");

    private FromSchema() {
    }

    /**
     * A property given a value of the first type its declaration does not allow; {@code at} leads to the object that
     * holds it, by member names and {@code 0} for the first item of an array. An integer becomes its decimal text, so a
     * client that reads ids as text goes on and the fault stays the only one.
     */
    record Mistyped(List<String> at, String property, Set<String> declared, String given) {
        private static final String FIRST = "0";

        /** The first property the schema declares a type for (of its items' schema, for an array). */
        static Optional<Mistyped> first(JsonNode schema) {
            List<String> at = types(schema).contains("array") ? List.of(FIRST) : List.of();
            return firstTyped(at, object(schema));
        }

        /**
         * The first typed property one level down: in the first member that is an object with typed properties, or an
         * array of such objects (its first item). Empty when the schema has no such member.
         */
        static Optional<Mistyped> nested(JsonNode schema) {
            List<String> at = types(schema).contains("array") ? List.of(FIRST) : List.of();
            return object(schema).path("properties").properties().stream()
                    .filter(p -> object(p.getValue()).path("properties").properties().stream().anyMatch(q -> !types(q.getValue()).isEmpty()))
                    .findFirst().flatMap(p -> {
                        List<String> deeper = new ArrayList<>(at);
                        deeper.add(p.getKey());
                        if (types(p.getValue()).contains("array")) {
                            deeper.add(FIRST);
                        }
                        return firstTyped(List.copyOf(deeper), object(p.getValue()));
                    });
        }

        /** An array schema's items, else the schema itself. */
        private static JsonNode object(JsonNode schema) {
            return types(schema).contains("array") ? schema.path("items") : schema;
        }

        private static Optional<Mistyped> firstTyped(List<String> at, JsonNode object) {
            return object.path("properties").properties().stream().filter(p -> !types(p.getValue()).isEmpty()).findFirst()
                    .map(p -> {
                        Set<String> declared = types(p.getValue());
                        String given = TYPES.stream().filter(t -> !declared.contains(t)
                                && !(t.equals("integer") && declared.contains("number"))).findFirst().orElseThrow();
                        return new Mistyped(at, p.getKey(), declared, given);
                    });
        }

        /**
         * A copy of {@code body} with the property mistyped, set even where the body lacks it: a missing (or null)
         * object or first item on the way is added empty, which every schema here allows.
         */
        JsonNode applyTo(JsonNode body) {
            JsonNode copy = body.deepCopy();
            JsonNode node = copy;
            for (int i = 0; i < at.size(); i++) {
                boolean arrayNext = i + 1 < at.size() && at.get(i + 1).equals(FIRST);
                if (at.get(i).equals(FIRST) && node instanceof ArrayNode items) {
                    if (items.isEmpty()) {
                        items.addObject();
                    }
                    node = items.get(0);
                } else if (node instanceof ObjectNode o) {
                    JsonNode child = o.get(at.get(i));
                    boolean usable = child != null && (arrayNext ? child.isArray() : child.isObject());
                    node = usable ? child : arrayNext ? o.putArray(at.get(i)) : o.putObject(at.get(i));
                }
            }
            if (node instanceof ObjectNode o) {
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
            StringBuilder where = new StringBuilder();
            for (String step : at) {
                where.append(step.equals(FIRST) ? "[0]" : (where.isEmpty() ? "" : ".") + step);
            }
            where.append(where.isEmpty() ? "" : ".").append(property);
            return where + " as " + (given.equals("integer") || given.equals("array") ? "an " : "a ") + given
                    + " (documented: " + String.join(" or ", declared) + ")";
        }
    }

    /** A copy of {@code body} with every member, at every depth, whose schema allows null set to null. */
    /**
     * The body with null wherever the schema allows it, except the top-level members equal to what the request sent:
     * a server echoing a created message's content is held to it by message_semantics, nullable or not.
     */
    static JsonNode nullEveryNullable(JsonNode schema, JsonNode body, Optional<JsonNode> sent) {
        JsonNode copy = body.deepCopy();
        nullIn(schema, copy);
        if (copy instanceof ObjectNode o && body instanceof ObjectNode original) {
            sent.filter(JsonNode::isObject).ifPresent(request -> request.properties().forEach(member -> {
                if (member.getValue().equals(original.get(member.getKey()))) {
                    o.set(member.getKey(), member.getValue().deepCopy());
                }
            }));
        }
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
