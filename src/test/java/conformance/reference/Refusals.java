package conformance.reference;

import conformance.generation.Json;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * How each dialect says no. The document dialect answers with a documented status and a {@code bad_request_error}
 * body: 404 for a path identifier it does not know where the operation documents 404, 401 for everything else.
 * Chatwoot answers as Rails does: 404/400/500 with Rails' {@code {status, error}} body, 422 with a RecordInvalid body.
 */
final class Refusals {
    private final Dialect dialect;

    Refusals(Dialect dialect) {
        this.dialect = dialect;
    }

    /** An inbox, contact, conversation or message the path names that this request cannot reach. */
    Handled unknown(Request request, Outcome outcome, String field, String message) {
        if (dialect == Dialect.CHATWOOT) {
            return Handled.of(request, outcome, rails(404));
        }
        return Handled.of(request, outcome, documented(request.endpoint().documents404() ? 404 : 401, outcome, field, message));
    }

    /** A request the document's rules reject (its body, its parameters, its identity hash). */
    Handled invalid(Request request, Outcome outcome, String field, String message) {
        if (dialect == Dialect.CHATWOOT) {
            return Handled.of(request, outcome, rails(switch (outcome) {
                case HMAC_FAILED -> 500;
                default -> 400;
            }));
        }
        return Handled.of(request, outcome, documented(401, outcome, field, message));
    }

    /** Chatwoot's answer to ActiveRecord::RecordInvalid. */
    static Handled recordInvalid(Request request, Outcome outcome, String message, String attribute) {
        ObjectNode error = Json.NODES.objectNode();
        error.put("message", message);
        error.putArray("attributes").add(attribute);
        return Handled.of(request, outcome, Reply.json(422, error));
    }

    /** Rails' answer to an exception nothing rescues. */
    static Handled serverError(Request request) {
        return Handled.of(request, Outcome.SERVER_ERROR, rails(500));
    }

    /** Rails' answer when no route matches. */
    static Reply noRoute() {
        return rails(404);
    }

    private static Reply rails(int status) {
        ObjectNode error = Json.NODES.objectNode();
        error.put("status", status);
        error.put("error", switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            default -> "Internal Server Error";
        });
        return Reply.json(status, error);
    }

    static Reply documented(int status, Outcome outcome, String field, String message) {
        ObjectNode error = Json.NODES.objectNode();
        error.put("description", message);
        ObjectNode item = error.putArray("errors").addObject();
        item.put("field", field);
        item.put("message", message);
        item.put("code", outcome.name().toLowerCase(Locale.ROOT));
        return Reply.json(status, error);
    }
}
