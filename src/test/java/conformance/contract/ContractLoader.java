package conformance.contract;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenAPI document with swagger-parser, inlines every {@code $ref}, and compiles each request and response
 * schema once with networknt as JSON Schema draft 2020-12.
 */
public final class ContractLoader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    public Contract load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ContractException("cannot read the OpenAPI document " + path + ": " + e.getMessage());
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(new String(bytes, StandardCharsets.UTF_8), null, options);
        OpenAPI api = result == null ? null : result.getOpenAPI();
        if (api == null || api.getPaths() == null || api.getPaths().isEmpty()) {
            String why = result == null || result.getMessages() == null || result.getMessages().isEmpty()
                    ? "no paths found" : String.join("; ", result.getMessages());
            throw new ContractException(path + " is not a usable OpenAPI document: " + why);
        }
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getOperationId() != null) {
                operations.put(op.getOperationId(), operation(op.getOperationId(), method, template, op));
            }
        }));
        String title = api.getInfo() == null ? "" : api.getInfo().getTitle();
        String version = api.getInfo() == null ? "" : api.getInfo().getVersion();
        return new Contract(path, sha256(bytes), title, version, Map.copyOf(operations));
    }

    private Operation operation(String id, PathItem.HttpMethod method, String template,
                                io.swagger.v3.oas.models.Operation op) {
        RequestBody body = op.getRequestBody();
        Optional<Map.Entry<String, MediaType>> requestContent = first(body == null ? null : body.getContent());
        TreeMap<Integer, Response> responses = new TreeMap<>();
        if (op.getResponses() != null) {
            op.getResponses().forEach((code, response) -> {
                if (code.matches("\\d{3}")) {
                    responses.put(Integer.parseInt(code), response(id, Integer.parseInt(code), response));
                }
            });
        }
        return new Operation(id, method.name(), template,
                requestContent.map(Map.Entry::getKey),
                requestContent.map(e -> compile(id + " request", e.getValue().getSchema())),
                body != null && Boolean.TRUE.equals(body.getRequired()),
                responses);
    }

    private Response response(String operationId, int status, ApiResponse response) {
        Optional<Map.Entry<String, MediaType>> content = first(response.getContent());
        Optional<JsonSchema> schema = content.flatMap(e -> Optional.ofNullable(e.getValue().getSchema()))
                .map(s -> compile(operationId + " " + status, s));
        return new Response(status, response.getDescription() == null ? "" : response.getDescription(),
                content.map(Map.Entry::getKey), schema,
                schema.map(s -> compile(s.name() + " (strict)", StrictSchemas.requireAll(s.node()))));
    }

    private static Optional<Map.Entry<String, MediaType>> first(Content content) {
        return content == null ? Optional.empty() : content.entrySet().stream().findFirst();
    }

    private JsonSchema compile(String name, Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        try {
            return compile(name, JSON.readTree(Json31.mapper().writeValueAsString(schema)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ContractException("the schema of " + name + " cannot be written as JSON Schema: " + e.getOriginalMessage());
        }
    }

    /** A JSON Schema (draft 2020-12, no {@code $ref}s left) compiled the way the document's schemas are. */
    public JsonSchema compile(String name, JsonNode node) {
        return new JsonSchema(name, node, registry.getSchema(node));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
