package conformance.report;

import conformance.checks.Finding;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.RunReport;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * Renders a run into the Allure test that is running now: one test per check, each finding a failed step with the
 * request, the response, the shrunk case and a curl command attached; plus the environment and categories files.
 */
public final class AllureReport {
    static final int MAX_ATTACHMENT_CHARS = 64 * 1024;

    private final RunReport report;
    private final Redactor redactor;

    public AllureReport(RunReport report, Redactor redactor) {
        this.report = report;
        this.redactor = redactor;
    }

    /** Steps and attachments of one check's test; the caller then passes, fails or skips the test. */
    public void describe(CheckResult c) {
        Allure.epic("Conformance of " + redactor.redact(report.target()));
        Allure.feature(c.operationId());
        Allure.story(c.checkId());
        Allure.label("check", c.checkId());
        Allure.parameter("requests judged", c.requests());
        Allure.parameter("seed", report.seed());
        c.skipReason().ifPresent(reason -> Allure.description("Skipped: " + reason));
        int index = 0;
        for (FindingGroup g : c.findings()) {
            finding(++index, g);
        }
    }

    private void finding(int index, FindingGroup g) {
        Finding f = g.first();
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        String name = "finding " + index + ": " + redactor.redact(f.message())
                + (g.occurrences() > 1 ? " (×" + g.occurrences() + ")" : "") + (f.specGap() ? " [spec gap]" : "");
        lifecycle.startStep(uuid, new StepResult().setName(name.length() > 300 ? name.substring(0, 300) + "…" : name)
                .setStatus(Status.FAILED)
                .setStatusDetails(new StatusDetails().setMessage(redactor.redact(f.message()))));
        attach(f.exchange(), "");
        f.shrunk().ifPresent(s -> attach(s, "shrunk "));
        lifecycle.stopStep(uuid);
    }

    private void attach(Exchange e, String prefix) {
        Allure.addAttachment(prefix + "request", "text/plain", redactor.request(e.request(), MAX_ATTACHMENT_CHARS), ".txt");
        e.response().ifPresent(r -> Allure.addAttachment(prefix + "response", "text/plain",
                redactor.response(r, MAX_ATTACHMENT_CHARS), ".txt"));
        e.failure().ifPresent(t -> Allure.addAttachment(prefix + "transport failure", "text/plain", redactor.redact(t.message()), ".txt"));
        Allure.addAttachment(prefix + "curl", "text/plain", redactor.curl(e.request()), ".sh");
    }

    /** environment.properties and categories.json beside the results, as Allure reads them. */
    public void writeRunFiles(Path resultsDirectory) {
        try {
            Files.createDirectories(resultsDirectory);
            Properties env = new Properties();
            env.setProperty("target", redactor.redact(report.target()));
            env.setProperty("spec", report.specPath());
            env.setProperty("spec.sha256", report.specSha256());
            env.setProperty("seed", String.valueOf(report.seed()));
            env.setProperty("profile", report.profile());
            env.setProperty("suite.version", report.suiteVersion());
            env.setProperty("verdict", report.verdict().name());
            try (var out = Files.newBufferedWriter(resultsDirectory.resolve("environment.properties"), StandardCharsets.UTF_8)) {
                env.store(out, "conformance run");
            }
            Files.writeString(resultsDirectory.resolve("categories.json"), CATEGORIES, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure run files to " + resultsDirectory, e);
        }
    }

    private static final String CATEGORIES = """
            [
              {"name": "Schema violation", "matchedStatuses": ["failed"], "messageRegex": ".*response_schema_conformance.*|.*documented_properties_present.*"},
              {"name": "Undocumented status", "matchedStatuses": ["failed"], "messageRegex": ".*status_code_conformance.*"},
              {"name": "Server error", "matchedStatuses": ["failed"], "messageRegex": ".*not_a_server_error.*"},
              {"name": "Transport", "matchedStatuses": ["failed", "broken"], "messageRegex": ".*transport.*"},
              {"name": "Security", "matchedStatuses": ["failed"], "messageRegex": ".*(unknown_identifier_rejection|cross_inbox_isolation).*"},
              {"name": "Data handling", "matchedStatuses": ["failed"], "messageRegex": ".*(positive_data_acceptance|negative_data_rejection|conversation_semantics|content_type_conformance).*"},
              {"name": "Inconclusive run", "matchedStatuses": ["failed", "broken"], "messageRegex": ".*INCONCLUSIVE.*"}
            ]
            """;
}
