package conformance.report;

import conformance.checks.Finding;
import conformance.exchange.Exchange;
import conformance.exchange.Header;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.RedactedExchange;
import conformance.exchange.Redactor;
import conformance.exchange.SentRequest;
import conformance.generation.Json;
import conformance.run.ConformanceRun;
import conformance.run.SuiteVersion;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code exchanges.har}: the run's exchanges as HAR 1.2, for HAR viewers and browsers' network panels. Each entry is
 * written as it happens and the file is closed at the end (memory stays flat however long the run); past
 * {@code maxEntries} entries the rest are counted, not written, and the file's {@code log.comment} says so. Secrets
 * are redacted with the run's {@link Redactor} (once per exchange, for this file and {@link ExchangeLog} alike), bodies
 * cut, as in {@link ExchangeLog}. What HAR has no field for (the
 * case, the checks that judged it, their findings) is in each entry's {@code _conformance}, custom fields starting
 * with {@code _} as HAR allows.
 */
public final class HarLog implements AutoCloseable {
    public static final String FILE = "exchanges.har";
    private static final String HTTP_VERSION = "HTTP/1.1";

    private final Redactor redactor;
    private final int maxEntries;
    private final Consumer<String> capReached;
    private final BufferedOutputStream out;
    private long exchanges;

    /** @param capReached told once, when the first exchange past {@code maxEntries} is left out */
    public HarLog(Path folder, Redactor redactor, int maxEntries, Consumer<String> capReached) {
        this.redactor = redactor;
        this.maxEntries = maxEntries;
        this.capReached = capReached;
        try {
            Files.createDirectories(folder);
            this.out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(FILE)), ExchangeLog.BUFFER_BYTES);
            ObjectNode creator = Json.NODES.objectNode().put("name", "chatwoot-public-api-conformance")
                    .put("version", SuiteVersion.get());
            write("{\"log\":{\"version\":\"1.2\",\"creator\":" + Json.MAPPER.writeValueAsString(creator) + ",\"entries\":[");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** One more exchange, as {@code shown} (redacted), with what the checks made of it. */
    public synchronized void accept(Exchange e, RedactedExchange shown, ConformanceRun.Judged judged) {
        exchanges++;
        if (exchanges > maxEntries) {
            if (exchanges == maxEntries + 1L) {
                capReached.accept(FILE + " holds the first " + maxEntries + " exchanges (conformance.harMaxEntries); "
                        + ExchangeLog.FILE + " has every one");
            }
            return;
        }
        try {
            write(exchanges == 1 ? "\n" : ",\n");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to " + FILE, ex);
        }
        // streamed onto the file: no tree and no string per entry
        try (JsonGenerator entry = Json.generator(out)) {
            entry(entry, e, shown, judged);
        } catch (JacksonIOException ex) {
            throw new UncheckedIOException("cannot append to " + FILE, ex.getCause());
        }
    }

    private void entry(JsonGenerator g, Exchange e, RedactedExchange shown, ConformanceRun.Judged judged) {
        g.writeStartObject();
        // the exchange knows how long it took, not when it began: it is recorded as soon as its answer is in
        g.writeStringProperty("startedDateTime", Instant.now().minus(e.elapsed()).truncatedTo(ChronoUnit.MILLIS).toString());
        g.writeNumberProperty("time", e.elapsed().toNanos() / 1e6);
        g.writeName("request");
        request(g, e.request(), shown.request());
        g.writeName("response");
        response(g, e, shown.response());
        g.writeName("cache");
        g.writeStartObject();
        g.writeEndObject();
        // the suite times the whole exchange, not its phases: all of it counts as waiting for the answer
        g.writeName("timings");
        g.writeStartObject();
        g.writeNumberProperty("send", 0);
        g.writeNumberProperty("wait", e.elapsed().toNanos() / 1e6);
        g.writeNumberProperty("receive", 0);
        g.writeEndObject();
        g.writeName("_conformance");
        conformance(g, e, shown, judged);
        g.writeEndObject();
    }

