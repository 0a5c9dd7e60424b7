package conformance.contract;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the document, with everything a run needs from it: its tags (for selection), its parameters (path-level and
 * operation-level merged), its request body by media type (none when the document declares none), and its responses
 * by key, in precedence order (statuses, then ranges, then default).
 */
public record Operation(
        String id,
        List<String> tags,
        String method,
        String pathTemplate,
        List<Parameter> parameters,
        Optional<RequestBody> requestBody,
        SortedMap<ResponseKey, Response> responses) {

    public Operation {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        responses = Collections.unmodifiableSortedMap(responses);
    }

    public List<Parameter> parameters(Parameter.Location in) {
        return parameters.stream().filter(p -> p.in() == in).toList();
    }

    /** Path parameters the document types as integers: a value that is not one breaks a rule of the document. */
    public List<Parameter> integerPathParameters() {
        return parameters(Parameter.Location.PATH).stream()
                .filter(p -> p.schema().map(s -> s.node().path("type").asString("").equals("integer")).orElse(false)).toList();
    }

    /**
     * Whether the document gives a request of this operation a rule to break: a body, a query or header parameter, or
     * an integer path parameter. An operation without one gets no negative case.
     */
    public boolean breakable() {
        return requestBody.isPresent() || !parameters(Parameter.Location.QUERY).isEmpty()
                || !parameters(Parameter.Location.HEADER).isEmpty() || !integerPathParameters().isEmpty();
    }

    /** The media type of the body the suite sends: the first the document lists. */
    public Optional<String> requestMediaType() {
        return requestBody.flatMap(RequestBody::first).map(MediaContent::mediaType);
    }

    /** The schema of the body the suite sends (that of the first media type). */
    public Optional<JsonSchema> requestSchema() {
        return requestBody.flatMap(RequestBody::first).flatMap(MediaContent::schema);
    }

    public boolean requestBodyRequired() {
        return requestBody.map(RequestBody::required).orElse(false);
    }

    /**
     * Names the document declares twice: as a parameter and as a top-level property of a request body schema (like
     * toggle-typing-status's {@code typing_status}, in the query and in the body). Both declarations are kept as
     * written, each with its own schema and {@code required}; this says where a client sends the same value twice.
     */
    public SortedSet<String> declaredTwice() {
        Set<String> bodyProperties = requestBody.stream().flatMap(b -> b.contents().stream())
                .flatMap(c -> c.schema().stream())
                .flatMap(s -> s.node().path("properties").propertyNames().stream())
                .collect(Collectors.toSet());
        return parameters.stream().map(Parameter::name).filter(bodyProperties::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The schema a parameter's values must keep: its own, or, for a name the document also declares in the body, the
     * body property's when that one constrains more (toggle-typing-status: the query's plain string, the body's
     * {@code on}/{@code off}): a client sends one value for both, so the stricter declaration holds for both.
     */
    public Optional<JsonNode> valueSchema(Parameter parameter) {
        Optional<JsonNode> own = parameter.schema().map(JsonSchema::node);
        if (!declaredTwice().contains(parameter.name())) {
            return own;
        }
        Optional<JsonNode> body = requestSchema().map(s -> s.node().path("properties").path(parameter.name()))
                .filter(JsonNode::isObject);
        return body.filter(b -> restricts(b) && !own.map(Operation::restricts).orElse(false)).or(() -> own);
    }

    /** Whether a schema narrows its values beyond their type. */
    private static boolean restricts(JsonNode schema) {
        return schema.has("enum") || schema.has("const") || schema.has("pattern");
    }

    /** The response documented for this status: under the status itself, else its range ({@code 4XX}), else default. */
    public Optional<Response> response(int status) {
        // asked by several checks for every exchange: a loop, not a stream
        for (Map.Entry<ResponseKey, Response> e : responses.entrySet()) {
            if (e.getKey().matches(status)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public boolean documents(int status) {
        return response(status).isPresent();
    }

    /** The lowest documented success (a 2xx status, else a 2XX range): what a successful call is documented to answer. */
    public Optional<Response> success() {
        return responses.values().stream().filter(r -> isClass(r.key(), 2)).findFirst();
    }

    /** Whether its documented success is an array: the operation lists. */
    public boolean answersArray() {
        return success().flatMap(Response::schema).map(s -> s.node().path("type").asString("").equals("array")).orElse(false);
    }

    /** The keys under which the document offers a success: 2xx statuses and the 2XX range. */
    public SortedSet<ResponseKey> successStatuses() {
        return keysOfClass(2);
    }

    /** The keys under which the document offers a rejection of the request: 4xx statuses and the 4XX range. */
    public SortedSet<ResponseKey> rejectionStatuses() {
        return keysOfClass(4);
    }

    /** Whether this status rejects the request (4xx) and is documented (by status, range or default). */
    public boolean documentsRejection(int status) {
        return status / 100 == 4 && documents(status);
    }

    private SortedSet<ResponseKey> keysOfClass(int statusClass) {
        return responses.keySet().stream().filter(k -> isClass(k, statusClass)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isClass(ResponseKey key, int statusClass) {
        return key.statusClass().filter(c -> c == statusClass).isPresent();
    }

    /** The path with its parameters filled in, each value percent-encoded as one path segment. */
    public String path(Map<String, String> parameters) {
        String path = pathTemplate;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", PathSegments.encode(p.getValue()));
        }
        return path;
    }
}
