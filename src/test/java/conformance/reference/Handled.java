package conformance.reference;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The reference's answer to one request: for which operation ("" when no route matched), what it decided, its reply. */
record Handled(String operation, Outcome outcome, Reply reply, Optional<JsonNode> payload) {
    static Handled of(Request request, Outcome outcome, Reply reply) {
        return new Handled(request.endpoint().operationId(), outcome, reply, request.payload());
    }
}
