package conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.generation.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Chatwoot dialect answers as chatwoot-behavior notes describe, for what the suite touches. */
class ChatwootDialectBehaviourTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(ReferenceTarget t, String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts 200: non-object attributes are dropped, not refused. */
    private JsonNode create(ReferenceTarget t, Inbox inbox, String contact, String body) throws Exception {
        HttpResponse<String> r = post(t, "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts/" + contact + "/conversations",
                "application/json", body);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void statusesSingleConversationsAndRailsErrors() throws Exception {
        try (ReferenceTarget t = ReferenceTarget.start(Dialect.CHATWOOT, Variant.CONFORMING)) {
            Inbox plain = t.inboxes().get(0);
            Inbox bot = t.inboxes().stream().filter(Inbox::botActive).findFirst().orElseThrow();
            Inbox single = t.inboxes().stream().filter(Inbox::singleConversation).findFirst().orElseThrow();
            assertEquals("open", create(t, plain, t.addContact(plain, false), "{}").get("status").asString());
            assertEquals("resolved", create(t, plain, t.addContact(plain, true), "{}").get("status").asString());
            assertEquals("pending", create(t, bot, t.addContact(bot, false), "{}").get("status").asString());
            String once = t.addContact(single, false);
            assertEquals(create(t, single, once, "{}").get("id"), create(t, single, once, "{}").get("id"));
            String contact = t.addContact(plain, false);
            create(t, plain, contact, "{\"custom_attributes\":\"text\"}");
            String path = "/public/api/v1/inboxes/" + plain.identifier() + "/contacts/";
            HttpResponse<String> unknown = post(t, path + "nobody/conversations", "application/json", "{}");
            assertEquals(404, unknown.statusCode());
            assertEquals("{\"status\":404,\"error\":\"Not Found\"}", unknown.body());
            HttpResponse<String> tooLong = post(t, path + contact + "/conversations", "application/json",
                    "{\"custom_attributes\":{\"notes\":\"" + "x".repeat(1501) + "\"}}");
            assertEquals(422, tooLong.statusCode());
            assertEquals("Custom attributes notes length should be < 1500",
                    Json.MAPPER.readTree(tooLong.body()).get("message").asString());
            assertEquals(400, post(t, path + contact + "/conversations", "application/json", "{\"a\":").statusCode());
            assertEquals(200, post(t, path + contact + "/conversations", "text/plain", "anything").statusCode());
        }
    }

    /**
     * Rails compares any identifier_hash that is not blank ({@code 42}, {@code true}, a non-empty array) with the
     * digest, and fails with 500; blank ones ({@code false}, {@code ""}, {@code []}, {@code null}) skip the check on
     * an inbox that does not require it.
     */
    @Test
    void anIdentifierHashThatIsNotBlankIsComparedWhateverItsTypeAndFailsWith500() throws Exception {
        try (ReferenceTarget t = ReferenceTarget.start(Dialect.CHATWOOT, Variant.CONFORMING)) {
            Inbox plain = t.inboxes().stream().filter(i -> !i.hmacMandatory()).findFirst().orElseThrow();
            String contacts = "/public/api/v1/inboxes/" + plain.identifier() + "/contacts";
            for (String hash : List.of("42", "true", "[1]", "{\"a\":1}", "\"wrong\"")) {
                HttpResponse<String> r = post(t, contacts, "application/json", "{\"identifier\":\"x\",\"identifier_hash\":" + hash + "}");
                assertEquals(500, r.statusCode(), hash);
                assertEquals("{\"status\":500,\"error\":\"Internal Server Error\"}", r.body(), hash);
            }
            for (String hash : List.of("false", "\"  \"", "[]", "{}", "null")) {
                assertEquals(200, post(t, contacts, "application/json", "{\"identifier\":\"x\",\"identifier_hash\":" + hash + "}")
                        .statusCode(), hash);
            }
        }
    }
}
