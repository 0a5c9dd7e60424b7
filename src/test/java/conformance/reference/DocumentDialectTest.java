package conformance.reference;

import static conformance.reference.Documented.assertDocumented;
import static conformance.reference.ReferenceClient.contact;
import static conformance.reference.ReferenceClient.contacts;
import static conformance.reference.ReferenceClient.conversation;
import static conformance.reference.ReferenceClient.conversations;
import static conformance.reference.ReferenceClient.ids;
import static conformance.reference.ReferenceClient.messages;
import static conformance.reference.ReferenceClient.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.chatwoot.IdentityHash;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The document dialect answers every operation as the document says: documented statuses, media types and bodies
 * valid against the documented schemas, for accepted and refused requests alike, and the readings the README lists.
 */
class DocumentDialectTest {
    private static final Map<String, String> ROUTED = new ConcurrentHashMap<>();
    private static ReferenceTarget target;
    private static ReferenceClient client;
    private static Inbox inbox;
    private static Inbox other;

    @BeforeAll
    static void start() {
        target = ReferenceTarget.start(Dialect.DOCUMENT, (call, reply) -> {
            ROUTED.put(call.method() + " " + call.path(), call.operation());
            return reply;
        });
        client = new ReferenceClient(target);
        inbox = target.inboxes().get(0);
        other = target.inboxes().get(1);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    private static Response send(String method, String path, String json) {
        return client.send(method, path, json);
    }

    @Test
    void contactsAreCreatedFetchedAndUpdated() {
        JsonNode created = assertDocumented("create-a-contact", send("POST", contacts(inbox), "{\"name\":\"Alice\",\"email\":\"a@x.test\"}"));
        String sourceId = created.get("source_id").asString();
        JsonNode fetched = assertDocumented("get-details-of-a-contact", send("GET", contact(inbox, sourceId), null));
        assertEquals(created, fetched);
        JsonNode updated = assertDocumented("update-a-contact", send("PATCH", contact(inbox, sourceId),
                "{\"name\":\"Bob\",\"identifier\":\"bob-1\",\"custom_attributes\":{\"plan\":\"gold\"}}"));
        assertEquals("Bob", updated.get("name").asString());
        assertEquals("bob-1", updated.get("identifier").asString());
        assertEquals("gold", updated.at("/custom_attributes/plan").asString());
        assertEquals("Bob", assertDocumented("get-details-of-a-contact", send("GET", contact(inbox, sourceId), null)).get("name").asString());
    }

    @Test
    void conversationsAreCreatedListedFetchedAndResolvedOnly() {
        String sourceId = client.newContact(inbox, "{}");
        JsonNode first = assertDocumented("create-a-conversation", send("POST", conversations(inbox, sourceId), "{\"custom_attributes\":{}}"));
        assertEquals("open", first.get("status").asString());
        assertEquals(inbox.id(), first.get("inbox_id").asLong());
        long second = client.newConversation(inbox, sourceId);
        JsonNode listed = assertDocumented("list-all-contact-conversations", send("GET", conversations(inbox, sourceId), null));
        assertEquals(List.of(first.get("id").asLong(), second), ids(listed));
        long id = first.get("id").asLong();
        JsonNode fetched = assertDocumented("get-single-conversation", send("GET", conversation(inbox, sourceId, id), null));
        assertEquals(first.get("uuid"), fetched.get("uuid"));
        for (int i = 0; i < 2; i++) {
            JsonNode resolved = assertDocumented("resolve-conversation", send("POST", conversation(inbox, sourceId, id) + "/toggle_status", null));
            assertEquals("resolved", resolved.get("status").asString(), "resolving twice leaves it resolved");
        }
        assertEquals("resolved", fetch(sourceId, id).get("status").asString());
    }

    @Test
    void typingNeedsItsQueryParameterAndLastSeenMovesToNow() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        String typing = conversation(inbox, sourceId, id) + "/toggle_typing";
        Response on = send("POST", typing + "?typing_status=on", "{\"typing_status\":\"on\"}");
        assertDocumented("toggle-typing-status", on);
        assertTrue(on.contentType() == null || on.contentType().isEmpty(), "no body, no media type: " + on.contentType());
        assertDocumented("toggle-typing-status", send("POST", typing + "?typing_status=off", "{}"));
        for (String refused : List.of("", "?typing_status=ON", "?typing_status=")) {
            assertEquals(401, assertRefused("toggle-typing-status", send("POST", typing + refused, "{\"typing_status\":\"on\"}")), refused);
        }
        assertEquals(401, assertRefused("toggle-typing-status", send("POST", typing + "?typing_status=on", "{\"typing_status\":\"off\"}")));
        assertEquals(401, assertRefused("toggle-typing-status", send("POST", typing + "?typing_status=on", null)), "the body is required");
        assertEquals(0, fetch(sourceId, id).get("contact_last_seen_at").asLong());
        long before = Instant.now().getEpochSecond();
        assertDocumented("update-last-seen", send("POST", conversation(inbox, sourceId, id) + "/update_last_seen", null));
        long seen = fetch(sourceId, id).get("contact_last_seen_at").asLong();
        assertTrue(seen >= before && seen <= Instant.now().getEpochSecond(), seen + " is now");
    }

