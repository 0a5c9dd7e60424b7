package conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.generation.Json;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A client of the reference target for its self-tests, over HTTP with REST Assured: paths of the twelve operations,
 * requests with or without a JSON body, and the resources they start from.
 */
final class ReferenceClient {
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final ReferenceTarget target;

    ReferenceClient(ReferenceTarget target) {
        this.target = target;
    }

    static String contacts(Inbox inbox) {
        return Endpoint.PREFIX + inbox.identifier() + "/contacts";
    }

    static String contact(Inbox inbox, String sourceId) {
        return contacts(inbox) + "/" + sourceId;
    }

    static String conversations(Inbox inbox, String sourceId) {
        return contact(inbox, sourceId) + "/conversations";
    }

    static String conversation(Inbox inbox, String sourceId, Object id) {
        return conversations(inbox, sourceId) + "/" + id;
    }

    static String messages(Inbox inbox, String sourceId, Object conversationId) {
        return conversation(inbox, sourceId, conversationId) + "/messages";
    }

    /** {@code json} null: no body and no media type. */
    Response send(String method, String path, String json) {
        RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri(target.baseUrl().toString()).accept("application/json");
        if (json != null) {
            spec.contentType("application/json").body(json);
        }
        return spec.request(method, path);
    }

    Response send(String method, String path, String contentType, String body) {
        return RestAssured.given().config(CONFIG).baseUri(target.baseUrl().toString()).contentType(contentType).body(body)
                .request(method, path);
    }

    /** A new contact of {@code inbox}; its source id. */
    String newContact(Inbox inbox, String json) {
        Response r = send("POST", contacts(inbox), json);
        assertEquals(200, r.statusCode(), r.asString());
        return json(r).get("source_id").asString();
    }

    /** A new conversation of the contact; its id. */
    long newConversation(Inbox inbox, String sourceId) {
        Response r = send("POST", conversations(inbox, sourceId), "{}");
        assertEquals(200, r.statusCode(), r.asString());
        return json(r).get("id").asLong();
    }

    /** A new message in the conversation; its id. */
    long newMessage(Inbox inbox, String sourceId, long conversationId, String content) {
        Response r = send("POST", messages(inbox, sourceId, conversationId), "{\"content\":\"" + content + "\"}");
        assertEquals(200, r.statusCode(), r.asString());
        return json(r).get("id").asLong();
    }

    /** The {@code id} of each element of a JSON array, in order. */
    static List<Long> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("id").asLong()).toList();
    }

    static JsonNode json(Response r) {
        return Json.MAPPER.readTree(r.asByteArray());
    }

    /** The path of {@code e} with these identifiers (those it has no parameter for are left out). */
    static String path(Endpoint e, Inbox inbox, String sourceId, Object conversationId, Object messageId) {
        return switch (e) {
            case CREATE_CONTACT -> contacts(inbox);
            case GET_CONTACT, UPDATE_CONTACT -> contact(inbox, sourceId);
            case CREATE_CONVERSATION, LIST_CONVERSATIONS -> conversations(inbox, sourceId);
            case GET_CONVERSATION -> conversation(inbox, sourceId, conversationId);
            case RESOLVE_CONVERSATION -> conversation(inbox, sourceId, conversationId) + "/toggle_status";
            case TOGGLE_TYPING -> conversation(inbox, sourceId, conversationId) + "/toggle_typing?typing_status=on";
            case UPDATE_LAST_SEEN -> conversation(inbox, sourceId, conversationId) + "/update_last_seen";
            case CREATE_MESSAGE, LIST_MESSAGES -> messages(inbox, sourceId, conversationId);
            case UPDATE_MESSAGE -> messages(inbox, sourceId, conversationId) + "/" + messageId;
        };
    }

    /** A contact of {@code inbox} with a conversation and a message in it, and a contact of {@code other}. */
    Known known(Inbox inbox, Inbox other) {
        String sourceId = newContact(inbox, "{}");
        long conversationId = newConversation(inbox, sourceId);
        return new Known(inbox, sourceId, conversationId, newMessage(inbox, sourceId, conversationId, "x"), newContact(other, "{}"));
    }

    /** Identifiers that exist, what the paths of unknown identifiers vary from. */
    record Known(Inbox inbox, String sourceId, long conversationId, long messageId, String foreignSourceId) {
        String path(Endpoint e) {
            return ReferenceClient.path(e, inbox, sourceId, conversationId, messageId);
        }

        /**
         * The paths of {@code e} that name, in turn, each of its path parameters wrongly: an inbox that does not
         * exist, a contact that never existed and one of the other inbox, a conversation and a message that never
         * existed, and ids that are not integers. The other parameters are the known ones.
         */
        List<String> unknownPaths(Endpoint e) {
            Inbox nowhere = new Inbox(99, "no-such-inbox", "", false, false, false);
            List<String> paths = new ArrayList<>(List.of(ReferenceClient.path(e, nowhere, sourceId, conversationId, messageId)));
            if (e.has("contact")) {
                paths.add(ReferenceClient.path(e, inbox, "no-such-contact", conversationId, messageId));
                paths.add(ReferenceClient.path(e, inbox, foreignSourceId, conversationId, messageId));
            }
            if (e.has("conversation")) {
                List.of("999", "abc").forEach(id -> paths.add(ReferenceClient.path(e, inbox, sourceId, id, messageId)));
            }
            if (e.has("message")) {
                List.of("999", "abc").forEach(id -> paths.add(ReferenceClient.path(e, inbox, sourceId, conversationId, id)));
            }
            return paths;
        }
    }
}
