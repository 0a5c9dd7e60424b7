package conformance.config;

/** A setting is missing or wrong; the message names the setting and the fix, and the run stops before any request. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
