package conformance.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The members an object schema lists, by name, with their schemas: its own {@code properties} and those of every part
 * of its {@code allOf}, {@code anyOf} and {@code oneOf} (a member any branch lists is listed: judging it is safe,
 * while a member no branch names may be one the server is free to drop). Empty: the schema lists none (free-form).
 * Where several parts list a member, the first one's schema is kept.
 */
final class ListedMembers {
    private static final String[] PARTS = {"allOf", "anyOf", "oneOf"};

    private ListedMembers() {
    }

    static Map<String, JsonNode> of(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(schema, out);
        return out;
    }

    private static void collect(JsonNode schema, Map<String, JsonNode> out) {
        schema.path("properties").properties().forEach(p -> out.putIfAbsent(p.getKey(), p.getValue()));
        for (String parts : PARTS) {
            schema.path(parts).forEach(part -> collect(part, out));
        }
    }
}