    private static void request(JsonGenerator g, SentRequest r, RedactedExchange.Request shown) {
        g.writeStartObject();
        String url = shown.url();
        g.writeStringProperty("method", r.method());
        g.writeStringProperty("url", url);
        g.writeStringProperty("httpVersion", HTTP_VERSION);
        // cookies are secrets: any the suite sent are in the headers, redacted
        emptyArray(g, "cookies");
        headers(g, shown.headers());
        g.writeName("queryString");
        g.writeStartArray();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                g.writeStartObject();
                g.writeStringProperty("name", decoded(nameValue[0]));
                g.writeStringProperty("value", nameValue.length > 1 ? decoded(nameValue[1]) : "");
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        if (r.body().length > 0) {
            g.writeName("postData");
            g.writeStartObject();
            g.writeStringProperty("mimeType", r.header("Content-Type").orElse(""));
            g.writeStringProperty("text", Redactor.cut(shown.body(), ExchangeLog.MAX_BODY_CHARS));
            g.writeEndObject();
        }
        g.writeNumberProperty("headersSize", -1);
        g.writeNumberProperty("bodySize", r.body().length);
        g.writeEndObject();
    }

    /** A failure without an answer is written as browsers write one: status 0 and empty fields. */
    private void response(JsonGenerator g, Exchange e, Optional<RedactedExchange.Response> shown) {
        ReceivedResponse r = e.response().orElse(null);
        g.writeStartObject();
        g.writeNumberProperty("status", r == null ? 0 : r.status());
        g.writeStringProperty("statusText", "");
        g.writeStringProperty("httpVersion", r == null ? "" : HTTP_VERSION);
        emptyArray(g, "cookies");
        headers(g, shown.map(RedactedExchange.Response::headers).orElse(List.of()));
        g.writeName("content");
        g.writeStartObject();
        g.writeNumberProperty("size", r == null ? 0 : r.body().length);
        g.writeStringProperty("mimeType", r == null ? "" : r.header("Content-Type").orElse(""));
        if (r != null && r.body().length > 0) {
            g.writeStringProperty("text", Redactor.cut(shown.orElseThrow().body(), ExchangeLog.MAX_BODY_CHARS));
        }
        if (r != null && r.truncated()) {
            g.writeStringProperty("comment", "the body was cut at the size cap (conformance.maxBodyBytes)");
        }
        g.writeEndObject();
        g.writeStringProperty("redirectURL", r == null ? "" : r.header("Location").map(redactor::redact).orElse(""));
        g.writeNumberProperty("headersSize", -1);
        // the body is kept decoded: its size on the wire is known only when it was sent as it is, and whole
        boolean asSent = r != null && !r.truncated() && r.header("Content-Encoding").isEmpty();
        g.writeNumberProperty("bodySize", asSent ? r.body().length : -1);
        g.writeEndObject();
    }

    private static void headers(JsonGenerator g, List<Header> redacted) {
        g.writeName("headers");
        g.writeStartArray();
        for (Header h : redacted) {
            g.writeStartObject();
            g.writeStringProperty("name", h.name());
            g.writeStringProperty("value", h.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void emptyArray(JsonGenerator g, String name) {
        g.writeName(name);
        g.writeStartArray();
        g.writeEndArray();
    }

    private void conformance(JsonGenerator g, Exchange e, RedactedExchange shown, ConformanceRun.Judged judged) {
        g.writeStartObject();
        g.writeNumberProperty("case", e.kase().index());
        g.writeStringProperty("kind", e.kase().kind().id());
        g.writeStringProperty("intent", e.kase().intent().name());
        g.writeStringProperty("label", shown.label());
        g.writeStringProperty("operation", e.operation().id());
        g.writeBooleanProperty("judged", judged.counted());
        g.writeName("checks");
        g.writeStartArray();
        for (String check : judged.checks()) {
            g.writeString(check);
        }
        g.writeEndArray();
        g.writeName("findings");
        g.writeStartArray();
        for (Finding f : judged.findings()) {
            g.writeStartObject();
            g.writeStringProperty("check", f.checkId());
            g.writeStringProperty("message", redactor.redact(f.message()));
            f.pointer().ifPresent(p -> g.writeStringProperty("pointer", p));
            g.writeBooleanProperty("specGap", f.specGap());
            g.writeEndObject();
        }
        g.writeEndArray();
        shown.failure().ifPresent(f -> g.writeStringProperty("failure", f));
        g.writeEndObject();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return s;
        }
    }

    /** Puts what is written so far on disk (a run that is killed leaves a HAR without its end, every entry whole). */
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    /** Ends the file: the entries' array, and what the file holds of the run. */
    @Override
    public synchronized void close() {
        String comment = exchanges > maxEntries
                ? "capped: the first " + maxEntries + " of the run's " + exchanges + " exchanges (conformance.harMaxEntries); "
                + ExchangeLog.FILE + " has every one"
                : "every exchange of the run: " + exchanges;
        try {
            write("\n],\"comment\":" + Json.MAPPER.writeValueAsString(comment) + "}}\n");
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + FILE, e);
        }
    }
}
