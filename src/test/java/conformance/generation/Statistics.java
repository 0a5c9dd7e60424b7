package conformance.generation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the generator produced during one run: JSON types per schema position, size buckets, edge cases and the
 * negative rules used. Attached to the report; the coverage self-test asserts on it.
 */
public final class Statistics {
    private final Map<String, Long> counts = new TreeMap<>();
    private final Set<String> unknownKeywords = new TreeSet<>();

    public synchronized void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    public void type(String position, String type) {
        count("type " + (position.isEmpty() ? "/" : position) + " " + type);
    }

    public void edge(String name) {
        count("edge " + name);
    }

    public void size(String position, String kind, int size) {
        String bucket = size == 0 ? "0" : size == 1 ? "1" : size <= 5 ? "2-5" : size <= 20 ? "6-20" : ">20";
        count("size " + (position.isEmpty() ? "/" : position) + " " + kind + " " + bucket);
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

    public synchronized Set<String> unknownKeywords() {
        return Set.copyOf(unknownKeywords);
    }

    public synchronized long get(String what) {
        return counts.getOrDefault(what, 0L);
    }

    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) -> out.append(String.format("%8d  %s%n", v, k)));
        if (!unknownKeywords.isEmpty()) {
            out.append("unsupported schema keywords (ignored by generation): ").append(unknownKeywords).append('\n');
        }
        return out.toString();
    }
}
