package conformance.report;

import conformance.checks.Finding;
import conformance.config.Settings;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Replay;
import conformance.verdict.RunReport;
import java.util.stream.Collectors;

/**
 * {@code certificate.md}: the run for people — first its operations by checks and what each operation's requests got,
 * then what was tested, with what, and each check's outcome and evidence.
 */
public final class Certificate {
    private static final int MAX_FINDINGS_SHOWN = 10;
    private static final int MAX_BODY_SHOWN = 600;

    private Certificate() {
    }

    public static String render(RunReport r, Redactor redactor) {
        StringBuilder md = new StringBuilder();
        md.append("# Conformance certificate: ").append(r.headline().split(" — ")[0]).append(" — ")
                .append(cell(redactor.redact(r.describedTarget())))
                .append(r.notRunSummary().map(n -> " — " + n).orElse("")).append("\n\n");
        OperationsTable.render(md, r);
        md.append("## Run\n\n| | |\n|---|---|\n");
        row(md, "Verdict", r.verdict().name());
        r.inconclusiveReason().ifPresent(reason -> row(md, "Why inconclusive", redactor.redact(reason)));
        row(md, "Target", redactor.redact(r.describedTarget()));
        row(md, "Target kind", r.targetKind() + r.replay().dialect().map(d -> ", dialect " + d).orElse(""));
        row(md, "Proxy", r.replay().proxy());
        row(md, "Operations", OperationsTable.operations(r).stream().map(op -> "`" + op + "`").collect(Collectors.joining(", ")));
        row(md, "Specification", "`" + r.specPath() + "` sha256 `" + r.specSha256() + "`");
        row(md, "Suite version", r.suiteVersion());
        row(md, "Seed", "`" + r.seed() + "` (replay with `-Dconformance.seed=" + r.seed() + "`)");
        row(md, "Profile", r.profile());
        row(md, "Started", r.startedAt().toString());
        row(md, "Duration", r.durationMs() + " ms");
        row(md, "Requests", String.valueOf(r.requests()));
        r.waited().ifPresent(w -> row(md, "Waited for the target", w.describe()));
        replay(md, r, redactor);
        md.append("\n## Checks\n\n| check | operation | outcome | requests | findings | note |\n|---|---|---|---|---|---|\n");
        for (CheckResult c : r.checks()) {
            int findings = c.findings().stream().mapToInt(FindingGroup::occurrences).sum();
            md.append("| `").append(c.checkId()).append("` | ").append(c.operationId()).append(" | **")
                    .append(c.outcome().id()).append("** | ").append(c.requests()).append(" | ").append(findings)
                    .append(" | ").append(cell(c.skipReason().or(() -> c.waiver()).orElse(""))).append(" |\n");
        }
        if (!r.appliedWaivers().isEmpty() || !r.unusedWaivers().isEmpty()) {
            md.append("\n## Waivers\n\n");
            r.expiringWaivers().forEach(w -> md.append("- **expires soon**: ")
                    .append(cell(w.expiryNotice(r.runDate()).orElseThrow())).append('\n'));
            r.appliedWaivers().forEach(w -> md.append("- applied: ").append(cell(w.describe())).append('\n'));
            r.unusedWaivers().forEach(w -> md.append("- **matched nothing**: ").append(cell(w.describe())).append('\n'));
        }
        if (!r.statistics().isBlank()) {
            md.append("\n## Generated cases\n\n");
            r.statistics().lines().forEach(line -> md.append("- ").append(cell(line)).append('\n'));
        }
        for (CheckResult c : r.checks()) {
            if (c.findings().isEmpty()) {
                continue;
            }
            md.append("\n## `").append(c.checkId()).append("` on ").append(c.operationId()).append("\n\n");
            c.findings().stream().limit(MAX_FINDINGS_SHOWN).forEach(g -> finding(md, g, redactor));
            if (c.findings().size() > MAX_FINDINGS_SHOWN) {
                md.append("… and ").append(c.findings().size() - MAX_FINDINGS_SHOWN).append(" more distinct findings (see conformance-summary.json)\n");
            }
        }
        return md.toString();
    }

