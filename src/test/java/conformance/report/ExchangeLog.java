package conformance.report;

import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code exchanges.ndjson}: every exchange of the run, one JSON line each, written as it happens (so memory stays
 * flat however many cases): the case, the request and response (bodies cut at a cap, secrets redacted) and a curl.
 */
public final class ExchangeLog implements Consumer<Exchange>, AutoCloseable {
    public static final String FILE = "exchanges.ndjson";
    static final int MAX_BODY_CHARS = 2048;
    static final int MAX_CURL_CHARS = 4096;

    private final Redactor redactor;
    private final BufferedWriter out;

    public ExchangeLog(Path folder, Redactor redactor) {
        this.redactor = redactor;
        try {
            Files.createDirectories(folder);
            this.out = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void accept(Exchange e) {
        ObjectNode line = Json.NODES.objectNode();
        line.put("case", e.kase().index());
        line.put("intent", e.kase().intent().name());
        line.put("label", redactor.redact(e.kase().label()));
        line.put("operation", e.operation().id());
        line.put("elapsedMs", e.elapsed().toMillis());
        line.put("request", redactor.request(e.request(), MAX_BODY_CHARS));
        e.response().ifPresent(r -> {
            line.put("status", r.status());
            line.put("response", redactor.response(r, MAX_BODY_CHARS));
        });
        e.failure().ifPresent(f -> line.put("failure", f.kind() + ": " + redactor.redact(f.message())));
        String curl = redactor.curl(e.request());
        // the log must stay small for long runs; a failing case's full curl is in the summary
        line.put("curl", curl.length() <= MAX_CURL_CHARS ? curl : Redactor.prefix(curl, MAX_CURL_CHARS) + " … [curl cut: the body is "
                + e.request().body().length + " bytes; a finding's full curl is in " + ReportWriter.SUMMARY + "]");
        try {
            out.write(Json.MAPPER.writeValueAsString(line));
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to " + FILE, ex);
        }
    }

    /** Puts what is buffered on disk, so a run that is killed keeps its exchanges. */
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + FILE, e);
        }
    }
}
