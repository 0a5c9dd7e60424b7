package conformance.reference;

import static conformance.reference.Documented.assertDocumented;
import static conformance.reference.ReferenceClient.contact;
import static conformance.reference.ReferenceClient.contacts;
import static conformance.reference.ReferenceClient.conversation;
import static conformance.reference.ReferenceClient.conversations;
import static conformance.reference.ReferenceClient.ids;
import static conformance.reference.ReferenceClient.json;
import static conformance.reference.ReferenceClient.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import conformance.chatwoot.IdentityHash;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Chatwoot dialect answers every operation as the notes on Chatwoot's behaviour describe at the baseline commit:
 * statuses and bodies, the state effects a client can observe, and never a 401.
 */
class ChatwootDialectOperationsTest {
    private static final String NOT_FOUND = "{\"status\":404,\"error\":\"Not Found\"}";
    private static final String SERVER_ERROR = "{\"status\":500,\"error\":\"Internal Server Error\"}";
    private static ReferenceTarget target;
    private static ReferenceClient client;
    private static Inbox inbox;
    private static Inbox other;
    private static Inbox hmac;
    private static Inbox bot;

    @BeforeAll
    static void start() {
        target = ReferenceTarget.start(Dialect.CHATWOOT, Variant.CONFORMING);
        client = new ReferenceClient(target);
        inbox = target.inboxes().get(0);
        other = target.inboxes().get(1);
        hmac = target.inboxes().stream().filter(Inbox::hmacMandatory).findFirst().orElseThrow();
        bot = target.inboxes().stream().filter(Inbox::botActive).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    private static Response send(String method, String path, String json) {
        return client.send(method, path, json);
    }

    private static JsonNode ok(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        return json(r);
    }

    @Test
    void createReusesTheAccountContactWithTheSameIdentifierEmailOrPhoneAndValidatesFormats() {
        JsonNode alice = ok(send("POST", contacts(inbox), "{\"name\":\"Alice\",\"email\":\"Alice@X.test\",\"identifier\":\"alice-1\"}"));
        assertEquals(List.of("source_id", "pubsub_token", "id", "name", "email", "phone_number"), names(alice));
        assertEquals("alice@x.test", alice.get("email").asString());
        JsonNode byEmail = ok(send("POST", contacts(inbox), "{\"name\":\"Other\",\"email\":\"alice@x.test\"}"));
        assertEquals(alice.get("id"), byEmail.get("id"));
        assertEquals("Alice", byEmail.get("name").asString(), "a reused contact is not updated");
        assertEquals(alice.get("id"), ok(send("POST", contacts(other), "{\"identifier\":\"alice-1\"}")).get("id"));
        assertFalse(alice.get("source_id").equals(byEmail.get("source_id")));
        assertEquals(alice, ok(send("POST", contacts(inbox), "{\"source_id\":\"" + alice.get("source_id").asString() + "\"}")),
                "an existing source id returns its contact as it is");
        ok(send("POST", contacts(inbox), null));
        assertRecordInvalid("{\"message\":\"Email Invalid email\",\"attributes\":[\"email\"]}",
                send("POST", contacts(inbox), "{\"email\":\"not an email\"}"));
        assertRecordInvalid("{\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}",
                send("POST", contacts(inbox), "{\"phone_number\":\"0123\"}"));
    }

    @Test
    void updateAnswersTheFullRecordIgnoresBlanksAndTheIdentifierAndDeepMergesAttributes() {
        String sourceId = client.newContact(inbox, "{\"name\":\"Carol\"}");
        JsonNode fetched = ok(send("GET", contact(inbox, sourceId), null));
        assertEquals(List.of("source_id", "pubsub_token", "id", "name", "email", "phone_number"), names(fetched));
        ok(send("PATCH", contact(inbox, sourceId), "{\"custom_attributes\":{\"a\":{\"x\":1}},\"identifier\":\"ignored\"}"));
        JsonNode record = ok(send("PUT", contact(inbox, sourceId), "{\"name\":\"\",\"custom_attributes\":{\"a\":{\"y\":2}}}"));
        assertEquals("Carol", record.get("name").asString(), "blank values change nothing");
        assertTrue(record.get("identifier").isNull(), "the identifier is only read for the identity hash");
        assertEquals("{\"a\":{\"x\":1,\"y\":2}}", record.get("custom_attributes").toString());
        assertTrue(record.has("account_id") && record.has("label_list") && !record.has("source_id"), record.toString());
    }

    @Test
    void anUpdateToAnotherContactsEmailMergesIntoThatContact() {
        JsonNode base = ok(send("POST", contacts(inbox), "{\"email\":\"dave@x.test\"}"));
        String mergee = client.newContact(inbox, "{\"name\":\"Eve\"}");
        long conversation = client.newConversation(inbox, mergee);
        JsonNode merged = ok(send("PATCH", contact(inbox, mergee), "{\"email\":\"DAVE@x.test\",\"name\":\"Eve\"}"));
        assertEquals(base.get("id"), merged.get("id"));
        assertEquals("Eve", merged.get("name").asString());
        assertEquals(base.get("id"), ok(send("GET", contact(inbox, mergee), null)).get("id"));
        assertEquals(base.get("id"), ok(send("GET", conversation(inbox, mergee, conversation), null)).at("/contact/id"));
    }

    @Test
    void identityHashesFailWith500AndAVerifiedHashWidensTheConversationScope() {
        String hash = IdentityHash.of(hmac.hmacToken(), "frank-1");
        assertEquals(SERVER_ERROR, send("POST", contacts(hmac), "{\"identifier\":\"frank-1\"}").asString());
        String plain = client.newContact(inbox, "{\"identifier\":\"frank-1\"}");
        long elsewhere = client.newConversation(inbox, plain);
        String verified = client.newContact(hmac, "{\"identifier\":\"frank-1\",\"identifier_hash\":\"" + hash + "\"}");
        Response noHash = send("GET", contact(hmac, verified), null);
        assertEquals(500, noHash.statusCode());
        assertEquals(SERVER_ERROR, noHash.asString());
        assertEquals(500, send("PATCH", contact(hmac, verified), "{\"name\":\"x\"}").statusCode());
        assertEquals(0, ok(send("GET", conversations(hmac, verified), null)).size());
        assertEquals(404, send("GET", conversation(hmac, verified, elsewhere), null).statusCode());
        ok(send("GET", contact(hmac, verified) + "?identifier=frank-1&identifier_hash=" + hash, null));
        JsonNode listed = ok(send("GET", conversations(hmac, verified), null));
        assertEquals(List.of(elsewhere), ids(listed), "the contact's conversations in every inbox, once verified");
        assertEquals(inbox.id(), listed.get(0).get("inbox_id").asLong());
        ok(send("GET", conversation(hmac, verified, elsewhere), null));
    }

    @Test
    void conversationsResolveOnlyAndTypingAndLastSeenAnswerAnEmptyJsonBody() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        assertEquals(List.of(id), ids(ok(send("GET", conversations(inbox, sourceId), null))));
        for (int i = 0; i < 2; i++) {
            assertEquals("resolved", ok(send("POST", conversation(inbox, sourceId, id) + "/toggle_status", null)).get("status").asString());
        }
        for (String query : List.of("?typing_status=on", "?typing_status=ON", "")) {
            Response typing = send("POST", conversation(inbox, sourceId, id) + "/toggle_typing" + query, null);
            assertEquals(200, typing.statusCode(), query);
            assertEquals("", typing.asString());
            assertEquals("application/json", typing.contentType());
        }
        Response seen = send("POST", conversation(inbox, sourceId, id) + "/update_last_seen", null);
        assertEquals(200, seen.statusCode());
        assertEquals("", seen.asString());
        JsonNode fetched = ok(send("GET", conversation(inbox, sourceId, id), null));
        assertTrue(fetched.get("contact_last_seen_at").asLong() > 0);
        assertEquals("resolved", fetched.get("status").asString());
        assertEquals(fetched, ok(send("GET", conversation(inbox, sourceId, id + "abc"), null)),
                "ActiveRecord casts 12abc to 12 (inferred)");
    }

