package conformance.verdict;

import conformance.contract.Operation;
import conformance.contract.ResponseKey;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Collects, per operation, the statuses of its judged exchanges and what its valid requests got, so that a run is
 * never green on an operation it could not reach: one whose valid requests never got a documented success (its
 * fixture failed, every case was rejected, none was sent) could not be judged.
 */
public final class Coverage {
    /** The kinds of case that must be accepted: the cases the document calls valid, and the run's own fixtures. */
    private static final Set<Intent> VALID = Set.of(Intent.POSITIVE, Intent.FIXTURE);
    private static final String NO_ANSWER = "no answer";

    private static final class Seen {
        final Operation operation;
        final SortedMap<Integer, Long> statuses = new TreeMap<>();
        long unanswered;
        final Set<ResponseKey> documentedSeen = new HashSet<>();
        /** what the valid requests got (a status, or no answer), while none got a documented success */
        final Map<String, Long> validAnswers = new LinkedHashMap<>();
        boolean succeeded;
        boolean onlyFixtures = true;

        Seen(Operation operation) {
            this.operation = operation;
        }
    }

    private final Map<String, Seen> byOperation = new LinkedHashMap<>();

    public synchronized void judged(Exchange e) {
        Seen seen = seen(e.operation());
        Optional<Integer> status = e.response().map(r -> r.status());
        status.ifPresentOrElse(s -> seen.statuses.merge(s, 1L, Long::sum), () -> seen.unanswered++);
        status.flatMap(s -> documentedUnder(e.operation(), s)).ifPresent(seen.documentedSeen::add);
        Intent intent = e.kase().intent();
        if (VALID.contains(intent)) {
            seen.onlyFixtures &= intent == Intent.FIXTURE;
            seen.succeeded |= status.filter(s -> s / 100 == 2 && e.operation().documents(s)).isPresent();
            seen.validAnswers.merge(status.map(String::valueOf).orElse(NO_ANSWER), 1L, Long::sum);
        }
    }

    /**
     * One entry per operation the run had to judge ({@code ofTheRun}, in its order) and per other operation that got
     * an exchange (a fixture's, in the order they came).
     */
    public synchronized List<OperationCoverage> entries(Collection<Operation> ofTheRun) {
        List<Operation> operations = new ArrayList<>(ofTheRun);
        byOperation.values().stream().map(s -> s.operation)
                .filter(op -> operations.stream().noneMatch(o -> o.id().equals(op.id()))).forEach(operations::add);
        return operations.stream().map(op -> entry(op, byOperation.getOrDefault(op.id(), new Seen(op)))).toList();
    }

    private Seen seen(Operation operation) {
        return byOperation.computeIfAbsent(operation.id(), id -> new Seen(operation));
    }

    /** The key an answer with this status is documented under (the most specific one), if any. */
    private static Optional<ResponseKey> documentedUnder(Operation operation, int status) {
        return operation.responses().keySet().stream().filter(k -> k.matches(status)).findFirst();
    }

    private static OperationCoverage entry(Operation operation, Seen seen) {
        List<String> neverSeen = operation.responses().keySet().stream().filter(k -> !seen.documentedSeen.contains(k))
                .map(ResponseKey::toString).toList();
        return new OperationCoverage(operation.id(), seen.statuses, seen.unanswered, neverSeen, unjudged(seen));
    }

    private static Optional<String> unjudged(Seen seen) {
        if (seen.succeeded) {
            return Optional.empty();
        }
        if (seen.validAnswers.isEmpty()) {
            return Optional.of("no valid request was sent");
        }
        return Optional.of((seen.onlyFixtures ? "its fixture failed: " : "every valid request was rejected: ")
                + answers(seen.validAnswers));
    }

    /** {@code statuses 401 ×3, 422}, {@code status 404} or {@code no answer ×2}: what valid requests got, most frequent first. */
    private static String answers(Map<String, Long> answers) {
        String listed = answers.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(a -> a.getKey() + (a.getValue() > 1 ? " ×" + a.getValue() : "")).collect(Collectors.joining(", "));
        return (answers.keySet().equals(Set.of(NO_ANSWER)) ? "" : answers.size() == 1 ? "status " : "statuses ") + listed;
    }
}
