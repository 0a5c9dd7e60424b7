package conformance.links;

import conformance.contract.DeclaredLink;
import conformance.contract.LinkObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Links a document does not declare and no rule infers, as an API's extension ships them: a YAML map of source
 * operation id to response status to link name to an OpenAPI Link Object ({@code operationId} or
 * {@code operationRef}, {@code parameters}, {@code requestBody}, {@code description}). {@code name} says where it
 * was read, for messages.
 */
public record Overlay(String name, List<DeclaredLink> links) {
    private static final Set<String> FIELDS = Set.of("operationId", "operationRef", "parameters", "requestBody", "description");

    public Overlay {
        links = List.copyOf(links);
    }

    /** The overlay in a classpath resource of {@code owner}'s class loader. */
    /**
     * Its links between operations the document has: an API's overlay speaks of the whole API, and a document of part
     * of it (one operation, say) uses the links it can follow. Links by operationRef are kept: they point into the
     * document itself and are checked there.
     */
    public Overlay within(Set<String> operationIds) {
        return new Overlay(name, links.stream().filter(l -> operationIds.contains(l.source())
                && l.link().operationId().map(operationIds::contains).orElse(true)).toList());
    }

    public static Overlay resource(Class<?> owner, String resource) {
        String name = "classpath:" + resource;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LinkException("the links overlay " + name + " is not on the classpath");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LinkException("cannot read the links overlay " + name + ": " + e.getMessage());
        }
    }

    /** The overlay written in {@code yaml}; {@code name} says where it comes from in messages. */
    public static Overlay parse(String name, String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new LinkException("the links overlay " + name + " is not YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Overlay(name, List.of());
        }
        List<DeclaredLink> links = new ArrayList<>();
        for (var source : object(name, "its top level", root).properties()) {
            for (var status : object(name, source.getKey(), source.getValue()).properties()) {
                String where = source.getKey() + " " + status.getKey();
                for (var link : object(name, where, status.getValue()).properties()) {
                    links.add(new DeclaredLink(source.getKey(), status.getKey(), link.getKey(),
                            linkObject(name, where + " " + link.getKey(), link.getValue())));
                }
            }
        }
        return new Overlay(name, links);
    }

    private static LinkObject linkObject(String name, String where, JsonNode node) {
        object(name, where, node).propertyNames().stream().filter(f -> !FIELDS.contains(f)).findFirst().ifPresent(f -> {
            throw new LinkException("the links overlay " + name + ": " + where + " has '" + f + "', which is not a field "
                    + "of a Link Object the suite reads (" + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        });
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode given = node.path("parameters");
        if (!given.isMissingNode()) {
            for (var p : object(name, where + " parameters", given).properties()) {
                parameters.put(p.getKey(), scalar(name, where + " parameter " + p.getKey(), p.getValue()));
            }
        }
        return new LinkObject(text(name, where, node, "operationId"), text(name, where, node, "operationRef"), parameters,
                text(name, where, node, "requestBody"), text(name, where, node, "description").orElse(""));
    }

    private static Optional<String> text(String name, String where, JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() ? Optional.empty() : Optional.of(scalar(name, where + " " + field, value));
    }

    private static String scalar(String name, String where, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new LinkException("the links overlay " + name + ": " + where + " must be a text or a number, not " + value);
        }
        return value.asString();
    }

    private static JsonNode object(String name, String where, JsonNode node) {
        if (!node.isObject()) {
            throw new LinkException("the links overlay " + name + ": " + where + " must be a map (source operation id -> "
                    + "status -> link name -> Link Object), not " + node);
        }
        return node;
    }
}
