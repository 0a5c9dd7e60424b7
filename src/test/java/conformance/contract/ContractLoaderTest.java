package conformance.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.contract.Parameter.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContractLoaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path WHOLE = Path.of("spec/client_swagger.json");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** A small document held in memory: {@code paths} is YAML indented as under {@code paths:}. */
    private static Contract document(String paths) {
        String yaml = """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                components:
                  parameters:
                    inbox: {name: inbox, in: path, required: true, schema: {type: string}}
                paths:
                """ + paths.indent(2);
        return new ContractLoader().load(Path.of("memory.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The one message a small document that cannot be used gets. */
    private static String refused(String paths) {
        return assertThrows(ContractException.class, () -> document(paths)).getMessage();
    }

    /** The message for an operation {@code list} with these parameters (YAML list items). */
    private static String refusedWithParameters(String parameters) {
        return refused("/items:\n  get:\n    operationId: list\n    parameters:\n" + parameters.indent(6)
                + "    responses:\n      '200': {description: ok}\n");
    }

    @Test
    void loadsTheCreateConversationOperationWithResolvedSchemas() {
        Contract contract = new ContractLoader().load(WHOLE);
        Operation op = contract.operation(Contract.CREATE_CONVERSATION);
        assertEquals("POST", op.method());
        assertEquals(List.of(ResponseKey.status(200), ResponseKey.status(401)), List.copyOf(op.responses().keySet()));
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
        Operation whole = loader.load(WHOLE).operation(Contract.CREATE_CONVERSATION);
        assertEquals(seed.pathTemplate(), whole.pathTemplate());
        assertEquals(described(seed.parameters()), described(whole.parameters()));
        assertEquals(seed.requestSchema().orElseThrow().node(), whole.requestSchema().orElseThrow().node());
        assertEquals(seed.responses().keySet(), whole.responses().keySet());
        for (ResponseKey key : seed.responses().keySet()) {
            assertEquals(seed.responses().get(key).schema().orElseThrow().node(),
                    whole.responses().get(key).schema().orElseThrow().node(), "schema of " + key);
        }
    }

    private static List<String> described(List<Parameter> parameters) {
        return parameters.stream().map(p -> p.in() + " " + p.name() + " " + p.required() + " "
                + p.schema().map(JsonSchema::node).orElse(null)).toList();
    }

    @Test
    void theWholeDocumentHasTwelveOperationsEachWithItsPathParametersBodyAndStatuses() {
        Contract contract = new ContractLoader().load(WHOLE);
        Set<String> withBody = Set.of("create-a-contact", "update-a-contact", "create-a-conversation",
                "toggle-typing-status", "create-a-message", "update-a-message");
        Set<String> with404 = Set.of("get-details-of-a-contact", "get-single-conversation", "resolve-conversation",
                "toggle-typing-status", "update-last-seen");
        Map<String, String> methods = new LinkedHashMap<>();
        for (String entry : List.of("create-a-contact POST", "get-details-of-a-contact GET", "update-a-contact PATCH",
                "list-all-contact-conversations GET", "create-a-conversation POST", "get-single-conversation GET",
                "resolve-conversation POST", "toggle-typing-status POST", "update-last-seen POST",
                "list-all-conversation-messages GET", "create-a-message POST", "update-a-message PATCH")) {
            methods.put(entry.split(" ")[0], entry.split(" ")[1]);
        }
        assertEquals(List.copyOf(methods.keySet()), List.copyOf(contract.operations().keySet()), "paths in document order, each path's operations in swagger-parser's method order");
        for (Operation op : contract.operations().values()) {
            assertEquals(methods.get(op.id()), op.method(), op.id());
            // every {name} of the path template is a required path parameter, declared at path level by $ref
            List<String> inTemplate = PATH_PARAMETER.matcher(op.pathTemplate()).results().map(m -> m.group(1)).toList();
            List<Parameter> path = op.parameters(Location.PATH);
            assertEquals(inTemplate, path.stream().map(Parameter::name).toList(), op.id());
            for (Parameter p : path) {
                assertTrue(p.required(), op.id() + " " + p.name());
                String type = p.name().endsWith("_id") ? "integer" : "string";
                assertEquals(type, p.schema().orElseThrow().node().path("type").asString(), op.id() + " " + p.name());
            }
            assertEquals(withBody.contains(op.id()), op.requestBody().isPresent(), op.id());
            assertEquals(withBody.contains(op.id()), op.requestBodyRequired(), op.id());
            op.requestBody().ifPresent(b -> assertEquals(List.of("application/json"),
                    b.contents().stream().map(MediaContent::mediaType).toList(), op.id()));
            assertEquals(with404.contains(op.id()) ? "[200, 401, 404]" : "[200, 401]", op.responses().keySet().toString(), op.id());
            assertEquals("[200]", op.successStatuses().toString(), op.id());
            assertEquals(with404.contains(op.id()) ? "[401, 404]" : "[401]", op.rejectionStatuses().toString(), op.id());
        }
        assertTrue(contract.operation("update-last-seen").response(200).orElseThrow().mediaType().isEmpty(),
                "update-last-seen documents a 200 without a body");
    }

    @Test
    void toggleTypingStatusDeclaresTypingStatusTwiceAndBothDeclarationsAreKeptAsWritten() {
        Operation typing = new ContractLoader().load(WHOLE).operation("toggle-typing-status");
        List<Parameter> query = typing.parameters(Location.QUERY);
        assertEquals(List.of("typing_status"), query.stream().map(Parameter::name).toList());
        assertTrue(query.get(0).required());
        JsonSchema inQuery = query.get(0).schema().orElseThrow();
        JsonSchema body = typing.requestSchema().orElseThrow();
        // the query declaration takes any string, the body's only on/off: neither is merged into the other
        assertTrue(inQuery.validate(JSON.readTree("\"ON\"")).isEmpty());
        assertFalse(body.validate(JSON.readTree("{\"typing_status\":\"ON\"}")).isEmpty());
        assertTrue(body.validate(JSON.readTree("{\"typing_status\":\"off\"}")).isEmpty());
        assertEquals(Set.of("typing_status"), typing.declaredTwice());
        assertTrue(new ContractLoader().load(WHOLE).operation(Contract.CREATE_CONVERSATION).declaredTwice().isEmpty());
    }

    @Test
    void parametersMergePathLevelAndOperationLevelDeclarationsWithRefsResolved() {
        Operation op = document("""
                /inboxes/{inbox}/items:
                  parameters:
                    - $ref: '#/components/parameters/inbox'
                    - {name: page, in: query, schema: {type: integer}}
                  get:
                    operationId: list
                    parameters:
                      - {name: page, in: query, required: true, schema: {type: integer, minimum: 1}}
                      - {name: X-Trace, in: header, schema: {type: string, maxLength: 4}}
                      - {name: Accept, in: header, schema: {type: string}}
                      - {name: session, in: cookie, schema: {type: string}}
                      - name: filter
                        in: query
                        content:
                          application/json: {schema: {type: object, required: [q]}}
                    responses:
                      '200': {description: ok}
                """).operation("list");
        assertEquals(List.of("path inbox", "query page", "header X-Trace", "cookie session", "query filter"),
                op.parameters().stream().map(p -> p.in() + " " + p.name()).toList(),
                "the operation's page replaces the path's, in the path's place; Accept is ignored (OpenAPI says so)");
        Parameter page = op.parameters(Location.QUERY).get(0);
        assertTrue(page.required(), "the operation-level declaration wins");
        assertFalse(page.schema().orElseThrow().validate(JSON.readTree("0")).isEmpty(), "with its own schema");
        assertEquals("string", op.parameters(Location.PATH).get(0).schema().orElseThrow().node().path("type").asString());
        assertFalse(op.parameters(Location.HEADER).get(0).required());
        assertFalse(op.parameters(Location.HEADER).get(0).schema().orElseThrow().validate(JSON.readTree("\"12345\"")).isEmpty());
        Parameter filter = op.parameters(Location.QUERY).get(1);
        assertFalse(filter.schema().orElseThrow().validate(JSON.readTree("{}")).isEmpty(), "a parameter's schema may come from its content");
        assertTrue(op.requestBody().isEmpty(), "an operation without a body has none");
        assertFalse(op.requestBodyRequired());
        assertTrue(op.requestMediaType().isEmpty());
    }

    @Test
    void aPathParameterIsRequiredEvenWhenTheDocumentForgetsToSaySo() {
        Operation op = document("""
                /items/{item}:
                  get:
                    operationId: get
                    parameters:
                      - {name: item, in: path, schema: {type: integer}}
                    responses:
                      '200': {description: ok}
                """).operation("get");
        assertTrue(op.parameters(Location.PATH).get(0).required());
    }

    @Test
    void oneListNamingAParameterTwiceGetsOneClearMessage() {
        String message = refusedWithParameters("""
                - {name: page, in: query, schema: {type: integer}}
                - {name: page, in: query, schema: {type: string}}
                """);
        assertTrue(message.contains("paths.'/items'(get).parameters. There are duplicate parameter values"), message);
    }

    @Test
    void aParameterRefThatDoesNotResolveGetsOneClearMessage() {
        String message = refusedWithParameters("""
                - $ref: '#/components/parameters/missing'
                """);
        assertTrue(message.contains("list has a parameter without a name (#/components/parameters/missing does not resolve)"),
                message);
    }

    @Test
    void aParameterInAnUnknownLocationGetsOneClearMessageInsteadOfBeingDropped() {
        String message = refusedWithParameters("""
                - {name: page, in: body, schema: {type: integer}}
                """);
        assertTrue(message.contains("memory.yaml is not a usable OpenAPI document: attribute paths.'/items'(get)"
                + ".parameters.[page].in is not of type"), message);
    }

    @Test
    void aRequestBodyByRefIsResolved() {
        String yaml = """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                components:
                  requestBodies:
                    item: {required: true, content: {application/json: {schema: {type: object, required: [name]}}}}
                paths:
                  /items:
                    post:
                      operationId: create
                      requestBody: {$ref: '#/components/requestBodies/item'}
                      responses:
                        '200': {description: ok}
                """;
        Operation op = new ContractLoader().load(Path.of("memory.yaml"), yaml.getBytes(StandardCharsets.UTF_8)).operation("create");
        assertTrue(op.requestBodyRequired());
        assertFalse(op.requestSchema().orElseThrow().validate(JSON.readTree("{}")).isEmpty());
    }

    @Test
    void aRequestBodyKeepsEveryMediaTypeInDocumentOrder() {
        Operation op = document("""
                /items:
                  post:
                    operationId: create
                    requestBody:
                      content:
                        application/json: {schema: {type: object, required: [name]}}
                        application/x-www-form-urlencoded: {schema: {type: object, required: [title]}}
                        text/plain: {}
                    responses:
                      '200': {description: ok}
                """).operation("create");
        RequestBody body = op.requestBody().orElseThrow();
        assertFalse(body.required());
        assertEquals(List.of("application/json", "application/x-www-form-urlencoded", "text/plain"),
                body.contents().stream().map(MediaContent::mediaType).toList());
        assertFalse(body.contents().get(0).schema().orElseThrow().validate(JSON.readTree("{\"title\":\"x\"}")).isEmpty());
        assertTrue(body.contents().get(1).schema().orElseThrow().validate(JSON.readTree("{\"title\":\"x\"}")).isEmpty());
        assertTrue(body.contents().get(2).schema().isEmpty());
        assertEquals(java.util.Optional.of("application/json"), op.requestMediaType(), "the suite sends the first");
        assertEquals(body.contents().get(0).schema(), op.requestSchema());
    }

    @Test
    void aStatusFindsItsResponseByStatusThenRangeThenDefault() {
        Operation op = document("""
                /items:
                  get:
                    operationId: list
                    responses:
                      default: {description: anything else}
                      4XX: {description: some rejection}
                      '404': {description: not found}
                      2XX: {description: some success}
                      '200': {description: ok}
                """).operation("list");
        assertEquals("[200, 404, 2XX, 4XX, default]", op.responses().keySet().toString(), "sorted by precedence");
        Map<Integer, String> expected = Map.of(200, "ok", 204, "some success", 404, "not found", 422, "some rejection",
                500, "anything else", 302, "anything else");
        expected.forEach((status, description) ->
                assertEquals(description, op.response(status).orElseThrow().description(), "status " + status));
        assertTrue(op.documents(599));
        assertEquals("ok", op.success().orElseThrow().description());
        assertEquals("[200, 2XX]", op.successStatuses().toString());
        assertEquals("[404, 4XX]", op.rejectionStatuses().toString());
        assertTrue(op.documentsRejection(418));
        assertFalse(op.documentsRejection(500), "default documents a 500, but a 500 rejects nothing");
    }

    @Test
    void withoutDefaultAStatusOutsideEveryKeyIsUndocumented() {
        Operation op = document("""
                /items:
                  get:
                    operationId: list
                    responses:
                      2XX: {description: some success}
                      '401': {description: unauthorized}
                """).operation("list");
        assertTrue(op.documents(201));
        assertTrue(op.documents(401));
        assertFalse(op.documents(404));
        assertFalse(op.documents(500));
        assertFalse(op.documentsRejection(404));
        assertEquals("some success", op.success().orElseThrow().description(), "a range is a documented success");
        assertEquals("[401]", op.rejectionStatuses().toString());
    }

    @Test
    void aResponseKeyThatIsNoStatusRangeOrDefaultGetsOneClearMessage() {
        String message = refused("""
                /items:
                  get:
                    operationId: list
                    responses:
                      20X: {description: what}
                """);
        assertTrue(message.contains("list documents a response under '20X'"), message);
    }

    @Test
    void anUnparsableDocumentGetsOneClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "openapi: [this is: not\n  valid");
        ContractException e = assertThrows(ContractException.class, () -> new ContractLoader().load(bad));
        assertTrue(e.getMessage().contains("not a usable OpenAPI document"), e.getMessage());
    }

    @Test
    void aFileIsParsedOnceUntilItsContentChanges() throws Exception {
        Path copy = Path.of("target", "contract-cache", "client_swagger.json");
        Files.createDirectories(copy.getParent());
        Files.write(copy, Files.readAllBytes(WHOLE));
        Contract first = new ContractLoader().load(copy);
        assertSame(first, new ContractLoader().load(copy));
        Files.writeString(copy, Files.readString(WHOLE) + "\n");
        Contract changed = new ContractLoader().load(copy);
        assertNotEquals(first.sha256(), changed.sha256());
        assertSame(changed, new ContractLoader().load(copy));
    }
}
