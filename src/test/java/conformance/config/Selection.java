package conformance.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which operations and checks a run covers, as the user wrote them: {@code conformance.operations} (operation ids or
 * tags), {@code conformance.checks} and {@code conformance.excludeChecks} (check ids). Parsed before the document is
 * loaded, so the names are resolved later against the contract and the catalog; empty lists mean everything.
 * Names match trimmed and case-insensitively, so {@code contacts api} is the tag {@code Contacts API}.
 */
public record Selection(List<String> operations, List<String> checks, List<String> excludedChecks) {
    public static final String OPERATIONS = "operations";
    public static final String CHECKS = "checks";
    public static final String EXCLUDE_CHECKS = "excludeChecks";

    public static final Selection EVERYTHING = new Selection(List.of(), List.of(), List.of());

    public Selection {
        operations = List.copyOf(operations);
        checks = List.copyOf(checks);
        excludedChecks = List.copyOf(excludedChecks);
    }

    static Selection from(Settings s) {
        Selection selection = new Selection(list(s, OPERATIONS), list(s, CHECKS), list(s, EXCLUDE_CHECKS));
        Set<String> excluded = lowerCase(selection.excludedChecks);
        List<String> both = selection.checks.stream().filter(c -> excluded.contains(key(c))).toList();
        if (!both.isEmpty()) {
            throw new ConfigException(Settings.name(CHECKS) + " and " + Settings.name(EXCLUDE_CHECKS) + " both name "
                    + String.join(", ", both) + ": a check is either run or left out; drop it from one of them.");
        }
        return selection;
    }

    /**
     * The selected operation ids, in the order of {@code tagsByOperation} (the document's): those whose id or one of
     * whose tags was named, or every one when none was.
     */
    public List<String> resolveOperations(Map<String, ? extends Collection<String>> tagsByOperation) {
        if (operations.isEmpty()) {
            return List.copyOf(tagsByOperation.keySet());
        }
        Set<String> tags = new LinkedHashSet<>();
        tagsByOperation.values().forEach(tags::addAll);
        List<String> known = new ArrayList<>(tagsByOperation.keySet());
        known.addAll(tags);
        requireKnown(OPERATIONS, operations, known, "an operation id or tag of the document",
                "operation ids: " + String.join(", ", tagsByOperation.keySet()) + "; tags: " + String.join(", ", tags));
        Set<String> wanted = lowerCase(operations);
        return tagsByOperation.entrySet().stream()
                .filter(e -> wanted.contains(key(e.getKey())) || e.getValue().stream().anyMatch(t -> wanted.contains(key(t))))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The selected check ids, in the order of {@code catalog}: those named (every one when none is), less those excluded. */
    public List<String> resolveChecks(List<String> catalog) {
        String listing = "check ids: " + String.join(", ", catalog);
        requireKnown(CHECKS, checks, catalog, "a check id", listing);
        requireKnown(EXCLUDE_CHECKS, excludedChecks, catalog, "a check id", listing);
        Set<String> wanted = lowerCase(checks);
        Set<String> excluded = lowerCase(excludedChecks);
        List<String> selected = catalog.stream()
                .filter(c -> (wanted.isEmpty() || wanted.contains(key(c))) && !excluded.contains(key(c)))
                .toList();
        if (selected.isEmpty()) {
            // a run that judges nothing could only ever pass
            throw new ConfigException(Settings.name(EXCLUDE_CHECKS) + " leaves no check to run; exclude fewer checks.");
        }
        return selected;
    }

    /** One message for the first unknown name: the setting, the name, the closest known one, and all of them. */
    private static void requireKnown(String setting, List<String> given, List<String> known, String what, String listing) {
        Set<String> knownKeys = lowerCase(known);
        Optional<String> unknown = given.stream().filter(g -> !knownKeys.contains(key(g))).findFirst();
        unknown.ifPresent(u -> {
            String hint = Closest.to(u, known, k -> k).map(k -> " Did you mean " + k + "?").orElse("");
            throw new ConfigException(Settings.name(setting) + ": '" + u + "' is not " + what + "." + hint
                    + " Known " + listing + ".");
        });
    }

    /** The comma-separated items of a setting, trimmed; a setting given with no item at all is an error, not "everything". */
    private static List<String> list(Settings s, String key) {
        Optional<String> raw = s.get(key);
        List<String> items = raw.stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                .filter(v -> !v.isEmpty()).distinct().toList();
        if (raw.isPresent() && items.isEmpty()) {
            throw new ConfigException(Settings.name(key) + ": '" + raw.get() + "' names nothing; give comma-separated "
                    + "names, or leave the setting out.");
        }
        return items;
    }

    private static Set<String> lowerCase(Collection<String> names) {
        return names.stream().map(Selection::key).collect(Collectors.toSet());
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
