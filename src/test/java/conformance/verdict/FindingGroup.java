package conformance.verdict;

import conformance.checks.Finding;
import java.util.Optional;

/**
 * One distinct finding and how many exchanges showed it (a broken server repeats itself; reports should not), and
 * the waiver that accepts it, if one does.
 */
public record FindingGroup(Finding first, int occurrences, Optional<Waiver> waiver) {
}
