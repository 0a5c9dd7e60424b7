package conformance.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The known name a mistyped one most likely meant, for "did you mean" hints; none when every name is far off. */
final class Closest {
    /** Names further apart than this from every known one get no suggestion: a guess that far off misleads. */
    private static final int MAX_DISTANCE = 3;

    private Closest() {
    }

    static <T> Optional<T> to(String wanted, Collection<T> known, Function<T, String> name) {
        String w = normalized(wanted);
        return known.stream()
                .map(k -> Map.entry(k, distance(w, normalized(name.apply(k)))))
                .filter(e -> e.getValue() <= MAX_DISTANCE)
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Case and word separators do not tell names apart: baseurl, BASEURL and BASE_URL all mean baseUrl. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
