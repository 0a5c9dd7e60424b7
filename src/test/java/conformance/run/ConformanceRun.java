package conformance.run;

import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.config.RunConfig;
import conformance.config.TrustStore;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.exchange.Delivery;
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
import conformance.reference.Variant;
import conformance.shrink.Shrinker;
import conformance.verdict.CheckResult;
import conformance.verdict.RunReport;
import conformance.verdict.Tally;
import conformance.verdict.Waiver;
import conformance.verdict.Waivers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One run of the suite, DESIGN §3 from end to end: contract, target, provisioning, cases, exchanges, checks,
 * shrinking, verdict. Bad configuration or an unusable document throws before any request; anything the target
 * does ends in the report.
 */
public final class ConformanceRun {
    static final int MAX_SHRINKS = 5;
    static final Duration SHRINK_TIME = Duration.ofSeconds(5);
    static final int SHRINK_TRIES = 200;
    /** What a finding keeps of its response body: more than any report shows (Allure attaches 64 KiB at most). */
    static final int KEPT_BODY_BYTES = 64 * 1024;
    /** A target that answers none of this many requests in a row is down: the run stops instead of waiting out every case. */
    static final int GIVE_UP_AFTER = 10;

    private final RunConfig config;
    private final Progress progress;
    private final Observer observer;

    /** Sees every exchange as it happens, with the run's redactor (for logs that must not hold secrets). */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (exchange, redactor) -> { };

        void exchanged(Exchange exchange, Redactor redactor);

