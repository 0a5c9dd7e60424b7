package conformance.verdict;

import conformance.checks.Finding;

/** One distinct finding and how many exchanges showed it (a broken server repeats itself; reports should not). */
public record FindingGroup(Finding first, int occurrences) {
}
