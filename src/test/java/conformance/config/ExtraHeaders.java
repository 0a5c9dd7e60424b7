package conformance.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Request headers a gateway in front of the target asks for ({@code conformance.headers}), sent with every request:
 * one {@code Name: value} a line, the value being everything after the first colon (so it may hold commas and colons).
 * Their values are secrets: they are redacted by name wherever a request is recorded, and never quoted in a message.
 */
public record ExtraHeaders(List<ExtraHeader> all) {
    public static final ExtraHeaders NONE = new ExtraHeaders(List.of());

    /**
     * Headers the suite or its HTTP client sets itself: replacing one would change what is tested (the media types
     * sent and asked for) or break the exchange (framing, the host, the proxy's credentials).
     */
    static final List<String> SET_BY_THE_SUITE = List.of("Accept", "Accept-Encoding", "Content-Type", "Content-Length",
            "Transfer-Encoding", "Host", "Connection", "Expect", "Proxy-Authorization");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0a-\\x1f\\x7f]");

    /** One extra header; {@link Secret} keeps its value out of every {@code toString}. */
    public record ExtraHeader(String name, Secret value) {
    }

    public ExtraHeaders {
        all = List.copyOf(all);
    }

    static ExtraHeaders from(Settings s) {
        return s.get("headers").map(ExtraHeaders::parse).orElse(NONE);
    }

    static ExtraHeaders parse(String text) {
        List<ExtraHeader> headers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = Settings.name("headers") + ": line " + (i + 1);
            if (colon <= 0) {
                throw new ConfigException(where + " is not 'Name: value' (a header name, a colon, then its value); "
                        + "give one header a line.");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                throw new ConfigException(where + ": '" + name + "' is not a header name (letters, digits and !#$%&'*+.^_`|~-).");
            }
            if (SET_BY_THE_SUITE.stream().anyMatch(name::equalsIgnoreCase)) {
                throw new ConfigException(where + " names " + name + ", a header the suite sets itself ("
                        + String.join(", ", SET_BY_THE_SUITE) + "): leave it out" + (name.equalsIgnoreCase("Proxy-Authorization")
                        ? "; give the proxy's credentials in " + Settings.name("proxy") + "." : "; what is tested depends on it."));
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(where + " names " + name + " again: give each header once.");
            }
            if (value.isEmpty() || CONTROL.matcher(value).find()) {
                throw new ConfigException(where + " gives " + name + (value.isEmpty() ? " no value" : " a value with a control character")
                        + ": write 'Name: value' with a value of printable characters.");
            }
            headers.add(new ExtraHeader(name, new Secret(value)));
        }
        return new ExtraHeaders(headers);
    }

    /** Stops the run when the document itself declares one of these headers: the suite sends that one per case. */
    public void requireNoneDeclared(String operationId, List<String> declaredHeaders) {
        for (ExtraHeader h : all) {
            if (declaredHeaders.stream().anyMatch(h.name()::equalsIgnoreCase)) {
                throw new ConfigException(Settings.name("headers") + " names " + h.name() + ", a header parameter of "
                        + operationId + " that the suite generates for its cases: leave it out of the extra headers.");
            }
        }
    }
}
