package conformance.config;

/**
 * A setting the suite knows: its short key ({@code baseUrl} for {@code conformance.baseUrl} and
 * {@code CONFORMANCE_BASE_URL}), whether its value is a secret (never written anywhere), and what it means in one line.
 */
public record Setting(String key, boolean secret, String meaning) {

    public static Setting plain(String key, String meaning) {
        return new Setting(key, false, meaning);
    }

    public static Setting secret(String key, String meaning) {
        return new Setting(key, true, meaning);
    }

    public String property() {
        return Settings.property(key);
    }

    public String envName() {
        return Settings.envName(key);
    }
}
