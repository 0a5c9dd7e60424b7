package conformance.merge;

import conformance.generation.Json;
import conformance.merge.ShardSummary.CheckSummary;
import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The summaries of N shard runs (the same target, document and profile, other seeds) as one summary, judged by the
 * rule of a single run ({@link Verdict#decide}):
 * <ul>
 *   <li>each check's outcome is the worst of its shards' ({@link Outcome#combine}); its requests add up; a finding
 *       seen by several shards is listed once, its occurrences added up;</li>
 *   <li>INCONCLUSIVE when any shard is inconclusive, when fewer shards reported than expected, or when shards ran
 *       against different targets, documents or profiles: part of what the night was to judge was not judged (or
 *       not the same thing), so the whole can be called neither conformant nor fully judged, as a single run that
 *       could not judge is inconclusive whatever it found. The other shards' findings are still listed.</li>
 * </ul>
 */
final class SummaryMerge {
    private SummaryMerge() {
    }

    /** The merged summary and its one-line headline. */
    record Merged(Verdict verdict, ObjectNode summary, String headline) {
    }

    static Merged merge(List<ShardSummary> shards, int expectedShards) {
        List<String> unjudged = new ArrayList<>();
        if (shards.size() < expectedShards) {
            unjudged.add(shards.size() + " of " + expectedShards + " expected shards reported");
        }
        shards.stream().filter(s -> s.verdict() == Verdict.INCONCLUSIVE)
                .forEach(s -> unjudged.add("shard " + s.name() + ": " + s.reason().orElse("inconclusive")));
        List<ShardSummary> judged = shards.stream().filter(s -> s.verdict() != Verdict.INCONCLUSIVE).toList();
        disagreement(judged, "targets", ShardSummary::target).ifPresent(unjudged::add);
        disagreement(judged, "documents", ShardSummary::specSha256).ifPresent(unjudged::add);
        disagreement(judged, "profiles", ShardSummary::profile).ifPresent(unjudged::add);
        if (shards.isEmpty()) {
            unjudged.add("no shard reported");
        }

        Map<String, MergedCheck> checks = new LinkedHashMap<>();
        for (ShardSummary shard : shards) {
            for (CheckSummary c : shard.checks()) {
                checks.computeIfAbsent(c.id() + "|" + c.operation(), k -> new MergedCheck(c.id(), c.operation())).add(c);
            }
        }
        Verdict verdict = Verdict.decide(unjudged.isEmpty(), checks.values().stream().map(c -> c.outcome).toList());

        ObjectNode root = Json.NODES.objectNode();
        root.put("verdict", verdict.name());
        if (!unjudged.isEmpty()) {
            root.put("reason", String.join("; ", unjudged));
        }
        Optional<ShardSummary> first = judged.stream().findFirst();
        String target = first.flatMap(ShardSummary::target).orElse("unknown target");
        root.put("target", target);
        ObjectNode spec = root.putObject("spec");
        spec.put("path", first.flatMap(ShardSummary::specPath).orElse(null));
        spec.put("sha256", first.flatMap(ShardSummary::specSha256).orElse(null));
        root.put("profile", first.flatMap(ShardSummary::profile).orElse(null));
        root.put("suiteVersion", first.flatMap(ShardSummary::suiteVersion).orElse(null));
        wallClock(shards, root);
        long requests = shards.stream().mapToLong(ShardSummary::requests).sum();
        root.put("requests", requests);
        ArrayNode shardList = root.putArray("shards");
        for (ShardSummary s : shards) {
            ObjectNode node = shardList.addObject();
            node.put("name", s.name());
            node.put("verdict", s.verdict().name());
            s.seed().ifPresentOrElse(seed -> node.put("seed", seed), () -> node.putNull("seed"));
            node.put("requests", s.requests());
        }
        ArrayNode checkList = root.putArray("checks");
        checks.values().forEach(c -> checkList.add(c.render()));

        String detail = switch (verdict) {
            case INCONCLUSIVE -> String.join("; ", unjudged);
            case NON_CONFORMANT -> {
                List<MergedCheck> failed = checks.values().stream().filter(c -> c.outcome == Outcome.FAILED).toList();
                yield failed.size() + (failed.size() == 1 ? " check" : " checks") + " failed: " + failed.stream()
                        .map(c -> c.id + " (" + c.occurrences() + ")").distinct().collect(Collectors.joining(", "));
            }
            case CONFORMANT -> checks.values().stream().filter(c -> c.outcome == Outcome.PASSED).count() + " checks passed";
        };
        String headline = verdict.name() + " — " + target + " — " + detail + " — " + shards.size()
                + (shards.size() == 1 ? " shard, " : " shards, ") + requests + " requests";
        return new Merged(verdict, root, headline);
    }

    private static Optional<String> disagreement(List<ShardSummary> shards, String what,
                                                 Function<ShardSummary, Optional<String>> field) {
        Set<String> values = shards.stream().map(field).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return values.size() > 1 ? Optional.of("the shards ran against different " + what + ": " + String.join(", ", values))
                : Optional.empty();
    }

    /** From the first shard's start to the last shard's end: shards run side by side. */
    private static void wallClock(List<ShardSummary> shards, ObjectNode root) {
        List<Instant[]> spans = shards.stream().filter(s -> s.startedAt().isPresent()).map(s -> {
            Instant start = Instant.parse(s.startedAt().get());
            return new Instant[] {start, start.plusMillis(s.durationMs())};
        }).toList();
        if (spans.isEmpty()) {
            root.putNull("startedAt");
            root.put("durationMs", 0);
            return;
        }
        Instant start = spans.stream().map(s -> s[0]).min(Instant::compareTo).orElseThrow();
        Instant end = spans.stream().map(s -> s[1]).max(Instant::compareTo).orElseThrow();
        root.put("startedAt", start.toString());
        root.put("durationMs", end.toEpochMilli() - start.toEpochMilli());
    }

    /** One check over all shards. */
    private static final class MergedCheck {
        final String id;
        final String operation;
        Outcome outcome = Outcome.SKIPPED;
        long requests;
        final Map<String, ObjectNode> findings = new LinkedHashMap<>();
        Optional<String> waiver = Optional.empty();
        Optional<String> skipReason = Optional.empty();
        Optional<String> skip = Optional.empty();

        MergedCheck(String id, String operation) {
            this.id = id;
            this.operation = operation;
        }

        void add(CheckSummary c) {
            outcome = outcome.combine(c.outcome());
            requests += c.requests();
            waiver = waiver.or(c::waiver);
            skipReason = skipReason.or(c::skipReason);
            skip = skip.or(c::skip);
            for (ObjectNode f : c.findings()) {
                ObjectNode kept = findings.computeIfAbsent(signature(f), k -> {
                    ObjectNode copy = f.deepCopy();
                    copy.put("occurrences", 0);
                    return copy;
                });
                kept.put("occurrences", kept.path("occurrences").asLong() + Math.max(1, f.path("occurrences").asLong()));
            }
        }

        long occurrences() {
            return findings.values().stream().mapToLong(f -> f.path("occurrences").asLong()).sum();
        }

        /** The same problem as a run counts it (check, operation, status, pointer, message, response signature): listed once. */
        private static String signature(JsonNode f) {
            return f.path("status").toString() + '|' + f.path("pointer") + '|' + f.path("message") + '|' + f.path("responseSignature");
        }

        ObjectNode render() {
            ObjectNode node = Json.NODES.objectNode();
            node.put("id", id);
            node.put("operation", operation);
            node.put("outcome", outcome.id());
            node.put("requests", requests);
            ArrayNode list = node.putArray("findings");
            findings.values().forEach(list::add);
            node.put("waiver", waiver.orElse(null));
            node.put("skipReason", outcome == Outcome.SKIPPED ? skipReason.orElse(null) : null);
            node.put("skip", outcome == Outcome.SKIPPED ? skip.orElse(null) : null);
            return node;
        }
    }
}