        /**
         * After each case: how many distinct findings so far, and the run as it would be reported if it ended now
         * (INCONCLUSIVE, with every finding so far), for reports that must survive a run that is killed.
         */
        default void progressed(long distinctFindings, Supplier<Result> soFar) {
        }
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
        Waivers waivers = config.waivers().map(path -> Waivers.load(path, Catalog.ids(), contract.operations().keySet(),
                LocalDate.now(ZoneOffset.UTC))).orElse(Waivers.none());
        if (config.embedded()) {
            try (ReferenceTarget reference = ReferenceTarget.start(config.reference(), Variant.CONFORMING)) {
                List<Inbox> inboxes = reference.inboxes();
                progress.stage("no conformance.baseUrl given: testing the embedded reference target (" + config.reference().id()
                        + " dialect) at " + reference.baseUrl());
                RunConfig embedded = config.withBaseUrl(reference.baseUrl()).withIdentities(inboxes.get(0).identifier(),
                        Optional.of(inboxes.get(1).identifier()), Optional.empty());
                return new ConformanceRun(embedded, progress, observer).against(contract, operation, waivers, true);
            }
        }
        return against(contract, operation, waivers, false);
    }

    private Result against(Contract contract, Operation operation, Waivers waivers, boolean embedded) {
        Instant started = Instant.now();
        long seed = config.seed().orElseGet(() -> new SecureRandom().nextLong());
        String runId = Long.toHexString(started.toEpochMilli()) + "-" + Long.toHexString(seed & 0xffff);
        Redactor redactor = new Redactor();
        config.hmacToken().ifPresent(t -> redactor.addSecret(t.value()));
        HttpExchanger exchanger = new HttpExchanger(config.baseUrl().orElseThrow(), config.timeout(),
                config.maxBodyBytes(), config.rateLimit(), config.trustStore().map(TrustStore::keyStore));
        List<Check> checks = Catalog.create(config.profile());
        Tally tally = new Tally();
        Statistics stats = new Statistics();
        long[] requests = {0};
        long[] answered = {0};
        Consumer<Exchange> record = e -> {
            observer.exchanged(e, redactor);
            requests[0]++;
        };
        Consumer<Exchange> judge = e -> {
            record.accept(e);
            if (e.answered()) {
                answered[0]++;
            }
            Exchange kept = null;
            for (Check check : checks) {
                if (check.appliesTo(e)) {
                    tally.judged(check, e.operation().id());
                    for (Finding f : check.judge(e)) {
                        kept = kept == null ? e.kept(KEPT_BODY_BYTES) : kept;
                        tally.found(f.about(kept));
                    }
                }
            }
        };
        Consumer<Delivery> take = d -> d.attempts().forEach(e -> (d.counts(e) ? judge : record).accept(e));
        Function<Optional<String>, Result> result = reason -> {
            List<CheckResult> results = tally.results(checks, operation.id(), waivers);
            List<Waiver> used = results.stream().flatMap(c -> c.findings().stream()).flatMap(g -> g.waiver().stream()).toList();
            List<Waiver> unused = waivers.all().stream().filter(w -> !used.contains(w)).toList();
            return new Result(new RunReport(RunReport.decide(reason, results), reason, config.baseUrl().get().toString(),
                    embedded, contract.path().toString(), contract.sha256(), seed, config.profile().id(), SuiteVersion.get(),
                    started, Duration.between(started, Instant.now()).toMillis(), requests[0], results, unused,
                    String.join("\n", stats.summary())), redactor, stats);
        };
        long[] sent = {0, 0};
        // what a reader finds if the run never finishes (killed, timed out): never a pass, every finding so far
        Supplier<Result> soFar = () -> result.apply(Optional.of("the run did not finish: it "
                + "stopped " + (sent[1] == 0 ? "while setting up" : "after " + sent[0] + " of " + sent[1] + " cases")
                + "; the findings made until then are listed"));
        Optional<String> inconclusive = Optional.empty();
        progress.stage("target " + config.baseUrl().get() + ", seed " + seed + ", " + config.tries() + " tries, profile "
                + config.profile().id() + (config.workers() > 1 ? ", " + config.workers() + " workers" : ""));
        observer.progressed(0, soFar);
        try {
            Provisioning provisioning = new Provisioning(contract, exchanger, redactor, take, runId, config.hmacToken());
            String inbox = config.inboxIdentifier().orElseThrow();
            Subject subject = provisioning.subject(config, inbox);
            Optional<Subject> foreign = config.otherInboxIdentifier().map(provisioning::createContact);
            List<StoredCase> stored = FailingCases.read(config.reports(), config.baseUrl().get().toString(), operation.id(), progress);
            CasePlan plan = new CasePlan(operation, seed, config.tries(), subject, foreign, stored, stats);
            sent[1] = plan.size();
            progress.stage("sending " + plan.size() + " cases to " + operation.id()
                    + (stored.isEmpty() ? "" : ", first the " + stored.size() + " that failed on the last run"));
            long answeredBefore = answered[0];
            int unansweredInARow = 0;
            try (Dispatch dispatch = new Dispatch(plan, operation, exchanger, config.workers())) {
                for (Delivery delivery : dispatch) {
                    long before = answered[0];
                    take.accept(delivery);
                    progress.advanced(++sent[0], plan.size(), tally::distinct);
                    observer.progressed(tally.distinct().size(), soFar);
                    unansweredInARow = answered[0] > before ? 0 : unansweredInARow + 1;
                    if (unansweredInARow == GIVE_UP_AFTER && sent[0] < plan.size()) {
                        inconclusive = Optional.of("the target answered none of " + GIVE_UP_AFTER + " requests in a row; "
                                + "the run stopped after " + sent[0] + " of " + plan.size() + " cases");
                        break;
                    }
                }
            }
            if (answered[0] == answeredBefore && inconclusive.isEmpty()) {
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
        return result.apply(inconclusive);
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
            progress.stage("shrinking a case of " + f.checkId());
            Case original = f.exchange().kase();
            Exchange[] last = {null};
            Shrinker.Result result = shrinker.shrink(original.payload().get(), candidate -> {
                if (!keepsIntent(original, candidate, operation)) {
                    return false;
                }
                Exchange e = exchanger.deliver(original.withPayload(candidate), operation).last();
                Check fresh = Catalog.create(config.profile()).stream().filter(c -> c.id().equals(f.checkId())).findFirst().orElseThrow();
                boolean fails = fresh.appliesTo(e) && fresh.judge(e).stream().anyMatch(x -> sameProblem(x, f));
                if (fails) {
                    last[0] = e;
                }
                return fails;
            });
            if (last[0] != null && !result.smallest().equals(original.payload().get())) {
                Exchange smallest = last[0];
                tally.revise(f, old -> old.withShrunk(smallest.kept(KEPT_BODY_BYTES)));
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
