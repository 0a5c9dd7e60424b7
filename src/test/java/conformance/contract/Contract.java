package conformance.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The loaded document: where it came from, its hash (for reproducible certificates) and its operations by id: paths
 * in document order, the operations of one path in swagger-parser's method order (GET before POST), and the Link
 * Objects its responses declare, as written (the links stage resolves and checks them).
 */
public record Contract(Path path, String sha256, String title, String version, Map<String, Operation> operations,
                       List<DeclaredLink> links) {

    public Contract {
        links = List.copyOf(links);
    }

    public static final String CREATE_CONVERSATION = "create-a-conversation";
    public static final String CREATE_CONTACT = "create-a-contact";

    public Operation operation(String operationId) {
        Operation op = operations.get(operationId);
        if (op == null) {
            throw new ContractException(path + " has no operation '" + operationId + "'; the suite needs it. "
                    + "Operations found: " + operations.keySet());
        }
        return op;
    }
}
