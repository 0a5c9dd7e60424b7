package conformance.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An HTTP proxy, {@code http://[user[:password]@]host:port}: the credentials go to the proxy with every request (Basic),
 * the password is a secret. Parse errors never quote the value, which may hold the password.
 */
public record HttpProxy(String host, int port, Optional<String> user, Optional<Secret> password) {
    static final String FORM = "http://[user[:password]@]host:port";

    /** {@code origin}: how a message names where the value came from (a setting or an environment variable). */
    static HttpProxy parse(String raw, String origin) {
        String text = raw.contains("://") ? raw : "http://" + raw;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(origin, "it does not parse: " + e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(origin, "only http proxies are supported (an https target goes through them with CONNECT), not "
                    + uri.getScheme());
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw invalid(origin, "it needs a host and a port");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(origin, "it must not have a path, a query or a fragment");
        }
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length == 2 ? Optional.of(new Secret(decode(parts[1]))) : Optional.empty();
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new HttpProxy(host, uri.getPort(), user, password);
    }

    private static ConfigException invalid(String origin, String why) {
        return new ConfigException(origin + " is not an HTTP proxy URL " + FORM + " (" + why
                + "); percent-encode an @ or a : in the user or the password (%40, %3A).");
    }

    /** Percent-decoding only: a + in a password stays a +. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The value of the {@code Proxy-Authorization} header, when there are credentials. */
    public Optional<String> basicCredentials() {
        return user.map(u -> "Basic " + Base64.getEncoder().encodeToString(
                (u + ":" + password.map(Secret::value).orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** How the run names it: never its credentials, only whether it has some. */
    public String shown() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port + (user.isPresent() ? " (with credentials)" : "");
    }

    @Override
    public String toString() {
        return "HttpProxy[" + shown() + "]";
    }
}
