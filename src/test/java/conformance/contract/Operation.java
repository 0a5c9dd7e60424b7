package conformance.contract;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** One operation of the document, with everything a run needs from it. */
public record Operation(
        String id,
        String method,
        String pathTemplate,
        Optional<String> requestMediaType,
        Optional<JsonSchema> requestSchema,
        boolean requestBodyRequired,
        SortedMap<Integer, Response> responses) {

    public Optional<Response> response(int status) {
        return Optional.ofNullable(responses.get(status));
    }

    public boolean documents(int status) {
        return responses.containsKey(status);
    }

    /** The lowest documented 2xx: what a successful call is documented to answer. */
    public Optional<Response> success() {
        return responses.values().stream().filter(r -> r.status() / 100 == 2).findFirst();
    }

    /** The path with its parameters filled in, each value percent-encoded as one path segment. */
    public String path(Map<String, String> parameters) {
        String path = pathTemplate;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", PathSegments.encode(p.getValue()));
        }
        return path;
    }
}
