package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inference rule on the client API: the exact set, so that any change to the rule shows here. */
class InferenceTest {
    private static final Contract CLIENT_API = new ContractLoader().load(Path.of("spec/client_swagger.json"));
    private static final String INBOX = "inbox_identifier = $request.path.inbox_identifier";
    private static final String CONTACT = INBOX + ", contact_identifier = $request.path.contact_identifier";
    private static final String CONVERSATION = CONTACT + ", conversation_id = $request.path.conversation_id";

    @Test
    void theClientApiInfersTheLinksEachCreateAddsUnderItsPathAndItsList() {
        List<String> links = Links.of(CLIENT_API, Optional.empty()).all().stream().map(Link::describe).toList();
        assertEquals(List.of(
                "create-a-contact (200) -> get-details-of-a-contact: " + INBOX + ", contact_identifier = $response.body#/id [inferred]",
                "create-a-contact (200) -> update-a-contact: " + INBOX + ", contact_identifier = $response.body#/id [inferred]",
                "create-a-contact (200) -> list-all-contact-conversations: " + INBOX + ", contact_identifier = $response.body#/id [inferred]",
                "create-a-contact (200) -> create-a-conversation: " + INBOX + ", contact_identifier = $response.body#/id [inferred]",
                "create-a-conversation (200) -> list-all-contact-conversations: " + CONTACT + " [inferred]",
                "create-a-conversation (200) -> get-single-conversation: " + CONTACT + ", conversation_id = $response.body#/id [inferred]",
                "create-a-conversation (200) -> resolve-conversation: " + CONTACT + ", conversation_id = $response.body#/id [inferred]",
                "create-a-conversation (200) -> toggle-typing-status: " + CONTACT + ", conversation_id = $response.body#/id [inferred]",
                "create-a-conversation (200) -> update-last-seen: " + CONTACT + ", conversation_id = $response.body#/id [inferred]",
                "create-a-conversation (200) -> list-all-conversation-messages: " + CONTACT + ", conversation_id = $response.body#/id [inferred]",
                "create-a-conversation (200) -> create-a-message: " + CONTACT + ", conversation_id = $response.body#/id [inferred]",
                "create-a-message (200) -> list-all-conversation-messages: " + CONVERSATION + " [inferred]",
                "create-a-message (200) -> update-a-message: " + CONVERSATION + ", message_id = $response.body#/id [inferred]"), links);
    }
}
