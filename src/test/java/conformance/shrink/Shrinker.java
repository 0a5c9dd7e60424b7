package conformance.shrink;

import conformance.generation.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reduces a failing JSON payload while it still fails: drop members and items (halves first), shorten strings (halves,
 * then ever smaller cuts from the end, then one character at a time) and member names, simplify numbers (zero, half,
 * then ever smaller steps toward zero), replace nested values by simpler ones. Greedy: take the first smaller candidate
 * that still fails and go on from it, stop when a whole pass finds none or the budget (time, tries) is spent.
 */
public final class Shrinker {
    private final Duration timeBudget;
    private final int triesBudget;

    public Shrinker(Duration timeBudget, int triesBudget) {
        this.timeBudget = timeBudget;
        this.triesBudget = triesBudget;
    }

    /** The outcome: the smallest payload found and how many candidates were tried. */
    public record Result(JsonNode smallest, int tries, boolean exhausted) {
    }

    /**
     * Candidates are made lazily (a large payload has thousands, each a copy of it) and, after a success, the next pass
     * starts where the last one succeeded: the kinds of reduction come in a fixed order, so the ones before it have
     * just failed and would most likely fail again, costing a request each.
     */
    public Result shrink(JsonNode failing, Predicate<JsonNode> stillFails) {
        long deadline = System.nanoTime() + timeBudget.toNanos();
        JsonNode current = failing;
        int tries = 0;
        int start = 0;
        boolean improved = true;
        while (improved) {
            improved = false;
            List<Supplier<JsonNode>> candidates = candidates(current);
            int n = candidates.size();
            start = Math.min(start, n);
            for (int k = 0; k < n; k++) {
                int at = (start + k) % n;
                JsonNode candidate = candidates.get(at).get();
                if (candidate.equals(current)) {
                    continue;
                }
                if (tries >= triesBudget || System.nanoTime() > deadline) {
                    return new Result(current, tries, true);
                }
                tries++;
                if (stillFails.test(candidate)) {
                    current = candidate;
                    start = at;
                    improved = true;
                    break;
                }
            }
        }
        return new Result(current, tries, false);
    }

    /** Smaller variants of {@code node}, the most aggressive first, each made only when asked for. */
    static List<Supplier<JsonNode>> candidates(JsonNode node) {
        List<Supplier<JsonNode>> out = new ArrayList<>();
        if (node.isObject()) {
            objectCandidates((ObjectNode) node, out);
        } else if (node.isArray()) {
            arrayCandidates((ArrayNode) node, out);
        } else if (node.isString()) {
            stringCandidates(node.asString()).forEach(s -> out.add(() -> Json.NODES.stringNode(s)));
        } else if (node.isIntegralNumber()) {
            long v = node.asLong();
            List<Long> smaller = new ArrayList<>(List.of(0L, v / 2));
            // ever smaller steps toward zero: a number that must stay over a limit gets near it in a few steps each
            for (long step = Math.abs(v / 4); step >= 1; step /= 2) {
                smaller.add(v - Long.signum(v) * step);
            }
            for (long c : smaller) {
                if (Math.abs(c) < Math.abs(v) || (c == 0 && v != 0)) {
                    out.add(() -> Json.NODES.numberNode(c));
                }
            }
        } else if (node.isNumber()) {
            double v = node.asDouble();
            out.add(() -> Json.NODES.numberNode(0));
            if (v != Math.rint(v) && !Double.isInfinite(v)) {
                out.add(() -> Json.NODES.numberNode((long) v));
            }
        } else if (node.isBoolean() && node.booleanValue()) {
            out.add(() -> Json.NODES.booleanNode(false));
        }
        return out;
    }

    private static void objectCandidates(ObjectNode node, List<Supplier<JsonNode>> out) {
        List<String> names = new ArrayList<>(node.propertyNames());
        int n = names.size();
        if (n > 1) {
            out.add(() -> without(node, names.subList(0, n / 2)));
            out.add(() -> without(node, names.subList(n / 2, n)));
        }
        for (String name : names) {
            out.add(() -> without(node, List.of(name)));
        }
        for (String name : names) {
            for (String shorter : stringCandidates(name)) {
                if (!node.has(shorter)) {
                    out.add(() -> renamed(node, name, shorter));
                }
            }
            for (Supplier<JsonNode> simpler : simpler(node.get(name))) {
                out.add(() -> {
                    ObjectNode copy = node.deepCopy();
                    copy.set(name, simpler.get());
                    return copy;
                });
            }
        }
    }

    private static void arrayCandidates(ArrayNode node, List<Supplier<JsonNode>> out) {
        int n = node.size();
        if (n > 1) {
            out.add(() -> slice(node, n / 2, n));
            out.add(() -> slice(node, 0, n / 2));
        }
        for (int i = 0; i < n; i++) {
            int drop = i;
            out.add(() -> {
                ArrayNode copy = node.deepCopy();
                copy.remove(drop);
                return copy;
            });
        }
        for (int i = 0; i < n; i++) {
            int at = i;
            for (Supplier<JsonNode> simpler : simpler(node.get(i))) {
                out.add(() -> {
                    ArrayNode copy = node.deepCopy();
                    copy.set(at, simpler.get());
                    return copy;
                });
            }
        }
    }

    /** Values to put in place of {@code value}: simpler types first, then its own smaller variants. */
    private static List<Supplier<JsonNode>> simpler(JsonNode value) {
        List<Supplier<JsonNode>> out = new ArrayList<>();
        if (value.isContainer()) {
            for (JsonNode child : value) {
                out.add(child::deepCopy);
            }
        }
        if (!value.isNumber() || value.asDouble() != 0) {
            out.add(() -> Json.NODES.numberNode(0));
        }
        out.addAll(candidates(value));
        return out;
    }

    /** Each distinct shorter string once: in a run of one repeated character, every one-character deletion is the same. */
    private static List<String> stringCandidates(String s) {
        Set<String> out = new LinkedHashSet<>();
        int length = s.codePointCount(0, s.length());
        if (length == 0) {
            return List.of();
        }
        out.add("");
        if (length > 2) {
            out.add(s.substring(0, s.offsetByCodePoints(0, length / 2)));
            out.add(s.substring(s.offsetByCodePoints(0, length / 2)));
        }
        // ever smaller cuts from the end: a string that must stay over a length limit gets near it in a few steps each
        for (int cut = length / 4; cut >= 1; cut /= 2) {
            out.add(s.substring(0, s.offsetByCodePoints(0, length - cut)));
        }
        for (int i = 0; i < length && i < 64; i++) {
            int start = s.offsetByCodePoints(0, i);
            int end = s.offsetByCodePoints(start, 1);
            out.add(s.substring(0, start) + s.substring(end));
        }
        return List.copyOf(out);
    }

    private static ObjectNode without(ObjectNode node, List<String> names) {
        ObjectNode copy = node.deepCopy();
        names.forEach(copy::remove);
        return copy;
    }

    private static ObjectNode renamed(ObjectNode node, String from, String to) {
        ObjectNode copy = Json.NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            copy.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue().deepCopy());
        }
        return copy;
    }

    private static ArrayNode slice(ArrayNode node, int from, int to) {
        ArrayNode copy = Json.NODES.arrayNode();
        for (int i = from; i < to; i++) {
            copy.add(node.get(i).deepCopy());
        }
        return copy;
    }
}
