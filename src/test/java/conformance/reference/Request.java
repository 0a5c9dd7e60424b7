package conformance.reference;

import conformance.generation.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A routed request as the server understood it: its path parameters, its query parameters, and its body's parameters
 * (empty, with {@code problem} saying why, when the body could not be understood).
 */
record Request(Endpoint.Match match, ObjectNode query, Optional<ObjectNode> body, String problem) {
    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /**
     * The document dialect reads only a JSON object sent as application/json, and only where the operation documents
     * a body (which is then required). Chatwoot, like any Rails app, takes JSON or form bodies on any route, treats
     * anything else (and JSON that is not an object) as no parameters, and fails only on JSON it cannot parse.
     */
    static Request read(Dialect dialect, Endpoint.Match match, String rawQuery, Optional<String> contentType, byte[] body) {
        ObjectNode query = form(rawQuery == null ? "" : rawQuery);
        String media = contentType.map(ct -> ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        if (dialect == Dialect.CHATWOOT) {
            if (body.length == 0 || !(media.equals("application/json") || media.equals("application/x-www-form-urlencoded"))) {
                return new Request(match, query, Optional.of(Json.NODES.objectNode()), "");
            }
            if (media.equals("application/x-www-form-urlencoded")) {
                return new Request(match, query, Optional.of(form(new String(body, StandardCharsets.UTF_8))), "");
            }
            try {
                JsonNode node = STRICT.readTree(body);
                return new Request(match, query, Optional.of(node.isObject() ? (ObjectNode) node : Json.NODES.objectNode()), "");
            } catch (JacksonException e) {
                return new Request(match, query, Optional.empty(), "Bad Request");
            }
        }
        if (!match.endpoint().documentsBody()) {
            return new Request(match, query, Optional.of(Json.NODES.objectNode()), "");
        }
        if (body.length == 0) {
            return new Request(match, query, Optional.empty(), "the request body is required");
        }
        if (!media.equals("application/json")) {
            return new Request(match, query, Optional.empty(), "the request body must be application/json");
        }
        try {
            JsonNode node = STRICT.readTree(body);
            return node.isObject() ? new Request(match, query, Optional.of((ObjectNode) node), "")
                    : new Request(match, query, Optional.empty(), "the request body must be a JSON object");
        } catch (JacksonException e) {
            return new Request(match, query, Optional.empty(), "the request body is not valid JSON");
        }
    }

    Endpoint endpoint() {
        return match.endpoint();
    }

    String path(String name) {
        return match.parameter(name);
    }

    /** Query and body parameters together, the body's winning (as Rails merges them); empty if the body was not understood. */
    Optional<JsonNode> payload() {
        return body.map(b -> {
            ObjectNode merged = query.deepCopy();
            merged.setAll(b);
            return merged;
        });
    }

    /** The merged parameters, or none at all when the body was not understood. */
    ObjectNode params() {
        return (ObjectNode) payload().orElseGet(Json.NODES::objectNode);
    }

    /** Rails' nested form parameters, as far as the suite sends them: {@code a=1&custom_attributes[k]=v}. */
    private static ObjectNode form(String encoded) {
        ObjectNode out = Json.NODES.objectNode();
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = decode(kv[0]);
            String value = kv.length > 1 ? decode(kv[1]) : "";
            int bracket = key.indexOf('[');
            if (bracket > 0 && key.endsWith("]")) {
                JsonNode nested = out.get(key.substring(0, bracket));
                ObjectNode inner = nested instanceof ObjectNode o ? o : out.putObject(key.substring(0, bracket));
                inner.put(key.substring(bracket + 1, key.length() - 1), value);
            } else if (!key.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }

    /** A malformed escape is kept as sent, as Rack does, rather than failing the request. */
    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
