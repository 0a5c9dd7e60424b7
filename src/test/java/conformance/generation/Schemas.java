package conformance.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading JSON Schema keywords the way generation needs them. */
final class Schemas {
    static final List<String> ALL_TYPES = List.of("null", "boolean", "integer", "number", "string", "array", "object");

    private Schemas() {
    }

    /** The types a schema allows, inferring one from its keywords when {@code type} is absent; empty = any. */
    static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) {
            return List.of(type.asString());
        }
        if (type != null && type.isArray()) {
            List<String> out = new ArrayList<>();
            type.forEach(t -> out.add(t.asString()));
            return out;
        }
        if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")
                || schema.has("minProperties") || schema.has("maxProperties")) {
            return List.of("object");
        }
        if (schema.has("items") || schema.has("prefixItems") || schema.has("minItems") || schema.has("maxItems")) {
            return List.of("array");
        }
        if (schema.has("minLength") || schema.has("maxLength") || schema.has("format")) {
            return List.of("string");
        }
        if (schema.has("minimum") || schema.has("maximum") || schema.has("exclusiveMinimum")
                || schema.has("exclusiveMaximum") || schema.has("multipleOf")) {
            return List.of("number");
        }
        return List.of();
    }

    /** The schema with one branch of a oneOf/anyOf folded into its sibling keywords. */
    static JsonNode withBranch(JsonNode schema, String combinator, int branch) {
        ObjectNode base = ((ObjectNode) schema).deepCopy();
        base.remove(combinator);
        ObjectNode all = Json.NODES.objectNode();
        ArrayNode parts = all.putArray("allOf");
        parts.add(base);
        parts.add(schema.get(combinator).get(branch));
        return mergeAllOf(all);
    }

    /**
     * Folds {@code allOf} into one schema: properties and required are united, bounds tightened, types intersected.
     * Enough for the shapes OpenAPI documents use; the generated value is validated afterwards anyway.
     */
    static JsonNode mergeAllOf(JsonNode schema) {
        ObjectNode merged = ((ObjectNode) schema).deepCopy();
        merged.remove("allOf");
        for (JsonNode part : schema.get("allOf")) {
            JsonNode p = part.has("allOf") ? mergeAllOf(part) : part;
            if (!p.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                JsonNode existing = merged.get(k);
                if (existing == null) {
                    merged.set(k, v.deepCopy());
                } else if (k.equals("properties")) {
                    ObjectNode props = (ObjectNode) existing;
                    v.properties().forEach(pe -> props.set(pe.getKey(), props.has(pe.getKey())
                            ? mergeAllOf(pair(props.get(pe.getKey()), pe.getValue())) : pe.getValue().deepCopy()));
                } else if (k.equals("required")) {
                    v.forEach(r -> {
                        boolean present = false;
                        for (JsonNode x : existing) {
                            present |= x.equals(r);
                        }
                        if (!present) {
                            ((ArrayNode) existing).add(r);
                        }
                    });
                } else if (k.equals("type")) {
                    List<String> a = types(merged);
                    List<String> b = types(p);
                    ArrayNode both = Json.NODES.arrayNode();
                    a.stream().filter(b::contains).forEach(both::add);
                    if (b.contains("number") && a.contains("integer") && !b.contains("integer")) {
                        both.add("integer");
                    }
                    merged.set("type", both);
                } else if (k.startsWith("min") || k.equals("exclusiveMinimum")) {
                    merged.set(k, existing.asDouble() >= v.asDouble() ? existing : v);
                } else if (k.startsWith("max") || k.equals("exclusiveMaximum")) {
                    merged.set(k, existing.asDouble() <= v.asDouble() ? existing : v);
                } else {
                    merged.set(k, v.deepCopy());
                }
            }
        }
        return merged;
    }

    private static JsonNode pair(JsonNode a, JsonNode b) {
        ObjectNode all = Json.NODES.objectNode();
        all.putArray("allOf").add(a).add(b);
        return all;
    }
}
