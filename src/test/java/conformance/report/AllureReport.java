package conformance.report;

import conformance.checks.Finding;
import conformance.config.Settings;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.SeverityLevel;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a run into the Allure test that is running now: one test per check and operation, filed under its
 * operation in the Suites tab, each finding a failed step (skipped,
 * and named after its waiver, when one accepts it) with the request, the response, the shrunk case and a curl
 * command attached; plus the environment, categories and executor files, the last naming the report.
 * Only findings carry bodies, each cut at {@link #MAX_ATTACHMENT_CHARS} and all of them within
 * {@link #ATTACHMENT_BUDGET_CHARS}, so a long nightly stays small; every exchange is in the exchange log anyway.
 */
public final class AllureReport {
    static final int MAX_ATTACHMENT_CHARS = 8 * 1024;
    static final long ATTACHMENT_BUDGET_CHARS = 2L << 20;
    static final int FINDINGS_IN_MESSAGE = 5;
    static final int ANSWER_CHARS = 300;
    static final int CAUSE_CHARS = 100;
    static final String EXECUTOR_FILE = "executor.json";
    static final String WAIVED_SUFFIX = " · waived";
    /** The run's node in the Suites tab: JUnit's name for the suite's class, which single and merged runs share. */
    static final String RUN_SUITE = "conformance.ConformanceSuite";
    /** Findings of these categories can hurt users or their data, whatever else the check found. */
    private static final Set<Category> CRITICAL = Set.of(Category.SERVER_ERROR, Category.SECURITY);

    private final RunReport report;
    private final Redactor redactor;
    private final Optional<String> shard;
    private long attachedChars;

    /** {@code shard} names this run's slice of a sharded nightly, so merged reports keep each shard's tests apart. */
    public AllureReport(RunReport report, Redactor redactor, Optional<String> shard) {
        this.report = report;
        this.redactor = redactor;
        this.shard = shard;
    }

    /** Steps and attachments of one check's test; the caller then passes, fails or skips the test. */
    public void describe(CheckResult c) {
        Allure.epic("Conformance of " + redactor.redact(report.target()));
        Allure.feature(c.operationId());
        Allure.story(c.checkId());
        Allure.label("check", c.checkId());
        fileUnder(Optional.of(c.operationId()));
        Allure.parameter("requests judged", c.requests());
        Allure.parameter("seed", report.seed());
        shard.ifPresent(s -> Allure.parameter("shard", s));
        keepHistoryAs(c.checkId() + "@" + c.operationId());
        severity(c).ifPresent(s -> Allure.label("severity", s.value()));
        if (c.outcome() == Outcome.WAIVED) {
            // skipped as a check that could not run is, so the name and a tag are what tell them apart
            Allure.label("tag", "waived");
            Allure.getLifecycle().updateTestCase(t -> t.setName(t.getName() + WAIVED_SUFFIX));
        }
        int findings = c.findings().stream().mapToInt(FindingGroup::occurrences).sum();
        Allure.description(c.requests() + " requests judged, " + (findings == 0 ? "no finding"
                : findings + (findings == 1 ? " finding" : " findings") + " (" + c.findings().size() + " distinct)")
                + c.skipReason().map(reason -> ". Skipped: " + reason).orElse("")
                + c.waiver().map(waiver -> ". Waived: " + waiver).orElse(""));
        int index = 0;
        for (FindingGroup g : c.findings()) {
            finding(++index, g);
        }
    }

    /**
     * How much a check's findings matter: a server error or a security finding is critical, findings that are all
     * the document's gaps are minor; anything else keeps Allure's default (normal).
     */
    static Optional<SeverityLevel> severity(CheckResult c) {
        if (c.findings().isEmpty()) {
            return Optional.empty();
        }
        boolean critical = Category.ofCheck(c.checkId()).filter(CRITICAL::contains).isPresent()
                || c.findings().stream().anyMatch(g -> g.first().status() >= 500);
        if (critical) {
            return Optional.of(SeverityLevel.CRITICAL);
        }
        return c.findings().stream().allMatch(g -> g.first().specGap()) ? Optional.of(SeverityLevel.MINOR) : Optional.empty();
    }

    /** The report's name, on its first screen: the decision and what it is about. */
    public String reportName() {
        return report.verdict() + " — " + targetName();
    }

    /** The verdict test: the headline as its description, every exchange referred to rather than attached. */
    public void describeVerdict(String statistics, Path exchangeLog) {
        keepHistoryAs("verdict");
        fileUnder(Optional.empty());
        shard.ifPresent(s -> Allure.parameter("shard", s));
        Allure.description(redactor.redact(report.headline()));
        attach("generation statistics", statistics, ".txt");
        attach("every exchange", "Every request and response of this run, one JSON line each (bodies cut, secrets "
                + "redacted), is in " + exchangeLog.toAbsolutePath() + " (" + ExchangeLog.FILE
                + " beside this report's folder): too many to attach on long runs.", ".txt");
    }

    /** Why a check's test fails; {@link Category} matches on its start. */
    public String failure(CheckResult c) {
        // two causes of one message (two 422s with different errors) are told apart by what the target answered
        Map<String, Long> repeated = c.findings().stream().collect(Collectors.groupingBy(g -> g.first().message(), Collectors.counting()));
        return c.checkId() + " failed on " + c.operationId() + ": " + c.findings().stream().limit(FINDINGS_IN_MESSAGE)
                .map(g -> redactor.redact(g.first().message())
                        + (repeated.get(g.first().message()) > 1 ? " — " + answered(g.first().shrunk().orElse(g.first().exchange())) : "")
                        + (g.occurrences() > 1 ? " (×" + g.occurrences() + ")" : ""))
                .collect(Collectors.joining("; ")) + (c.findings().size() > FINDINGS_IN_MESSAGE ? "; …" : "");
    }

    /** The start of an answer's body on one line: what tells one cause of a message from another. */
    private String answered(Exchange e) {
        return e.response().map(r -> Excerpt.of(redactor.body(r.body(), Integer.MAX_VALUE), CAUSE_CHARS).replace('\n', ' '))
                .orElse("no answer");
    }

    /** Why a waived check's test is skipped rather than failed. */
    public String waived(CheckResult c) {
        return Category.WAIVED_PREFIX + c.checkId() + " on " + c.operationId() + ": " + c.waiver().orElse("");
    }

    /**
     * Why a skipped check's test is skipped: it could not run ({@link Category#NOT_RUN}) or it does not apply, which
     * is no problem; a check with no recorded reason judged nothing on an operation it was not asked about.
     */
    public String skipped(CheckResult c) {
        return (c.notRun() ? Category.NOT_RUN_PREFIX : Category.NOT_APPLICABLE_PREFIX) + c.checkId() + " on "
                + c.operationId() + ": " + c.skipReason().orElse("nothing to judge here");
    }

    /** Why a check's test cannot say anything on a run that could not judge. */
    public String inconclusive() {
        return Category.INCONCLUSIVE_PREFIX + report.inconclusiveReason().orElse("");
    }

    /**
     * Allure follows a test across runs by its history id, which it would otherwise take from the test's position
     * among the dynamic tests: tie it to the check, the operation and the shard instead.
     */
    private void keepHistoryAs(String key) {
        String id = key + shard.map(s -> "@shard " + s).orElse("");
        Allure.getLifecycle().updateTestCase(t -> t.setHistoryId(id).setTestCaseId(id));
    }

    /**
     * Allure's Suites tab groups by parentSuite, then suite: the run above (where JUnit's suite label put every
     * test), the operation below it, so the tab reads operation → check, with the verdict beside the operations.
     */
    private static void fileUnder(Optional<String> operation) {
        Allure.getLifecycle().updateTestCase(t -> {
            List<Label> labels = new ArrayList<>(t.getLabels());
            labels.removeIf(l -> l.getName().equals(ResultsUtils.SUITE_LABEL_NAME) || l.getName().equals(ResultsUtils.PARENT_SUITE_LABEL_NAME));
            labels.add(ResultsUtils.createParentSuiteLabel(RUN_SUITE));
            operation.ifPresent(op -> labels.add(ResultsUtils.createSuiteLabel(op)));
            t.setLabels(labels);
        });
    }

    private void finding(int index, FindingGroup g) {
        Finding f = g.first();
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        lifecycle.startStep(uuid, new StepResult().setName(findingStepName(index, g))
                .setStatus(g.waiver().isPresent() ? Status.SKIPPED : Status.FAILED)
                .setStatusDetails(new StatusDetails().setMessage(findingStepMessage(g))));
        f.exchange().chain().ifPresent(c -> chain(lifecycle, c, ""));
        attachExchange(f.exchange(), "");
        f.shrunk().flatMap(Exchange::chain).ifPresent(c -> chain(lifecycle, c, "shrunk "));
        f.shrunk().ifPresent(s -> attachExchange(s, "shrunk "));
        lifecycle.stopStep(uuid);
    }

    /**
     * The steps of its sequence before a finding's exchange (or before its shrunk one: {@code which} "shrunk "), one
     * Allure step each with its request, response and curl.
     */
    private void chain(AllureLifecycle lifecycle, Chain chain, String which) {
        List<Exchange> steps = chain.earlier();
        for (int i = 0; i < steps.size(); i++) {
            Exchange e = steps.get(i);
            String uuid = UUID.randomUUID().toString();
            lifecycle.startStep(uuid, new StepResult().setStatus(Status.PASSED).setName(redactor.redact(which + "chain step " + (i + 1)
                    + " of " + chain.sequence() + ": " + e.request().method() + " " + e.request().url() + " → "
                    + e.response().map(r -> String.valueOf(r.status())).orElse("no response"))));
            attachExchange(e, which + "step " + (i + 1) + " ");
            lifecycle.stopStep(uuid);
        }
    }

    /** The step's text: the waiver that accepted it, the finding, the answer it got, how far shrinking got. */
    String findingStepMessage(FindingGroup g) {
        Finding f = g.first();
        return g.waiver().map(w -> "waived by " + w.describe() + "\n").orElse("") + redactor.redact(f.message()) + "\n"
                + answer(f.shrunk().orElse(f.exchange())) + f.shrinkNote().map(n -> "\n" + n).orElse("")
                + f.chainId().map(id -> "\nreplay this chain alone: -D" + Settings.property("replay") + "=" + id).orElse("");
    }

    /** What the target answered, in one line for the step: its status and the start of its body. */
    private String answer(Exchange e) {
        return e.response().map(r -> "response: status " + r.status() + (r.body().length == 0 ? ", no body"
                        : ": " + Excerpt.of(redactor.body(r.body(), Integer.MAX_VALUE), ANSWER_CHARS).replace('\n', ' ')))
                .orElseGet(() -> "no response" + e.failure().map(t -> ": " + redactor.redact(t.message())).orElse(""));
    }

    /** The waiver comes first, so that cutting a long message never hides which waiver accepted it. */
    String findingStepName(int index, FindingGroup g) {
        Finding f = g.first();
        String name = "finding " + index + g.waiver().map(w -> " (waived by waiver #" + w.number() + ")").orElse("") + ": "
                + redactor.redact(f.message()) + (g.occurrences() > 1 ? " (×" + g.occurrences() + ")" : "")
                + (f.specGap() ? " [spec gap]" : "");
        return name.length() > 300 ? Redactor.prefix(name, 300) + "…" : name;
    }

    /** Request and response abbreviated for people (long runs of one character); the curl stays exact. */
    private void attachExchange(Exchange e, String prefix) {
        attach(prefix + "request", Excerpt.of(redactor.request(e.request(), Integer.MAX_VALUE), MAX_ATTACHMENT_CHARS), ".txt");
        e.response().ifPresent(r -> attach(prefix + "response",
                Excerpt.of(redactor.response(r, Integer.MAX_VALUE), MAX_ATTACHMENT_CHARS), ".txt"));
        e.failure().ifPresent(t -> attach(prefix + "transport failure", redactor.redact(t.message()), ".txt"));
        attach(prefix + "curl", redactor.curl(e.request()), ".sh");
    }

    private void attach(String name, String content, String extension) {
        if (attachedChars + content.length() > ATTACHMENT_BUDGET_CHARS) {
            Allure.addAttachment(name + " (not attached)", "text/plain", "This report's attachments reached "
                    + ATTACHMENT_BUDGET_CHARS / 1024 + " KiB, its cap: see " + ReportWriter.SUMMARY + " (curl) and "
                    + ExchangeLog.FILE + " (every exchange) beside the report.", ".txt");
            return;
        }
        attachedChars += content.length();
        Allure.addAttachment(name, "text/plain", content, extension);
    }

    /** environment.properties, categories.json and executor.json beside the results, as Allure reads them. */
    public void writeRunFiles(Path resultsDirectory) {
        writeRunFiles(resultsDirectory, environment(), reportName());
    }

    /**
     * What the report's overview lists about the run; its target and document are also what a later report's
     * history must share ({@link AllureHistory}): the embedded target by its dialect, not its port
     * ({@link RunReport#embeddedTargetName}).
     */
    public Properties environment() {
        Properties env = new Properties();
        env.setProperty("target", targetName());
        env.setProperty("spec", report.specPath());
        env.setProperty("spec.sha256", report.specSha256());
        env.setProperty("seed", String.valueOf(report.seed()));
        env.setProperty("profile", report.profile());
        env.setProperty("suite.version", report.suiteVersion());
        env.setProperty("verdict", report.verdict().name());
        env.setProperty("requests", String.valueOf(report.requests()));
        shard.ifPresent(s -> env.setProperty("shard", s));
        return env;
    }

    private String targetName() {
        return report.embeddedTargetName().orElseGet(() -> redactor.redact(report.target()));
    }

    /**
     * The run files of a run that stopped before it could judge (a bad setting, an unreadable document): its
     * reason in the environment and the name, and the categories, so its one test is filed as inconclusive.
     */
    public static void writeStoppedRunFiles(Path resultsDirectory, String reason) {
        Properties env = new Properties();
        env.setProperty("verdict", Verdict.INCONCLUSIVE.name());
        env.setProperty("reason", reason);
        writeRunFiles(resultsDirectory, env, Verdict.INCONCLUSIVE + " — " + reason);
    }

    /**
     * The verdict of shards merged, as a test of its own beside the shards' tests, so the merged report leads with
     * it (and files it under its category) as a single run's report leads with its verdict test.
     */
    public static void writeMergedVerdict(Path resultsDirectory, Verdict verdict, String headline) {
        long now = System.currentTimeMillis();
        new FileSystemResultsWriter(resultsDirectory).write(new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId("merged verdict")
                .setTestCaseId("merged verdict")
                .setName("merged verdict · " + verdict)
                .setFullName("conformance.merge.MergeShards.verdict")
                .setLabels(List.of(ResultsUtils.createParentSuiteLabel(RUN_SUITE)))
                .setDescription(headline)
                .setStatus(verdict == Verdict.CONFORMANT ? Status.PASSED : Status.FAILED)
                .setStatusDetails(verdict == Verdict.CONFORMANT ? null : new StatusDetails().setMessage(headline))
                .setStage(Stage.FINISHED)
                .setStart(now)
                .setStop(now));
    }

    /**
     * Writes the given environment, the suite's categories and the report's name into an Allure results folder. The
     * name goes in executor.json, where Allure's overview takes it from.
     */
    public static void writeRunFiles(Path resultsDirectory, Properties environment, String reportName) {
        try {
            Files.createDirectories(resultsDirectory);
            try (var out = Files.newBufferedWriter(resultsDirectory.resolve("environment.properties"), StandardCharsets.UTF_8)) {
                environment.store(out, "conformance run");
            }
            Files.writeString(resultsDirectory.resolve(Category.FILE), Category.json(), StandardCharsets.UTF_8);
            ObjectNode executor = Json.NODES.objectNode().put("name", "conformance suite").put("type", "conformance")
                    .put("reportName", reportName);
            Files.writeString(resultsDirectory.resolve(EXECUTOR_FILE), Json.MAPPER.writeValueAsString(executor), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure run files to " + resultsDirectory, e);
        }
    }
}
