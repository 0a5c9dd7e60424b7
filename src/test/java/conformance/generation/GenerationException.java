package conformance.generation;

/** A schema admits no value the generator can make (e.g. {@code false}, or contradictory bounds). */
public final class GenerationException extends RuntimeException {
    public GenerationException(String message) {
        super(message);
    }
}
