package conformance.run;

import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.HttpExchanger;
import conformance.generation.CasePlan;
import conformance.sequence.Sequence;
import conformance.sequence.SequenceSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends the sequences of a run after its cases, up to {@code workers} sequences at once, each one's steps in order on
 * one worker (a step takes its values from the answers before it), through the run's one rate limit; what the steps
 * draw from the seed (bodies, generated parameters) is made ahead, on the makers, as the cases are. The judging
 * thread takes the sequences in their order and judges every step in order, so that findings, tallies and what the
 * checks remember across a run do not depend on the number of workers. Nothing a worker sends next waits on judging:
 * a step is made from the earlier answers alone. Only sequences whose every operation is selected are sent.
 */
final class Sequencing {
    private final HttpExchanger exchanger;
    private final Judging judging;
    private final Progress progress;
    private final int workers;

    Sequencing(HttpExchanger exchanger, Judging judging, Progress progress, int workers) {
        this.exchanger = exchanger;
        this.judging = judging;
        this.progress = progress;
        this.workers = workers;
    }

    void send(List<Sequence> all, List<Operation> selected, SequenceSender sender) {
        Set<String> ids = selected.stream().map(Operation::id).collect(Collectors.toSet());
        List<Sequence> sequences = all.stream().filter(s -> ids.containsAll(s.operations())).toList();
        try (Dispatch dispatch = new Dispatch(exchanger, workers)) {
            for (Sent sent : dispatch.madeAhead(sequences.size(), i -> new DrawnSequence((int) i, sender.draw((int) i, sequences.get((int) i))),
                    (drawn, mine) -> Sent.by(sender, drawn, sequences.get(drawn.number()), mine))) {
                progress.stage("sequence " + (sent.number() + 1) + "/" + sequences.size() + ": " + sequences.get(sent.number()).name());
                sent.deliveries().forEach(judging::take);
                sent.stopped().ifPresent(why -> progress.stage("  it stopped early: " + why));
            }
        }
    }

    /** What the steps of sequence {@code number} draw from the seed, made before a worker takes it. */
    private record DrawnSequence(int number, List<CasePlan.Drawn> steps) {
    }

    /** One sequence as its worker sent it: each step's delivery in order, and why it stopped before its last step. */
    private record Sent(int number, List<Delivery> deliveries, Optional<String> stopped) {
        static Sent by(SequenceSender sender, DrawnSequence drawn, Sequence sequence, HttpExchanger exchanger) {
            List<Delivery> deliveries = new ArrayList<>();
            Optional<String> stopped = sender.send(drawn.number(), sequence, drawn.steps(), exchanger::deliver, deliveries::add);
            return new Sent(drawn.number(), deliveries, stopped);
        }
    }
}
