package conformance.bench;

import conformance.config.ConfigException;
import conformance.config.RunConfig;
import conformance.config.Settings;
import java.util.Map;

/**
 * Whether this build knows {@code conformance.workers} (cases sent concurrently). Settings it does not know are
 * ignored, so a sweep over workers would silently measure one worker each time: a value no build accepts tells.
 */
final class Workers {
    private Workers() {
    }

    static boolean supported() {
        try {
            RunConfig.from(Settings.of(Map.of("workers", "not-a-number")));
            return false;
        } catch (ConfigException e) {
            return e.getMessage().contains("workers");
        }
    }
}
