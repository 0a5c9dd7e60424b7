package conformance.exchange;

import java.util.List;
import java.util.Optional;

/** What went on the wire. */
public record SentRequest(String method, String url, List<Header> headers, byte[] body) {
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }
}
