package conformance.contract;

import java.util.List;
import java.util.Optional;

/** An operation's request body: whether it is required, and every media type it may be sent as, in document order. */
public record RequestBody(boolean required, List<MediaContent> contents) {
    public RequestBody {
        contents = List.copyOf(contents);
    }

    /** The media type the document lists first: the one the suite sends. */
    public Optional<MediaContent> first() {
        return contents.stream().findFirst();
    }
}