    @Test
    void aMessageIsIncomingTextWithItsSenderAndReopensTheConversation() {
        String sourceId = client.newContact(inbox, "{\"name\":\"Gina\"}");
        long id = client.newConversation(inbox, sourceId);
        send("POST", conversation(inbox, sourceId, id) + "/toggle_status", null);
        JsonNode empty = ok(send("POST", messages(inbox, sourceId, id), "{\"echo_id\":\"e1\",\"message_type\":1}"));
        assertTrue(empty.get("content").isNull());
        assertEquals(0, empty.get("message_type").asInt());
        assertEquals("text", empty.get("content_type").asString());
        assertEquals("contact", empty.at("/sender/type").asString());
        assertFalse(empty.has("attachments") || empty.has("echo_id"), empty.toString());
        assertEquals("42", ok(send("POST", messages(inbox, sourceId, id), "{\"content\":42}")).get("content").asString());
        assertEquals("open", ok(send("GET", conversation(inbox, sourceId, id), null)).get("status").asString());
        String botContact = client.newContact(bot, "{}");
        long botConversation = client.newConversation(bot, botContact);
        send("POST", conversation(bot, botContact, botConversation) + "/toggle_status", null);
        client.newMessage(bot, botContact, botConversation, "hi");
        assertEquals("pending", ok(send("GET", conversation(bot, botContact, botConversation), null)).get("status").asString());
        String blocked = target.addContact(inbox, true);
        long blockedConversation = client.newConversation(inbox, blocked);
        client.newMessage(inbox, blocked, blockedConversation, "hi");
        assertEquals("resolved", ok(send("GET", conversation(inbox, blocked, blockedConversation), null)).get("status").asString());
        assertRecordInvalid("{\"message\":\"Content is too long (maximum is 150000 characters)\",\"attributes\":[\"content\"]}",
                send("POST", messages(inbox, sourceId, id), "{\"content\":\"" + "x".repeat(150_001) + "\"}"));
    }

