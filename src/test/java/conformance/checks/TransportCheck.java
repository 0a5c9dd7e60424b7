package conformance.checks;

import conformance.exchange.Exchange;
import conformance.exchange.ReceivedResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The target answered at all: with complete, bounded HTTP responses, where the request was sent (a redirect is
 * reported, never followed), and without refusing to serve (a 429 still standing after the suite honoured
 * Retry-After as far as it goes).
 */
public final class TransportCheck implements Check {
    public static final String ID = "transport";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return true;
    }

    @Override
    public List<Finding> judge(Exchange e) {
        List<Finding> out = new ArrayList<>();
        e.failure().ifPresent(f -> out.add(Finding.of(this, e, f.kind().name().toLowerCase().replace('_', ' ') + ": " + f.message())));
        e.response().ifPresent(r -> {
            if (r.truncated()) {
                out.add(Finding.of(this, e, "the body exceeds the size cap and was cut at " + r.body().length
                        + " bytes (conformance.maxBodyBytes)"));
            }
            if (r.status() / 100 == 3) {
                out.add(Finding.of(this, e, redirect(e, r)));
            }
            if (r.status() == 429) {
                out.add(Finding.of(this, e, "throttled: 429 Too Many Requests " + r.header("Retry-After")
                        .map(v -> "with Retry-After: " + v + " still, after the suite honoured Retry-After within its bounds")
                        .orElse("without Retry-After") + "; lower conformance.rateLimit"));
            }
        });
        return out;
    }

    private static String redirect(Exchange e, ReceivedResponse r) {
        String prefix = "redirect " + r.status() + " not followed (the suite never re-sends a request elsewhere): ";
        Optional<String> location = r.header("Location");
        if (location.isEmpty()) {
            return prefix + "no Location header";
        }
        URI from = URI.create(e.request().url());
        URI to;
        try {
            to = from.resolve(location.get().trim());
        } catch (IllegalArgumentException ex) {
            return prefix + "an invalid Location '" + location.get() + "'";
        }
        if (to.equals(from)) {
            return prefix + "Location is the request's own URL (a redirect loop)";
        }
        boolean sameOrigin = from.getScheme().equalsIgnoreCase(String.valueOf(to.getScheme()))
                && from.getAuthority().equalsIgnoreCase(String.valueOf(to.getAuthority()));
        return prefix + (sameOrigin ? "to " + to.getRawPath() + " on the same host" : "to another host, " + to.getScheme() + "://" + to.getAuthority());
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }
}
