package conformance.config;

/**
 * How much a run says on the console: everything (stages, progress, where the reports are), or, for CI logs
 * ({@code conformance.quiet=true}), only the verdict line and errors.
 */
public enum Verbosity {
    NORMAL, QUIET;

    public static Verbosity from(Settings settings) {
        return settings.flag("quiet", false) ? QUIET : NORMAL;
    }
}
