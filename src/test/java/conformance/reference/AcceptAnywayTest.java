package conformance.reference;

import static conformance.reference.Documented.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link Call#acceptAnyway}: a variant that accepts a request the reference refuses answers what the routed operation
 * documents for success, with the identifiers the path gives.
 */
class AcceptAnywayTest {
    /** A member only the success body of that operation has, to tell a contact from a conversation or a message. */
    private static final Map<Endpoint, String> TELLING = Map.ofEntries(
            Map.entry(Endpoint.CREATE_CONTACT, "pubsub_token"), Map.entry(Endpoint.GET_CONTACT, "pubsub_token"),
            Map.entry(Endpoint.UPDATE_CONTACT, "account_id"), Map.entry(Endpoint.CREATE_CONVERSATION, "uuid"),
            Map.entry(Endpoint.LIST_CONVERSATIONS, "uuid"), Map.entry(Endpoint.GET_CONVERSATION, "uuid"),
            Map.entry(Endpoint.RESOLVE_CONVERSATION, "uuid"), Map.entry(Endpoint.CREATE_MESSAGE, "message_type"),
            Map.entry(Endpoint.LIST_MESSAGES, "message_type"), Map.entry(Endpoint.UPDATE_MESSAGE, "message_type"));

    private static ReferenceTarget target;
    private static ReferenceClient client;
    private static ReferenceClient.Known known;

    @BeforeAll
    static void start() {
        target = ReferenceTarget.start((call, reply) -> reply.status() == 200 ? reply : call.acceptAnyway().get());
        client = new ReferenceClient(target);
        known = client.known(target.inboxes().get(0), target.inboxes().get(1));
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void everyWronglyNamedIdentifierGetsTheDocumentedSuccessOfItsOperation() {
        for (Endpoint e : Endpoint.values()) {
            for (String p : known.unknownPaths(e)) {
                Response r = client.send(e.method(), p, e.documentsBody() ? "{}" : null);
                assertEquals(200, r.statusCode(), e + " " + p + ": " + r.asString());
                JsonNode body = assertDocumented(e.operationId(), r);
                if (TELLING.containsKey(e)) {
                    JsonNode one = body.isArray() ? body.get(0) : body;
                    assertEquals(body.isArray(), e == Endpoint.LIST_CONVERSATIONS || e == Endpoint.LIST_MESSAGES, e.operationId());
                    assertTrue(one.has(TELLING.get(e)), e.operationId() + " answered " + body);
                }
            }
        }
    }

    @Test
    void theAnswerCarriesTheIdentifiersThePathGives() {
        JsonNode conversation = ReferenceClient.json(client.send("GET", path(Endpoint.GET_CONVERSATION, 999, known.messageId()), null));
        assertEquals(999, conversation.get("id").asLong());
        JsonNode message = ReferenceClient.json(client.send("PATCH", path(Endpoint.UPDATE_MESSAGE, known.conversationId(), 998), "{}"));
        assertEquals(998, message.get("id").asLong());
        assertEquals(known.conversationId(), message.get("conversation_id").asLong());
        JsonNode resolved = ReferenceClient.json(client.send("POST", path(Endpoint.RESOLVE_CONVERSATION, 997, known.messageId()), null));
        assertEquals("resolved", resolved.get("status").asString());
    }

    @Test
    void whereNoOperationIsRoutedTheReferenceAnswerStays() {
        Response r = client.send("DELETE", ReferenceClient.contact(known.inbox(), known.sourceId()), null);
        assertEquals(404, r.statusCode());
        assertEquals("Not Found", ReferenceClient.json(r).get("error").asString());
    }

    private static String path(Endpoint e, Object conversationId, Object messageId) {
        return ReferenceClient.path(e, known.inbox(), known.sourceId(), conversationId, messageId);
    }
}
