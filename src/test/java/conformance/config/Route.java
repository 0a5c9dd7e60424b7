package conformance.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How requests reach the target: directly or through an HTTP proxy, and what decided it, as the console and the
 * certificate say. {@code conformance.proxy} first; without it the environment's {@code https_proxy} /
 * {@code HTTPS_PROXY} (https targets) or {@code http_proxy} / {@code HTTP_PROXY} (http targets), unless
 * {@code no_proxy} / {@code NO_PROXY} names the target's host. The embedded target is always reached directly.
 */
public record Route(Optional<HttpProxy> proxy, Optional<String> because) {
    public static final Route DIRECT = new Route(Optional.empty(), Optional.empty());

    static Route from(Settings s, Optional<URI> baseUrl) {
        Optional<String> given = s.get("proxy");
        if (baseUrl.isEmpty()) {
            if (given.isPresent()) {
                throw new ConfigException(Settings.name("proxy") + " is set but " + Settings.name("baseUrl")
                        + " is not: the embedded target is reached directly on loopback; give the target's base URL, or leave the proxy out.");
            }
            return DIRECT;
        }
        if (given.isPresent()) {
            return new Route(Optional.of(HttpProxy.parse(given.get(), Settings.name("proxy"))), Optional.of(Settings.property("proxy")));
        }
        URI target = baseUrl.get();
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        Optional<Variable> proxy = first(s, scheme + "_proxy", scheme.toUpperCase(Locale.ROOT) + "_PROXY");
        if (proxy.isEmpty()) {
            return DIRECT;
        }
        Optional<Variable> noProxy = first(s, "no_proxy", "NO_PROXY");
        if (noProxy.isPresent() && NoProxy.matches(noProxy.get().value(), target)) {
            return new Route(Optional.empty(), Optional.of(noProxy.get().name() + " names " + target.getHost()
                    + ", so " + proxy.get().name() + " is not used"));
        }
        return new Route(Optional.of(HttpProxy.parse(proxy.get().value(), "the environment variable " + proxy.get().name())),
                Optional.of(proxy.get().name()));
    }

    private record Variable(String name, String value) {
    }

    /** The lower-case form first, as curl and most tools read them. */
    private static Optional<Variable> first(Settings s, String... names) {
        return List.of(names).stream().flatMap(n -> s.variable(n).map(v -> new Variable(n, v)).stream()).findFirst();
    }

    /** Whether {@code conformance.proxy} chose it (rather than the environment). */
    public boolean fromSetting() {
        return because.equals(Optional.of(Settings.property("proxy")));
    }

    /** The proxy as the run reports it: {@code http://proxy:3128 (HTTPS_PROXY)}, {@code none (NO_PROXY names …)}, {@code none}. */
    public String shown() {
        return proxy.map(HttpProxy::shown).orElse("none") + because.map(b -> " (" + b + ")").orElse("");
    }
}
