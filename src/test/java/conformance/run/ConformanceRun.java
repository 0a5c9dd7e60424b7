package conformance.run;

import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.exchange.Redactor;
import conformance.generation.Case;
import conformance.generation.CasePlan;
import conformance.generation.GenerationException;
import conformance.generation.Intent;
import conformance.generation.Statistics;
import conformance.generation.StoredCase;
import conformance.generation.Subject;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
import conformance.shrink.Shrinker;
import conformance.verdict.RunReport;
import conformance.verdict.Tally;
import conformance.verdict.Verdict;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One run of the suite, DESIGN §3 from end to end: contract, target, provisioning, cases, exchanges, checks,
 * shrinking, verdict. Bad configuration or an unusable document throws before any request; anything the target
 * does ends in the report.
 */
public final class ConformanceRun {
    static final int MAX_SHRINKS = 5;
    static final Duration SHRINK_TIME = Duration.ofSeconds(10);
    static final int SHRINK_TRIES = 300;

    private final RunConfig config;
    private final Progress progress;
    private final Observer observer;

    /** Sees every exchange as it happens, with the run's redactor (for logs that must not hold secrets). */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (exchange, redactor) -> { };

        void exchanged(Exchange exchange, Redactor redactor);
    }

    public ConformanceRun(RunConfig config, Progress progress) {
        this(config, progress, Observer.NONE);
    }

    public ConformanceRun(RunConfig config, Progress progress, Observer observer) {
        this.config = config;
        this.progress = progress;
        this.observer = observer;
    }

    /** The result and what the reporters need beside it. */
    public record Result(RunReport report, Redactor redactor, Statistics statistics) {
    }

    public Result execute() {
        Contract contract = new ContractLoader().load(config.spec());
        Operation operation = contract.operation(Contract.CREATE_CONVERSATION);
        contract.operation(Contract.CREATE_CONTACT);
        if (config.embedded()) {
            try (ReferenceTarget reference = ReferenceTarget.start()) {
                List<Inbox> inboxes = reference.inboxes();
                progress.stage("no conformance.baseUrl given: testing the embedded reference target at " + reference.baseUrl());
                RunConfig embedded = config.withBaseUrl(reference.baseUrl()).withIdentities(inboxes.get(0).identifier(),
                        Optional.of(inboxes.get(1).identifier()), Optional.empty());
                return new ConformanceRun(embedded, progress, observer).against(contract, operation, true);
            }
        }
        return against(contract, operation, false);
    }

    private Result against(Contract contract, Operation operation, boolean embedded) {
        Instant started = Instant.now();
        long seed = config.seed().orElseGet(() -> new SecureRandom().nextLong());
        String runId = Long.toHexString(started.toEpochMilli()) + "-" + Long.toHexString(seed & 0xffff);
        Redactor redactor = new Redactor();
        config.hmacToken().ifPresent(t -> redactor.addSecret(t.value()));
        HttpExchanger exchanger = new HttpExchanger(config.baseUrl().orElseThrow(), config.timeout(),
                config.maxBodyBytes(), config.rateLimit());
        List<Check> checks = Catalog.create();
        Tally tally = new Tally();
        Statistics stats = new Statistics();
        long[] requests = {0};
        long[] answered = {0};
        Consumer<Exchange> judge = e -> {
            observer.exchanged(e, redactor);
            requests[0]++;
            if (e.answered()) {
                answered[0]++;
            }
            for (Check check : checks) {
                if (check.appliesTo(e)) {
                    tally.judged(check, e.operation().id());
                    check.judge(e).forEach(tally::found);
                }
            }
        };
        Optional<String> inconclusive = Optional.empty();
        progress.stage("target " + config.baseUrl().get() + ", seed " + seed + ", " + config.tries() + " tries, profile "
                + config.profile().id());
        try {
            Provisioning provisioning = new Provisioning(contract, exchanger, redactor, judge, runId, config.hmacToken());
            String inbox = config.inboxIdentifier().orElseThrow();
            Subject subject = provisioning.subject(config, inbox);
            Optional<Subject> foreign = config.otherInboxIdentifier().map(provisioning::createContact);
            List<StoredCase> stored = FailingCases.read(config.reports(), config.baseUrl().get().toString(), operation.id(), progress);
            CasePlan plan = new CasePlan(operation, seed, config.tries(), subject, foreign, stored, stats);
            progress.stage("sending " + plan.size() + " cases to " + operation.id()
                    + (stored.isEmpty() ? "" : ", first the " + stored.size() + " that failed on the last run"));
            long done = 0;
            long answeredBefore = answered[0];
            for (Case c : plan) {
                judge.accept(exchanger.send(c, operation));
                progress.advanced(++done, plan.size(), tally.distinct().size());
            }
            if (answered[0] == answeredBefore) {
                inconclusive = Optional.of("the target answered none of the " + plan.size() + " requests");
            }
            checks.forEach(check -> check.conclude().forEach(tally::found));
            shrink(tally, checks, exchanger, operation);
        } catch (SetupFailure e) {
            inconclusive = Optional.of(e.getMessage());
        } catch (GenerationException e) {
            inconclusive = Optional.of("cannot generate request payloads: " + e.getMessage());
        }
        if (!stats.unknownKeywords().isEmpty()) {
            progress.stage("schema keywords generation does not support (ignored): " + String.join(", ", stats.unknownKeywords()));
        }
        Verdict verdict = inconclusive.isPresent() ? Verdict.INCONCLUSIVE
                : tally.distinct().isEmpty() ? Verdict.CONFORMANT : Verdict.NON_CONFORMANT;
        RunReport report = new RunReport(verdict, inconclusive, config.baseUrl().get().toString(), embedded,
                contract.path().toString(), contract.sha256(), seed, config.profile().id(), SuiteVersion.get(),
                started, Duration.between(started, Instant.now()).toMillis(), requests[0],
                tally.results(checks, operation.id()), String.join("\n", stats.summary()));
        return new Result(report, redactor, stats);
    }

    /** Shrinks the first payload-dependent finding of a few problems to the smallest case that still breaks the same check. */
    private void shrink(Tally tally, List<Check> checks, HttpExchanger exchanger, Operation operation) {
        Set<String> problems = new HashSet<>();
        List<Finding> worth = tally.distinct().stream()
                .filter(f -> f.exchange().kase().payload().isPresent())
                .filter(f -> f.exchange().kase().intent() == Intent.POSITIVE || f.exchange().kase().intent() == Intent.NEGATIVE)
                .filter(f -> checks.stream().anyMatch(c -> c.id().equals(f.checkId()) && c.payloadDependent()))
                // one per problem: many payloads showing the same fault shrink to the same case
                .filter(f -> problems.add(f.checkId() + '|' + f.pointer().orElse("")))
                .limit(MAX_SHRINKS).toList();
        if (worth.isEmpty()) {
            return;
        }
        progress.stage("shrinking " + worth.size() + " failing case" + (worth.size() == 1 ? "" : "s"));
        Shrinker shrinker = new Shrinker(SHRINK_TIME, SHRINK_TRIES);
        for (Finding f : worth) {
            Case original = f.exchange().kase();
            Exchange[] last = {null};
            Shrinker.Result result = shrinker.shrink(original.payload().get(), candidate -> {
                if (!keepsIntent(original, candidate, operation)) {
                    return false;
                }
                Exchange e = exchanger.send(original.withPayload(candidate), operation);
                Check fresh = Catalog.create().stream().filter(c -> c.id().equals(f.checkId())).findFirst().orElseThrow();
                boolean fails = fresh.appliesTo(e) && fresh.judge(e).stream().anyMatch(x -> sameProblem(x, f));
                if (fails) {
                    last[0] = e;
                }
                return fails;
            });
            if (last[0] != null && !result.smallest().equals(original.payload().get())) {
                Exchange smallest = last[0];
                tally.revise(f, old -> old.withShrunk(smallest));
            }
        }
    }

    /** The same rule broken the same way: same check, and the same place in the body when the finding names one. */
    private static boolean sameProblem(Finding candidate, Finding original) {
        return candidate.checkId().equals(original.checkId()) && candidate.pointer().equals(original.pointer());
    }

    /**
     * A shrunk positive case must stay schema-valid and a shrunk negative case must still break its rule at the same
     * place; otherwise the verdict on it would be about another case (a known false-positive trap in the field).
     */
    private static boolean keepsIntent(Case original, JsonNode candidate, Operation operation) {
        Optional<JsonSchema> schema = operation.requestSchema();
        if (schema.isEmpty()) {
            return true;
        }
        List<JsonSchema.Violation> violations = schema.get().validate(candidate);
        if (original.intent() == Intent.POSITIVE) {
            return violations.isEmpty();
        }
        return original.brokenRule().map(rule -> violations.stream().anyMatch(v ->
                rule.pointer().map(p -> p.equals(v.pointer())).orElse(true)
                        && rule.keyword().map(k -> k.equals(v.keyword())).orElse(true))).orElse(!violations.isEmpty());
    }
}
