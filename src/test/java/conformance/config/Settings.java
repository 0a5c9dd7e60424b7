package conformance.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from: a system property {@code conformance.x}, else its environment twin {@code CONFORMANCE_X}.
 * Both sources are passed in, so tests can build any configuration without touching the JVM's global state.
 */
public final class Settings {
    private final Properties properties;
    private final Map<String, String> environment;

    public Settings(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Settings fromSystem() {
        return new Settings(System.getProperties(), System.getenv());
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

    public static String property(String key) {
        return "conformance." + key;
    }

    /** {@code baseUrl} becomes {@code CONFORMANCE_BASE_URL}. */
    public static String envName(String key) {
        return "CONFORMANCE_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** How a message names a setting: both spellings, so users of either find it. */
    public static String name(String key) {
        return property(key) + " (" + envName(key) + ")";
    }
}
