package conformance.exchange;

import java.util.List;
import java.util.Optional;

final class Headers {
    private Headers() {
    }

    static Optional<String> first(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
