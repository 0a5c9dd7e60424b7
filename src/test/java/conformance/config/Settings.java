package conformance.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from: a system property {@code conformance.x}, else its environment twin {@code CONFORMANCE_X}.
 * Both sources are passed in, so tests can build any configuration without touching the JVM's global state.
 */
public final class Settings {
    static final String PROPERTY_PREFIX = "conformance.";
    static final String ENV_PREFIX = "CONFORMANCE_";

    private final Properties properties;
    private final Map<String, String> environment;

    public Settings(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * The JVM's settings, taken once: then every {@code conformance.*} system property that is a secret, or unknown to
     * {@code known} (it may be a misspelled secret), is removed from the JVM, because Surefire and Failsafe copy the
     * forked JVM's system properties into its JUnit XML when a test set ends.
     */
    public static Settings fromSystem(KnownSettings known) {
        Properties taken = new Properties();
        System.getProperties().stringPropertyNames().forEach(n -> taken.setProperty(n, System.getProperty(n)));
        taken.stringPropertyNames().stream().filter(n -> n.startsWith(PROPERTY_PREFIX) && !known.isPlainProperty(n))
                .forEach(System::clearProperty);
        return new Settings(taken, Map.copyOf(System.getenv()));
    }

    /** Settings from short keys ({@code seed}, {@code baseUrl}, …), as tests build them. */
    public static Settings of(Map<String, String> settings) {
        Properties p = new Properties();
        settings.forEach((k, v) -> p.setProperty(property(k), v));
        return new Settings(p, Map.of());
    }

    /** The value of {@code conformance.<key>}, blank values counting as absent. */
    public Optional<String> get(String key) {
        String value = properties.getProperty(property(key));
        if (value == null || value.isBlank()) {
            value = environment.get(envName(key));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** An environment variable that is not a setting ({@code HTTPS_PROXY}, …), blank counting as absent. */
    public Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Whether {@code conformance.<key>} was given at all, even with a blank value. */
    public boolean given(String key) {
        return properties.getProperty(property(key)) != null || environment.containsKey(envName(key));
    }

    /** A yes/no setting ({@code true}/{@code false}, {@code yes}/{@code no}, {@code 1}/{@code 0}), or {@code otherwise} when unset. */
    public boolean flag(String key, boolean otherwise) {
        return get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException(name(key) + ": '" + v + "' is not true or false.");
        }).orElse(otherwise);
    }

    /** The {@code conformance.*} properties given, known or not. */
    public List<String> propertyNames() {
        return properties.stringPropertyNames().stream().filter(n -> n.startsWith(PROPERTY_PREFIX)).sorted().toList();
    }

    /** The {@code CONFORMANCE_*} environment variables given, known or not. */
    public List<String> variableNames() {
        return environment.keySet().stream().filter(n -> n.startsWith(ENV_PREFIX)).sorted().toList();
    }

    public static String property(String key) {
        return PROPERTY_PREFIX + key;
    }

    /** {@code baseUrl} becomes {@code CONFORMANCE_BASE_URL}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** How a message names a setting: both spellings, so users of either find it. */
    public static String name(String key) {
        return property(key) + " (" + envName(key) + ")";
    }
}
