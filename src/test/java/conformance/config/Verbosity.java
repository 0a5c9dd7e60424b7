package conformance.config;

import java.util.Locale;

/**
 * How much a run says on the console: everything (stages, progress, where the reports are), or, for CI logs
 * ({@code conformance.quiet=true}), only the verdict line and errors.
 */
public enum Verbosity {
    NORMAL, QUIET;

    public static Verbosity from(Settings settings) {
        return settings.get("quiet").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> QUIET;
            case "false", "no", "0" -> NORMAL;
            default -> throw new ConfigException(Settings.name("quiet") + ": '" + v + "' is not true or false.");
        }).orElse(NORMAL);
    }
}
