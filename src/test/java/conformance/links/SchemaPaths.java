package conformance.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * What a JSON Schema (refs inlined) lets an instance hold: whether a JSON Pointer can point at something in a valid
 * instance (properties, patternProperties, additionalProperties, items, prefixItems, and allOf/anyOf/oneOf), and
 * whether a schema declares a property.
 */
final class SchemaPaths {
    private SchemaPaths() {
    }

    /** Whether a valid instance of {@code schema} can have a value at {@code pointer}. */
    static boolean canHave(JsonNode schema, String pointer) {
        return canHave(schema, tokens(pointer));
    }

    /** Whether {@code schema} or one of its allOf/anyOf/oneOf members lists {@code property} under properties. */
    static boolean declares(JsonNode schema, String property) {
        if (schema.path("properties").has(property)) {
            return true;
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode member : schema.path(combinator)) {
                if (declares(member, property)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean canHave(JsonNode schema, List<String> tokens) {
        if (schema.isBoolean()) {
            return schema.asBoolean();
        }
        if (tokens.isEmpty() || !schema.isObject()) {
            return true;
        }
        boolean own = step(schema, tokens);
        for (JsonNode member : schema.path("allOf")) {
            own &= canHave(member, tokens);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            JsonNode members = schema.path(combinator);
            if (members.isArray() && !members.isEmpty()) {
                boolean any = false;
                for (JsonNode member : members) {
                    any |= canHave(member, tokens);
                }
                own &= any;
            }
        }
        return own;
    }

    /** The schema's own keywords: the first token as a member of an object or an item of an array. */
    private static boolean step(JsonNode schema, List<String> tokens) {
        String token = tokens.get(0);
        List<String> rest = tokens.subList(1, tokens.size());
        JsonNode type = schema.path("type");
        boolean typed = !type.isMissingNode();
        boolean member = (!typed || allows(type, "object")) && member(schema, token, rest);
        boolean item = (!typed || allows(type, "array")) && token.matches("0|[1-9]\\d*") && item(schema, Integer.parseInt(token), rest);
        return member || item;
    }

    private static boolean member(JsonNode schema, String token, List<String> rest) {
        JsonNode declared = schema.path("properties").path(token);
        if (!declared.isMissingNode()) {
            return canHave(declared, rest);
        }
        for (var pattern : schema.path("patternProperties").properties()) {
            if (matches(pattern.getKey(), token)) {
                return canHave(pattern.getValue(), rest);
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        // absent means any other member is allowed, with any value
        return additional.isMissingNode() || canHave(additional, rest);
    }

    private static boolean item(JsonNode schema, int index, List<String> rest) {
        JsonNode prefix = schema.path("prefixItems");
        if (index < prefix.size()) {
            return canHave(prefix.get(index), rest);
        }
        JsonNode items = schema.path("items");
        return items.isMissingNode() || canHave(items, rest);
    }

    private static boolean allows(JsonNode type, String name) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asString("").equals(name)) {
                    return true;
                }
            }
            return false;
        }
        return type.asString("").equals(name);
    }

    private static boolean matches(String regex, String token) {
        try {
            return Pattern.compile(regex).matcher(token).find();
        } catch (PatternSyntaxException e) {
            // a pattern the JDK cannot read cannot rule a key out
            return true;
        }
    }

    /** RFC 6901: "" is the whole document; "/a~1b/~0c" is ["a/b", "~c"]. */
    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
