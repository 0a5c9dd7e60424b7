package conformance.merge;

import conformance.verdict.Outcome;
import conformance.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One shard's {@code conformance-summary.json}, read back. A shard stopped by bad configuration has a verdict and a
 * reason only, so everything else is optional.
 */
record ShardSummary(String name, Verdict verdict, Optional<String> reason, Optional<String> target,
                    Optional<String> specPath, Optional<String> specSha256, Optional<String> profile,
                    Optional<String> suiteVersion, Optional<Long> seed, Optional<String> startedAt, long durationMs,
                    long requests, List<CheckSummary> checks) {

    /** One check on one operation in one shard; findings stay as the shard wrote them. */
    record CheckSummary(String id, String operation, Outcome outcome, long requests, List<ObjectNode> findings,
                        Optional<String> waiver, Optional<String> skipReason, Optional<String> skip) {
    }

    /** A shard that left no summary: it never finished, so its slice of the cases was never judged. */
    static ShardSummary missing(String name, String why) {
        return new ShardSummary(name, Verdict.INCONCLUSIVE, Optional.of(why), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, List.of());
    }

    static ShardSummary parse(String name, JsonNode json) {
        List<CheckSummary> checks = new ArrayList<>();
        for (JsonNode c : json.path("checks")) {
            List<ObjectNode> findings = new ArrayList<>();
            c.path("findings").forEach(f -> {
                if (f.isObject()) {
                    findings.add((ObjectNode) f);
                }
            });
            checks.add(new CheckSummary(c.path("id").asString(), c.path("operation").asString(),
                    Outcome.ofId(c.path("outcome").asString()), c.path("requests").asLong(), List.copyOf(findings),
                    text(c, "waiver"), text(c, "skipReason"), text(c, "skip")));
        }
        return new ShardSummary(name, Verdict.valueOf(json.path("verdict").asString()), text(json, "reason"),
                text(json, "target"), text(json.path("spec"), "path"), text(json.path("spec"), "sha256"),
                text(json, "profile"), text(json, "suiteVersion"),
                json.path("seed").isNumber() ? Optional.of(json.path("seed").asLong()) : Optional.empty(),
                text(json, "startedAt"), json.path("durationMs").asLong(), json.path("requests").asLong(),
                List.copyOf(checks));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
