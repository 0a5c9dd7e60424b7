package conformance.reference;

import static conformance.reference.Shape.INTEGER;
import static conformance.reference.Shape.STRING;
import static conformance.reference.Shape.object;
import static conformance.reference.Shape.oneOf;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The document dialect's reading of the request rules: each body's documented shape, and toggle_typing's
 * {@code typing_status}, which the document declares twice: as a required query parameter (a plain string) and as a
 * member of the required body (on or off). The query parameter is required and must be on or off; the body may repeat
 * it, but not contradict it.
 */
final class DocumentRules {
    private static final Shape CONTACT = object("identifier", STRING, "identifier_hash", STRING, "email", STRING, "name", STRING,
            "phone_number", STRING, "avatar", STRING, "custom_attributes", object());
    private static final Shape TYPING = oneOf("on", "off");
    private static final Map<Endpoint, Shape> BODIES = Map.of(
            Endpoint.CREATE_CONTACT, CONTACT,
            Endpoint.UPDATE_CONTACT, CONTACT,
            Endpoint.CREATE_CONVERSATION, object("custom_attributes", object()),
            Endpoint.TOGGLE_TYPING, object("typing_status", TYPING),
            Endpoint.CREATE_MESSAGE, object("content", STRING, "echo_id", STRING),
            Endpoint.UPDATE_MESSAGE, object("submitted_values", object("name", STRING, "title", STRING, "value", STRING,
                    "csat_survey_response", object("feedback_message", STRING, "rating", INTEGER))));

    private DocumentRules() {
    }

    /** The refusal a request that breaks a rule gets; empty when it keeps them all. */
    static Optional<Handled> check(Request request, Refusals refusals) {
        Optional<Shape.Problem> body = Optional.ofNullable(BODIES.get(request.endpoint()))
                .flatMap(shape -> shape.problem("body", request.body().orElseThrow()));
        if (body.isPresent()) {
            return Optional.of(refusals.invalid(request, Outcome.INVALID_BODY, body.get().field(), body.get().message()));
        }
        if (request.endpoint() != Endpoint.TOGGLE_TYPING) {
            return Optional.empty();
        }
        JsonNode asked = request.query().get("typing_status");
        if (asked == null) {
            return Optional.of(refusals.invalid(request, Outcome.INVALID_PARAMETER, "typing_status", "the query parameter typing_status is required"));
        }
        Optional<Shape.Problem> query = TYPING.problem("typing_status", asked);
        if (query.isPresent()) {
            return Optional.of(refusals.invalid(request, Outcome.INVALID_PARAMETER, "typing_status", query.get().message()));
        }
        JsonNode repeated = request.body().orElseThrow().get("typing_status");
        return repeated == null || repeated.equals(asked) ? Optional.empty()
                : Optional.of(refusals.invalid(request, Outcome.INVALID_BODY, "typing_status", "typing_status in the body contradicts the query"));
    }
}
