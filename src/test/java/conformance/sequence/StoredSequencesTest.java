package conformance.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.generation.Json;
import conformance.links.Links;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** What a stored sequence keeps, what a step takes with it when it is dropped, and what no longer fits the document. */
class StoredSequencesTest {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);
    private static final Links LINKS = Links.of(CONTRACT, Optional.empty());
    /** create, create a conversation, create a message, list the messages, update the message, list again */
    private static final Sequence MESSAGES = Sequences.of(CONTRACT, LINKS, 1, 0, 6).stream()
            .filter(s -> s.name().contains("create-a-message → create-a-message")).findFirst().orElseThrow();

    @Test
    void aStepGoesWithTheLaterStepsThatTakeAValueFromItAndTheOthersAreRenumbered() {
        // root, conversation, message 1, message 2, list, update (of message 2), list
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), List.copyOf(MESSAGES.withDependents(0)));
        assertEquals(List.of(3, 4, 5, 6), List.copyOf(MESSAGES.withDependents(3)), "the lists and the update follow the second message");
        assertEquals(List.of(2), List.copyOf(MESSAGES.withDependents(2)), "no step takes a value from the first message");
        Sequence without = MESSAGES.without(Set.of(2));
        assertEquals(List.of("create-a-contact", "create-a-conversation", "create-a-message", "list-all-conversation-messages",
                "update-a-message", "list-all-conversation-messages"), without.operations());
        assertTrue(without.steps().get(4).takesFrom(2), "the update now takes its message from step 3: " + without.steps().get(4));
    }

    @Test
    void aStoredSequenceReadsBackAsItWasWithItsOwnRequestParts() {
        Sequence sent = MESSAGES.with(2, MESSAGES.steps().get(2).sending(new StepRequest(Optional.of(Json.NODES.objectNode().put("content", "hi")),
                Map.of(), Map.of())));
        StoredSequence stored = new StoredSequence("seq-1", "update_persisted", "list-all-conversation-messages", sent);
        StoredSequence read = StoredSequences.fromJson(Json.MAPPER.readTree(Json.text(StoredSequences.toJson(stored))), CONTRACT, LINKS);
        assertEquals(stored.id(), read.id());
        assertEquals(stored.check(), read.check());
        assertEquals(sent.name(), read.sequence().name());
        assertEquals(sent.steps().stream().map(s -> List.of(s.operation(), s.kind(), s.from(), s.link(), s.borrowed())).toList(),
                read.sequence().steps().stream().map(s -> List.of(s.operation(), s.kind(), s.from(), s.link(), s.borrowed())).toList());
        assertEquals(sent.steps().get(2).request(), read.sequence().steps().get(2).request());
    }

    @Test
    void anEntryWhoseOperationOrLinkTheDocumentLacksDoesNotFit() {
        ObjectNode entry = StoredSequences.toJson(new StoredSequence("seq-1", "update_persisted", "list-all-conversation-messages", MESSAGES));
        ObjectNode renamed = entry.deepCopy();
        ((ObjectNode) renamed.get("steps").get(1)).put("operation", "open-a-conversation");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoredSequences.fromJson(renamed, CONTRACT, LINKS)).getMessage()
                .contains("no operation open-a-conversation"));
        ObjectNode unlinked = entry.deepCopy();
        ((ObjectNode) unlinked.get("steps").get(2).get("link")).put("name", "no-such-link");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoredSequences.fromJson(unlinked, CONTRACT, LINKS)).getMessage()
                .contains("no link no-such-link"));
    }
}
