package conformance.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the generator produced during one run: JSON types per schema position, size buckets, edge cases and the
 * negative rules used. Attached to the report in full, summarised in the certificate; the coverage self-test
 * asserts on it.
 */
public final class Statistics {
    /** Positions this many levels below the body or fewer, at most one of them free-form, are named in the summary. */
    private static final int SUMMARY_DEPTH = 2;

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Map<String, Long>> types = new TreeMap<>();
    private final Map<String, Map<String, Long>> sizes = new TreeMap<>();
    private final Set<String> unknownKeywords = new TreeSet<>();
    private final Set<String> notCovered = new TreeSet<>();

    public synchronized void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    public synchronized void type(String position, String type) {
        String at = position.isEmpty() ? "/" : position;
        count("type " + at + " " + type);
        types.computeIfAbsent(at, k -> new TreeMap<>()).merge(type, 1L, Long::sum);
    }

    public void edge(String name) {
        count("edge " + name);
    }

    public synchronized void size(String position, String kind, int size) {
        String at = (position.isEmpty() ? "/" : position) + " " + kind;
        String bucket = size == 0 ? "0" : size == 1 ? "1" : size <= 5 ? "2-5" : size <= 20 ? "6-20" : ">20";
        count("size " + at + " " + bucket);
        sizes.computeIfAbsent(at, k -> new TreeMap<>()).merge(bucket, 1L, Long::sum);
    }

    public void rule(String rule) {
        count("rule " + rule);
    }

    /** A schema keyword the generator does not understand: recorded once, reported with the run. */
    public synchronized boolean unknownKeyword(String keyword) {
        return unknownKeywords.add(keyword);
    }

    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** A part of a request schema the generator cannot satisfy and leaves out, so that the report says so. */
    public synchronized void notCovered(String what) {
        notCovered.add(what);
    }

    public synchronized Set<String> notCovered() {
        return Collections.unmodifiableSet(new TreeSet<>(notCovered));
    }

    /** In alphabetical order. */
    public synchronized Set<String> unknownKeywords() {
        return Collections.unmodifiableSet(new TreeSet<>(unknownKeywords));
    }

    public synchronized long get(String what) {
        return counts.getOrDefault(what, 0L);
    }

    /** The summary, then every count, one a line (the Allure attachment). */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        summary().forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        counts.forEach((k, v) -> out.append(String.format("%8d  %s%n", v, k)));
        return out.toString();
    }

    /** A few lines for people: cases, types and sizes near the top of the body, edge cases and rules. */
    public synchronized List<String> summary() {
        List<String> out = new ArrayList<>();
        long cases = sum("cases ");
        out.add("cases: " + (cases == 0 ? "none" : cases + " (" + breakdown("cases ") + ")"));
        types.forEach((at, byType) -> {
            if (shallow(at)) {
                out.add("types at " + at + ": " + join(byType));
            }
        });
        sizes.forEach((at, byBucket) -> {
            // string sizes are only counted for huge strings, an edge case listed with the others
            if (shallow(at.substring(0, at.lastIndexOf(' '))) && !at.endsWith(" string")) {
                out.add("sizes of " + at + ": " + join(byBucket));
            }
        });
        out.add("edge cases: " + distinct("edge ") + " kinds, " + sum("edge ") + " values");
        out.add("negative rules broken: " + distinct("rule ") + ", in " + sum("rule ") + " cases");
        out.add("not covered (the generator cannot satisfy them, so no case sends them): "
                + (notCovered.isEmpty() ? "none" : String.join("; ", notCovered)));
        out.add("unsupported schema keywords (generation ignores them): "
                + (unknownKeywords.isEmpty() ? "none" : String.join(", ", unknownKeywords)));
        return out;
    }

    private static boolean shallow(String position) {
        String[] steps = position.split("/", -1);
        long free = Arrays.stream(steps).filter(step -> step.equals("*") || step.equals("[]") || step.equals("…")).count();
        return steps.length - 1 <= SUMMARY_DEPTH && free <= 1;
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private long sum(String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    private long distinct(String prefix) {
        return counts.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    private String breakdown(String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
