package conformance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Per-response validation cost, measured by JMH ({@link ResponseValidation}) in a JVM of its own, with short
 * warm-up and measurement so that it ends within a minute. Prints µs per operation with JMH's error bound and the
 * spread of its iterations (JMH's own log comes first); asserts nothing about time.
 */
class ValidationBenchmark {
    private static final int BENCHMARKS = 3;

    @Test
    void validatingOneConversationBody() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ResponseValidation.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertEquals(BENCHMARKS, results.size(), "every benchmark ran; JMH's output above says why one did not");
        Table table = new Table("per-response cost, public_conversation 200 body of " + ResponseValidation.CONVERSATION.length()
                + " characters (3 messages, 3 attachments, senders, contact); JMH, 1 fork, 3 × 1 s warm-up, 5 × 1 s measured",
                "benchmark", "µs/op", "± (99.9%)", "iterations min–max");
        results.stream().sorted(Comparator.comparing(r -> r.getParams().getBenchmark())).forEach(r -> {
            Statistics s = r.getPrimaryResult().getStatistics();
            table.row(r.getParams().getBenchmark().replaceFirst(".*\\.", ""), String.format("%.1f", s.getMean()),
                    String.format("%.1f", r.getPrimaryResult().getScoreError()), String.format("%.1f–%.1f", s.getMin(), s.getMax()));
        });
        table.print(System.out);
    }
}
