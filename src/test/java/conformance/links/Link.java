package conformance.links;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAPI Link Object resolved against the contract: after {@code source} answers {@code status} (exact, e.g.
 * "200", or a range "2XX"), {@code target} may be called with {@code parameters} (target parameter name to
 * expression; a name may be qualified "path.x" / "query.x" / "header.x" as OpenAPI allows) and optionally
 * {@code requestBody}.
 */
public record Link(String name, String source, String status, String target, Map<String, RuntimeExpression> parameters,
                   Optional<RuntimeExpression> requestBody, Origin origin, String description) {

    public Link {
        Objects.requireNonNull(name);
        Objects.requireNonNull(source);
        Objects.requireNonNull(status);
        Objects.requireNonNull(target);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(requestBody);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(description);
    }

    /** One line for lists and reports: {@code source (status) -> target: parameter = expression, ...}. */
    public String describe() {
        StringBuilder line = new StringBuilder(source + " (" + status + ") -> " + target);
        String sep = ": ";
        for (Map.Entry<String, RuntimeExpression> p : parameters.entrySet()) {
            line.append(sep).append(p.getKey()).append(" = ").append(p.getValue().text());
            sep = ", ";
        }
        requestBody.ifPresent(b -> line.append(parameters.isEmpty() ? ": " : ", ").append("body = ").append(b.text()));
        return line + " [" + origin.name().toLowerCase(Locale.ROOT) + "]";
    }
}
