package conformance.exchange;

import conformance.generation.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What came back. The body is kept up to the configured cap ({@code truncated} says it was cut); {@code json} is
 * the body parsed once, or empty with {@code jsonError} saying why it is not JSON.
 */
public record ReceivedResponse(int status, List<Header> headers, byte[] body, boolean truncated,
                               Optional<JsonNode> json, Optional<String> jsonError) {

    public static ReceivedResponse of(int status, List<Header> headers, byte[] body, boolean truncated) {
        if (body.length == 0) {
            return new ReceivedResponse(status, headers, body, truncated, Optional.empty(), Optional.of("the body is empty"));
        }
        if (truncated) {
            return new ReceivedResponse(status, headers, body, true, Optional.empty(),
                    Optional.of("the body was cut at " + body.length + " bytes (the size cap), so it cannot be judged"));
        }
        try {
            return new ReceivedResponse(status, headers, body, false, Optional.of(Json.MAPPER.readTree(body)), Optional.empty());
        } catch (JacksonException e) {
            return new ReceivedResponse(status, headers, body, false, Optional.empty(),
                    Optional.of("the body is not JSON: " + e.getOriginalMessage()));
        }
    }

    /** At most {@code maxBodyBytes} of the body (marked cut when it was longer), without the parsed JSON. */
    public ReceivedResponse kept(int maxBodyBytes) {
        boolean cut = body.length > maxBodyBytes;
        return new ReceivedResponse(status, headers, cut ? Arrays.copyOf(body, maxBodyBytes) : body, truncated || cut,
                Optional.empty(), jsonError.or(() -> Optional.of("the parsed body is not kept after judging")));
    }

    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** The media type without parameters, lower-cased: {@code application/json; charset=utf-8} gives {@code application/json}. */
    public Optional<String> mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
    }
}
