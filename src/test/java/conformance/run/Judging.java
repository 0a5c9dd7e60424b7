package conformance.run;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.verdict.Coverage;
import conformance.verdict.Tally;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts every exchange before the checks that concern it and tallies what they find, and what each operation got
 * ({@link Coverage}). Every attempt is recorded; only
 * the attempts a delivery counts are judged (an honoured 429 was not the target's answer to the case).
 */
final class Judging {
    /** What a finding keeps of its response body: more than any report shows (Allure attaches 64 KiB at most). */
    static final int KEPT_BODY_BYTES = 64 * 1024;

    private final List<Check> checks;
    private final Tally tally;
    private final Coverage coverage;
    private final Consumer<Exchange> recorder;
    private long requests;
    private long answered;

    Judging(List<Check> checks, Tally tally, Coverage coverage, Consumer<Exchange> recorder) {
        this.checks = checks;
        this.tally = tally;
        this.coverage = coverage;
        this.recorder = recorder;
    }

    /** Records and judges the delivery, and hands it back. */
    Delivery take(Delivery d) {
        d.attempts().forEach(e -> {
            record(e);
            if (d.counts(e)) {
                judge(e);
            }
        });
        return d;
    }

    private void record(Exchange e) {
        recorder.accept(e);
        requests++;
    }

    private void judge(Exchange e) {
        if (e.answered()) {
            answered++;
        }
        coverage.judged(e);
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
    }

    long requests() {
        return requests;
    }

    /** Judged exchanges that got an answer. */
    long answered() {
        return answered;
    }
}
