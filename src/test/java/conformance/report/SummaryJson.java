package conformance.report;

import conformance.checks.Finding;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code conformance-summary.json}: the shape of DESIGN §6, a public interface (field names and enum values). */
public final class SummaryJson {
    static final int MAX_MESSAGE = 2000;

    private SummaryJson() {
    }

    public static ObjectNode render(RunReport r, Redactor redactor) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("verdict", r.verdict().name());
        if (r.inconclusiveReason().isPresent()) {
            root.put("reason", redactor.redact(r.inconclusiveReason().get()));
        }
        root.put("target", redactor.redact(r.target()));
        ObjectNode spec = root.putObject("spec");
        spec.put("path", r.specPath());
        spec.put("sha256", r.specSha256());
        root.put("seed", r.seed());
        root.put("profile", r.profile());
        root.put("suiteVersion", r.suiteVersion());
        root.put("startedAt", r.startedAt().toString());
        root.put("durationMs", r.durationMs());
        root.put("requests", r.requests());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : r.checks()) {
            ObjectNode check = checks.addObject();
            check.put("id", c.checkId());
            check.put("operation", c.operationId());
            check.put("outcome", c.outcome().id());
            check.put("requests", c.requests());
            ArrayNode findings = check.putArray("findings");
            for (FindingGroup g : c.findings()) {
                findings.add(finding(g, redactor));
            }
            putNullable(check, "waiver", c.waiver().orElse(null));
            putNullable(check, "skipReason", c.skipReason().orElse(null));
            putNullable(check, "skip", c.skip().map(s -> s.kind().id()).orElse(null));
        }
        ObjectNode counts = root.putObject("checkCounts");
        for (Outcome o : Outcome.values()) {
            counts.put(o.id(), r.checks().stream().filter(c -> c.outcome() == o).count());
        }
        counts.put("notRun", r.checks().stream().filter(CheckResult::notRun).count());
        ArrayNode notRun = root.putArray("notRun");
        r.checks().stream().filter(CheckResult::notRun).forEach(c -> notRun.addObject().put("id", c.checkId())
                .put("operation", c.operationId()).put("reason", c.skipReason().orElseThrow()));
        ArrayNode unused = root.putArray("unusedWaivers");
        r.unusedWaivers().forEach(w -> unused.add(w.describe()));
        return root;
    }

    private static ObjectNode finding(FindingGroup g, Redactor redactor) {
        Finding f = g.first();
        ObjectNode out = Json.NODES.objectNode();
        String message = redactor.redact(f.message());
        out.put("message", message.length() > MAX_MESSAGE ? Redactor.prefix(message, MAX_MESSAGE) + "…" : message);
        if (f.status() > 0) {
            out.put("status", f.status());
        } else {
            out.putNull("status");
        }
        putNullable(out, "pointer", f.pointer().orElse(null));
        out.put("curl", redactor.curl(f.shrunk().orElse(f.exchange()).request()));
        out.put("occurrences", g.occurrences());
        out.put("specGap", f.specGap());
        putNullable(out, "waiver", g.waiver().map(w -> w.describe()).orElse(null));
        out.put("case", redactor.redact(f.exchange().kase().label()));
        f.exchange().kase().brokenRule().ifPresent(rule -> out.put("rule", rule.name()));
        f.shrunk().ifPresent(s -> {
            out.put("originalBody", redactor.body(f.exchange().request().body(), MAX_MESSAGE));
            out.put("shrunkBody", redactor.body(s.request().body(), MAX_MESSAGE));
        });
        return out;
    }

    private static void putNullable(ObjectNode node, String name, String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
