package conformance.exchange;

import java.util.List;
import java.util.Optional;

final class Headers {
    private Headers() {
    }

    static Optional<String> first(List<Header> headers, String name) {
        // asked by several checks and writers for every exchange: a loop, not a stream
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }
}