    @Test
    void theListShowsTheLatest20AndBeforePagesBack() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(client.newMessage(inbox, sourceId, id, "m" + i));
        }
        assertEquals(sent.subList(5, 25), ids(ok(send("GET", messages(inbox, sourceId, id), null))));
        assertEquals(sent.subList(0, 20), ids(ok(send("GET", messages(inbox, sourceId, id) + "?before=" + sent.get(20), null))));
        assertEquals(List.of(), ids(ok(send("GET", messages(inbox, sourceId, id) + "?before=abc", null))));
        assertEquals(25, ok(send("GET", conversation(inbox, sourceId, id), null)).get("messages").size(), "no cap in the conversation");
    }

    @Test
    void anUpdateKeepsOnlyThePermittedSubmittedValues() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        long message = client.newMessage(inbox, sourceId, id, "pick one");
        String path = messages(inbox, sourceId, id) + "/" + message;
        JsonNode updated = ok(send("PATCH", path, "{\"submitted_values\":[{\"title\":\"test\",\"extra\":1}],\"content\":\"changed\"}"));
        assertEquals("[{\"title\":\"test\"}]", updated.at("/content_attributes/submitted_values").toString());
        assertEquals("pick one", updated.get("content").asString());
        assertEquals(updated, ok(send("PUT", path, "{\"submitted_values\":\"scalar\"}")), "a scalar is dropped");
        JsonNode csat = ok(send("PATCH", path, "{\"submitted_values\":{\"csat_survey_response\":{\"rating\":4,\"feedback_message\":\"ok\"}}}"));
        assertEquals(4, csat.at("/content_attributes/submitted_values/csat_survey_response/rating").asInt());
    }

    @Test
    void the201stMessageOfAMinuteIsRefusedAndAnUpdateThenFailsWith500() {
        String sourceId = client.newContact(inbox, "{}");
        long id = client.newConversation(inbox, sourceId);
        long start = System.nanoTime();
        long first = client.newMessage(inbox, sourceId, id, "0");
        for (int i = 1; i < 200; i++) {
            client.newMessage(inbox, sourceId, id, String.valueOf(i));
        }
        // the limit counts the last minute: on a machine too busy to send 200 messages well within it, nothing is shown
        assumeTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(50)) < 0, "200 messages took almost a minute");
        assertRecordInvalid("{\"message\":\"Too many messages\",\"attributes\":[\"base\"]}",
                send("POST", messages(inbox, sourceId, id), "{\"content\":\"one more\"}"));
        Response update = send("PATCH", messages(inbox, sourceId, id) + "/" + first, "{\"submitted_values\":{\"title\":\"t\"}}");
        assertEquals(500, update.statusCode());
        assertEquals(SERVER_ERROR, update.asString());
        client.newMessage(inbox, sourceId, client.newConversation(inbox, sourceId), "another conversation is not flooded");
    }

    @Test
    void messageRoutesReachTheContactsConversationsInEveryInbox() {
        String here = client.newContact(inbox, "{\"identifier\":\"hana-1\"}");
        String there = client.newContact(other, "{\"identifier\":\"hana-1\"}");
        long id = client.newConversation(inbox, here);
        assertEquals(404, send("GET", conversation(other, there, id), null).statusCode());
        long message = client.newMessage(other, there, id, "through the other inbox");
        assertEquals(List.of(message), ids(ok(send("GET", messages(inbox, here, id), null))));
    }

    @Test
    void every200IsTheDocumentedBody() {
        ReferenceClient.Known known = client.known(inbox, other);
        for (Endpoint e : Endpoint.values()) {
            String body = switch (e) {
                case CREATE_CONTACT, UPDATE_CONTACT -> "{\"name\":\"Ida\",\"email\":\"ida@x.test\",\"phone_number\":\"+15550100\"}";
                case CREATE_MESSAGE -> "{\"content\":\"hello\"}";
                case UPDATE_MESSAGE -> "{\"submitted_values\":{\"title\":\"t\"}}";
                default -> null;
            };
            Response r = send(e.method(), known.path(e), body);
            assertEquals(200, r.statusCode(), e + " " + r.asString());
            assertDocumented(e.operationId(), r);
        }
    }

    @Test
    void everyUnknownPathIdentifierIsRailsNotFoundAndMalformedJsonIs400() {
        ReferenceClient.Known known = client.known(inbox, other);
        for (Endpoint e : Endpoint.values()) {
            for (String p : known.unknownPaths(e)) {
                Response r = send(e.method(), p, null);
                assertEquals(404, r.statusCode(), e.operationId() + " " + p);
                assertEquals(NOT_FOUND, r.asString());
            }
            Response malformed = client.send(e.method(), known.unknownPaths(e).get(0), "application/json", "{\"a\":");
            assertEquals("{\"status\":400,\"error\":\"Bad Request\"}", malformed.asString(), "parsed before any lookup: " + e);
        }
    }

    private static void assertRecordInvalid(String expected, Response r) {
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(expected, r.asString());
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}
