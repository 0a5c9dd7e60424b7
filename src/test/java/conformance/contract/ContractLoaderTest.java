package conformance.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContractLoaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void loadsTheCreateConversationOperationWithResolvedSchemas() {
        Contract contract = new ContractLoader().load(Path.of("spec/client_swagger.json"));
        Operation op = contract.operation(Contract.CREATE_CONVERSATION);
        assertEquals("POST", op.method());
        assertEquals(java.util.Set.of(200, 401), op.responses().keySet());
        JsonSchema ok = op.response(200).orElseThrow().schema().orElseThrow();
        // nested schemas are inlined: a wrong type deep inside the contact is caught with its pointer
        var violations = ok.validate(JSON.readTree("{\"status\":\"closed\",\"contact\":{\"blocked\":\"no\"}}"));
        assertTrue(violations.stream().anyMatch(v -> v.pointer().equals("/status")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.pointer().equals("/contact/blocked")), violations.toString());
        assertTrue(ok.validate(JSON.readTree("{\"id\":1,\"contact\":{\"name\":null}}")).isEmpty());
        JsonSchema error = op.response(401).orElseThrow().schema().orElseThrow();
        assertFalse(error.validate(JSON.readTree("{\"errors\":{}}")).isEmpty());
        assertTrue(contract.operations().containsKey(Contract.CREATE_CONTACT));
    }

    @Test
    void theSeedAndTheWholeDocumentAgreeOnTheOperation() {
        ContractLoader loader = new ContractLoader();
        Operation seed = loader.load(Path.of("spec/create-a-conversation.openapi.yaml")).operation(Contract.CREATE_CONVERSATION);
        Operation whole = loader.load(Path.of("spec/client_swagger.json")).operation(Contract.CREATE_CONVERSATION);
        assertEquals(seed.pathTemplate(), whole.pathTemplate());
        assertEquals(seed.requestSchema().orElseThrow().node(), whole.requestSchema().orElseThrow().node());
        for (int status : seed.responses().keySet()) {
            assertEquals(seed.response(status).orElseThrow().schema().orElseThrow().node(),
                    whole.response(status).orElseThrow().schema().orElseThrow().node(), "schema of " + status);
        }
    }

    @Test
    void anUnparsableDocumentGetsOneClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "openapi: [this is: not\n  valid");
        ContractException e = assertThrows(ContractException.class, () -> new ContractLoader().load(bad));
        assertTrue(e.getMessage().contains("not a usable OpenAPI document"), e.getMessage());
    }
}