    /** The settings a replay needs, and the one command that replays the run (secrets as placeholders). */
    private static void replay(StringBuilder md, RunReport r, Redactor redactor) {
        Replay replay = r.replay();
        md.append("\n## Replay\n\n| setting | value |\n|---|---|\n");
        row(md, "Tries", String.valueOf(replay.limits().tries()));
        row(md, "Workers", String.valueOf(replay.limits().workers()));
        row(md, "Timeout", replay.limits().timeoutText());
        row(md, "Rate limit", replay.limits().rateLimit().isPresent()
                ? replay.limits().rateLimit().getAsDouble() + " requests per second" : "unlimited");
        row(md, "Profile", r.profile());
        row(md, "Dialect", replay.dialect().orElse("none (a remote target)"));
        row(md, "Waivers", replay.waivers().map(w -> "`" + w.path() + "` sha256 `" + w.sha256() + "`").orElse("none"));
        row(md, "Stored failing cases", !replay.storedCases().enabled() ? "not sent (conformance.storedCases=false)"
                : replay.storedCases().sent() == 0 ? "none stored for this target"
                : replay.storedCases().sent() + " sent first (a replay sets conformance.storedCases=false)");
        row(md, "Suite version", r.suiteVersion());
        row(md, "Git commit", replay.provenance().gitCommit().map(c -> "`" + c + "`").orElse("unknown (not run from a git checkout)"));
        row(md, "CI run", replay.provenance().ciRunUrl().orElse("none known (not run by GitHub Actions)"));
        md.append("\nReplay:\n\n```sh\n").append(redactor.redact(replay.line(r.seed()))).append("\n```\n");
    }

    private static void finding(StringBuilder md, FindingGroup g, Redactor redactor) {
        Finding f = g.first();
        md.append("- ").append(cell(redactor.redact(f.message())));
        if (g.occurrences() > 1) {
            md.append(" (×").append(g.occurrences()).append(')');
        }
        if (f.specGap()) {
            md.append(" — *spec gap: the document offers no status for rejecting invalid input*");
        }
        g.waiver().ifPresent(w -> md.append(" — **waived** by waiver #").append(w.number()));
        md.append("\n  - case: ").append(cell(redactor.redact(f.exchange().kase().label())));
        if (f.status() > 0) {
            md.append(", status ").append(f.status());
        }
        // the shrunk case first, with its answer: the smallest request that shows this cause
        f.shrunk().ifPresentOrElse(shrunk -> {
            body(md, "shrunk to (the smallest body that still fails this check the same way)", shrunk.request().body(), redactor);
            exchange(md, shrunk, false, redactor);
            body(md, "original body", f.exchange().request().body(), redactor);
        }, () -> exchange(md, f.exchange(), true, redactor));
        f.shrinkNote().ifPresent(note -> md.append("\n  - ").append(cell(note)));
        f.exchange().chain().ifPresent(c -> steps(md, "the steps of " + cell(redactor.redact(c.sequence())) + " before it", c, redactor));
        f.shrunk().flatMap(Exchange::chain).ifPresent(c -> steps(md, "shrunk chain: the steps before it that still make it fail the same way", c, redactor));
        f.chainId().ifPresent(id -> md.append("\n  - replay this chain alone, against any target: `-D").append(Settings.property("replay"))
                .append('=').append(id).append("`\n"));
        md.append("\n  - reproduce:\n\n```sh\n").append(redactor.curl(f.shrunk().orElse(f.exchange()).request())).append("\n```\n");
    }

    /** The steps of a chain before its finding's step, as curl lines each with the status it got. */
    private static void steps(StringBuilder md, String title, Chain chain, Redactor redactor) {
        if (chain.earlier().isEmpty()) {
            md.append("\n  - ").append(title).append(": none\n");
            return;
        }
        md.append("\n  - ").append(title).append(", each with the status it got:\n\n```sh\n");
        chain.earlier().forEach(step -> md.append("# ").append(step.operation().id()).append(" → ")
                .append(step.response().map(r -> String.valueOf(r.status())).orElse("no response")).append('\n')
                .append(redactor.curl(step.request())).append('\n'));
        md.append("```\n");
    }

    /** The request of the reproduced exchange beside what the target answered to it. */
    private static void exchange(StringBuilder md, Exchange e, boolean withBody, Redactor redactor) {
        md.append("\n  - request: `").append(e.request().method()).append(' ')
                .append(cell(redactor.redact(e.request().url())).replace("`", "'")).append('`');
        if (withBody && e.request().body().length > 0) {
            body(md, "request body", e.request().body(), redactor);
        }
        e.response().ifPresentOrElse(
                response -> body(md, "response: status " + response.status() + (response.truncated() ? ", cut at the size cap" : ""),
                        response.body(), redactor),
                () -> md.append("\n  - response: none").append(e.failure().map(t -> " (" + cell(redactor.redact(t.message())) + ")").orElse("")));
    }

    private static void body(StringBuilder md, String title, byte[] body, Redactor redactor) {
        String text = Excerpt.of(redactor.body(body, Integer.MAX_VALUE), MAX_BODY_SHOWN);
        // a fence longer than any run of backticks in the body, so the body cannot close it
        String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
        md.append("\n  - ").append(title).append(" (").append(body.length).append(" bytes):\n\n    ").append(fence)
                .append('\n').append(text.indent(4)).append("    ").append(fence).append('\n');
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    static String cell(String s) {
        String flat = s.replace("|", "\\|").replace("\n", " ");
        return flat.length() > 300 ? Redactor.prefix(flat, 300) + "…" : flat;
    }
}
