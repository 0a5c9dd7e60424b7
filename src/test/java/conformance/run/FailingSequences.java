package conformance.run;

import conformance.checks.Finding;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.links.Links;
import conformance.sequence.Step;
import conformance.sequence.StepRequest;
import conformance.sequence.StoredSequence;
import conformance.sequence.StoredSequences;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code failing-sequences.json} in the reports folder: per target (keyed as {@link FailingCases} keys it), the
 * sequences a finding failed on in the last run against it, shrunk when they could be, each under its finding's chain
 * id. The next run against the same target sends them before its own sequences; {@code conformance.replay} sends one
 * of them alone, against any target.
 */
public final class FailingSequences {
    public static final String FILE = "failing-sequences.json";

    private FailingSequences() {
    }

    /** The sequences stored for this target, those that no longer fit the document left out with a line each. */
    static List<StoredSequence> read(Path folder, String targetKey, Contract contract, Links links, Progress progress) {
        return List.copyOf(entries(folder, progress).getOrDefault(targetKey, List.of()).stream()
                .flatMap(e -> fitting(e, contract, links, progress).stream()).toList());
    }

    /** Every stored sequence by id, those of this target first: a chain replays against any target. */
    private static Map<String, StoredSequence> replayable(Path folder, String targetKey, Contract contract, Links links, Progress progress) {
        Map<String, List<JsonNode>> all = entries(folder, progress);
        Map<String, StoredSequence> out = new LinkedHashMap<>();
        Stream.concat(all.getOrDefault(targetKey, List.of()).stream(), all.entrySet().stream()
                        .filter(e -> !e.getKey().equals(targetKey)).flatMap(e -> e.getValue().stream()))
                .flatMap(e -> fitting(e, contract, links, progress).stream()).forEach(s -> out.putIfAbsent(s.id(), s));
        return out;
    }

    /**
     * The stored sequence {@code id}, to replay alone; a {@link ConfigException} naming the stored ones when there is
     * none of that id, before any request.
     */
    static StoredSequence replayed(String id, Path folder, String targetKey, Contract contract, Links links, Progress progress) {
        Map<String, StoredSequence> stored = replayable(folder, targetKey, contract, links, progress);
        StoredSequence found = stored.get(id);
        if (found == null) {
            throw new ConfigException(Settings.name("replay") + ": no stored sequence finding '" + id + "' in " + folder.resolve(FILE)
                    + (stored.isEmpty() ? "; none is stored there (a run that finds a sequence failing stores it)"
                    : "; the stored ones: " + String.join(", ", stored.keySet())));
        }
        return found;
    }

    private static Map<String, List<JsonNode>> entries(Path folder, Progress progress) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        try {
            FailingCases.load(folder.resolve(FILE)).ifPresent(root -> root.properties().forEach(target -> {
                List<JsonNode> list = new ArrayList<>();
                target.getValue().forEach(list::add);
                out.put(target.getKey(), list);
            }));
        } catch (IOException | JacksonException e) {
            progress.stage("ignoring " + folder.resolve(FILE) + ", it cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static Optional<StoredSequence> fitting(JsonNode entry, Contract contract, Links links, Progress progress) {
        try {
            return Optional.of(StoredSequences.fromJson(entry, contract, links));
        } catch (IllegalArgumentException e) {
            progress.stage("ignoring stored sequence " + entry.path("id").asString("(no id)") + ": it no longer fits the document ("
                    + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * The file's new content: this run's failing sequences (of failed, unwaived findings, one per chain id) replace
     * those stored under its target's key; other targets' entries stay. A sequence a step of which sends a secret is
     * not stored. Empty when there is nothing to store and no file yet.
     */
    public static Optional<String> updated(Path folder, String targetKey, RunReport report, Map<String, StoredSequence> recorded,
                                           Redactor redactor) {
        ObjectNode root;
        try {
            root = FailingCases.load(folder.resolve(FILE)).orElseGet(Json.NODES::objectNode);
        } catch (IOException | JacksonException e) {
            root = Json.NODES.objectNode();
        }
        ArrayNode list = Json.NODES.arrayNode();
        report.checks().stream().filter(c -> c.outcome() == Outcome.FAILED).flatMap(c -> c.findings().stream())
                .filter(g -> g.waiver().isEmpty()).map(FindingGroup::first).map(Finding::chainId).flatMap(Optional::stream)
                .distinct().map(recorded::get).filter(s -> s != null && storable(s, redactor))
                .forEach(s -> list.add(StoredSequences.toJson(s)));
        if (list.isEmpty()) {
            root.remove(targetKey);
        } else {
            root.set(targetKey, list);
        }
        return root.isEmpty() && !Files.exists(folder.resolve(FILE)) ? Optional.empty()
                : Optional.of(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static boolean storable(StoredSequence s, Redactor redactor) {
        return s.sequence().steps().stream().map(Step::request).flatMap(Optional::stream).allMatch(r -> clean(r, redactor));
    }

    private static boolean clean(StepRequest r, Redactor redactor) {
        return Stream.concat(r.payload().map(Json::text).stream(), Stream.concat(r.query().values().stream(), r.header().values().stream()))
                .allMatch(v -> redactor.redact(v).equals(v));
    }
}
