package conformance.exchange;

import java.util.List;
import java.util.Optional;

/**
 * One exchange as the files of a run show it, made once by {@link Redactor#redacted(Exchange)} and shared by every
 * writer of that exchange (the exchange log, the HAR): redacting, decoding and quoting the same bodies again for each
 * of them was most of what recording an exchange cost. Bodies are whole here; each writer cuts them at its own cap.
 *
 * @param failure the transport failure's kind and message, when no answer came
 */
public record RedactedExchange(String label, Request request, Optional<Response> response, Optional<String> failure) {

    /** What went on the wire, redacted: the body as text (a hex note when it is not), and a curl that sends it again. */
    public record Request(String method, String url, List<Header> headers, String body, String curl) {
        public Request {
            headers = List.copyOf(headers);
        }

        /** The request line, the headers, then the body cut at {@code maxBodyChars}. */
        public String text(int maxBodyChars) {
            StringBuilder out = new StringBuilder(method).append(' ').append(url).append('\n');
            headers.forEach(h -> out.append(h.name()).append(": ").append(h.value()).append('\n'));
            return Redactor.appendCut(out.append('\n'), body, maxBodyChars).toString();
        }
    }

    /** What came back, redacted; {@code truncated}: the body was cut at the size cap. */
    public record Response(int status, List<Header> headers, String body, boolean truncated) {
        public Response {
            headers = List.copyOf(headers);
        }

        /** The status line, the headers, then the body cut at {@code maxBodyChars}, saying when the cap cut it. */
        public String text(int maxBodyChars) {
            StringBuilder out = new StringBuilder("HTTP ").append(status).append('\n');
            headers.forEach(h -> out.append(h.name()).append(": ").append(h.value()).append('\n'));
            Redactor.appendCut(out.append('\n'), body, maxBodyChars);
            if (truncated) {
                out.append("\n[body cut at the size cap]");
            }
            return out.toString();
        }
    }
}
