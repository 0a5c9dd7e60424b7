package conformance.run;

import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.config.Gateway;
import conformance.config.Route;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.config.TrustStore;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.exchange.Redactor;
import conformance.extension.EmbeddedTarget;
import conformance.extension.Extension;
import conformance.extension.FixtureContext;
import conformance.fixtures.FixtureFailure;
import conformance.fixtures.Fixtures;
import conformance.generation.CasePlan;
import conformance.generation.GenerationException;
import conformance.generation.Statistics;
import conformance.generation.StoredCase;
import conformance.links.Links;
import conformance.sequence.Sequence;
import conformance.sequence.SequenceSender;
import conformance.sequence.StoredSequence;
import conformance.sequence.Sequences;
import conformance.verdict.CheckResult;
import conformance.verdict.Coverage;
import conformance.verdict.Decision;
import conformance.verdict.OperationCoverage;
import conformance.verdict.Replay;
import conformance.verdict.RunReport;
import conformance.verdict.Tally;
import conformance.verdict.Waited;
import conformance.verdict.Waiver;
import conformance.verdict.Waivers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One run of the suite, DESIGN §3 from end to end: contract, target, fixtures, cases for every selected operation,
 * exchanges, checks, shrinking, verdict. Bad configuration or an unusable document throws before any request;
 * anything the target does ends in the report.
 */
public final class ConformanceRun {
    private final RunConfig config;
    private final Extension extension;
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