    @Test
    void messagesAreCreatedAllListedAndUpdated() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        send("POST", conversation(inbox, sourceId, id) + "/toggle_status", null);
        JsonNode message = assertDocumented("create-a-message", send("POST", messages(inbox, sourceId, id), "{\"content\":\"hello\",\"echo_id\":\"e1\"}"));
        assertEquals("hello", message.get("content").asString());
        assertEquals(0, message.get("message_type").asInt());
        assertEquals(id, message.get("conversation_id").asLong());
        assertEquals("open", fetch(sourceId, id).get("status").asString(), "a contact's message reopens the conversation");
        List<Long> sent = new ArrayList<>(List.of(message.get("id").asLong()));
        for (int i = 0; i < 24; i++) {
            sent.add(client.newMessage(inbox, sourceId, id, "m" + i));
        }
        JsonNode listed = assertDocumented("list-all-conversation-messages", send("GET", messages(inbox, sourceId, id), null));
        assertEquals(sent, ids(listed), "every message, oldest first");
        JsonNode updated = assertDocumented("update-a-message", send("PATCH", messages(inbox, sourceId, id) + "/" + sent.get(0),
                "{\"submitted_values\":{\"title\":\"t\",\"csat_survey_response\":{\"rating\":5}}}"));
        assertEquals(5, updated.at("/content_attributes/submitted_values/csat_survey_response/rating").asInt());
        assertEquals(25, fetch(sourceId, id).get("messages").size());
    }

    @Test
    void bodiesThatBreakTheDocumentedRulesAreRefusedWith401() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        long message = client.newMessage(inbox, sourceId, id, "x");
        Map<Endpoint, String> refused = Map.of(
                Endpoint.CREATE_CONTACT, "{\"email\":5}",
                Endpoint.UPDATE_CONTACT, "{\"custom_attributes\":[]}",
                Endpoint.CREATE_CONVERSATION, "{\"custom_attributes\":\"text\"}",
                Endpoint.CREATE_MESSAGE, "{\"content\":null}",
                Endpoint.UPDATE_MESSAGE, "{\"submitted_values\":{\"csat_survey_response\":{\"rating\":\"5\"}}}");
        refused.forEach((e, body) -> {
            String p = path(e, inbox, sourceId, id, message);
            assertEquals(401, assertRefused(e.operationId(), send(e.method(), p, body)), e + " " + body);
            assertEquals(401, assertRefused(e.operationId(), send(e.method(), p, null)), e + " without a body");
            assertEquals(401, assertRefused(e.operationId(), client.send(e.method(), p, "text/plain", "{}")), e + " as text/plain");
        });
    }

    @Test
    void everyPathIdentifierThatNeverExistedIsRefusedWithADocumentedStatus() {
        ReferenceClient.Known known = client.known(inbox, other);
        for (Endpoint e : Endpoint.values()) {
            List<String> paths = new ArrayList<>(known.unknownPaths(e));
            if (e.has("conversation")) {
                // an integer followed by letters is not an integer, though the conversation with that integer exists
                paths.add(path(e, inbox, known.sourceId(), known.conversationId() + "abc", known.messageId()));
            }
            for (String p : paths) {
                Response r = send(e.method(), p, e.documentsBody() ? "{}" : null);
                assertEquals(e.documents404() ? 404 : 401, assertRefused(e.operationId(), r), e.operationId() + " " + p);
            }
        }
    }

    @Test
    void anInboxThatRequiresIdentityHashesChecksThemOnEveryContactsOperation() {
        Inbox hmac = target.inboxes().get(2);
        String hash = IdentityHash.of(hmac.hmacToken(), "user-7");
        assertEquals(401, assertRefused("create-a-contact", send("POST", contacts(hmac), "{\"identifier\":\"user-7\"}")));
        String sourceId = client.newContact(hmac, "{\"identifier\":\"user-7\",\"identifier_hash\":\"" + hash + "\"}");
        assertEquals(401, assertRefused("get-details-of-a-contact", send("GET", contact(hmac, sourceId), null)));
        assertDocumented("get-details-of-a-contact", send("GET", contact(hmac, sourceId) + "?identifier=user-7&identifier_hash=" + hash, null));
        assertEquals(401, assertRefused("update-a-contact", send("PATCH", contact(hmac, sourceId), "{\"name\":\"x\"}")));
        assertDocumented("update-a-contact", send("PATCH", contact(hmac, sourceId),
                "{\"name\":\"x\",\"identifier\":\"user-7\",\"identifier_hash\":\"" + hash + "\"}"));
    }

    @Test
    void eachCallNamesTheOperationItWasRoutedTo() {
        ReferenceClient.Known known = client.known(inbox, other);
        for (Endpoint e : Endpoint.values()) {
            String p = known.path(e);
            send(e.method(), p, e.documentsBody() ? "{}" : null);
            assertEquals(e.operationId(), ROUTED.get(e.method() + " " + p.split("\\?")[0]));
        }
        send("DELETE", contact(inbox, known.sourceId()), null);
        assertEquals("", ROUTED.get("DELETE " + contact(inbox, known.sourceId())));
    }

    /** The status of a documented refusal, whose body is a valid {@code bad_request_error}. */
    private static int assertRefused(String operationId, Response r) {
        assertFalse(r.statusCode() / 100 == 2, operationId + " accepted: " + r.asString());
        JsonNode body = assertDocumented(operationId, r);
        assertTrue(body.has("description") && body.get("errors").isArray(), body.toString());
        return r.statusCode();
    }

    private static JsonNode fetch(String sourceId, long id) {
        return assertDocumented("get-single-conversation", send("GET", conversation(inbox, sourceId, id), null));
    }
}
