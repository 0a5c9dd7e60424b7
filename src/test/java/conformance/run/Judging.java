package conformance.run;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.verdict.Coverage;
import conformance.verdict.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
    private final BiConsumer<Exchange, ConformanceRun.Judged> afterJudging;
    private long requests;
    private long answered;

    /** {@code afterJudging} sees every recorded exchange with what its checks made of it (none for an unjudged one). */
    Judging(List<Check> checks, Tally tally, Coverage coverage, Consumer<Exchange> recorder,
            BiConsumer<Exchange, ConformanceRun.Judged> afterJudging) {
        this.checks = checks;
        this.tally = tally;
        this.coverage = coverage;
        this.recorder = recorder;
        this.afterJudging = afterJudging;
    }

    /** Records and judges the delivery, and hands it back. */
    Delivery take(Delivery d) {
        d.attempts().forEach(e -> {
            record(e);
            afterJudging.accept(e, d.counts(e) ? judge(e) : ConformanceRun.Judged.NOT_JUDGED);
        });
        return d;
    }

    private void record(Exchange e) {
        recorder.accept(e);
        requests++;
    }

    private ConformanceRun.Judged judge(Exchange e) {
        if (e.answered()) {
            answered++;
        }
        coverage.judged(e);
        Exchange kept = null;
        List<String> applied = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (Check check : checks) {
            if (check.appliesTo(e)) {
                tally.judged(check, e.operation().id());
                applied.add(check.id());
                for (Finding f : check.judge(e)) {
                    kept = kept == null ? e.kept(KEPT_BODY_BYTES) : kept;
                    Finding lighter = f.about(kept);
                    tally.found(lighter);
                    found.add(lighter);
                }
            }
        }
        return new ConformanceRun.Judged(true, applied, found);
    }

    long requests() {
        return requests;
    }

    /** Judged exchanges that got an answer. */
    long answered() {
        return answered;
    }
}
