package conformance.generation;

import conformance.contract.Operation;
import conformance.contract.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One way to break a query or header parameter, read from its declaration: missing when required, a value of the
 * wrong type (every value on the wire is text, so only a non-string type can be broken this way), a value outside its
 * enum. Each names the parameter and the keyword its schema must reject.
 */
public record ParameterRule(Parameter parameter, String keyword, Optional<String> value) {

    public String name() {
        return parameter.in() + " parameter " + parameter.name() + switch (keyword) {
            case "required" -> " missing";
            case "type" -> " of the wrong type";
            default -> " outside its enum";
        };
    }

    public BrokenRule brokenRule() {
        return new BrokenRule(name(), Optional.empty(), Optional.of(keyword));
    }

    /** The values of this location with the rule broken. */
    public Map<String, String> apply(Map<String, String> valid) {
        Map<String, String> out = new LinkedHashMap<>(valid);
        value.ifPresentOrElse(v -> out.put(parameter.name(), v), () -> out.remove(parameter.name()));
        return out;
    }

    /** Every rule the declarations offer, in declaration order. */
    public static List<ParameterRule> of(Operation operation) {
        List<ParameterRule> out = new ArrayList<>();
        for (Parameter p : operation.parameters()) {
            if (p.in() != Parameter.Location.QUERY && p.in() != Parameter.Location.HEADER) {
                continue;
            }
            if (p.required()) {
                out.add(new ParameterRule(p, "required", Optional.empty()));
            }
            JsonNode schema = operation.valueSchema(p).orElse(Json.NODES.objectNode());
            String type = schema.path("type").asString("");
            if (type.equals("integer") || type.equals("number") || type.equals("boolean")) {
                out.add(new ParameterRule(p, "type", Optional.of("not-a-" + type)));
            }
            JsonNode values = schema.get("enum");
            if (values != null && values.isArray() && !values.isEmpty()) {
                String outside = "not-" + values.get(0).asString("value");
                out.add(new ParameterRule(p, "enum", Optional.of(outside)));
            }
        }
        return out;
    }
}
