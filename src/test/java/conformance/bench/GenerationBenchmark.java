package conformance.bench;

import conformance.Launch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.Configuration;
import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.generation.CasePlan;
import conformance.generation.Intent;
import conformance.generation.Rng;
import conformance.generation.Statistics;
import conformance.fixtures.FixedValues;
import conformance.generation.ValueGenerator;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What generating and validating cases costs beside sending them: cases generated per second, and the share of a
 * run's wall time (against the embedded reference target) spent in generation, request-schema validation and the
 * checks' judging. A benchmark, not a test: it prints its numbers and asserts nothing about time. Run it with
 * {@code mvn test -Pbenchmark}; the project's test command leaves it out.
 */
class GenerationBenchmark {
    private static final long SEED = 20261128L;
    private static final int GENERATED = 5000;
    private static final int ROUNDS = 3;

    private final Operation operation = new ContractLoader().load(RunConfig.DEFAULT_SPEC).operation(Contract.CREATE_CONVERSATION);
    private final FixedValues fixtures = new FixedValues(Map.of());

    @Test
    void generationAndValidationCostLittleBesideSending() {
        double cold = seconds(() -> generatePlan(SEED, RunConfig.DEFAULT_TRIES));
        System.out.printf("[benchmark] the first plan in this JVM (%d tries, cold code): %.0f ms%n", RunConfig.DEFAULT_TRIES, cold * 1000);
        generatePlan(SEED, GENERATED);
        double perSecond = GENERATED / seconds(() -> generatePlan(SEED + 1, GENERATED));
        double[] split = generationAndValidation(GENERATED);
        System.out.printf("[benchmark] %.0f cases generated per second (each validated against the request schema)%n", perSecond);
        System.out.printf("[benchmark] per payload: %.1f µs generating, %.1f µs validating%n", split[0], split[1]);

        for (int round = 1; round <= ROUNDS; round++) {
            List<Exchange> exchanges = new ArrayList<>();
            Gaps gaps = new Gaps();
            ConformanceRun.Result run = Configuration.from(Settings.of(Map.of(
                    "tries", String.valueOf(RunConfig.DEFAULT_TRIES), "seed", String.valueOf(SEED))))
                    .run(Progress.SILENT, (e, redactor) -> {
                        gaps.seen(e);
                        exchanges.add(e);
                    }).execute();
            assertEquals(Verdict.CONFORMANT, run.report().verdict(), run.report().headline());
            double wall = run.report().durationMs() / 1000.0;
            double generation = seconds(() -> generatePlan(SEED, RunConfig.DEFAULT_TRIES));
            double judging = seconds(() -> judge(exchanges));
            System.out.printf("[benchmark] run %d: %d requests in %.0f ms; generation + request validation %.0f ms (%.1f%%), "
                            + "checks judging the responses %.0f ms (%.1f%%); together %.1f%% of the run%n",
                    round, run.report().requests(), wall * 1000, generation * 1000, 100 * generation / wall,
                    judging * 1000, 100 * judging / wall, 100 * (generation + judging) / wall);
            double between = gaps.total / 1e9;
            System.out.printf("[benchmark] run %d, measured inside the run (cold code included): between the answer to one "
                    + "case and sending the next (checks, generation, validation, bookkeeping) %.0f ms, %.1f%% of the run%n",
                    round, between * 1000, 100 * between / wall);
        }
    }

    /**
     * Time between exchanges of generated cases: from one exchange's end (when the observer hears of it, before the
     * checks judge it) to the next one's, less the next one's time on the wire.
     */
    private static final class Gaps {
        private long last;
        private long total;

        void seen(Exchange e) {
            long now = System.nanoTime();
            if (last != 0 && e.kase().intent() != Intent.FIXTURE) {
                total += now - last - e.elapsed().toNanos();
            }
            last = now;
        }
    }

    /** Every case of a plan, made as a run makes them (positive payloads are validated before use). */
    private void generatePlan(long seed, int tries) {
        CasePlan plan = new CasePlan(operation, seed, tries, fixtures, List.of(), List.of(), new Statistics());
        plan.forEach(c -> { });
    }

    /** Microseconds per payload spent in the generator and in networknt, measured apart. */
    private double[] generationAndValidation(int n) {
        JsonSchema schema = operation.requestSchema().orElseThrow();
        List<JsonNode> values = new ArrayList<>();
        double generating = seconds(() -> {
            for (int i = 0; i < n; i++) {
                values.add(new ValueGenerator(Rng.forCase(SEED, i), new Statistics()).generate(schema.node()));
            }
        });
        double validating = seconds(() -> values.forEach(schema::validate));
        return new double[] {generating * 1e6 / n, validating * 1e6 / n};
    }

    private static void judge(List<Exchange> exchanges) {
        List<Check> checks = Catalog.create(conformance.config.Profile.SPEC);
        for (Exchange e : exchanges) {
            for (Check check : checks) {
                if (check.appliesTo(e)) {
                    check.judge(e);
                }
            }
        }
        checks.forEach(Check::conclude);
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
