package conformance.checks;

import conformance.contract.JsonSchema;
import conformance.contract.Response;
import conformance.exchange.Exchange;
import java.util.List;
import java.util.Optional;

/**
 * {@code strict} profile only: every property the response schema documents is present, at every depth. The document
 * makes none of them required; clients that read them all still break when one is missing.
 */
public final class DocumentedPropertiesPresent implements Check {
    public static final String ID = "documented_properties_present";

    private final boolean enabled;

    public DocumentedPropertiesPresent(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return enabled && strict(e).isPresent() && e.response().flatMap(r -> r.json()).isPresent();
    }

    private static Optional<JsonSchema> strict(Exchange e) {
        return e.answered() ? e.operation().response(e.status()).flatMap(Response::strictSchema) : Optional.empty();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        return strict(e).orElseThrow().validate(e.response().orElseThrow().json().orElseThrow()).stream()
                .filter(v -> v.keyword().equals("required"))
                .map(v -> Finding.of(this, e, "documented property " + v.pointer() + " is missing").at(v.pointer()))
                .toList();
    }

    @Override
    public Skip skip() {
        return enabled ? Skip.notRun("no documented response with a schema was received")
                : Skip.notApplicable("strict profile only: run with -Dconformance.profile=strict");
    }
}
