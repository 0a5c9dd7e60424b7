package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.net.URI;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * What the stateful checks read of the steps of a sequence: which step created something and with what id, which
 * operation answers a list, where a step's resource lives. Only the document and the exchanges, never an API's names.
 */
final class Steps {
    private Steps() {
    }

    /** A valid request of a sequence (not one made to be refused), answered. */
    static boolean positiveStep(Exchange e) {
        return e.chain().isPresent() && valid(e);
    }

    /** A valid request (not one made to be refused), answered. */
    static boolean valid(Exchange e) {
        return e.answered() && e.kase().intent() == Intent.POSITIVE;
    }

    static boolean succeeded(Exchange e) {
        return e.status() / 100 == 2;
    }

    /** The JSON body of a successful answer. */
    static Optional<JsonNode> body(Exchange e) {
        return succeeded(e) ? e.response().flatMap(r -> r.json()) : Optional.empty();
    }

    /** The id a successful POST answered with: what it created. */
    static Optional<String> createdId(Exchange e) {
        return e.operation().method().equalsIgnoreCase("POST") ? body(e).flatMap(Steps::id) : Optional.empty();
    }

    static Optional<String> id(JsonNode item) {
        JsonNode id = item.get("id");
        return id != null && id.isValueNode() && !id.isNull() ? Optional.of(text(id)) : Optional.empty();
    }

    /** A scalar's text, an integral number without a fraction ({@code 7.0} is {@code 7}): one id however it is written. */
    static String text(JsonNode scalar) {
        return scalar.isNumber() && scalar.canConvertToExactIntegral() ? String.valueOf(scalar.asLong()) : scalar.asString();
    }

    /**
     * Equal JSON, member by member at any depth; numbers by value and other scalars by their {@link #text}, so that one
     * number held two ways is one value: 7 and 7.0, or -868 as the generator's long and as the int a parsed answer
     * holds (node equality tells those apart, and flagged a list that showed exactly what was sent).
     */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isValueNode() && b.isValueNode()) {
            return text(a).equals(text(b));
        }
        if (a.isArray() && b.isArray()) {
            return a.size() == b.size() && IntStream.range(0, a.size()).allMatch(i -> same(a.get(i), b.get(i)));
        }
        return a.isObject() && b.isObject() && a.size() == b.size()
                && a.properties().stream().allMatch(m -> b.has(m.getKey()) && same(m.getValue(), b.get(m.getKey())));
    }

    static boolean reads(Exchange e) {
        return e.operation().method().equalsIgnoreCase("GET");
    }

    /** The items of a successful list answer; empty when the answer is no array. */
    static Optional<Iterable<JsonNode>> items(Exchange e) {
        return body(e).filter(JsonNode::isArray).map(a -> a);
    }

    static Optional<JsonNode> item(Iterable<JsonNode> items, String id) {
        return StreamSupport.stream(items.spliterator(), false).filter(i -> id(i).filter(id::equals).isPresent()).findFirst();
    }

    /** The URL path the step was sent to, without its query: the resource it names. */
    static String path(Exchange e) {
        return URI.create(e.request().url()).getRawPath();
    }
}
