package conformance.extension;

import java.util.List;
import java.util.Optional;

/**
 * What a replay command needs of an extension's settings: its {@code -D} properties as given, an environment
 * placeholder for each secret it was given (never the value), and the embedded target's variant when that was tested.
 */
public record Reproduction(List<String> properties, List<String> secrets, Optional<String> embeddedVariant) {
    public Reproduction {
        properties = List.copyOf(properties);
        secrets = List.copyOf(secrets);
    }
}
