package conformance.links;

import conformance.contract.Contract;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.contract.Response;
import conformance.contract.ResponseKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What makes a link unusable, found before any request: an unknown source, status or target parameter, a request
 * value its source does not send, a body pointer its source's schema cannot have.
 */
final class Validation {
    private Validation() {
    }

    /** Why {@code link} cannot be followed in {@code contract}; empty when it can. */
    static List<String> problems(Contract contract, Link link) {
        Operation source = contract.operations().get(link.source());
        if (source == null) {
            return List.of("its source operation '" + link.source() + "' is not an operation of the document ("
                    + String.join(", ", contract.operations().keySet()) + ")");
        }
        Optional<Response> response = ResponseKey.parse(link.status()).map(k -> source.responses().get(k));
        if (response.isEmpty()) {
            return List.of(link.source() + " documents no response '" + link.status() + "' (it documents "
                    + source.responses().keySet().stream().map(ResponseKey::toString).collect(Collectors.joining(", ")) + ")");
        }
        Operation target = contract.operation(link.target());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, RuntimeExpression> p : link.parameters().entrySet()) {
            if (Links.parameter(target, p.getKey()).isEmpty()) {
                problems.add(link.target() + " has no parameter '" + p.getKey() + "' (it has "
                        + target.parameters().stream().map(t -> t.in() + "." + t.name()).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (link.requestBody().isPresent() && target.requestBody().isEmpty()) {
            problems.add("it gives a requestBody, but " + link.target() + " takes none");
        }
        Stream.concat(link.parameters().values().stream(), link.requestBody().stream())
                .forEach(e -> sourceProblem(source, response.get(), e).ifPresent(problems::add));
        return problems;
    }

    /** Whether the source's request or response for this status can give what the expression reads. */
    private static Optional<String> sourceProblem(Operation source, Response response, RuntimeExpression expression) {
        if (expression instanceof RuntimeExpression.Named named) {
            Parameter.Location in = switch (named.place()) {
                case REQUEST_PATH -> Parameter.Location.PATH;
                case REQUEST_QUERY -> Parameter.Location.QUERY;
                // headers are sent and answered beyond the parameters the document declares
                case REQUEST_HEADER, RESPONSE_HEADER -> null;
            };
            boolean known = in == null || source.parameters(in).stream().anyMatch(p -> p.name().equals(named.name()));
            return known ? Optional.empty() : Optional.of("'" + expression.text() + "': " + source.id() + " has no " + in
                    + " parameter '" + named.name() + "'");
        }
        if (expression instanceof RuntimeExpression.Body body) {
            String what = body.response() ? source.id() + "'s " + response.key() + " response" : source.id() + "'s request";
            Optional<JsonSchema> schema = body.response() ? response.schema() : source.requestSchema();
            if (schema.isEmpty()) {
                return Optional.of("'" + expression.text() + "': " + what + " documents no body schema");
            }
            return SchemaPaths.canHave(schema.get().node(), body.pointer()) ? Optional.empty()
                    : Optional.of("'" + expression.text() + "': " + what + " cannot have '" + body.pointer()
                    + "' (schema " + schema.get().name() + ")");
        }
        return Optional.empty();
    }
}
