package conformance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.reference.ReferenceTarget;
import conformance.report.ExchangeLog;
import conformance.selftest.Forked;
import conformance.selftest.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a run's time and memory grow with its cases: 1,000, 10,000 and 100,000 tries, each run in a JVM of its own
 * ({@link MeasuredLaunch}) with a fixed heap of {@link #HEAP}, against one reference target that runs here (so the
 * target's own memory is not counted). Time should grow linearly or better; the live heap should not grow with cases
 * (a run keeps findings and statistics, not cases). Asserts only that each run finished CONFORMANT.
 */
class ScalingBenchmark {
    private static final String HEAP = "-Xmx256m";
    /** The largest size takes minutes, so it runs once. */
    private static final List<Size> SIZES = List.of(new Size(1_000, 3), new Size(10_000, 2), new Size(100_000, 1));
    private static final long MIB = 1 << 20;
    private static final long TIMEOUT_SECONDS = 3600;

    private record Size(int tries, int runs) {
    }

    @TempDir
    Path folder;

    @Test
    void timeAndHeapAsCasesGrow() throws IOException {
        boolean workers = Workers.supported();
        Table table = new Table("time and heap by size, each run in its own JVM (" + HEAP + ", the live heap sampled after a "
                + "full GC every " + MeasuredLaunch.SAMPLE_EVERY.toSeconds() + " s), "
                + (workers ? "workers=2" : "one worker (no conformance.workers in this build)"),
                "tries", "requests", "runs", "wall s", "µs/request", "peak heap MiB", "live heap MiB first→last (max)",
                "exchange log MiB");
        try (ReferenceTarget target = ReferenceTarget.start()) {
            for (Size size : SIZES) {
                List<MeasuredLaunch.Figures> runs = new ArrayList<>();
                long logBytes = 0;
                for (int run = 1; run <= size.runs(); run++) {
                    Path reports = folder.resolve(size.tries() + "-" + run);
                    Map<String, String> settings = new HashMap<>(Targets.settingsFor(target));
                    settings.put("tries", String.valueOf(size.tries()));
                    settings.put("reports", reports.toString());
                    settings.put("quiet", "true");
                    if (workers) {
                        settings.put("workers", "2");
                    }
                    Forked forked = Forked.start(MeasuredLaunch.class, settings, folder.resolve("console-" + size.tries()
                            + "-" + run + ".txt"), HEAP);
                    assertEquals(0, forked.exitCode(TIMEOUT_SECONDS), forked.console());
                    MeasuredLaunch.Figures f = MeasuredLaunch.Figures.parse(forked.console());
                    assertEquals("CONFORMANT", f.verdict(), forked.console());
                    logBytes = Files.size(reports.resolve(ExchangeLog.FILE));
                    System.out.printf("[benchmark] %d tries, run %d: %s%n", size.tries(), run, f.line());
                    runs.add(f);
                }
                table.row(size.tries(), runs.get(0).requests(), runs.size(), spread(runs, f -> f.wallMs() / 1000.0, "%.1f"),
                        spread(runs, f -> 1000.0 * f.wallMs() / f.requests(), "%.0f"),
                        spread(runs, f -> f.peakHeapBytes() / (double) MIB, "%.0f"),
                        runs.stream().map(f -> String.format("%.0f→%.0f (%.0f)", f.firstLiveBytes() / (double) MIB,
                                f.lastLiveBytes() / (double) MIB, f.maxLiveBytes() / (double) MIB)).reduce((a, b) -> a + ", " + b)
                                .orElseThrow(),
                        String.format("%.0f", logBytes / (double) MIB));
            }
        }
        table.print(System.out);
    }

    private static String spread(List<MeasuredLaunch.Figures> runs, ToDoubleFunction<MeasuredLaunch.Figures> figure, String format) {
        Spread s = Spread.of(runs.stream().map(figure::applyAsDouble).toList());
        return runs.size() == 1 ? String.format(format, s.median()) : s.show(format);
    }
}
