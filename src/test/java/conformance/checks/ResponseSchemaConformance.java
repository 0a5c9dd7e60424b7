package conformance.checks;

import conformance.contract.JsonSchema;
import conformance.contract.Response;
import conformance.exchange.Exchange;
import conformance.exchange.ReceivedResponse;
import java.util.List;
import java.util.Optional;

/** The body validates against the schema documented for its status, nested schemas included. */
public final class ResponseSchemaConformance implements Check {
    public static final String ID = "response_schema_conformance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return schema(e).isPresent();
    }

    private static Optional<JsonSchema> schema(Exchange e) {
        return e.answered() ? e.operation().response(e.status()).flatMap(Response::schema) : Optional.empty();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        JsonSchema schema = schema(e).orElseThrow();
        ReceivedResponse r = e.response().orElseThrow();
        if (r.json().isEmpty()) {
            return List.of(Finding.of(this, e, r.jsonError().orElse("the body is not JSON")
                    + " (documented: " + schema.name() + ")"));
        }
        return schema.validate(r.json().get()).stream()
                .map(v -> Finding.of(this, e, v.toString()).at(v.pointer().isEmpty() ? "/" : v.pointer()))
                .toList();
    }
}
