package conformance.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.AnExchange;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check remembers what earlier creates returned, so each test feeds one fresh instance a sequence. */
class ConversationSemanticsTest {
    private static final String UUID_1 = "0b5e4a1c-9f3d-4d2a-8c7e-1a2b3c4d5e6f";
    private static final String UUID_2 = "5f0c7d2e-1b3a-4c5d-9e8f-7a6b5c4d3e2f";

    private final ConversationSemantics check = new ConversationSemantics();

    private static Exchange created(String inbox, String body) {
        return AnExchange.positive().pathParameter(ChatwootFixtures.INBOX, inbox)
                .fact(ChatwootFixtures.CONTACT_ID_FACT, "42").body(body).build();
    }

    private List<String> messages(Exchange e) {
        return check.judge(e).stream().map(f -> f.pointer().orElseThrow() + " " + f.message()).toList();
    }

    @Test
    void newIdsAndUuidsOnOneInboxWithItsContactPass() {
        assertEquals(List.of(), messages(created("inbox-a", "{\"id\": 1, \"uuid\": \"" + UUID_1 + "\", \"inbox_id\": 3, \"contact\": {\"id\": 42}}")));
        assertEquals(List.of(), messages(created("inbox-a", "{\"id\": 2, \"uuid\": \"" + UUID_2 + "\", \"inbox_id\": 3, \"contact\": {\"id\": 42.0}}")));
    }

    @Test
    void aRepeatedUuidIsAFindingAtUuidInAnyCase() {
        check.judge(created("inbox-a", "{\"uuid\": \"" + UUID_1 + "\"}"));
        assertEquals(List.of("/uuid uuid " + UUID_1.toUpperCase() + " was already returned for an earlier conversation"),
                messages(created("inbox-b", "{\"uuid\": \"" + UUID_1.toUpperCase() + "\"}")));
    }

    @Test
    void aUuidThatIsNoUuidIsAFinding() {
        assertEquals(List.of("/uuid uuid \"1234\" is not a UUID"), messages(created("inbox-a", "{\"uuid\": \"1234\"}")));
        assertEquals(List.of("/uuid uuid 7 is not a UUID"), messages(created("inbox-a", "{\"uuid\": 7}")));
    }

    @Test
    void aRepeatedIdIsAFindingWithinOneInboxOnly() {
        check.judge(created("inbox-a", "{\"id\": 1}"));
        assertEquals(List.of(), messages(created("inbox-b", "{\"id\": 1}")), "ids are numbered per inbox");
        assertEquals(List.of("/id id 1 was already returned for an earlier conversation of this inbox"),
                messages(created("inbox-a", "{\"id\": 1}")));
    }

    @Test
    void anotherInboxIdForTheSameInboxIsAFinding() {
        check.judge(created("inbox-a", "{\"inbox_id\": 3}"));
        assertEquals(List.of(), messages(created("inbox-b", "{\"inbox_id\": 4}")));
        assertEquals(List.of("/inbox_id inbox_id 5 differs from 3, returned earlier for the same inbox"),
                messages(created("inbox-a", "{\"inbox_id\": 5}")));
    }

    @Test
    void aContactIdThatIsNotTheContactUsedIsAFinding() {
        assertEquals(List.of("/contact/id contact.id 7 is not the contact the suite used (id 42)"),
                messages(created("inbox-a", "{\"contact\": {\"id\": 7}}")));
        assertEquals(List.of("/contact/id contact.id \"42\" is not the contact the suite used (id 42)"),
                messages(created("inbox-a", "{\"contact\": {\"id\": \"42\"}}")));
        Exchange unknownContact = AnExchange.positive().body("{\"contact\": {\"id\": 7}}").build();
        assertEquals(List.of(), messages(unknownContact), "a configured contact's id is not known, so not judged");
    }

    @Test
    void onlyConversationsCreatedForValidRequestsConcernIt() {
        assertTrue(check.appliesTo(created("inbox-a", "{}")));
        assertFalse(check.appliesTo(AnExchange.positive().status(401).body("{}").build()));
        assertFalse(check.appliesTo(AnExchange.positive().body("[]").build()), "an array is no conversation");
        assertFalse(check.appliesTo(AnExchange.of(Intent.FOREIGN_IDENTIFIER).body("{}").build()));
        assertFalse(check.payloadDependent(), "what it finds does not depend on the body sent");
    }
}
