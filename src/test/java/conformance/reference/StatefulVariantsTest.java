package conformance.reference;

import static conformance.reference.Documented.assertDocumented;
import static conformance.reference.ReferenceClient.contact;
import static conformance.reference.ReferenceClient.conversation;
import static conformance.reference.ReferenceClient.conversations;
import static conformance.reference.ReferenceClient.ids;
import static conformance.reference.ReferenceClient.json;
import static conformance.reference.ReferenceClient.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each stateful variant shows its fault (or its conforming freedom) to the steps of a client that meets it, every
 * answer still as documented; what the reference itself answers to the same steps is DocumentDialectTest's.
 */
class StatefulVariantsTest {
    /** A client of a target running one variant, with a contact of the first inbox. */
    private record Steps(ReferenceClient client, Inbox inbox, String contact) {
        long newConversation() {
            return client.newConversation(inbox, contact);
        }

        long message(long conversation, String content) {
            return client.newMessage(inbox, contact, conversation, content);
        }

        JsonNode send(String operation, String method, String path, String json) {
            return assertDocumented(operation, client.send(method, path, json));
        }

        JsonNode fetch(long conversation) {
            return send("get-single-conversation", "GET", conversation(inbox, contact, conversation), null);
        }

        JsonNode resolve(long conversation) {
            return send("resolve-conversation", "POST", conversation(inbox, contact, conversation) + "/toggle_status", null);
        }

        JsonNode listMessages(long conversation) {
            return send("list-all-conversation-messages", "GET", messages(inbox, contact, conversation), null);
        }

        JsonNode updateMessage(long conversation, long message) {
            return send("update-a-message", "PATCH", messages(inbox, contact, conversation) + "/" + message,
                    "{\"submitted_values\": {\"value\": \"yes\"}}");
        }

        Steps another() {
            return new Steps(client, inbox, client.newContact(inbox, "{}"));
        }
    }

    private static void with(Variant variant, Consumer<Steps> steps) {
        try (ReferenceTarget target = ReferenceTarget.start(variant)) {
            ReferenceClient client = new ReferenceClient(target);
            Inbox inbox = target.inboxes().get(0);
            steps.accept(new Steps(client, inbox, client.newContact(inbox, "{\"name\": \"Ada\", \"custom_attributes\": {\"a\": 1}}")));
        }
    }

    @Test
    void aCreatedConversationCannotBeFetchedBackButTheFirst() {
        with(StatefulFaults.conversationNotFetchable(), s -> {
            long first = s.newConversation();
            long second = s.newConversation();
            assertEquals(first, s.fetch(first).get("id").asLong());
            assertEquals(404, s.client().send("GET", conversation(s.inbox(), s.contact(), second), null).statusCode());
        });
    }

