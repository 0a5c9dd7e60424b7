package conformance.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of settings (DESIGN §4: an unknown setting is an error, never silently ignored). The suite's own
 * settings come from {@link #core()}; an extension contributes its own with {@link #with}. The README's settings
 * table lists the same keys (a self-test keeps them in step).
 */
public final class KnownSettings {
    private static final List<Setting> CORE = List.of(
            Setting.plain("baseUrl", "target base URL"),
            Setting.plain("inboxIdentifier", "identifier of an API-channel inbox; required with a base URL"),
            Setting.plain("contactIdentifier", "source_id of an existing contact of that inbox"),
            Setting.plain("otherInboxIdentifier", "a second API inbox: enables cross_inbox_isolation"),
            Setting.secret("hmacToken", "the inbox's HMAC token, for the identifier_hash of the contacts the suite creates there"),
            Setting.secret("otherInboxHmacToken", "the second inbox's HMAC token, for the identifier_hash of its contact"),
            Setting.plain("tries", "schema-valid payloads per run"),
            Setting.plain("seed", "replay a run exactly"),
            Setting.plain("profile", "spec or strict"),
            Setting.plain("waivers", "path of a waivers file"),
            Setting.plain("rateLimit", "maximum requests per second toward the target"),
            Setting.plain("workers", "cases sent concurrently"),
            Setting.plain("timeout", "per-request timeout"),
            Setting.plain("reports", "output folder"),
            Setting.plain("spec", "the OpenAPI document to load"),
            Setting.plain("maxBodyBytes", "response bodies are read up to this size"),
            Setting.plain("trustStore", "a trust store to verify an https target against"),
            Setting.secret("trustStorePassword", "the trust store's password"),
            Setting.plain("reference", "how the embedded target answers: document or chatwoot"),
            Setting.plain("quiet", "print only the verdict line and errors"),
            Setting.plain("history", "a previous Allure report whose history the new report continues"),
            Setting.plain("shard", "names this run's slice of a sharded run"),
            Setting.plain("shards", "merge: the folder holding one reports folder per shard"),
            Setting.plain("expectedShards", "merge: how many shards must have reported"),
            Setting.plain("requireAllChecks", "true: a check that could not run makes the run INCONCLUSIVE"),
            Setting.plain("storedCases", "false sends no stored failing cases"));

    /** Names further apart than this from every setting get no suggestion: a guess that far off misleads. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private final Map<String, Setting> byKey;

    private KnownSettings(Map<String, Setting> byKey) {
        this.byKey = byKey;
    }

    public static KnownSettings core() {
        return new KnownSettings(index(new LinkedHashMap<>(), CORE));
    }

    /** These settings and an extension's own; a key both know is a programming error. */
    public KnownSettings with(Collection<Setting> more) {
        return new KnownSettings(index(new LinkedHashMap<>(byKey), more));
    }

    private static Map<String, Setting> index(Map<String, Setting> into, Collection<Setting> settings) {
        for (Setting s : settings) {
            if (into.putIfAbsent(s.key(), s) != null) {
                throw new IllegalArgumentException("two settings are called " + s.key());
            }
        }
        return into;
    }

    public List<Setting> all() {
        return List.copyOf(byKey.values());
    }

    /** Whether {@code property} (a {@code conformance.*} name) is a known setting that is not a secret. */
    boolean isPlainProperty(String property) {
        return byKey.values().stream().anyMatch(s -> !s.secret() && s.property().equals(property));
    }

    /**
     * Stops the run on the first {@code conformance.*} property or {@code CONFORMANCE_*} variable that is not a
     * setting, naming the closest one: a typo must never silently test something else. Only the name is quoted,
     * never the value (it may be a misspelled secret).
     */
    public void requireKnown(Settings given) {
        for (String property : given.propertyNames()) {
            if (byKey.values().stream().noneMatch(s -> s.property().equals(property))) {
                throw unknown("the system property " + property, property.substring(Settings.PROPERTY_PREFIX.length()));
            }
        }
        for (String variable : given.variableNames()) {
            if (byKey.values().stream().noneMatch(s -> s.envName().equals(variable))) {
                throw unknown("the environment variable " + variable, variable.substring(Settings.ENV_PREFIX.length()));
            }
        }
    }

    private ConfigException unknown(String what, String name) {
        String hint = closest(name).map(s -> "did you mean " + s.property() + " (" + s.envName() + ": " + s.meaning() + ")?")
                .orElse("the settings table in README.md lists every setting.");
        return new ConfigException(what + " is not a setting of the suite; " + hint);
    }

    private Optional<Setting> closest(String name) {
        String wanted = normalized(name);
        return byKey.values().stream()
                .map(s -> Map.entry(s, distance(wanted, normalized(s.key()))))
                .filter(e -> e.getValue() <= MAX_SUGGESTION_DISTANCE)
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Case and word separators do not tell settings apart: baseurl, BASEURL and BASE_URL all mean baseUrl. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
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
