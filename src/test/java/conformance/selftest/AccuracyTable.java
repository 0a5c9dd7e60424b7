package conformance.selftest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders {@code target/self-tests/accuracy.md}: what the verdict self-tests measured. It decides nothing: each row arrives
 * with its expectation and whether it was met; this only counts and lays them out.
 */
final class AccuracyTable {
    private AccuracyTable() {
    }

    /** One variant run once: what had to fail (nothing, for a conforming variant) and what did. */
    record Row(String variant, boolean faulty, String expected, String verdict, Collection<String> got,
               Optional<Targets.FirstSeen> firstSeen, boolean met) {
    }

    /** One generation-only fault run with many seeds at the default number of tries. */
    record Sweep(String variant, String check, int tries, int runs, List<Long> requestsUntilFound) {
        int found() {
            return requestsUntilFound.size();
        }
    }

    static void write(Path file, List<Row> rows, List<Sweep> sweeps, String setting) {
        MarkdownFile.write(file, render(rows, sweeps, setting));
    }

    static String render(List<Row> rows, List<Sweep> sweeps, String setting) {
        List<Row> faulty = rows.stream().filter(Row::faulty).toList();
        List<Row> conforming = rows.stream().filter(r -> !r.faulty()).toList();
        long detected = faulty.stream().filter(Row::met).count();
        long flagged = conforming.stream().filter(r -> !r.met()).count();
        StringBuilder md = new StringBuilder();
        md.append("# Accuracy of the verdict\n\n");
        md.append("Written by `VerdictSelfTest` (`mvn test`): the suite run against every variant of the reference target, ")
                .append(setting).append(".\n\n");
        md.append("- Faulty variants flagged `NON_CONFORMANT` with exactly the expected checks: **").append(detected).append('/')
                .append(faulty.size()).append(" (").append(percent(detected, faulty.size())).append(")**\n");
        md.append("- Conforming variants flagged: **").append(flagged).append('/').append(conforming.size()).append("**\n\n");
        md.append("## Faulty variants\n\n");
        md.append("| variant | expected | verdict | failed checks | requests until first detection | first seen on |\n");
        md.append("|---|---|---|---|---:|---|\n");
        for (Row r : faulty) {
            md.append("| ").append(mark(r)).append(r.variant()).append(" | `").append(r.expected()).append("` | ").append(r.verdict())
                    .append(" | ").append(codes(r.got())).append(" | ")
                    .append(r.firstSeen().map(f -> String.valueOf(f.request())).orElse("—")).append(" | ")
                    .append(r.firstSeen().map(Targets.FirstSeen::intent).orElse("—")).append(" |\n");
        }
        md.append("\n## Conforming variants\n\n| variant | expected | verdict | failed checks |\n|---|---|---|---|\n");
        for (Row r : conforming) {
            md.append("| ").append(mark(r)).append(r.variant()).append(" | ").append(r.expected()).append(" | ").append(r.verdict())
                    .append(" | ").append(r.got().isEmpty() ? "none" : codes(r.got())).append(" |\n");
        }
        md.append("\n## Requests until first detection, per check\n\n");
        md.append("| check | faulty variants | median | min | max |\n|---|---:|---:|---:|---:|\n");
        Map<String, List<Long>> byCheck = new TreeMap<>();
        faulty.forEach(r -> byCheck.computeIfAbsent(r.expected(), k -> new ArrayList<>())
                .add(r.firstSeen().map(Targets.FirstSeen::request).orElse(Long.MAX_VALUE)));
        byCheck.forEach((check, n) -> md.append("| `").append(check).append("` | ").append(n.size()).append(" | ")
                .append(number(median(n))).append(" | ").append(number(n.stream().min(Long::compare).orElseThrow()))
                .append(" | ").append(number(n.stream().max(Long::compare).orElseThrow())).append(" |\n"));
        if (!sweeps.isEmpty()) {
            md.append("\n## Faults only generated values show, over many seeds\n\n");
            md.append("| variant | expected | tries | found in | requests until first detection: median (min–max) |\n");
            md.append("|---|---|---:|---:|---|\n");
            for (Sweep s : sweeps) {
                md.append("| ").append(s.variant()).append(" | `").append(s.check()).append("` | ").append(s.tries()).append(" | ")
                        .append(s.found()).append('/').append(s.runs()).append(" | ")
                        .append(s.requestsUntilFound().isEmpty() ? "—" : number(median(s.requestsUntilFound())) + " ("
                                + s.requestsUntilFound().stream().min(Long::compare).orElseThrow() + "–"
                                + s.requestsUntilFound().stream().max(Long::compare).orElseThrow() + ")")
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String mark(Row r) {
        return r.met() ? "" : "**MISSED** ";
    }

    private static String codes(Collection<String> ids) {
        return ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String number(long n) {
        return n == Long.MAX_VALUE ? "never" : String.valueOf(n);
    }
}
