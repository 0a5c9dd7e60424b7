package conformance.links;

import conformance.contract.Contract;
import conformance.contract.DeclaredLink;
import conformance.contract.LinkObject;
import conformance.contract.Operation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A Link Object as written (in the document or an overlay) resolved to a {@link Link}: its target found, its expressions parsed. */
final class Declarations {
    private static final String PATHS = "#/paths/";

    private Declarations() {
    }

    static Link resolve(Contract contract, DeclaredLink declared, Origin origin) {
        LinkObject object = declared.link();
        Map<String, RuntimeExpression> parameters = new LinkedHashMap<>();
        object.parameters().forEach((name, expression) -> parameters.put(name, RuntimeExpression.parse(expression)));
        return new Link(declared.name(), declared.source(), declared.status(), target(contract, object), parameters,
                object.requestBody().map(RuntimeExpression::parse), origin, object.description());
    }

    private static String target(Contract contract, LinkObject object) {
        if (object.operationId().isPresent() == object.operationRef().isPresent()) {
            throw new LinkException("it must name its target by exactly one of operationId and operationRef");
        }
        if (object.operationId().isPresent()) {
            String id = object.operationId().get();
            if (!contract.operations().containsKey(id)) {
                throw new LinkException("its operationId '" + id + "' is not an operation of the document");
            }
            return id;
        }
        return byReference(contract, object.operationRef().get());
    }

    /** {@code #/paths/~1a~1{b}/get}: the operation at that path and method of this document. */
    private static String byReference(Contract contract, String ref) {
        int slash = ref.lastIndexOf('/');
        if (!ref.startsWith(PATHS) || slash < PATHS.length()) {
            throw new LinkException("its operationRef '" + ref + "' is not of the form #/paths/{escaped path}/{method}; "
                    + "only operations of this document can be linked");
        }
        String path = ref.substring(PATHS.length(), slash).replace("~1", "/").replace("~0", "~");
        String method = ref.substring(slash + 1).toUpperCase(Locale.ROOT);
        Optional<Operation> found = contract.operations().values().stream()
                .filter(op -> op.pathTemplate().equals(path) && op.method().equals(method)).findFirst();
        return found.map(Operation::id).orElseThrow(() -> new LinkException("its operationRef '" + ref
                + "' points at no operation of the document (" + method + " " + path + ")"));
    }
}
