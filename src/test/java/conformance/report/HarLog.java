package conformance.report;

import conformance.checks.Finding;
import conformance.exchange.Exchange;
import conformance.exchange.Header;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.Redactor;
import conformance.exchange.SentRequest;
import conformance.generation.Json;
import conformance.run.ConformanceRun;
import conformance.run.SuiteVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code exchanges.har}: the run's exchanges as HAR 1.2, for HAR viewers and browsers' network panels. Each entry is
 * written as it happens and the file is closed at the end (memory stays flat however long the run); past
 * {@code maxEntries} entries the rest are counted, not written, and the file's {@code log.comment} says so. Secrets
 * are redacted with the run's {@link Redactor}, bodies cut, as in {@link ExchangeLog}. What HAR has no field for (the
 * case, the checks that judged it, their findings) is in each entry's {@code _conformance}, custom fields starting
 * with {@code _} as HAR allows.
 */
public final class HarLog implements AutoCloseable {
    public static final String FILE = "exchanges.har";
    private static final String HTTP_VERSION = "HTTP/1.1";

    private final Redactor redactor;
    private final int maxEntries;
    private final Consumer<String> capReached;
    private final BufferedWriter out;
    private long exchanges;

    /** @param capReached told once, when the first exchange past {@code maxEntries} is left out */
    public HarLog(Path folder, Redactor redactor, int maxEntries, Consumer<String> capReached) {
        this.redactor = redactor;
        this.maxEntries = maxEntries;
        this.capReached = capReached;
        try {
            Files.createDirectories(folder);
            this.out = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8);
            ObjectNode creator = Json.NODES.objectNode().put("name", "chatwoot-public-api-conformance")
                    .put("version", SuiteVersion.get());
            out.write("{\"log\":{\"version\":\"1.2\",\"creator\":" + Json.MAPPER.writeValueAsString(creator) + ",\"entries\":[");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** One more exchange, with what the checks made of it. */
    public synchronized void accept(Exchange e, ConformanceRun.Judged judged) {
        exchanges++;
        if (exchanges > maxEntries) {
            if (exchanges == maxEntries + 1L) {
                capReached.accept(FILE + " holds the first " + maxEntries + " exchanges (conformance.harMaxEntries); "
                        + ExchangeLog.FILE + " has every one");
            }
            return;
        }
        try {
            out.write(exchanges == 1 ? "\n" : ",\n");
            out.write(Json.MAPPER.writeValueAsString(entry(e, judged)));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to " + FILE, ex);
        }
    }

    private ObjectNode entry(Exchange e, ConformanceRun.Judged judged) {
        ObjectNode entry = Json.NODES.objectNode();
        // the exchange knows how long it took, not when it began: it is recorded as soon as its answer is in
        entry.put("startedDateTime", Instant.now().minus(e.elapsed()).truncatedTo(ChronoUnit.MILLIS).toString());
        entry.put("time", e.elapsed().toNanos() / 1e6);
        entry.set("request", request(e.request()));
        entry.set("response", response(e));
        entry.putObject("cache");
        // the suite times the whole exchange, not its phases: all of it counts as waiting for the answer
        entry.putObject("timings").put("send", 0).put("wait", e.elapsed().toNanos() / 1e6).put("receive", 0);
        entry.set("_conformance", conformance(e, judged));
        return entry;
    }

    private ObjectNode request(SentRequest r) {
        ObjectNode request = Json.NODES.objectNode();
        String url = redactor.redact(r.url());
        request.put("method", r.method());
        request.put("url", url);
        request.put("httpVersion", HTTP_VERSION);
        // cookies are secrets: any the suite sent are in the headers, redacted
        request.putArray("cookies");
        request.set("headers", headers(r.headers()));
        ArrayNode query = request.putArray("queryString");
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                query.addObject().put("name", decoded(nameValue[0])).put("value", nameValue.length > 1 ? decoded(nameValue[1]) : "");
            }
        }
        if (r.body().length > 0) {
            request.putObject("postData").put("mimeType", r.header("Content-Type").orElse(""))
                    .put("text", redactor.body(r.body(), ExchangeLog.MAX_BODY_CHARS));
        }
        request.put("headersSize", -1);
        request.put("bodySize", r.body().length);
        return request;
    }

    /** A failure without an answer is written as browsers write one: status 0 and empty fields. */
    private ObjectNode response(Exchange e) {
        ObjectNode response = Json.NODES.objectNode();
        ReceivedResponse r = e.response().orElse(null);
        response.put("status", r == null ? 0 : r.status());
        response.put("statusText", "");
        response.put("httpVersion", r == null ? "" : HTTP_VERSION);
        response.putArray("cookies");
        response.set("headers", r == null ? Json.NODES.arrayNode() : headers(r.headers()));
        ObjectNode content = response.putObject("content");
        content.put("size", r == null ? 0 : r.body().length);
        content.put("mimeType", r == null ? "" : r.header("Content-Type").orElse(""));
        if (r != null && r.body().length > 0) {
            content.put("text", redactor.body(r.body(), ExchangeLog.MAX_BODY_CHARS));
        }
        if (r != null && r.truncated()) {
            content.put("comment", "the body was cut at the size cap (conformance.maxBodyBytes)");
        }
        response.put("redirectURL", r == null ? "" : r.header("Location").map(redactor::redact).orElse(""));
        response.put("headersSize", -1);
        // the body is kept decoded: its size on the wire is known only when it was sent as it is, and whole
        boolean asSent = r != null && !r.truncated() && r.header("Content-Encoding").isEmpty();
        response.put("bodySize", asSent ? r.body().length : -1);
        return response;
    }

    private ArrayNode headers(List<Header> headers) {
        ArrayNode out = Json.NODES.arrayNode();
        redactor.redact(headers).forEach(h -> out.addObject().put("name", h.name()).put("value", h.value()));
        return out;
    }

    private ObjectNode conformance(Exchange e, ConformanceRun.Judged judged) {
        ObjectNode c = Json.NODES.objectNode();
        c.put("case", e.kase().index());
        c.put("kind", e.kase().kind().id());
        c.put("intent", e.kase().intent().name());
        c.put("label", redactor.redact(e.kase().label()));
        c.put("operation", e.operation().id());
        c.put("judged", judged.counted());
        ArrayNode checks = c.putArray("checks");
        judged.checks().forEach(checks::add);
        ArrayNode findings = c.putArray("findings");
        for (Finding f : judged.findings()) {
            ObjectNode finding = findings.addObject().put("check", f.checkId()).put("message", redactor.redact(f.message()));
            f.pointer().ifPresent(p -> finding.put("pointer", p));
            finding.put("specGap", f.specGap());
        }
        e.failure().ifPresent(f -> c.put("failure", f.kind() + ": " + redactor.redact(f.message())));
        return c;
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
            out.write("\n],\"comment\":" + Json.MAPPER.writeValueAsString(comment) + "}}\n");
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + FILE, e);
        }
    }
}
