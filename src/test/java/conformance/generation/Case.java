package conformance.generation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request the suite will send, and why. {@code payload} is the JSON value when the body is one (so it can be
 * shrunk); {@code body} is the bytes actually sent. {@code brokenRule} is the rule a negative case breaks.
 */
public record Case(
        long index,
        String operationId,
        Intent intent,
        Map<String, String> pathParameters,
        Optional<JsonNode> payload,
        byte[] body,
        Optional<String> contentType,
        Optional<BrokenRule> brokenRule,
        Optional<Subject> subject,
        String label) {

    public Case withPayload(JsonNode newPayload) {
        return new Case(index, operationId, intent, pathParameters, Optional.of(newPayload),
                Json.bytes(newPayload), contentType, brokenRule, subject, label);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
