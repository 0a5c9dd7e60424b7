package conformance.contract;

/** The OpenAPI document cannot be used: it does not parse, or lacks what the suite tests. */
public final class ContractException extends RuntimeException {
    public ContractException(String message) {
        super(message);
    }
}
