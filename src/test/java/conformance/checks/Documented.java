package conformance.checks;

import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.contract.Response;
import conformance.contract.ResponseKey;
import conformance.contract.StrictSchemas;
import conformance.generation.Json;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Operations and responses written in memory for the checks' unit tests: only what a check reads is filled in. */
public final class Documented {
    private static final ContractLoader COMPILER = new ContractLoader();

    /** A conversation as the document describes it, small: enough for the schema checks to find something. */
    public static final String CONVERSATION = """
            {"type": "object", "properties": {"id": {"type": "integer"}, "uuid": {"type": "string"},
             "status": {"type": "string", "enum": ["open", "resolved"]},
             "contact": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": ["string", "null"]}}}}}
            """;
    public static final String ERROR = """
            {"type": "object", "properties": {"description": {"type": "string"}}, "required": ["description"]}
            """;

    private Documented() {
    }

    /** create-a-conversation as the document has it: 200 with a conversation, 401 with an error, both JSON. */
    public static Operation createConversation() {
        return operation("create-a-conversation", json("200", CONVERSATION), json("401", ERROR));
    }

    public static Operation operation(String id, Response... responses) {
        TreeMap<ResponseKey, Response> byKey = new TreeMap<>();
        for (Response r : responses) {
            byKey.put(r.key(), r);
        }
        return new Operation(id, List.of(), "POST", "/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations",
                List.of(), Optional.empty(), byKey);
    }

    /** A JSON response documented under {@code key} (a status, a range or default) with this schema. */
    public static Response json(String key, String schema) {
        JsonNode node = Json.MAPPER.readTree(schema);
        return new Response(ResponseKey.parse(key).orElseThrow(), key, Optional.of("application/json"),
                Optional.of(COMPILER.compile(key, node)),
                Optional.of(COMPILER.compile(key + " (strict)", StrictSchemas.requireAll(node))));
    }

    /** A response documented without a body (like update-last-seen's 200). */
    public static Response empty(String key) {
        return new Response(ResponseKey.parse(key).orElseThrow(), key, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
