package conformance.report;

import conformance.checks.Finding;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.OperationCoverage;
import conformance.verdict.Replay;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import conformance.verdict.Waited;
import conformance.verdict.Waiver;
import tools.jackson.databind.JsonNode;
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
        root.put("targetKind", r.targetKind());
        putNullable(root, "dialect", r.replay().dialect().orElse(null));
        ObjectNode spec = root.putObject("spec");
        spec.put("path", r.specPath());
        spec.put("sha256", r.specSha256());
        root.put("seed", r.seed());
        root.put("profile", r.profile());
        root.put("suiteVersion", r.suiteVersion());
        root.put("startedAt", r.startedAt().toString());
        root.put("durationMs", r.durationMs());
        root.put("requests", r.requests());
        root.set("waitedForTarget", r.waited().<JsonNode>map(w -> Json.NODES.objectNode().put("within", Waited.text(w.within()))
                .put("waitedMs", w.waited().toMillis()).put("up", w.up())).orElse(Json.NODES.nullNode()));
        root.set("replay", replay(r, redactor));
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
        ArrayNode operations = root.putArray("operations");
        r.operations().forEach(o -> operations.add(operation(o)));
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
        ArrayNode applied = root.putArray("waivers");
        r.appliedWaivers().forEach(w -> applied.add(waiver(w)));
        ArrayNode expiring = root.putArray("expiringWaivers");
        r.expiringWaivers().forEach(w -> expiring.add(waiver(w).put("daysLeft", w.expiresWithinNotice(r.runDate()).getAsInt())));
        return root;
    }

    /** Everything a replay needs beside seed, document and profile (above), and the command that replays the run. */
    private static ObjectNode replay(RunReport r, Redactor redactor) {
        Replay replay = r.replay();
        ObjectNode out = Json.NODES.objectNode();
        out.put("tries", replay.limits().tries());
        out.put("workers", replay.limits().workers());
        out.put("timeout", replay.limits().timeoutText());
        if (replay.limits().rateLimit().isPresent()) {
            out.put("rateLimit", replay.limits().rateLimit().getAsDouble());
        } else {
            out.putNull("rateLimit");
        }
        out.put("profile", r.profile());
        putNullable(out, "dialect", replay.dialect().orElse(null));
        out.put("proxy", replay.proxy());
        if (replay.waivers().isPresent()) {
            ObjectNode waivers = out.putObject("waivers");
            waivers.put("path", replay.waivers().get().path());
            waivers.put("sha256", replay.waivers().get().sha256());
        } else {
            out.putNull("waivers");
        }
        out.put("storedCases", replay.storedCases().enabled());
        out.put("storedCasesSent", replay.storedCases().sent());
        out.put("suiteVersion", r.suiteVersion());
        putNullable(out, "gitCommit", replay.provenance().gitCommit().orElse(null));
        putNullable(out, "ciRunUrl", replay.provenance().ciRunUrl().orElse(null));
        out.put("command", redactor.redact(replay.line(r.seed())));
        return out;
    }

    /** What one operation got, and why it could not be judged when it could not. */
    private static ObjectNode operation(OperationCoverage o) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("operation", o.operationId());
        ObjectNode statuses = out.putObject("statuses");
        o.statuses().forEach((status, count) -> statuses.put(String.valueOf(status), count));
        out.put("unanswered", o.unanswered());
        ArrayNode neverSeen = out.putArray("documentedNeverSeen");
        o.documentedNeverSeen().forEach(neverSeen::add);
        out.put("judged", o.judged());
        putNullable(out, "reason", o.unjudged().orElse(null));
        return out;
    }

    /** A waiver as its file states it, by its 1-based index in the file. */
    private static ObjectNode waiver(Waiver w) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("index", w.number());
        out.put("check", w.check());
        out.put("operation", w.operation());
        w.status().ifPresent(s -> out.put("status", s));
        w.pointer().ifPresent(p -> out.put("pointer", p));
        w.message().ifPresent(m -> out.put("message", m.pattern()));
        w.response().ifPresent(m -> out.put("response", m.pattern()));
        if (!w.cases().isEmpty()) {
            ArrayNode cases = out.putArray("cases");
            w.cases().forEach(cases::add);
        }
        out.put("reason", w.reason());
        putNullable(out, "expires", w.expires().map(Object::toString).orElse(null));
        return out;
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
        if (g.waiver().isPresent()) {
            out.put("waiverIndex", g.waiver().get().number());
        } else {
            out.putNull("waiverIndex");
        }
        out.put("case", redactor.redact(f.exchange().kase().label()));
        f.exchange().kase().brokenRule().ifPresent(rule -> out.put("rule", rule.name()));
        if (!f.responseSignature().isEmpty()) {
            out.put("responseSignature", redactor.redact(f.responseSignature()));
        }
        // the shrunk case first, with the answer it got: the smallest request that shows the cause
        Exchange shown = f.shrunk().orElse(f.exchange());
        shown.response().ifPresent(resp -> out.putObject("response").put("status", resp.status())
                .put("body", redactor.body(resp.body(), MAX_MESSAGE)));
        f.shrunk().ifPresent(s -> {
            out.put("shrunkBody", redactor.body(s.request().body(), MAX_MESSAGE));
            out.put("originalBody", redactor.body(f.exchange().request().body(), MAX_MESSAGE));
        });
        // a step of a sequence: the steps before it (and before its shrunk step), and the id that replays its chain
        f.chainId().ifPresent(id -> out.put("replay", id));
        f.exchange().chain().ifPresent(c -> out.set("chain", steps(c, redactor)));
        f.shrunk().flatMap(Exchange::chain).ifPresent(c -> out.set("shrunkChain", steps(c, redactor)));
        f.shrink().ifPresent(s -> out.putObject("shrink").put("minimal", s.minimal()).put("tries", s.tries())
                .put("originalBytes", f.exchange().request().body().length)
                .put("shrunkBytes", shown.request().body().length).put("note", f.shrinkNote().orElseThrow()));
        return out;
    }

    private static ArrayNode steps(Chain chain, Redactor redactor) {
        ArrayNode out = Json.NODES.arrayNode();
        chain.earlier().forEach(step -> out.addObject().put("operation", step.operation().id()).put("status", step.status())
                .put("curl", redactor.curl(step.request())));
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
