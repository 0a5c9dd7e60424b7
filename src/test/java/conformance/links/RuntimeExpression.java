package conformance.links;

import conformance.exchange.Exchange;
import conformance.exchange.ReceivedResponse;
import conformance.generation.Json;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAPI runtime expression: {@code $url}, {@code $method}, {@code $statusCode}, {@code $request.path.NAME},
 * {@code $request.query.NAME}, {@code $request.header.NAME}, {@code $request.body#/json/pointer},
 * {@code $response.header.NAME}, {@code $response.body#/json/pointer}, or a constant (any text not starting with
 * {@code $}). Embedded templates ({@code "{$...}"}) are refused rather than taken for constants.
 */
public sealed interface RuntimeExpression {

    /** The expression in {@code text}; a malformed one throws with one message naming it. */
    static RuntimeExpression parse(String text) {
        return ExpressionParser.parse(text);
    }

    /** The value for one exchange (the source's request and response); empty when the pointer or name is absent. */
    Optional<JsonNode> evaluate(Exchange source);

    /** The expression as written. */
    String text();

    /** A value written in the link itself. */
    record Constant(String text) implements RuntimeExpression {
        @Override
        public Optional<JsonNode> evaluate(Exchange source) {
            return Optional.of(Json.NODES.stringNode(text));
        }
    }

    /** A value of the whole exchange: its URL, its method or its status code. */
    record Whole(Part part) implements RuntimeExpression {
        public enum Part { URL, METHOD, STATUS_CODE }

        @Override
        public Optional<JsonNode> evaluate(Exchange source) {
            return switch (part) {
                case URL -> Optional.of(Json.NODES.stringNode(source.request().url()));
                case METHOD -> Optional.of(Json.NODES.stringNode(source.request().method()));
                case STATUS_CODE -> source.response().map(r -> Json.NODES.numberNode(r.status()));
            };
        }

        @Override
        public String text() {
            return switch (part) {
                case URL -> "$url";
                case METHOD -> "$method";
                case STATUS_CODE -> "$statusCode";
            };
        }
    }

    /** A named parameter the request was sent with, or a header of the request or of the response. */
    record Named(Place place, String name) implements RuntimeExpression {
        public enum Place {
            REQUEST_PATH("$request.path."), REQUEST_QUERY("$request.query."), REQUEST_HEADER("$request.header."),
            RESPONSE_HEADER("$response.header.");

            final String prefix;

            Place(String prefix) {
                this.prefix = prefix;
            }
        }

        @Override
        public Optional<JsonNode> evaluate(Exchange source) {
            Optional<String> value = switch (place) {
                case REQUEST_PATH -> Optional.ofNullable(source.kase().parameters().path().get(name));
                case REQUEST_QUERY -> Optional.ofNullable(source.kase().parameters().query().get(name));
                case REQUEST_HEADER -> source.request().header(name);
                case RESPONSE_HEADER -> source.response().flatMap(r -> r.header(name));
            };
            return value.map(Json.NODES::stringNode);
        }

        @Override
        public String text() {
            return place.prefix + name;
        }
    }

    /** A value inside the JSON body of the request or of the response, by JSON Pointer ("" is the whole body). */
    record Body(boolean response, String pointer) implements RuntimeExpression {
        @Override
        public Optional<JsonNode> evaluate(Exchange source) {
            Optional<JsonNode> body = response ? source.response().flatMap(ReceivedResponse::json) : json(source.request().body());
            return body.map(b -> b.at(pointer)).filter(v -> !v.isMissingNode());
        }

        private static Optional<JsonNode> json(byte[] bytes) {
            if (bytes.length == 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(Json.MAPPER.readTree(bytes));
            } catch (JacksonException notJson) {
                return Optional.empty();
            }
        }

        @Override
        public String text() {
            return (response ? "$response.body" : "$request.body") + (pointer.isEmpty() ? "" : "#" + pointer);
        }
    }
}
