package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.AnExchange;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.Finding;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.generation.Json;
import conformance.links.Links;
import conformance.sequence.Sequence;
import conformance.sequence.Sequences;
import conformance.sequence.StepRequest;
import conformance.sequence.StoredSequence;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** failing-sequences.json: a failing sequence is stored per target and read back; what does not fit or holds a secret is not. */
class FailingSequencesTest {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);
    private static final Links LINKS = Links.of(CONTRACT, Optional.empty());
    private static final String TARGET = "http://staging.example.com";
    private static final String FETCH = "get-single-conversation";

    @TempDir
    Path folder;

    /** A finding of ensure_resource_availability on the last step of a create, fetch chain. */
    private static Finding finding(Sequence sequence) {
        Exchange create = AnExchange.positive().to(CONTRACT.operation(sequence.operations().get(0))).body("{\"id\": 7}").build();
        Exchange fetch = AnExchange.positive().to(CONTRACT.operation(FETCH)).status(404).build()
                .in(new Chain(sequence.name(), List.of(create), OptionalInt.of(0), Set.of("conversation_id")));
        return Finding.of(new EnsureResourceAvailability(), fetch, "created id 7, but fetching it answered 404");
    }

    /** The first steps of a named sequence that ends with the fetch, its first step sending {@code content}. */
    private static Sequence sequence(String content) {
        Sequence named = Sequences.of(CONTRACT, LINKS, 1, 0, 6).stream().filter(s -> s.operations().contains(FETCH)).findFirst().orElseThrow();
        Sequence upToFetch = named.first(named.operations().indexOf(FETCH) + 1);
        return upToFetch.with(0, upToFetch.steps().get(0).sending(new StepRequest(Optional.of(Json.NODES.objectNode().put("name", content)),
                Map.of(), Map.of())));
    }

    private static RunReport failed(Finding f) {
        return Reports.of(Verdict.NON_CONFORMANT, List.of(new CheckResult(f.checkId(), f.operationId(), Outcome.FAILED, 1,
                List.of(new FindingGroup(f, 1, Optional.empty())), Optional.empty(), Optional.empty())));
    }

    private Optional<String> store(Sequence sequence, Redactor redactor) {
        Finding f = finding(sequence);
        String id = f.chainId().orElseThrow();
        return FailingSequences.updated(folder, TARGET, failed(f), Map.of(id, new StoredSequence(id, f.checkId(), FETCH, sequence)), redactor);
    }

    @Test
    void aFailingSequenceIsStoredUnderItsTargetAndReadBackWithItsRequestParts() throws Exception {
        Sequence sequence = sequence("Ada");
        Files.writeString(folder.resolve(FailingSequences.FILE), store(sequence, new Redactor()).orElseThrow());
        List<StoredSequence> read = FailingSequences.read(folder, TARGET, CONTRACT, LINKS, Progress.SILENT);
        assertEquals(1, read.size());
        assertEquals(finding(sequence).chainId().orElseThrow(), read.get(0).id());
        assertEquals(sequence.operations(), read.get(0).sequence().operations());
        assertEquals(sequence.steps().get(0).request(), read.get(0).sequence().steps().get(0).request());
        assertEquals(List.of(), FailingSequences.read(folder, "http://other.example.com", CONTRACT, LINKS, Progress.SILENT));
    }

    @Test
    void aSequenceAStepOfWhichSendsASecretIsNotStored() {
        Redactor redactor = new Redactor();
        redactor.addSecret("hmac-secret-value");
        assertEquals(Optional.empty(), store(sequence("hmac-secret-value"), redactor));
        assertTrue(store(sequence("Ada"), redactor).isPresent());
    }

    @Test
    void anEntryThatNoLongerFitsTheDocumentIsIgnoredWithOneLine() throws Exception {
        Sequence sequence = sequence("Ada");
        ObjectNode file = (ObjectNode) Json.MAPPER.readTree(store(sequence, new Redactor()).orElseThrow());
        ArrayNode entries = (ArrayNode) file.get(TARGET);
        ObjectNode stale = (ObjectNode) entries.get(0).deepCopy();
        stale.put("id", "seq-stale");
        ((ObjectNode) stale.get("steps").get(1)).put("operation", "open-a-conversation");
        entries.add(stale);
        Files.writeString(folder.resolve(FailingSequences.FILE), Json.text(file));
        List<String> lines = new ArrayList<>();
        List<StoredSequence> read = FailingSequences.read(folder, TARGET, CONTRACT, LINKS, stage(lines));
        assertEquals(List.of(finding(sequence).chainId().orElseThrow()), read.stream().map(StoredSequence::id).toList());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("ignoring stored sequence seq-stale: it no longer fits the document"), lines.get(0));
        assertFalse(lines.get(0).contains("Ada"));
    }

    private static Progress stage(List<String> lines) {
        return new Progress() {
            @Override
            public void stage(String what) {
                lines.add(what);
            }

            @Override
            public void advanced(long done, long total, Supplier<List<Finding>> findings) {
            }
        };
    }
}
