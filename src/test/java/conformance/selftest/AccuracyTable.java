package conformance.selftest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders {@code target/self-tests/accuracy.md}: what the verdict self-tests measured. It decides nothing: each row arrives
 * with its expectation and whether it was met; this only counts and lays them out.
 */
final class AccuracyTable {
    private AccuracyTable() {
    }

    /**
     * One variant run once: the operation it breaks (or the operations it changes), what had to fail there (nothing,
     * for a conforming variant) and what did, there and on any operation no fault of its run breaks.
     */
    record Row(String variant, String operation, boolean faulty, String expected, String verdict, Collection<Targets.Failure> got,
               Optional<Targets.FirstSeen> firstSeen, boolean met) {
    }

    /** One generation-only fault run with many seeds at the default number of tries. */
    record Sweep(String variant, String operation, String check, int tries, int runs, List<Long> requestsUntilFound) {
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
        md.append("| variant | operation | expected | verdict | failed checks | requests until first detection | first seen on |\n");
        md.append("|---|---|---|---|---|---:|---|\n");
        for (Row r : faulty) {
            md.append("| ").append(mark(r)).append(r.variant()).append(" | ").append(r.operation()).append(" | `").append(r.expected())
                    .append("` | ").append(r.verdict()).append(" | ").append(codes(r.got(), r.operation())).append(" | ")
                    .append(r.firstSeen().map(f -> String.valueOf(f.request())).orElse("—")).append(" | ")
                    .append(r.firstSeen().map(Targets.FirstSeen::intent).orElse("—")).append(" |\n");
        }
        md.append("\n## Conforming variants\n\n| variant | operation | expected | verdict | failed checks |\n|---|---|---|---|---|\n");
        for (Row r : conforming) {
            md.append("| ").append(mark(r)).append(r.variant()).append(" | ").append(r.operation()).append(" | ").append(r.expected())
                    .append(" | ").append(r.verdict()).append(" | ").append(r.got().isEmpty() ? "none" : codes(r.got(), r.operation()))
                    .append(" |\n");
        }
        perOperation(md, faulty, conforming);
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
            md.append("| variant | operation | expected | tries | found in | requests until first detection: median (min–max) |\n");
            md.append("|---|---|---|---:|---:|---|\n");
            for (Sweep s : sweeps) {
                md.append("| ").append(s.variant()).append(" | ").append(s.operation()).append(" | `").append(s.check()).append("` | ")
                        .append(s.tries()).append(" | ")
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

    /** Per operation: its faulty variants, how many were flagged exactly, and the conforming variants flagged on it. */
    private static void perOperation(StringBuilder md, List<Row> faulty, List<Row> conforming) {
        md.append("\n## Per operation\n\n| operation | faulty variants | flagged with exactly their checks | checks proven "
                + "| conforming variants flagged on it |\n|---|---:|---:|---|---:|\n");
        Map<String, List<Row>> byOperation = new LinkedHashMap<>();
        faulty.forEach(r -> byOperation.computeIfAbsent(r.operation(), k -> new ArrayList<>()).add(r));
        byOperation.forEach((op, of) -> md.append("| ").append(op).append(" | ").append(of.size()).append(" | ")
                .append(of.stream().filter(Row::met).count()).append(" | ")
                .append(codes(of.stream().map(Row::expected).collect(Collectors.toCollection(TreeSet::new)).stream()
                        .map(check -> new Targets.Failure(check, op)).toList(), op)).append(" | ")
                .append(conforming.stream().filter(r -> r.got().stream().anyMatch(f -> f.operation().equals(op))).count())
                .append(" |\n"));
    }

    /** Check ids; those failing on an operation other than {@code own} name it. */
    private static String codes(Collection<Targets.Failure> failures, String own) {
        return failures.stream().map(f -> "`" + f.check() + "`" + (f.operation().equals(own) ? "" : " on " + f.operation()))
                .collect(Collectors.joining(", "));
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
