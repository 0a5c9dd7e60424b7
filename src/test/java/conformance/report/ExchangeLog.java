package conformance.report;

import conformance.exchange.Exchange;
import conformance.exchange.RedactedExchange;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * {@code exchanges.ndjson}: every exchange of the run, one JSON line each, written as it happens (so memory stays
 * flat however many cases): the case, the request and response (bodies cut at a cap, secrets redacted) and a curl.
 * Each line is streamed onto the file, from the exchange as the run's redactor showed it once for every writer.
 */
public final class ExchangeLog implements AutoCloseable {
    public static final String FILE = "exchanges.ndjson";
    static final int MAX_BODY_CHARS = 2048;
    static final int MAX_CURL_CHARS = 4096;
    static final int BUFFER_BYTES = 64 * 1024;

    private final BufferedOutputStream out;

    public ExchangeLog(Path folder) {
        try {
            Files.createDirectories(folder);
            this.out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(FILE)), BUFFER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** One more line: {@code e} as {@code shown} (redacted). */
    public synchronized void accept(Exchange e, RedactedExchange shown) {
        String curl = shown.request().curl();
        try (JsonGenerator line = Json.generator(out)) {
            line.writeStartObject();
            line.writeNumberProperty("case", e.kase().index());
            line.writeStringProperty("intent", e.kase().intent().name());
            line.writeStringProperty("label", shown.label());
            line.writeStringProperty("operation", e.operation().id());
            line.writeNumberProperty("elapsedMs", e.elapsed().toMillis());
            line.writeStringProperty("request", shown.request().text(MAX_BODY_CHARS));
            shown.response().ifPresent(r -> {
                line.writeNumberProperty("status", r.status());
                line.writeStringProperty("response", r.text(MAX_BODY_CHARS));
            });
            shown.failure().ifPresent(f -> line.writeStringProperty("failure", f));
            // the log must stay small for long runs; a failing case's full curl is in the summary
            line.writeStringProperty("curl", curl.length() <= MAX_CURL_CHARS ? curl : Redactor.prefix(curl, MAX_CURL_CHARS)
                    + " … [curl cut: the body is " + e.request().body().length + " bytes; a finding's full curl is in "
                    + ReportWriter.SUMMARY + "]");
            line.writeEndObject();
        } catch (JacksonIOException ex) {
            throw new UncheckedIOException("cannot append to " + FILE, ex.getCause());
        }
        try {
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
