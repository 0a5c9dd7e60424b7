package conformance.report;

import conformance.verdict.CheckResult;
import conformance.verdict.OperationCoverage;
import conformance.verdict.RunReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificate's opening: operations (rows) by checks (columns, by short ids and a legend), each cell the check's
 * outcome on that operation, then what each operation's requests got and which documented statuses none showed.
 */
final class OperationsTable {
    static final String PASSED = "✓";
    static final String FAILED = "✗";
    static final String WAIVED = "W";
    static final String SKIPPED = "–";

    private OperationsTable() {
    }

    static void render(StringBuilder md, RunReport r) {
        List<String> operations = operations(r);
        Map<String, String> columns = shortIds(r.checks().stream().map(CheckResult::checkId).distinct().toList());
        md.append("## Operations by check\n\n| operation |");
        columns.values().forEach(id -> md.append(' ').append(id).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (String op : operations) {
            md.append("| `").append(op).append("` |");
            columns.keySet().forEach(check -> md.append(' ').append(cell(r, check, op)).append(" |"));
            md.append('\n');
        }
        md.append("\n").append(PASSED).append(" passed · ").append(FAILED).append(" failed · ").append(WAIVED)
                .append(" waived · ").append(SKIPPED).append(" skipped · blank: the check has no result on that operation. ")
                .append(columns.entrySet().stream().map(c -> c.getValue() + " `" + c.getKey() + "`")
                        .collect(Collectors.joining(", "))).append("\n\n");
        if (r.operations().isEmpty()) {
            return;
        }
        md.append("## Requests per operation\n\n| operation | requests | statuses | documented, never seen | judged |\n")
                .append("|---|---|---|---|---|\n");
        for (OperationCoverage o : r.operations()) {
            md.append("| `").append(o.operationId()).append("` | ").append(o.requests()).append(" | ")
                    .append(statuses(o)).append(" | ")
                    .append(o.documentedNeverSeen().isEmpty() ? "none" : String.join(", ", o.documentedNeverSeen()))
                    .append(" | ").append(o.unjudged().map(why -> "**no**: " + Certificate.cell(why)).orElse("yes"))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** The operations of the run, then any other a check has a result on. */
    static List<String> operations(RunReport r) {
        Set<String> out = new LinkedHashSet<>();
        r.operations().forEach(o -> out.add(o.operationId()));
        r.checks().forEach(c -> out.add(c.operationId()));
        return List.copyOf(out);
    }

    private static String cell(RunReport r, String check, String operation) {
        Optional<CheckResult> result = r.checks().stream()
                .filter(c -> c.checkId().equals(check) && c.operationId().equals(operation)).findFirst();
        return result.map(c -> switch (c.outcome()) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case WAIVED -> WAIVED;
            case SKIPPED -> SKIPPED;
        }).orElse("");
    }

    /** {@code 200 ×12, 401 ×3, no answer ×1}; a dash when nothing was sent. */
    private static String statuses(OperationCoverage o) {
        List<String> parts = new ArrayList<>();
        o.statuses().forEach((status, count) -> parts.add(status + " ×" + count));
        if (o.unanswered() > 0) {
            parts.add("no answer ×" + o.unanswered());
        }
        return parts.isEmpty() ? SKIPPED : String.join(", ", parts);
    }

    /** Check id → its initials ({@code status_code_conformance} → {@code SCC}), numbered when two share them. */
    static Map<String, String> shortIds(List<String> checkIds) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new LinkedHashSet<>();
        for (String id : checkIds) {
            String initials = Arrays.stream(id.split("_")).filter(w -> !w.isEmpty())
                    .map(w -> w.substring(0, 1)).collect(Collectors.joining()).toUpperCase(Locale.ROOT);
            String shortId = initials;
            for (int n = 2; !taken.add(shortId); n++) {
                shortId = initials + n;
            }
            out.put(id, shortId);
        }
        return out;
    }
}
