package conformance.run;

import conformance.contract.Operation;
import conformance.exchange.HttpExchanger;
import conformance.sequence.Sequence;
import conformance.sequence.SequenceSender;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends the sequences of a run after its cases, on the judging thread, one step after the other through the run's
 * exchanger (so the rate limit holds), every step judged by every check before the next is made. Only sequences
 * whose every operation is selected are sent.
 */
final class Sequencing {
    private final HttpExchanger exchanger;
    private final Judging judging;
    private final Progress progress;

    Sequencing(HttpExchanger exchanger, Judging judging, Progress progress) {
        this.exchanger = exchanger;
        this.judging = judging;
        this.progress = progress;
    }

    void send(List<Sequence> all, List<Operation> selected, SequenceSender sender) {
        Set<String> ids = selected.stream().map(Operation::id).collect(Collectors.toSet());
        List<Sequence> sequences = all.stream().filter(s -> ids.containsAll(s.operations())).toList();
        for (int i = 0; i < sequences.size(); i++) {
            Sequence s = sequences.get(i);
            progress.stage("sequence " + (i + 1) + "/" + sequences.size() + ": " + s.name());
            sender.send(i, s, exchanger::deliver, judging::take).ifPresent(why -> progress.stage("  it stopped early: " + why));
        }
    }
}
