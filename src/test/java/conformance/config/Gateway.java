package conformance.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What stands between the suite and the target: the extra headers a gateway wants, and the proxy requests go through. */
public record Gateway(ExtraHeaders headers, Route route) {
    public static final Gateway NONE = new Gateway(ExtraHeaders.NONE, Route.DIRECT);

    static Gateway from(Settings s, Optional<URI> baseUrl) {
        return new Gateway(ExtraHeaders.from(s), Route.from(s, baseUrl));
    }

    /** Values to hide wherever they would appear: the headers' values and the proxy's password. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        headers.all().forEach(h -> out.add(h.value().value()));
        route.proxy().flatMap(HttpProxy::password).ifPresent(p -> out.add(p.value()));
        return out;
    }
}
