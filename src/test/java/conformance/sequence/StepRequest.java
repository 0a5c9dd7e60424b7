package conformance.sequence;

import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.generation.Case;
import conformance.links.Links;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A step's own request parts, as a run sent them: its generated body (none when its link gives the body) and the
 * query and header values its operation declares, without those its links set. What the links set is taken again
 * from the new answers whenever the step is sent; what an API's fixtures add (an identity hash) is added again.
 */
public record StepRequest(Optional<JsonNode> payload, Map<String, String> query, Map<String, String> header) {
    public StepRequest {
        query = Map.copyOf(query);
        header = Map.copyOf(header);
    }

    /** The parts of {@code sent}, step {@code step} of a sequence. */
    public static StepRequest of(Step step, Operation op, Case sent) {
        Set<String> linked = linked(step, op);
        return new StepRequest(step.link().flatMap(l -> l.requestBody()).isPresent() ? Optional.empty() : sent.payload(),
                own(op, Parameter.Location.QUERY, sent.parameters().query(), linked),
                own(op, Parameter.Location.HEADER, sent.parameters().header(), linked));
    }

    public StepRequest withPayload(JsonNode value) {
        return new StepRequest(Optional.of(value), query, header);
    }

    /** {@code generated} sending these parts instead of its own declared, unlinked ones. */
    Case over(Case generated, Operation op, Step step) {
        Set<String> linked = linked(step, op);
        Case c = payload.map(generated::withPayload).orElse(generated);
        return c.withParameters(c.parameters().withQuery(replaced(op, Parameter.Location.QUERY, c.parameters().query(), linked, query))
                .withHeader(replaced(op, Parameter.Location.HEADER, c.parameters().header(), linked, header)));
    }

    private static Map<String, String> replaced(Operation op, Parameter.Location in, Map<String, String> generated, Set<String> linked,
                                                Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>(generated);
        out.keySet().removeAll(own(op, in, generated, linked).keySet());
        out.putAll(stored);
        return out;
    }

    /** The values of {@code sent} of the parameters the operation declares there and no link of the step sets. */
    private static Map<String, String> own(Operation op, Parameter.Location in, Map<String, String> sent, Set<String> linked) {
        Map<String, String> out = new LinkedHashMap<>();
        op.parameters(in).stream().map(Parameter::name).filter(n -> sent.containsKey(n) && !linked.contains(n))
                .forEach(n -> out.put(n, sent.get(n)));
        return out;
    }

    private static Set<String> linked(Step step, Operation op) {
        return Stream.concat(step.link().stream().flatMap(l -> l.parameters().keySet().stream()),
                        step.borrowed().stream().map(Step.Borrowed::parameter))
                .flatMap(name -> Links.parameter(op, name).stream()).map(Parameter::name).collect(Collectors.toSet());
    }
}
