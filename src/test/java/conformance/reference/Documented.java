package conformance.reference;

import static conformance.reference.ReferenceClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import conformance.generation.Json;
import io.restassured.response.Response;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The document's verdict on an answer of the reference target; the document is parsed once per test JVM. */
final class Documented {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);

    private Documented() {
    }

    /**
     * The answer is what the document says {@code operationId} answers with this status: documented, of the documented
     * media type, and valid against the documented schema; or, documented without content, without a body.
     */
    static JsonNode assertDocumented(String operationId, Response r) {
        conformance.contract.Response documented = CONTRACT.operation(operationId).response(r.statusCode())
                .orElseThrow(() -> new AssertionError(operationId + " does not document " + r.statusCode() + ": " + r.asString()));
        if (documented.mediaType().isEmpty()) {
            assertEquals(0, r.asByteArray().length, operationId + " " + r.statusCode() + " documents no body");
            return Json.NODES.missingNode();
        }
        assertTrue(r.contentType().startsWith(documented.mediaType().get()), r.contentType());
        JsonNode body = json(r);
        JsonSchema schema = documented.schema().orElseThrow();
        List<JsonSchema.Violation> violations = schema.validate(body);
        assertTrue(violations.isEmpty(), operationId + " " + r.statusCode() + ": " + violations + " in " + body);
        return body;
    }
}