    @Test
    void aFetchedConversationComesBackWithAnotherUuid() {
        with(StatefulFaults.conversationWithAnotherUuid(), s -> {
            Response created = s.client().send("POST", conversations(s.inbox(), s.contact()), "{}");
            JsonNode fetched = s.fetch(json(created).get("id").asLong());
            assertNotEquals(json(created).get("uuid").asString(), fetched.get("uuid").asString());
            assertTrue(fetched.get("uuid").asString().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        });
    }

    @Test
    void theListsLeaveOutTheNewestMessageAndTheNewestConversation() {
        with(StatefulFaults.messagesListWithoutTheNewest(), s -> {
            long c = s.newConversation();
            long older = s.message(c, "one");
            s.message(c, "two");
            assertEquals(List.of(older), ids(s.listMessages(c)));
        });
        with(StatefulFaults.conversationsListWithoutTheNewest(), s -> {
            long older = s.newConversation();
            s.newConversation();
            assertEquals(List.of(older), ids(s.send("list-all-contact-conversations", "GET", conversations(s.inbox(), s.contact()), null)));
        });
    }

    @Test
    void aContactUpdateIsAnsweredButAFetchShowsTheContactAsFirstFetched() {
        with(StatefulFaults.contactUpdateNotStored(), s -> {
            String path = contact(s.inbox(), s.contact());
            assertEquals("Ada", s.send("get-details-of-a-contact", "GET", path, null).get("name").asString());
            assertEquals("Grace", s.send("update-a-contact", "PATCH", path, "{\"name\": \"Grace\"}").get("name").asString());
            assertEquals("Ada", s.send("get-details-of-a-contact", "GET", path, null).get("name").asString());
        });
    }

    @Test
    void aMessageUpdateIsAnsweredButTheListShowsItNowhereOrOnEveryMessage() {
        with(StatefulFaults.messageUpdateNotStored(), s -> {
            long c = s.newConversation();
            long m = s.message(c, "one");
            assertEquals("yes", s.updateMessage(c, m).at("/content_attributes/submitted_values/value").asString());
            assertFalse(s.listMessages(c).get(0).get("content_attributes").has("submitted_values"));
        });
        with(StatefulFaults.messageUpdateChangesTheOthers(), s -> {
            long c = s.newConversation();
            long m = s.message(c, "one");
            s.message(c, "two");
            s.updateMessage(c, m);
            JsonNode listed = s.listMessages(c);
            assertEquals("yes", listed.at("/1/content_attributes/submitted_values/value").asString(), listed.toString());
        });
    }

    @Test
    void anotherContactsConversationAndItsMessagesAreReachableAndListed() {
        with(StatefulFaults.foreignConversationFetched(), s -> {
            long theirs = s.newConversation();
            Steps other = s.another();
            other.newConversation();
            assertEquals(theirs, other.fetch(theirs).get("id").asLong());
        });
        with(StatefulFaults.foreignMessagesListed(), s -> {
            long theirs = s.newConversation();
            Steps other = s.another();
            other.newConversation();
            assertEquals(200, other.client().send("GET", messages(other.inbox(), other.contact(), theirs), null).statusCode());
            assertEquals(404, other.client().send("GET", conversation(other.inbox(), other.contact(), theirs), null).statusCode(),
                    "only the list of messages lets it through");
        });
        with(StatefulFaults.conversationsListShowsOtherContacts(), s -> {
            s.newConversation();
            String theirs = s.send("list-all-contact-conversations", "GET", conversations(s.inbox(), s.contact()), null).at("/0/uuid").asString();
            Steps other = s.another();
            other.newConversation();
            JsonNode listed = other.send("list-all-contact-conversations", "GET", conversations(other.inbox(), other.contact()), null);
            assertEquals(2, listed.size(), listed.toString());
            assertEquals(theirs, listed.at("/1/uuid").asString());
        });
    }

    @Test
    void aResolveAnswersOpenIsNotKeptOrToggles() {
        with(StatefulFaults.resolveAnswersOpen(), s -> {
            long c = s.newConversation();
            assertEquals("open", s.resolve(c).get("status").asString());
            assertEquals("resolved", s.fetch(c).get("status").asString(), "kept all the same: only the answer says otherwise");
        });
        with(StatefulFaults.resolveNotStored(), s -> {
            long c = s.newConversation();
            assertEquals("resolved", s.resolve(c).get("status").asString());
            assertEquals("open", s.fetch(c).get("status").asString());
        });
        with(StatefulFaults.resolveToggles(), s -> {
            long c = s.newConversation();
            assertEquals("resolved", s.resolve(c).get("status").asString());
            assertEquals("open", s.resolve(c).get("status").asString());
            assertEquals("resolved", s.resolve(c).get("status").asString());
        });
    }

    @Test
    void updateLastSeenDoesNotMoveContactLastSeenAt() {
        with(StatefulFaults.lastSeenNotMoved(), s -> {
            long c = s.newConversation();
            s.send("update-last-seen", "POST", conversation(s.inbox(), s.contact(), c) + "/update_last_seen", null);
            assertEquals(0, s.fetch(c).get("contact_last_seen_at").asLong());
        });
    }

    @Test
    void aCreatedMessageLosesItsContentIsOutgoingOrTakesAnEarlierId() {
        String create = "create-a-message";
        with(StatefulFaults.messageWithoutItsContent(), s -> assertTrue(s.send(create, "POST", messages(s.inbox(), s.contact(),
                s.newConversation()), "{\"content\": \"hi\"}").get("content").isNull()));
        with(StatefulFaults.messageAnsweredOutgoing(), s -> assertEquals(1, s.send(create, "POST", messages(s.inbox(), s.contact(),
                s.newConversation()), "{\"content\": \"hi\"}").get("message_type").asInt()));
        with(StatefulFaults.messageIdUsedTwice(), s -> {
            long c = s.newConversation();
            long first = s.message(c, "one");
            assertEquals(first, s.message(c, "two"));
            assertEquals(2, ids(s.listMessages(c)).stream().distinct().count(), "stored under an id of its own");
        });
    }

    @Test
    void customAttributesAreMergedIntoThoseTheContactHad() {
        with(StatefulConforming.customAttributesMerged(), s -> {
            long c = s.newConversation();
            JsonNode updated = s.send("update-a-contact", "PATCH", contact(s.inbox(), s.contact()), "{\"custom_attributes\": {\"b\": 2}}");
            assertEquals("{\"a\":1,\"b\":2}", updated.get("custom_attributes").toString());
            assertEquals("{\"a\":1,\"b\":2}", s.fetch(c).at("/contact/custom_attributes").toString());
        });
    }

    @Test
    void aMessageLeavesAResolvedConversationResolved() {
        with(StatefulConforming.messageDoesNotReopen(), s -> {
            long c = s.newConversation();
            s.resolve(c);
            s.message(c, "still there?");
            assertEquals("resolved", s.fetch(c).get("status").asString());
            assertEquals("resolved", s.send("list-all-contact-conversations", "GET", conversations(s.inbox(), s.contact()), null)
                    .at("/0/status").asString());
        });
    }

    @Test
    void theServerAddsAMessageOfItsOwnWithOneIdPerConversation() {
        with(StatefulConforming.serverAddsAGreeting(), s -> {
            long c = s.newConversation();
            long sent = s.message(c, "hello");
            JsonNode listed = s.listMessages(c);
            assertEquals(3, listed.at("/0/message_type").asInt());
            assertEquals(List.of(listed.get(0).get("id").asLong(), sent), ids(listed));
            assertEquals(ids(listed), ids(s.listMessages(c)), "the same message, listed again");
            assertNotEquals(listed.get(0).get("id").asLong(), s.listMessages(s.newConversation()).get(0).get("id").asLong());
        });
    }
}
