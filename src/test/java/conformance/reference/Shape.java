package conformance.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the document says a request value must be, as far as the document dialect rejects: a type, an enum, the shapes
 * of an object's members (none of them required, as in the document). Members it does not name are left alone.
 */
record Shape(String type, List<String> values, Map<String, Shape> members) {
    /** The member that breaks its shape, and how. */
    record Problem(String field, String message) {
    }

    static final Shape STRING = new Shape("a string", List.of(), Map.of());
    static final Shape INTEGER = new Shape("an integer", List.of(), Map.of());

    static Shape oneOf(String... values) {
        return new Shape("one of " + String.join(", ", values), List.of(values), Map.of());
    }

    /** An object with these members, given as name, shape, name, shape… */
    static Shape object(Object... members) {
        Map<String, Shape> named = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            named.put((String) members[i], (Shape) members[i + 1]);
        }
        return new Shape("an object", List.of(), named);
    }

    /** What is wrong with {@code value}, named by where it is ({@code at}), or empty when it has this shape. */
    Optional<Problem> problem(String at, JsonNode value) {
        boolean fits = switch (type) {
            case "a string" -> value.isString();
            // JSON Schema: an integer is any number with a zero fraction
            case "an integer" -> value.isNumber() && value.canConvertToExactIntegral();
            case "an object" -> value.isObject();
            default -> value.isString() && values.contains(value.asString());
        };
        if (!fits) {
            return Optional.of(new Problem(at, at + " must be " + type));
        }
        for (Map.Entry<String, Shape> m : members.entrySet()) {
            JsonNode member = value.get(m.getKey());
            Optional<Problem> problem = member == null ? Optional.empty() : m.getValue().problem(m.getKey(), member);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
