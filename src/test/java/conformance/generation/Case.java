package conformance.generation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request the suite will send, and why. {@code payload} is the JSON value when the body is one (so it can be
 * shrunk); {@code body} is the bytes actually sent (none for an operation that documents no body). {@code brokenRule}
 * is the rule a negative case breaks. {@code facts} are what the fixtures know about the resources the case uses
 * (e.g. the numeric id of the contact behind an identifier), for checks that compare an answer with them.
 */
public record Case(
        long index,
        String operationId,
        CaseKind kind,
        Parameters parameters,
        Optional<JsonNode> payload,
        byte[] body,
        Optional<String> contentType,
        Optional<BrokenRule> brokenRule,
        Map<String, String> facts,
        String label) {

    public Case {
        facts = Map.copyOf(facts);
    }

    /** A case that sends {@code payload} as JSON (no body when there is none) and breaks no rule. */
    public static Case of(long index, String operationId, CaseKind kind, Parameters parameters, Optional<JsonNode> payload,
                          Map<String, String> facts, String label) {
        return new Case(index, operationId, kind, parameters, payload, payload.map(Json::bytes).orElse(new byte[0]),
                payload.map(p -> "application/json"), Optional.empty(), facts, label);
    }

    public Intent intent() {
        return kind.intent();
    }

    public Map<String, String> pathParameters() {
        return parameters.path();
    }

    public Case withPayload(JsonNode newPayload) {
        return new Case(index, operationId, kind, parameters, Optional.of(newPayload),
                Json.bytes(newPayload), contentType, brokenRule, facts, label);
    }

    public Case withParameters(Parameters values) {
        return new Case(index, operationId, kind, values, payload, body, contentType, brokenRule, facts, label);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
