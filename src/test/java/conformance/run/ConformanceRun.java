package conformance.run;

import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.config.TrustStore;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.exchange.Redactor;
import conformance.generation.CasePlan;
import conformance.generation.GenerationException;
import conformance.generation.Statistics;
import conformance.generation.StoredCase;
import conformance.generation.Subject;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.verdict.CheckResult;
import conformance.verdict.Coverage;
import conformance.verdict.Decision;
import conformance.verdict.OperationCoverage;
import conformance.verdict.Replay;
import conformance.verdict.RunReport;
import conformance.verdict.Tally;
import conformance.verdict.Waiver;
import conformance.verdict.Waivers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of the suite, DESIGN §3 from end to end: contract, target, provisioning, cases, exchanges, checks,
 * shrinking, verdict. Bad configuration or an unusable document throws before any request; anything the target
 * does ends in the report.
 */
public final class ConformanceRun {
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

    /** The result and what the reporters need beside it; {@code targetKey}: where its failing cases are stored. */
    public record Result(RunReport report, Redactor redactor, Statistics statistics, String targetKey) {
    }

    public Result execute() {
        Contract contract = new ContractLoader().load(config.spec());
        Operation operation = contract.operation(Contract.CREATE_CONVERSATION);
        contract.operation(Contract.CREATE_CONTACT);
        Waivers waivers = config.waivers().map(path -> Waivers.load(path, Catalog.ids(), contract.operations().keySet(),
                LocalDate.now(ZoneOffset.UTC))).orElse(Waivers.none());
        Replay replay = Replays.of(config, System.getenv(), Path.of(""));
        if (config.embedded()) {
            try (ReferenceTarget reference = ReferenceTarget.start(config.reference(), Variant.CONFORMING)) {
                List<Inbox> inboxes = reference.inboxes();
                progress.stage("no conformance.baseUrl given: testing the embedded reference target (" + config.reference().id()
                        + " dialect) at " + reference.baseUrl());
                RunConfig embedded = config.withBaseUrl(reference.baseUrl()).withIdentities(inboxes.get(0).identifier(),
                        Optional.of(inboxes.get(1).identifier()));
                return new ConformanceRun(embedded, progress, observer).against(contract, operation, waivers, true, replay);
            }
        }
        return against(contract, operation, waivers, false, replay);
    }

    private Result against(Contract contract, Operation operation, Waivers waivers, boolean embedded, Replay replay) {
        Instant started = Instant.now();
        long seed = config.seed().orElseGet(() -> new SecureRandom().nextLong());
        String runId = Long.toHexString(started.toEpochMilli()) + "-" + Long.toHexString(seed & 0xffff);
        Redactor redactor = new Redactor();
        config.hmacToken().ifPresent(t -> redactor.addSecret(t.value()));
        config.otherInboxHmacToken().ifPresent(t -> redactor.addSecret(t.value()));
        HttpExchanger exchanger = new HttpExchanger(config.baseUrl().orElseThrow(), config.timeout(),
                config.maxBodyBytes(), config.rateLimit(), config.trustStore().map(TrustStore::keyStore));
        List<Check> checks = Catalog.create(config.profile());
        Tally tally = new Tally();
        Coverage coverage = new Coverage();
        Statistics stats = new Statistics();
        Judging judging = new Judging(checks, tally, coverage, e -> observer.exchanged(e, redactor));
        int[] storedSent = {0};
        Function<Optional<String>, Result> result = reason -> {
            List<CheckResult> results = tally.results(checks, operation.id(), waivers);
            Optional<String> why = reason.or(() -> config.requireAllChecks() ? RunReport.notRunSummary(results)
                    .map(n -> Settings.property("requireAllChecks") + " asks for every check, and " + n) : Optional.empty());
            List<OperationCoverage> operations = coverage.entries(List.of(operation));
            Decision decision = Decision.of(why, results, operations);
            List<Waiver> used = RunReport.applied(results);
            List<Waiver> unused = waivers.all().stream().filter(w -> !used.contains(w)).toList();
            return new Result(new RunReport(decision.verdict(), decision.inconclusiveReason(), config.baseUrl().get().toString(),
                    embedded, contract.path().toString(), contract.sha256(), seed, config.profile().id(), SuiteVersion.get(),
                    started, Duration.between(started, Instant.now()).toMillis(), judging.requests(), results, operations, unused,
                    String.join("\n", stats.summary()), replay.sent(storedSent[0])), redactor, stats,
                    FailingCases.targetKey(config, embedded));
        };
        long[] sent = {0, 0};
        // what a reader finds if the run never finishes (killed, timed out): never a pass, every finding so far
        Supplier<Result> soFar = () -> result.apply(Optional.of("the run did not finish: it "
                + "stopped " + (sent[1] == 0 ? "while setting up" : "after " + sent[0] + " of " + sent[1] + " cases")
                + "; the findings made until then are listed"));
        Optional<String> inconclusive = Optional.empty();
        progress.stage("target " + config.baseUrl().get() + ", seed " + seed + ", " + config.tries() + " tries, profile "
                + config.profile().id() + (config.workers() > 1 ? ", " + config.workers() + " workers" : "")
                + "; what it creates is marked " + Provisioning.MARK + runId);
        observer.progressed(0, soFar);
        try (exchanger) {
            Provisioning provisioning = new Provisioning(contract, exchanger, redactor, judging::take, runId);
            String inbox = config.inboxIdentifier().orElseThrow();
            Subject subject = provisioning.subject(config, inbox);
            Optional<Subject> foreign = config.otherInboxIdentifier()
                    .map(other -> provisioning.createContact(other, config.otherInboxHmacToken(), "otherInboxHmacToken"));
            // storedCases=false: a pure seed replay, the same requests whatever earlier runs stored
            List<StoredCase> stored = config.storedCases() ? FailingCases.read(config.reports(),
                    FailingCases.targetKey(config, embedded), operation.id(), progress) : List.of();
            storedSent[0] = stored.size();
            CasePlan plan = new CasePlan(operation, seed, config.tries(), subject, foreign, stored, stats);
            sent[1] = plan.size();
            progress.stage("sending " + plan.size() + " cases to " + operation.id()
                    + (stored.isEmpty() ? "" : ", first the " + stored.size() + " that failed on the last run"));
            long answeredBefore = judging.answered();
            int unansweredInARow = 0;
            try (Dispatch dispatch = new Dispatch(plan, operation, exchanger, config.workers())) {
                for (Delivery delivery : dispatch) {
                    long before = judging.answered();
                    judging.take(delivery);
                    progress.advanced(++sent[0], plan.size(), tally::distinct);
                    observer.progressed(tally.distinct().size(), soFar);
                    unansweredInARow = judging.answered() > before ? 0 : unansweredInARow + 1;
                    if (unansweredInARow == GIVE_UP_AFTER && sent[0] < plan.size()) {
                        inconclusive = Optional.of("the target answered none of " + GIVE_UP_AFTER + " requests in a row; "
                                + "the run stopped after " + sent[0] + " of " + plan.size() + " cases");
                        break;
                    }
                }
            }
            if (judging.answered() == answeredBefore && inconclusive.isEmpty()) {
                inconclusive = Optional.of("the target answered none of the " + plan.size() + " requests");
            }
            checks.forEach(check -> check.conclude().forEach(tally::concluded));
            new Shrinking(exchanger, operation, config.profile(), progress).shrink(tally, checks);
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
}
