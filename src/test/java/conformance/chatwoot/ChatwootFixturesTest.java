package conformance.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.config.Secret;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.exchange.Header;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.Redactor;
import conformance.exchange.SentRequest;
import conformance.extension.FixtureContext;
import conformance.fixtures.Binding;
import conformance.fixtures.FixtureFailure;
import conformance.fixtures.Scenario;
import conformance.generation.Case;
import conformance.generation.Json;
import conformance.reference.Dialect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fixtures against a scripted client: what they create, in which order, and what every case is bound to. */
class ChatwootFixturesTest {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);
    private static final String TOKEN = "inbox-hmac-token";

    /** Answers every create with the next id (and a source id for contacts), or with {@code status} when it is set. */
    private static final class Scripted {
        final List<Case> sent = new ArrayList<>();
        int status = 200;
        long next = 1;

        Exchange call(Operation op, Case c) {
            sent.add(c);
            ObjectNode body = Json.NODES.objectNode().put("id", next++);
            if (op.id().equals(Contract.CREATE_CONTACT)) {
                body.put("source_id", "source-" + body.get("id").asLong());
            }
            return new Exchange(c, op, new SentRequest(op.method(), "http://127.0.0.1:1" + op.path(c.pathParameters()),
                    List.of(), c.body()), Optional.of(ReceivedResponse.of(status, List.of(new Header("Content-Type",
                    "application/json")), Json.bytes(body), false)), Optional.empty(), Duration.ZERO);
        }
    }

    private final Scripted client = new Scripted();
    private final Redactor redactor = new Redactor();

    private ChatwootFixtures fixtures(Optional<Secret> token, Optional<String> otherInbox) {
        ChatwootSettings settings = new ChatwootSettings(Optional.of("inbox-a"), Optional.empty(), otherInbox, token,
                Optional.empty(), Dialect.DOCUMENT);
        return new ChatwootFixtures(new FixtureContext(CONTRACT, client::call, redactor, "run1", 7), settings);
    }

    private static Operation op(String id) {
        return CONTRACT.operation(id);
    }

    @Test
    void aContactThenAConversationThenAMessageAreCreatedOnceEachBeforeTheCasesThatNeedThem() {
        ChatwootFixtures f = fixtures(Optional.empty(), Optional.empty());
        f.prepare(op(Contract.CREATE_CONTACT), 10);
        assertEquals(List.of(), client.sent, "create-a-contact needs nothing first");
        f.prepare(op("update-a-message"), 10);
        f.prepare(op("get-single-conversation"), 10);
        assertEquals(List.of(Contract.CREATE_CONTACT, Contract.CREATE_CONVERSATION, "create-a-message"),
                client.sent.stream().map(Case::operationId).toList());
        Binding b = f.bind(op("update-a-message"), 3);
        assertEquals(Map.of("inbox_identifier", "inbox-a", "contact_identifier", "source-1", "conversation_id", "2",
                "message_id", "3"), b.parameters().path());
        assertEquals("1", b.facts().get(ChatwootFixtures.CONTACT_ID_FACT));
    }

    @Test
    void aStepOnAContactTheSequenceCreatedCarriesThatContactsIdentifierHashAndId() {
        ChatwootFixtures f = fixtures(Optional.of(new Secret(TOKEN)), Optional.empty());
        f.prepare(op("get-details-of-a-contact"), 1);
        Case create = Case.of(1_000_000, Contract.CREATE_CONTACT, conformance.generation.CaseKind.POSITIVE,
                conformance.generation.Parameters.path(Map.of("inbox_identifier", "inbox-a")),
                Optional.of(f.adjust(op(Contract.CREATE_CONTACT), 1_000_000, Json.NODES.objectNode())), Map.of(), "step 1");
        Exchange created = client.call(op(Contract.CREATE_CONTACT), create);
        String identifier = create.payload().orElseThrow().get("identifier").asString();
        String sourceId = created.response().flatMap(ReceivedResponse::json).orElseThrow().get("source_id").asString();
        Binding main = f.bind(op("get-details-of-a-contact"), 0).withPath("contact_identifier", sourceId);
        Case get = Case.of(1_000_001, "get-details-of-a-contact", conformance.generation.CaseKind.POSITIVE, main.parameters(),
                Optional.empty(), main.facts(), "step 2");
        Case step = f.step(op("get-details-of-a-contact"), get, List.of(created));
        assertEquals(Map.of("identifier", identifier, "identifier_hash", IdentityHash.of(TOKEN, identifier)), step.parameters().query());
        assertEquals("2", step.facts().get(ChatwootFixtures.CONTACT_ID_FACT), "the id create-a-contact answered, not the suite's contact's");
        Case update = Case.of(1_000_002, "update-a-contact", conformance.generation.CaseKind.POSITIVE, main.parameters(),
                Optional.of(f.adjust(op("update-a-contact"), 1_000_002, Json.MAPPER.readTree("{\"name\":\"x\"}"))), main.facts(), "step 3");
        JsonNode body = f.step(op("update-a-contact"), update, List.of(created)).payload().orElseThrow();
        assertEquals(identifier, body.get("identifier").asString());
        assertEquals(IdentityHash.of(TOKEN, identifier), body.get("identifier_hash").asString());
        Case unrelated = f.step(op("get-details-of-a-contact"), Case.of(1_000_003, "get-details-of-a-contact",
                conformance.generation.CaseKind.POSITIVE, f.bind(op("get-details-of-a-contact"), 0).parameters(), Optional.empty(),
                Map.of(), "step 4"), List.of(created));
        assertNotEquals(identifier, unrelated.parameters().query().get("identifier"), "the suite's own contact keeps its identifier");
    }

    @Test
    void createAMessageCasesAreSpreadOverOneConversationPerHundred() {
        ChatwootFixtures f = fixtures(Optional.empty(), Optional.empty());
        f.prepare(op("create-a-message"), 250);
        Set<String> conversations = new HashSet<>();
        for (long i = 0; i < 250; i++) {
            conversations.add(f.bind(op("create-a-message"), i).parameters().path().get("conversation_id"));
        }
        assertEquals(3, conversations.size(), "250 messages over 3 conversations: " + conversations);
        assertEquals(f.bind(op("create-a-message"), 0).parameters().path(), f.bind(op("create-a-message"), 99).parameters().path());
        assertNotEquals(f.bind(op("create-a-message"), 99).parameters().path(), f.bind(op("create-a-message"), 100).parameters().path());
    }

    @Test
    void withTheInboxsTokenEveryContactsOperationCarriesTheIdentifierAndItsHashTheGetInItsQuery() {
        ChatwootFixtures f = fixtures(Optional.of(new Secret(TOKEN)), Optional.empty());
        f.prepare(op("get-details-of-a-contact"), 1);
        JsonNode created = Json.MAPPER.readTree(client.sent.get(0).bodyText());
        String identifier = created.get("identifier").asString();
        assertEquals(IdentityHash.of(TOKEN, identifier), created.get("identifier_hash").asString());
        Map<String, String> query = f.bind(op("get-details-of-a-contact"), 0).parameters().query();
        assertEquals(Map.of("identifier", identifier, "identifier_hash", IdentityHash.of(TOKEN, identifier)), query);
        JsonNode update = f.adjust(op("update-a-contact"), 4, Json.MAPPER.readTree("{\"identifier_hash\":\"generated\",\"name\":\"x\"}"));
        assertEquals(identifier, update.get("identifier").asString());
        assertEquals(IdentityHash.of(TOKEN, identifier), update.get("identifier_hash").asString());
        JsonNode create = f.adjust(op(Contract.CREATE_CONTACT), 4, Json.NODES.objectNode());
        assertEquals(IdentityHash.of(TOKEN, create.get("identifier").asString()), create.get("identifier_hash").asString());
        assertNotEquals(identifier, create.get("identifier").asString(), "each created contact has its own identifier");
        String hash = IdentityHash.of(TOKEN, identifier);
        assertFalse(redactor.redact("sent " + hash).contains(hash), "the hashes are secrets of the run");
    }

    @Test
    void withoutATokenNoHashIsSentAndAGeneratedOneIsDropped() {
        ChatwootFixtures f = fixtures(Optional.empty(), Optional.empty());
        f.prepare(op("get-details-of-a-contact"), 1);
        assertFalse(client.sent.get(0).bodyText().contains("identifier_hash"));
        assertEquals(Map.of(), f.bind(op("get-details-of-a-contact"), 0).parameters().query());
        JsonNode update = f.adjust(op("update-a-contact"), 4, Json.MAPPER.readTree("{\"identifier_hash\":\"generated\"}"));
        assertFalse(update.has("identifier_hash"), update.toString());
    }

    @Test
    void generatedEmailsAndPhonesAreUniqueInTheRunAndKeepWhetherTheyWereWellFormed() {
        ChatwootFixtures f = fixtures(Optional.empty(), Optional.empty());
        JsonNode generated = Json.MAPPER.readTree("{\"email\":\"ada@example.com\",\"phone_number\":\"+15550001\"}");
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (long i = 0; i < 300; i++) {
            for (String id : List.of(Contract.CREATE_CONTACT, "update-a-contact")) {
                JsonNode adjusted = f.adjust(op(id), i, generated);
                emails.add(adjusted.get("email").asString());
                phones.add(adjusted.get("phone_number").asString());
                assertTrue(adjusted.get("email").asString().endsWith(".ada@example.com"), adjusted.toString());
                assertTrue(adjusted.get("phone_number").asString().matches("\\+1\\d{10}"), adjusted.toString());
            }
        }
        assertEquals(600, emails.size());
        assertEquals(600, phones.size());
        JsonNode malformed = f.adjust(op("update-a-contact"), 1, Json.MAPPER.readTree("{\"email\":\"not an email\",\"phone_number\":\"12\"}"));
        assertEquals("not an email", malformed.get("email").asString(), "a malformed email stays malformed: Chatwoot's 422 for it is a deviation to show");
        assertEquals("12", malformed.get("phone_number").asString());
    }

    @Test
    void everyPathParameterGetsAValueThatNeverExistedAndASecondInboxGivesTheForeignScenarios() {
        ChatwootFixtures f = fixtures(Optional.empty(), Optional.of("inbox-b"));
        f.prepare(op("update-a-message"), 1);
        List<Scenario> scenarios = f.scenarios(op("update-a-message"));
        assertEquals(List.of("unknown_inbox", "unknown_contact", "unknown_conversation", "unknown_message", "foreign_contact",
                "foreign_contact"), scenarios.stream().map(s -> s.kind().id()).toList());
        Map<String, String> valid = f.bind(op("update-a-message"), 0).parameters().path();
        for (Scenario s : scenarios) {
            long changed = s.path().entrySet().stream().filter(e -> !e.getValue().equals(valid.get(e.getKey()))).count();
            assertEquals(1, changed, s.label() + " replaces one value: " + s.path());
        }
        assertEquals("source-2", scenarios.get(4).path().get("contact_identifier"), "the other inbox's contact");
        assertEquals("inbox-b", scenarios.get(5).path().get("inbox_identifier"), "this contact on the other inbox");
        assertEquals(List.of("unknown_inbox"), f.scenarios(op(Contract.CREATE_CONTACT)).stream().map(s -> s.kind().id()).toList());
    }

    @Test
    void aFixtureTheTargetRefusesStopsTheRunWithWhatFailed() {
        client.status = 422;
        ChatwootFixtures f = fixtures(Optional.empty(), Optional.empty());
        FixtureFailure e = assertThrows(FixtureFailure.class, () -> f.prepare(op("get-single-conversation"), 1));
        assertTrue(e.getMessage().startsWith("could not create a contact on inbox inbox-a: the target answered 422"), e.getMessage());
        assertEquals(Set.of(Contract.CREATE_CONTACT), client.sent.stream().map(Case::operationId).collect(Collectors.toSet()));
        assertTrue(new String(client.sent.get(0).body(), StandardCharsets.UTF_8).contains(ChatwootFixtures.NAME + "run1"));
    }
}
