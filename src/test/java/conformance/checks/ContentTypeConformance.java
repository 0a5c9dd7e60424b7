package conformance.checks;

import conformance.contract.Response;
import conformance.exchange.Exchange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A documented response carries the documented media type (parameters such as charset are allowed). */
public final class ContentTypeConformance implements Check {
    public static final String ID = "content_type_conformance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered() && e.operation().response(e.status()).flatMap(Response::mediaType).isPresent();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        String documented = e.operation().response(e.status()).flatMap(Response::mediaType).orElseThrow()
                .toLowerCase(Locale.ROOT);
        Optional<String> actual = e.response().orElseThrow().mediaType();
        if (actual.isEmpty()) {
            return List.of(Finding.of(this, e, "no Content-Type on a " + e.status() + " response (documented: " + documented + ")"));
        }
        if (!actual.get().equals(documented)) {
            return List.of(Finding.of(this, e, "Content-Type " + e.response().get().header("Content-Type").orElse("")
                    + " on a " + e.status() + " response (documented: " + documented + ")"));
        }
        return List.of();
    }
}
