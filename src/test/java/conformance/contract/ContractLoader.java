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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenAPI document with swagger-parser, inlines every {@code $ref}, and compiles each parameter, request and
 * response schema once with networknt as JSON Schema draft 2020-12.
 */
public final class ContractLoader {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final Pattern PATH_PARAMETER_NOT_REQUIRED =
            Pattern.compile("For path parameter \\S+ the required value should be true");
    /**
     * Documents read from files, by path and content: the self-tests run the suite hundreds of times in one JVM, and
     * parsing and compiling the document is most of a short run. A contract is immutable; a changed file is parsed anew.
     */
    private static final Map<String, Contract> READ = new ConcurrentHashMap<>();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    public Contract load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ContractException("cannot read the OpenAPI document " + path + ": " + e.getMessage());
        }
        return READ.computeIfAbsent(path + " " + sha256(bytes), key -> load(path, bytes));
    }

    /** The document in {@code bytes}, named {@code path} in messages and in the contract. */
    Contract load(Path path, byte[] bytes) {
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
        // swagger-parser drops what it cannot read under paths (a parameter in an unknown location, a duplicate), so the
        // contract would differ from the document; a path parameter not marked required is read as required instead
        List<String> aboutPaths = result.getMessages() == null ? List.of() : result.getMessages().stream()
                .filter(m -> m.contains("paths.") && !PATH_PARAMETER_NOT_REQUIRED.matcher(m).find()).toList();
        if (!aboutPaths.isEmpty()) {
            throw new ContractException(path + " is not a usable OpenAPI document: " + String.join("; ", aboutPaths));
        }
        Map<String, Operation> operations = new LinkedHashMap<>();
        List<DeclaredLink> links = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getOperationId() != null) {
                operations.put(op.getOperationId(), operation(op.getOperationId(), method, template, item, op));
                links.addAll(links(op));
            }
        }));
        String title = api.getInfo() == null ? "" : api.getInfo().getTitle();
        String version = api.getInfo() == null ? "" : api.getInfo().getVersion();
        return new Contract(path, sha256(bytes), title, version, Collections.unmodifiableMap(operations), links);
    }

    /** The Link Objects of an operation's responses, as written; the links stage resolves and checks them. */
    private static List<DeclaredLink> links(io.swagger.v3.oas.models.Operation op) {
        List<DeclaredLink> links = new ArrayList<>();
        if (op.getResponses() != null) {
            op.getResponses().forEach((status, response) -> {
                if (response.getLinks() != null) {
                    response.getLinks().forEach((name, link) -> links.add(new DeclaredLink(op.getOperationId(), status, name,
                            new LinkObject(Optional.ofNullable(link.getOperationId()), Optional.ofNullable(link.getOperationRef()),
                                    Optional.ofNullable(link.getParameters()).orElse(Map.of()),
                                    Optional.ofNullable(link.getRequestBody()).map(ContractLoader::expressionText),
                                    Optional.ofNullable(link.getDescription()).orElse("")))));
                }
            });
        }
        return links;
    }

    /** A link's request body: an expression (a string) as it stands, a constant of any other type as its JSON. */
    private static String expressionText(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return Json31.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ContractException("a link's requestBody cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private Operation operation(String id, PathItem.HttpMethod method, String template, PathItem item,
                                io.swagger.v3.oas.models.Operation op) {
        TreeMap<ResponseKey, Response> responses = new TreeMap<>();
        if (op.getResponses() != null) {
            op.getResponses().forEach((code, response) -> {
                ResponseKey key = ResponseKey.parse(code).orElseThrow(() -> new ContractException(id + " documents a "
                        + "response under '" + code + "', which is neither a status (200), a range (2XX) nor default"));
                responses.put(key, response(id, key, response));
            });
        }
        return new Operation(id, Optional.ofNullable(op.getTags()).orElse(List.of()), method.name(), template, parameters(id, item, op),
                Optional.ofNullable(op.getRequestBody()).map(body -> requestBody(id, body)), responses);
    }

    /**
     * Path-level parameters, then operation-level ones; an operation-level one replaces the path-level one of the same
     * name and location (OpenAPI 3.1, Operation Object).
     */
    private List<Parameter> parameters(String id, PathItem item, io.swagger.v3.oas.models.Operation op) {
        Map<String, Parameter> merged = new LinkedHashMap<>();
        Stream.of(item.getParameters(), op.getParameters()).filter(Objects::nonNull).flatMap(List::stream)
                .forEach(p -> parameter(id, p).ifPresent(parameter -> merged.put(parameter.in() + " " + parameter.name(), parameter)));
        return List.copyOf(merged.values());
    }

    private Optional<Parameter> parameter(String id, io.swagger.v3.oas.models.parameters.Parameter p) {
        if (p.getName() == null || p.getIn() == null) {
            throw new ContractException(id + " has a parameter without " + (p.getName() == null ? "a name" : "a location (in)")
                    + (p.get$ref() == null ? "" : " (" + p.get$ref() + " does not resolve)"));
        }
        // swagger-parser keeps only path, query, header and cookie (it reports any other location, see load)
        Parameter.Location in = Parameter.Location.valueOf(p.getIn().toUpperCase(Locale.ROOT));
        // OpenAPI: these headers are described by the media types and security schemes, their parameters SHALL be ignored
        if (in == Parameter.Location.HEADER && IGNORED_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Schema<?> schema = p.getSchema() != null ? p.getSchema()
                : first(p.getContent()).map(e -> e.getValue().getSchema()).orElse(null);
        // a path parameter is always required, whatever the document writes (OpenAPI 3.1, Parameter Object)
        boolean required = in == Parameter.Location.PATH || Boolean.TRUE.equals(p.getRequired());
        return Optional.of(new Parameter(p.getName(), in, required,
                Optional.ofNullable(compile(id + " " + in + " parameter " + p.getName(), schema))));
    }

    private RequestBody requestBody(String id, io.swagger.v3.oas.models.parameters.RequestBody body) {
        List<MediaContent> contents = new ArrayList<>();
        if (body.getContent() != null) {
            body.getContent().forEach((mediaType, content) -> contents.add(new MediaContent(mediaType,
                    Optional.ofNullable(compile(id + " request (" + mediaType + ")", content.getSchema())))));
        }
        return new RequestBody(Boolean.TRUE.equals(body.getRequired()), contents);
    }

    private Response response(String operationId, ResponseKey key, ApiResponse response) {
        Optional<Map.Entry<String, MediaType>> content = first(response.getContent());
        Optional<JsonSchema> schema = content.flatMap(e -> Optional.ofNullable(e.getValue().getSchema()))
                .map(s -> compile(operationId + " " + key, s));
        return new Response(key, response.getDescription() == null ? "" : response.getDescription(),
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
