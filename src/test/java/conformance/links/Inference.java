package conformance.links;

import conformance.contract.Contract;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.contract.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links a reader sees in the paths, as Schemathesis infers them. A create (a POST whose success response declares
 * an {@code id}) links to every operation whose path is the create's plus one {@code {parameter}} segment, maybe
 * followed by literal segments: that parameter is the created {@code id}, every other path parameter the create's
 * own. A create also links to the GET on its own path (the list), with the path parameters they share.
 */
final class Inference {
    static final String ID = "$response.body#/id";

    private Inference() {
    }

    static List<Link> of(Contract contract) {
        List<Link> links = new ArrayList<>();
        for (Operation create : contract.operations().values()) {
            Optional<Response> success = createdId(create);
            if (success.isEmpty()) {
                continue;
            }
            String status = success.get().key().toString();
            for (Operation target : contract.operations().values()) {
                addedParameter(create, target).ifPresent(added -> links.add(link(create, status, target, Optional.of(added))));
                if (isList(create, target)) {
                    links.add(link(create, status, target, Optional.empty()));
                }
            }
        }
        return links;
    }

    /** The success response of a create, when it declares the {@code id} of what it created. */
    static Optional<Response> createdId(Operation op) {
        return op.method().equals("POST") ? op.success().filter(r -> r.schema().map(JsonSchema::node)
                .filter(s -> SchemaPaths.declares(s, "id")).isPresent()) : Optional.empty();
    }

    /** The one parameter segment {@code target}'s path adds right under {@code create}'s, before literal segments only. */
    static Optional<String> addedParameter(Operation create, Operation target) {
        List<String> base = segments(create.pathTemplate());
        List<String> path = segments(target.pathTemplate());
        if (path.size() <= base.size() || !path.subList(0, base.size()).equals(base)) {
            return Optional.empty();
        }
        List<String> rest = path.subList(base.size(), path.size());
        boolean onlyFirstIsParameter = parameter(rest.get(0)).isPresent()
                && rest.stream().skip(1).allMatch(s -> parameter(s).isEmpty());
        return onlyFirstIsParameter ? parameter(rest.get(0)) : Optional.empty();
    }

    /** Whether {@code target} is the GET on the create's own path. */
    static boolean isList(Operation create, Operation target) {
        return target.method().equals("GET") && target.pathTemplate().equals(create.pathTemplate());
    }

    private static Link link(Operation create, String status, Operation target, Optional<String> added) {
        Map<String, RuntimeExpression> parameters = new LinkedHashMap<>();
        for (String segment : segments(target.pathTemplate())) {
            parameter(segment).ifPresent(name -> parameters.put(name, RuntimeExpression.parse(
                    added.filter(name::equals).isPresent() ? ID : "$request.path." + name)));
        }
        String description = added.map(a -> "the " + a + " of what " + create.id() + " created")
                .orElse("the list " + create.id() + " adds to");
        return new Link(target.id(), create.id(), status, target.id(), parameters, Optional.empty(), Origin.INFERRED, description);
    }

    private static List<String> segments(String template) {
        return Arrays.stream(template.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> parameter(String segment) {
        return segment.matches("\\{[^{}]+}") ? Optional.of(segment.substring(1, segment.length() - 1)) : Optional.empty();
    }
}