        /** After {@link #exchanged}: what the checks made of the exchange. */
        default void judged(Exchange exchange, Judged judged, Redactor redactor) {
        }
    }

    /**
     * What the checks made of one exchange: whether they judged it at all (an honoured 429 is not), the ids of those
     * that applied, and what they found.
     */
    public record Judged(boolean counted, List<String> checks, List<Finding> findings) {
        static final Judged NOT_JUDGED = new Judged(false, List.of(), List.of());

        public Judged {
            checks = List.copyOf(checks);
            findings = List.copyOf(findings);
        }
    }

    public ConformanceRun(RunConfig config, Extension extension, Progress progress) {
        this(config, extension, progress, Observer.NONE);
    }

    public ConformanceRun(RunConfig config, Extension extension, Progress progress, Observer observer) {
        this.config = config;
        this.extension = extension;
        this.progress = progress;
        this.observer = observer;
    }

    /**
     * The result and what the reporters need beside it; {@code targetKey}: where its failing cases are stored;
     * {@code failingSequences}: the chain of each finding on a step of a sequence, by chain id, to store.
     */
    public record Result(RunReport report, Redactor redactor, Statistics statistics, String targetKey,
                         Map<String, StoredSequence> failingSequences) {
        public Result {
            failingSequences = Map.copyOf(failingSequences);
        }
    }

    public Result execute() {
        Contract contract = new ContractLoader().load(config.spec());
        // a link that names what the document lacks stops the run here, before any request, like a bad document
        Links links = Links.of(contract, extension.links().map(o -> o.within(contract.operations().keySet())));
        contract.operations().values().forEach(op -> config.target().gateway().headers().requireNoneDeclared(op.id(),
                op.parameters(Parameter.Location.HEADER).stream().map(Parameter::name).toList()));
        List<Operation> selected = config.selection().resolveOperations(contract.operations().values().stream()
                .collect(Collectors.toMap(Operation::id, Operation::tags, (a, b) -> a, LinkedHashMap::new)))
                .stream().map(contract::operation).toList();
        List<String> checkIds = config.selection().resolveChecks(Catalog.ids(extension.checks(config.generation().profile())));
        Waivers waivers = config.waivers().map(path -> Waivers.load(path, new Waivers.Known(
                Catalog.ids(extension.checks(config.generation().profile())), contract.operations().keySet(), extension.caseKindIds()),
                LocalDate.now(ZoneOffset.UTC))).orElse(Waivers.none());
        Replay replay = Replays.of(config, extension.reproduction(config.embedded()), System.getenv(), Path.of(""));
        if (config.embedded()) {
            try (EmbeddedTarget embedded = extension.startEmbedded()) {
                progress.stage("no conformance.baseUrl given: testing the " + embedded.name() + " at " + embedded.baseUrl());
                return new ConformanceRun(config.withBaseUrl(embedded.baseUrl()), embedded.extension(), progress, observer)
                        .against(contract, links, selected, checkIds, waivers, Optional.of(embedded), replay);
            }
        }
        return against(contract, links, selected, checkIds, waivers, Optional.empty(), replay);
    }

    private Result against(Contract contract, Links links, List<Operation> requested, List<String> checkIds, Waivers waivers,
                           Optional<EmbeddedTarget> embedded, Replay replay) {
        String targetKey = FailingCases.targetKey(config.target().baseUrl().orElseThrow(), embedded.map(EmbeddedTarget::variant));
        // a replay sends one stored chain alone, and judges the operations it calls
        Optional<StoredSequence> replaying = config.sequencing().replay().map(id -> FailingSequences.replayed(id,
                config.outputs().reports(), targetKey, contract, links, progress));
        List<Operation> selected = replaying.map(r -> contract.operations().values().stream()
                .filter(op -> r.sequence().operations().contains(op.id())).toList()).orElse(requested);
        Instant started = Instant.now();
        long seed = config.generation().seed().orElseGet(() -> new SecureRandom().nextLong());
        String runId = Long.toHexString(started.toEpochMilli()) + "-" + Long.toHexString(seed & 0xffff);
        Redactor redactor = new Redactor();
        extension.secrets().forEach(redactor::addSecret);
        Gateway gateway = config.target().gateway();
        gateway.secrets().forEach(redactor::addSecret);
        gateway.headers().all().forEach(h -> redactor.addSecretHeader(h.name()));
        HttpExchanger exchanger = new HttpExchanger(config.target().baseUrl().orElseThrow(), config.target().timeout(),
                config.target().maxBodyBytes(), config.target().rateLimit(), config.target().trustStore().map(TrustStore::keyStore),
                gateway);
        Supplier<List<Check>> catalog = () -> Catalog.create(config.generation().profile(), extension.checks(config.generation().profile()),
                        extension.fieldPairs())
                .stream().filter(c -> checkIds.contains(c.id())).toList();
        List<Check> checks = catalog.get();
        Tally tally = new Tally();
        Coverage coverage = new Coverage();
        Statistics stats = new Statistics();
        Judging judging = new Judging(checks, tally, coverage, e -> observer.exchanged(e, redactor),
                (e, judged) -> observer.judged(e, judged, redactor));
        int[] storedSent = {0};
        AtomicReference<Optional<Waited>> waited = new AtomicReference<>(Optional.empty());
        Map<String, StoredSequence> failingSequences = new LinkedHashMap<>();
        Function<Optional<String>, Result> result = reason -> {
            List<CheckResult> results = tally.results(checks, selected, waivers);
            Optional<String> why = reason.or(() -> config.outputs().requireAllChecks() ? RunReport.notRunSummary(results)
                    .map(n -> Settings.property("requireAllChecks") + " asks for every check, and " + n) : Optional.empty());
            List<OperationCoverage> operations = coverage.entries(selected);
            Decision decision = Decision.of(why, results, operations);
            List<Waiver> used = RunReport.applied(results);
            List<Waiver> unused = waivers.all().stream().filter(w -> !used.contains(w)).toList();
            return new Result(new RunReport(decision.verdict(), decision.inconclusiveReason(), config.target().baseUrl().get().toString(),
                    embedded.isPresent(), contract.path().toString(), contract.sha256(), seed, config.generation().profile().id(),
                    SuiteVersion.get(), started, Duration.between(started, Instant.now()).toMillis(), judging.requests(),
                    results, operations, unused, String.join("\n", stats.summary()), replay.sent(storedSent[0]), waited.get()), redactor, stats,
                    targetKey, failingSequences);
        };
        Sending sending = new Sending(exchanger, judging, tally, progress, config.target().workers());
        // what a reader finds if the run never finishes (killed, timed out): never a pass, every finding so far
        Supplier<Result> soFar = () -> result.apply(Optional.of("the run did not finish: it stopped "
                + sending.where() + "; the findings made until then are listed"));
        sending.onCase(() -> observer.progressed(tally.distinctCount(), soFar));
        Optional<String> inconclusive = Optional.empty();
        progress.stage("target " + config.target().baseUrl().get() + ", seed " + seed + ", " + config.generation().tries() + " tries per operation, "
                + "profile " + config.generation().profile().id() + (config.target().workers() > 1 ? ", " + config.target().workers() + " workers" : "")
                + (gateway.route().equals(Route.DIRECT) ? "" : ", proxy " + gateway.route().shown())
                + "; what it creates is marked " + extension.marking(runId));
        progress.stage(links.summary());
        observer.progressed(0, soFar);
        if (!config.target().waitFor().isZero()) {
            waited.set(Optional.of(TargetWait.await(exchanger, config.target().waitFor(), progress)));
            Optional<String> down = waited.get().flatMap(Waited::notUp);
            if (down.isPresent()) {
                exchanger.close();
                return result.apply(down);
            }
        }
        try (exchanger) {
            Fixtures fixtures = extension.fixtures(new FixtureContext(contract,
                    (op, c) -> judging.take(exchanger.deliver(c, op)).last(), redactor, runId, seed));
            progress.stage("creating what the cases of " + selected.size() + " operation" + (selected.size() == 1 ? "" : "s")
                    + " need first");
            for (Operation op : selected) {
                fixtures.prepare(op, CasePlan.generated(op, config.generation().tries()));
            }
            List<CasePlan> plans = new ArrayList<>();
            for (Operation op : replaying.isPresent() ? List.<Operation>of() : selected) {
                // storedCases=false: a pure seed replay, the same requests whatever earlier runs stored
                List<StoredCase> stored = config.generation().storedCases()
                        ? FailingCases.read(config.outputs().reports(), targetKey, op.id(), progress) : List.of();
                storedSent[0] += stored.size();
                plans.add(new CasePlan(op, seed, config.generation().tries(), fixtures, fixtures.scenarios(op), stored, stats));
            }
            inconclusive = replaying.isPresent() ? Optional.empty() : sending.send(plans);
            SequenceSender sender = new SequenceSender(contract, fixtures, seed, stats);
            replaying.ifPresent(r -> progress.stage("replaying stored sequence " + r.id() + " alone (" + r.check() + " failed on "
                    + r.operation() + ")"));
            List<Sequence> sequences = replaying.map(r -> List.of(r.sequence())).orElseGet(() -> sequences(contract, links, seed, targetKey));
            if (inconclusive.isEmpty()) {
                new Sequencing(exchanger, judging, progress, config.target().workers()).send(sequences, selected, sender);
            }
            checks.forEach(check -> check.conclude().forEach(tally::concluded));
            new Shrinking(exchanger, catalog, progress).shrink(tally, checks);
            failingSequences.putAll(new SequenceShrinking(exchanger::deliver, catalog, contract, sender, progress, Shrinking.SEQUENCE_SHRINK_TIME,
                    Shrinking.SHRINK_TRIES).shrink(tally, sequences));
        } catch (FixtureFailure e) {
            inconclusive = Optional.of(e.getMessage());
        } catch (GenerationException e) {
            inconclusive = Optional.of("cannot generate request payloads: " + e.getMessage());
        }
        if (!stats.unknownKeywords().isEmpty()) {
            progress.stage("schema keywords generation does not support (ignored): " + String.join(", ", stats.unknownKeywords()));
        }
        if (!stats.notCovered().isEmpty()) {
            progress.stage("not covered, the generator cannot satisfy them: " + String.join("; ", stats.notCovered()));
        }
        return result.apply(inconclusive);
    }

    /** The run's sequences: those stored for the target first (unless storedCases=false), then the named ones and the walks. */
    private List<Sequence> sequences(Contract contract, Links links, long seed, String targetKey) {
        List<Sequence> out = new ArrayList<>();
        if (config.generation().storedCases()) {
            List<StoredSequence> stored = FailingSequences.read(config.outputs().reports(), targetKey, contract, links, progress);
            if (!stored.isEmpty()) {
                progress.stage("sending " + stored.size() + " stored failing sequence(s) first: "
                        + stored.stream().map(StoredSequence::id).collect(Collectors.joining(", ")));
            }
            stored.forEach(s -> out.add(s.sequence()));
        }
        out.addAll(Sequences.of(contract, links, seed, config.sequencing().walks(), config.sequencing().maxLength()));
        return out;
    }
}
