package conformance.contract;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code strict} reading of a schema: every property it documents, at every depth, is required. */
public final class StrictSchemas {
    private static final Set<String> SCHEMA_VALUED = Set.of("items", "additionalProperties", "not", "contains",
            "unevaluatedProperties", "unevaluatedItems", "if", "then", "else");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("prefixItems", "allOf", "anyOf", "oneOf");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");

    private StrictSchemas() {
    }

    public static JsonNode requireAll(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = (ObjectNode) schema.deepCopy();
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String keyword = e.getKey();
            JsonNode value = e.getValue();
            if (SCHEMA_VALUED.contains(keyword)) {
                copy.set(keyword, requireAll(value));
            } else if (SCHEMA_ARRAYS.contains(keyword) && value.isArray()) {
                ArrayNode items = copy.putArray(keyword);
                value.forEach(v -> items.add(requireAll(v)));
            } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                ObjectNode map = copy.putObject(keyword);
                value.properties().forEach(p -> map.set(p.getKey(), requireAll(p.getValue())));
            }
        }
        if (schema.path("properties").isObject() && !schema.get("properties").isEmpty()) {
            ArrayNode required = copy.putArray("required");
            schema.get("properties").propertyNames().forEach(required::add);
        }
        return copy;
    }
}
