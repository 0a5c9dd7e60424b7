package conformance.generation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameter values of one request, by where they go; each map keeps the order they are sent in. */
public record Parameters(Map<String, String> path, Map<String, String> query, Map<String, String> header) {
    public static final Parameters NONE = new Parameters(Map.of(), Map.of(), Map.of());

    public Parameters {
        path = ordered(path);
        query = ordered(query);
        header = ordered(header);
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static Parameters path(Map<String, String> path) {
        return new Parameters(path, Map.of(), Map.of());
    }

    public Parameters withPath(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(path);
        p.put(name, value);
        return new Parameters(p, query, header);
    }

    public Parameters withQuery(Map<String, String> q) {
        return new Parameters(path, q, header);
    }

    public Parameters withHeader(Map<String, String> h) {
        return new Parameters(path, query, h);
    }
}
