package conformance.generation;

import java.util.Optional;

/**
 * The rule a negative case breaks: its name, and for schema rules where the schema must reject the payload
 * (instance pointer and keyword), so a shrunk case can be re-checked to break the same rule.
 */
public record BrokenRule(String name, Optional<String> pointer, Optional<String> keyword) {
    @Override
    public String toString() {
        return name;
    }
}
