package conformance.run;

import conformance.checks.Finding;
import conformance.exchange.Redactor;
import conformance.generation.BrokenRule;
import conformance.generation.Case;
import conformance.contract.Parameter;
import conformance.generation.CaseKind;
import conformance.generation.Json;
import conformance.generation.StoredCase;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code failing-cases.json} in the reports folder: per target and operation, the cases that failed on the last run
 * against it (shrunk when they could be), which the next run against the same target sends first. A fault found once
 * is checked again before anything new, whatever the seed. A remote target is keyed by its base URL, the embedded one
 * by its dialect ({@code embedded:chatwoot}): its port changes with every run, what it does does not.
 */
public final class FailingCases {
    public static final String FILE = "failing-cases.json";
    static final int MAX_PER_OPERATION = 50;

    private FailingCases() {
    }

    /** Under which key a run's cases are stored and read. */
    static String targetKey(URI baseUrl, Optional<String> embeddedVariant) {
        return embeddedVariant.map(variant -> "embedded:" + variant).orElse(baseUrl.toString());
    }

    /** The cases stored for this target and operation; none when there is no file or it cannot be read. */
    static List<StoredCase> read(Path folder, String target, String operationId, Progress progress) {
        Optional<ObjectNode> file;
        try {
            file = load(folder.resolve(FILE));
        } catch (IOException | JacksonException e) {
            progress.stage("ignoring " + folder.resolve(FILE) + ", it cannot be read: " + e.getMessage());
            return List.of();
        }
        List<StoredCase> out = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode entry : file.map(f -> f.path(target).path(operationId)).orElse(Json.NODES.missingNode())) {
            try {
                out.add(fromJson(entry));
            } catch (IllegalArgumentException e) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            progress.stage("ignoring " + unreadable + " unreadable stored case(s) in " + folder.resolve(FILE));
        }
        return out;
    }

    /**
     * The file's new content: this run's failing cases replace those stored under its target's key (none left when
     * it passed); other targets' entries stay. One case per distinct finding (its shrunk case when it has one; a case
     * that shows several findings is stored once), at most {@link #MAX_PER_OPERATION} per operation. Cases whose bytes
     * hold a secret are not stored. Empty when there is nothing to store and no file yet.
     */
    public static Optional<String> updated(Path folder, String targetKey, RunReport report, Redactor redactor) {
        ObjectNode root;
        try {
            root = load(folder.resolve(FILE)).orElseGet(Json.NODES::objectNode);
        } catch (IOException | JacksonException e) {
            root = Json.NODES.objectNode();
        }
        List<Finding> distinct = report.checks().stream().filter(c -> c.outcome() == Outcome.FAILED)
                .flatMap(c -> c.findings().stream()).map(FindingGroup::first).filter(f -> storable(f, redactor)).toList();
        ObjectNode operations = Json.NODES.objectNode();
        Set<String> seen = new HashSet<>();
        for (Finding f : distinct) {
            Case kase = caseOf(f);
            String bytes = Base64.getEncoder().encodeToString(kase.body());
            ArrayNode list = operations.has(f.operationId()) ? (ArrayNode) operations.get(f.operationId())
                    : operations.putArray(f.operationId());
            if (list.size() < MAX_PER_OPERATION && seen.add(f.operationId() + " " + kase.contentType().orElse("") + " " + bytes)) {
                list.add(entry(f.checkId(), kase, bytes, declared(f, Parameter.Location.QUERY), declared(f, Parameter.Location.HEADER)));
            }
        }
        if (operations.isEmpty()) {
            root.remove(targetKey);
        } else {
            root.set(targetKey, operations);
        }
        boolean exists = Files.exists(folder.resolve(FILE));
        return root.isEmpty() && !exists ? Optional.empty()
                : Optional.of(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** The case a finding stores: its shrunk case when it has one. */
    private static Case caseOf(Finding f) {
        return f.shrunk().orElse(f.exchange()).kase();
    }

    private static boolean storable(Finding f, Redactor redactor) {
        Case kase = caseOf(f);
        return StoredCase.storable(kase.kind()) && redactor.redact(kase.bodyText()).equals(kase.bodyText())
                && declared(f, Parameter.Location.QUERY).values().stream().allMatch(v -> redactor.redact(v).equals(v));
    }

    /** The case's values of the parameters its operation declares there: what an API's fixtures add is not the case's. */
    private static Map<String, String> declared(Finding f, Parameter.Location in) {
        Case kase = caseOf(f);
        Map<String, String> sent = in == Parameter.Location.QUERY ? kase.parameters().query() : kase.parameters().header();
        Map<String, String> out = new LinkedHashMap<>();
        f.exchange().operation().parameters(in).forEach(p -> {
            if (sent.containsKey(p.name())) {
                out.put(p.name(), sent.get(p.name()));
            }
        });
        return out;
    }

    /** A JSON object file of the reports folder; none when it does not exist. */
    static Optional<ObjectNode> load(Path file) throws IOException {
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(file));
            if (!node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return Optional.of((ObjectNode) node);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode entry(String checkId, Case kase, String bytes, Map<String, String> query, Map<String, String> header) {
        ObjectNode e = Json.NODES.objectNode();
        e.put("check", checkId);
        e.put("kind", kase.kind().id());
        e.put("label", StoredCase.firstLabel(kase.label()));
        kase.contentType().ifPresent(t -> e.put("contentType", t));
        kase.brokenRule().ifPresent(r -> {
            ObjectNode rule = e.putObject("rule");
            rule.put("name", r.name());
            r.pointer().ifPresent(p -> rule.put("pointer", p));
            r.keyword().ifPresent(k -> rule.put("keyword", k));
        });
        kase.payload().ifPresent(p -> e.set("payload", p));
        e.put("body", bytes);
        if (!query.isEmpty()) {
            e.set("query", Json.MAPPER.valueToTree(query));
        }
        if (!header.isEmpty()) {
            e.set("header", Json.MAPPER.valueToTree(header));
        }
        return e;
    }

    /** One stored entry; an IllegalArgumentException when it is not one. */
    private static StoredCase fromJson(JsonNode e) {
        String id = required(e, "kind");
        CaseKind kind = CaseKind.engine().stream().filter(k -> k.id().equals(id) && StoredCase.storable(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a stored kind of case: " + id));
        JsonNode rule = e.get("rule");
        Optional<BrokenRule> broken = rule == null ? Optional.empty()
                : Optional.of(new BrokenRule(required(rule, "name"), text(rule, "pointer"), text(rule, "keyword")));
        return new StoredCase(kind, required(e, "label"), Optional.ofNullable(e.get("payload")),
                Base64.getDecoder().decode(required(e, "body")), text(e, "contentType"), broken, strings(e.get("query")),
                strings(e.get("header")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(m -> {
                if (!m.getValue().isString()) {
                    throw new IllegalArgumentException("a parameter value that is not a string");
                }
                out.put(m.getKey(), m.getValue().asString());
            });
        }
        return out;
    }

    private static String required(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException("no " + field));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isString).map(JsonNode::asString);
    }
}
