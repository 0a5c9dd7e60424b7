package conformance.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of settings (DESIGN §4: an unknown setting is an error, never silently ignored). The engine's own
 * settings come from {@link #core()}; an extension contributes its own with {@link #with}. The README's settings
 * table lists the same keys as the registry a run validates with (a self-test keeps them in step).
 */
public final class KnownSettings {
    private static final List<Setting> CORE = List.of(
            Setting.plain("baseUrl", "target base URL"),
            Setting.plain("tries", "schema-valid payloads per run"),
            Setting.plain("seed", "replay a run exactly"),
            Setting.plain("sequences", "seeded random walks over the links, beside the named sequences"),
            Setting.plain("sequenceLength", "most steps of a random walk"),
            Setting.plain("replay", "the id of a stored sequence finding: send only its chain"),
            Setting.plain("profile", "spec or strict"),
            Setting.plain("waivers", "path of a waivers file"),
            Setting.plain("rateLimit", "maximum requests per second toward the target"),
            Setting.plain("workers", "cases, then whole sequences, sent concurrently"),
            Setting.plain("timeout", "per-request timeout"),
            Setting.plain("waitFor", "how long to wait for the target to come up before the first case"),
            Setting.plain("reports", "output folder"),
            Setting.plain("harMaxEntries", "exchanges.har holds at most this many exchanges"),
            Setting.plain("spec", "the OpenAPI document to load"),
            Setting.plain("maxBodyBytes", "response bodies are read up to this size"),
            Setting.plain("trustStore", "a trust store to verify an https target against"),
            Setting.secret("trustStorePassword", "the trust store's password"),
            Setting.secret("headers", "extra request headers for a gateway, one 'Name: value' a line"),
            Setting.secret("proxy", "an HTTP proxy, http://[user[:password]@]host:port"),
            Setting.plain("quiet", "print only the verdict line and errors"),
            Setting.plain("history", "a previous Allure report whose history the new report continues"),
            Setting.plain("shard", "names this run's slice of a sharded run"),
            Setting.plain("shards", "merge: the folder holding one reports folder per shard"),
            Setting.plain("expectedShards", "merge: how many shards must have reported"),
            Setting.plain("requireAllChecks", "true: a check that could not run makes the run INCONCLUSIVE"),
            Setting.plain("storedCases", "false sends no stored failing cases"),
            Setting.plain(Selection.OPERATIONS, "operation ids or tags to test, comma-separated"),
            Setting.plain(Selection.CHECKS, "check ids to run, comma-separated"),
            Setting.plain(Selection.EXCLUDE_CHECKS, "check ids not to run, comma-separated"));

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
        String hint = Closest.to(name, byKey.values(), Setting::key)
                .map(s -> "did you mean " + s.property() + " (" + s.envName() + ": " + s.meaning() + ")?")
                .orElse("the settings table in README.md lists every setting.");
        return new ConfigException(what + " is not a setting of the suite; " + hint);
    }
}
