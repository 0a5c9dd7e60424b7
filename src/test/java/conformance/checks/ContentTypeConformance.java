package conformance.checks;

import conformance.contract.Response;
import conformance.exchange.Exchange;
import conformance.exchange.ReceivedResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A documented response carries the documented media type (parameters such as charset are allowed); one documented
 * without content carries no body (a Content-Type header on an empty body says nothing, so it is allowed).
 */
public final class ContentTypeConformance implements Check {
    public static final String ID = "content_type_conformance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return e.answered() && e.operation().response(e.status()).isPresent();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        ReceivedResponse response = e.response().orElseThrow();
        Optional<String> documented = e.operation().response(e.status()).flatMap(Response::mediaType)
                .map(m -> m.toLowerCase(Locale.ROOT));
        if (documented.isEmpty()) {
            return response.body().length == 0 ? List.of() : List.of(Finding.of(this, e, "a body of " + response.body().length
                    + (response.truncated() ? "+" : "") + " bytes on a " + e.status() + " response documented without content"));
        }
        Optional<String> actual = response.mediaType();
        if (actual.isEmpty()) {
            return List.of(Finding.of(this, e, "no Content-Type on a " + e.status() + " response (documented: " + documented.get() + ")"));
        }
        if (!actual.get().equals(documented.get())) {
            return List.of(Finding.of(this, e, "Content-Type " + response.header("Content-Type").orElse("")
                    + " on a " + e.status() + " response (documented: " + documented.get() + ")"));
        }
        return List.of();
    }
}
