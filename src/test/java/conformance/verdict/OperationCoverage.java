package conformance.verdict;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one operation of the run got: how many judged exchanges got each status (and how many no answer at all), the
 * statuses it documents that no answer showed, and, when no valid request got a documented success, why the
 * operation could not be judged.
 */
public record OperationCoverage(String operationId, SortedMap<Integer, Long> statuses, long unanswered,
                                List<String> documentedNeverSeen, Optional<String> unjudged) {

    public OperationCoverage {
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
        documentedNeverSeen = List.copyOf(documentedNeverSeen);
    }

    /** Whether a valid request got a documented success, so that the checks' outcomes on it say something. */
    public boolean judged() {
        return unjudged.isEmpty();
    }

    public long requests() {
        return unanswered + statuses.values().stream().mapToLong(Long::longValue).sum();
    }
}
