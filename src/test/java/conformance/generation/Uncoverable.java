package conformance.generation;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Members of a request schema that no generated body can carry: {@code format: binary} inside a JSON body (a file
 * belongs in a multipart body, not in a JSON string). They are left out of generation and reported as not covered,
 * never skipped in silence.
 */
final class Uncoverable {
    private Uncoverable() {
    }

    /** The schema without such members (a copy when there are some), and where they were in {@code found}. */
    static JsonNode strip(JsonNode schema, String mediaType, List<String> found) {
        if (!mediaType.contains("json")) {
            return schema;
        }
        List<String> here = new ArrayList<>();
        JsonNode copy = schema.deepCopy();
        walk(copy, "", here);
        found.addAll(here);
        return here.isEmpty() ? schema : copy;
    }

    private static void walk(JsonNode schema, String at, List<String> found) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (String name : List.copyOf(properties.propertyNames())) {
                JsonNode member = properties.get(name);
                if (member.path("format").asString("").equals("binary")) {
                    ((ObjectNode) properties).remove(name);
                    found.add(at + "/" + name + " (format: binary inside JSON)");
                } else {
                    walk(member, at + "/" + name, found);
                }
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            walk(items, at + "/[]", found);
        }
    }
}
