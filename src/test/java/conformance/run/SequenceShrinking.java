package conformance.run;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.generation.Case;
import conformance.sequence.Sequence;
import conformance.sequence.SequenceSender;
import conformance.sequence.Step;
import conformance.sequence.StepRequest;
import conformance.sequence.StoredSequence;
import conformance.sequence.StoredSequences;
import conformance.shrink.Shrinker;
import conformance.verdict.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * After the sequences: each distinct finding on a step of a sequence gets its chain recorded (the steps up to the
 * failing one, each with the request parts it sent), and the first few are shrunk. First steps are dropped (a step
 * goes with every later step that takes a value from it), then the bodies of the steps left are shrunk, keeping only
 * reductions after which the same check fails the same way on the last step (the same finding, whatever ids the new
 * resources got). Every attempt sends the whole reduced sequence again, so it owns fresh resources; all of a
 * finding's attempts share the tries of a case ({@link Shrinking#SHRINK_TRIES}) within {@link Shrinking#SEQUENCE_SHRINK_TIME}.
 */
final class SequenceShrinking {
    /** Sequence numbers of the attempts start here, past any run's own, so that what they create is unique in the run. */
    private static final int FIRST_ATTEMPT = 100_000;

    private final BiFunction<Case, Operation, Delivery> send;
    private final Supplier<List<Check>> catalog;
    private final Contract contract;
    private final SequenceSender sender;
    private final Progress progress;
    private final Duration time;
    private final int tries;
    private int attempts;

    SequenceShrinking(BiFunction<Case, Operation, Delivery> send, Supplier<List<Check>> catalog, Contract contract, SequenceSender sender,
                      Progress progress, Duration time, int tries) {
        this.send = send;
        this.catalog = catalog;
        this.contract = contract;
        this.sender = sender;
        this.progress = progress;
        this.time = time;
        this.tries = tries;
    }

    /**
     * Records the chain of every distinct finding on a step of {@code sent}, shrinks the first
     * {@link Shrinking#MAX_SHRINKS}, and revises those findings in {@code tally}; the recorded chains by chain id.
     */
    Map<String, StoredSequence> shrink(Tally tally, List<Sequence> sent) {
        Map<String, StoredSequence> out = new LinkedHashMap<>();
        int shrunk = 0;
        for (Finding f : tally.distinct()) {
            Optional<String> id = f.chainId();
            Optional<Sequence> of = id.filter(i -> !out.containsKey(i) && !tally.aboutTheRun(f))
                    .flatMap(i -> sent.stream().filter(s -> s.name().equals(f.exchange().chain().get().sequence())
                            && StoredSequences.sentAs(s, f.exchange())).findFirst());
            if (of.isEmpty()) {
                continue;
            }
            Sequence recorded = StoredSequences.recorded(of.get(), f.exchange(), contract);
            if (shrunk++ < Shrinking.MAX_SHRINKS) {
                progress.stage("shrinking the sequence of a finding of " + f.checkId() + " on " + f.operationId());
                Reduction r = new Reduction(f, recorded);
                r.run();
                recorded = r.current;
                Optional<Exchange> smaller = r.last.map(e -> e.kept(Judging.KEPT_BODY_BYTES));
                if (smaller.isPresent() || r.exhausted) {
                    tally.revise(f, old -> old.withShrunk(new Finding.Shrunk(smaller, r.used, !r.exhausted)));
                }
            }
            out.put(id.get(), new StoredSequence(id.get(), f.checkId(), f.operationId(), recorded));
        }
        return out;
    }

    /** The shrinking of one finding's chain, within its budget. */
    private final class Reduction {
        private final Finding finding;
        private final long deadline = System.nanoTime() + time.toNanos();
        private Sequence current;
        /** the failing step of the smallest sequence that failed the same way, when one did */
        private Optional<Exchange> last = Optional.empty();
        private int used;
        private boolean exhausted;

        Reduction(Finding finding, Sequence recorded) {
            this.finding = finding;
            this.current = recorded;
        }

        void run() {
            dropSteps();
            for (int i = 0; i < current.steps().size() && !exhausted; i++) {
                shrinkBody(i);
            }
        }

        /** Drops steps, each with those that take a value from it, while the failing step still fails the same way. */
        private void dropSteps() {
            boolean dropped = true;
            while (dropped) {
                dropped = false;
                int failing = current.steps().size() - 1;
                for (int k = failing - 1; k >= 0 && !dropped; k--) {
                    Set<Integer> gone = current.withDependents(k);
                    if (gone.contains(failing)) {
                        continue;
                    }
                    if (spent()) {
                        return;
                    }
                    used++;
                    dropped = keepIfFails(current.without(gone));
                }
            }
        }

        private void shrinkBody(int at) {
            Step step = current.steps().get(at);
            Optional<StepRequest> request = step.request().filter(r -> r.payload().isPresent());
            if (request.isEmpty() || spent()) {
                return;
            }
            Operation op = contract.operation(step.operation());
            long left = Math.max(0, deadline - System.nanoTime());
            Shrinker.Result result = new Shrinker(Duration.ofNanos(left), tries - used).shrink(request.get().payload().get(),
                    candidate -> schemaValid(op, candidate) && keepIfFails(current.with(at, step.sending(request.get().withPayload(candidate)))));
            used += result.tries();
            exhausted |= result.exhausted();
        }

        private boolean spent() {
            exhausted |= used >= tries || System.nanoTime() > deadline;
            return exhausted;
        }

        /** Sends {@code candidate} whole; when its last step fails the same way, it becomes the current sequence. */
        private boolean keepIfFails(Sequence candidate) {
            Check fresh = catalog.get().stream().filter(c -> c.id().equals(finding.checkId())).findFirst().orElseThrow();
            String sameWay = finding.sameWayWithOtherIds();
            List<Delivery> deliveries = new ArrayList<>();
            sender.send(FIRST_ATTEMPT + attempts++, candidate, send, deliveries::add);
            Optional<Exchange> failed = Optional.empty();
            for (Delivery d : deliveries) {
                for (Exchange e : d.attempts()) {
                    // a fresh check sees every step in order, as it did in the run, for what it remembers between them
                    boolean same = d.counts(e) && fresh.appliesTo(e) && fresh.judge(e).stream().anyMatch(x -> x.sameWayWithOtherIds().equals(sameWay));
                    failed = same && deliveries.size() == candidate.steps().size() && d == deliveries.get(deliveries.size() - 1)
                            ? Optional.of(e) : failed;
                }
            }
            if (failed.isPresent()) {
                current = candidate;
                last = failed;
            }
            return failed.isPresent();
        }
    }

    /** A shrunk body of a step stays valid: a sequence's steps send valid bodies, whatever they are judged on. */
    private static boolean schemaValid(Operation op, JsonNode candidate) {
        return op.requestSchema().map(s -> s.validate(candidate).isEmpty()).orElse(true);
    }
}
