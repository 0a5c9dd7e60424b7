package conformance.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAPI Link Object as written, before it is resolved against the contract: its target (by {@code operationId}
 * or by {@code operationRef}), its parameters (name, maybe qualified as {@code path.x}, to expression text), its
 * request body expression and its description.
 */
public record LinkObject(Optional<String> operationId, Optional<String> operationRef, Map<String, String> parameters,
                         Optional<String> requestBody, String description) {

    public LinkObject {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
