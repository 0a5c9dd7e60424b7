package conformance.run;

/** The suite could not prepare what it needs on the target (a contact); the run is INCONCLUSIVE. */
final class SetupFailure extends RuntimeException {
    SetupFailure(String message) {
        super(message);
    }
}
