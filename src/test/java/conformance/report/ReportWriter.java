package conformance.report;

import conformance.generation.Json;
import conformance.run.ConformanceRun;
import conformance.run.FailingCases;
import conformance.run.FailingSequences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the run's files under the reports folder, each atomically (a reader never sees half a file). */
public final class ReportWriter {
    public static final String SUMMARY = "conformance-summary.json";
    public static final String CERTIFICATE = "certificate.md";

    private final Path folder;

    public ReportWriter(Path folder) {
        this.folder = folder;
    }

    /** The summary and the certificate of the run as it stands (finished or not). */
    public void write(ConformanceRun.Result result) {
        writeAtomically(SUMMARY, Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(SummaryJson.render(result.report(), result.redactor())));
        writeAtomically(CERTIFICATE, Certificate.render(result.report(), result.redactor()));
    }

    /**
     * A finished run's files, and its failing cases for the next run. Only a finished run updates those: a run so far
     * has not yet re-sent the stored cases, so it must not clear them.
     */
    public void finish(ConformanceRun.Result result) {
        write(result);
        FailingCases.updated(folder, result.targetKey(), result.report(), result.redactor()).ifPresent(c -> writeAtomically(FailingCases.FILE, c));
        FailingSequences.updated(folder, result.targetKey(), result.report(), result.failingSequences(), result.redactor())
                .ifPresent(c -> writeAtomically(FailingSequences.FILE, c));
    }

    public void writeAtomically(String name, String content) {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "." + name, ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
