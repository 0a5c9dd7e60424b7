package conformance.reference;

import conformance.generation.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer of the reference target before it is written: variants take the reference's reply and return another.
 * {@code chunked} sends it with chunked transfer encoding, {@code gzip} compresses it with Content-Encoding: gzip.
 */
public record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked, boolean gzip) {
    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, List.of(Map.entry("Content-Type", JSON_UTF8)), Json.bytes(body), false, false);
    }

    public static Reply raw(int status, String contentType, String body) {
        List<Map.Entry<String, String>> headers = contentType == null ? List.of() : List.of(Map.entry("Content-Type", contentType));
        return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), false, false);
    }

    public JsonNode json() {
        return Json.MAPPER.readTree(body);
    }

    public Reply withStatus(int newStatus) {
        return new Reply(newStatus, headers, body, chunked, gzip);
    }

    public Reply withBody(JsonNode newBody) {
        return new Reply(status, headers, Json.bytes(newBody), chunked, gzip);
    }

    public Reply withRawBody(String newBody) {
        return new Reply(status, headers, newBody.getBytes(StandardCharsets.UTF_8), chunked, gzip);
    }

    /** A copy of the JSON body changed in place by {@code edit}; non-object bodies are left alone. */
    public Reply editJson(Consumer<ObjectNode> edit) {
        JsonNode node = json();
        if (!node.isObject()) {
            return this;
        }
        ObjectNode copy = (ObjectNode) node.deepCopy();
        edit.accept(copy);
        return withBody(copy);
    }

    public Reply withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        headers.stream().filter(e -> !e.getKey().equalsIgnoreCase(name)).forEach(h::add);
        if (value != null) {
            h.add(Map.entry(name, value));
        }
        return new Reply(status, List.copyOf(h), body, chunked, gzip);
    }

    public Reply chunkedEncoding() {
        return new Reply(status, headers, body, true, gzip);
    }

    public Reply gzipped() {
        return new Reply(status, headers, body, chunked, true);
    }
}
