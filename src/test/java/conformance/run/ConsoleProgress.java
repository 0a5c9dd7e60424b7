package conformance.run;

import conformance.checks.Finding;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Progress on the console: {@code [conformance] 1200/12000 cases (10%), about 1m 30s left · 2 findings so far:
 * transport 1, response_schema_conformance 1}. Lines are throttled so a 10,000-case run stays readable in a CI log.
 */
final class ConsoleProgress implements Progress {
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private long started = -1;
    private long lastPrint;

    ConsoleProgress(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.clock = nanoClock;
    }

    @Override
    public void stage(String what) {
        out.println("[conformance] " + what);
    }

    @Override
    public void advanced(long done, long total, Supplier<List<Finding>> findings) {
        long now = clock.getAsLong();
        if (started < 0) {
            started = now;
            lastPrint = now;
        }
        if (done < total && now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        StringBuilder line = new StringBuilder("[conformance] ").append(done).append('/').append(total)
                .append(" cases (").append(total == 0 ? 100 : done * 100 / total).append("%)");
        if (done < total && done > 0) {
            long left = (now - started) / done * (total - done) / 1_000_000_000L;
            line.append(", about ").append(duration(left)).append(" left");
        }
        out.println(line.append(" · ").append(findingsSoFar(findings.get())));
    }

    private static String findingsSoFar(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no finding so far";
        }
        Map<String, Long> byCheck = findings.stream()
                .collect(Collectors.groupingBy(Finding::checkId, TreeMap::new, Collectors.counting()));
        return findings.size() + (findings.size() == 1 ? " finding" : " findings") + " so far: "
                + byCheck.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m " + seconds % 60 + "s";
    }
}
