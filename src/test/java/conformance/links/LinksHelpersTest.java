package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.contract.ContractLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a sequence asks of the links of a create: how to fetch, list, update and act on what it created. */
class LinksHelpersTest {
    private static final Links CLIENT_API = Links.of(new ContractLoader().load(Path.of("spec/client_swagger.json")),
            Optional.of(Overlay.resource(LinksHelpersTest.class, "conformance/chatwoot/links.yaml")));

    private static List<String> targets(List<Link> links) {
        return links.stream().map(l -> l.target() + " [" + l.origin() + "]").toList();
    }

    private static List<String> targets(Optional<Link> link) {
        return targets(link.stream().toList());
    }

    @Test
    void fetchOfIsTheGetOnThePathTheCreateAddsAParameterTo() {
        assertEquals(List.of("get-single-conversation [INFERRED]"), targets(CLIENT_API.fetchOf("create-a-conversation")));
        assertEquals(List.of("get-details-of-a-contact [OVERLAY]"), targets(CLIENT_API.fetchOf("create-a-contact")));
        assertEquals(List.of(), targets(CLIENT_API.fetchOf("create-a-message")), "no GET of one message is documented");
    }

    @Test
    void listOfIsTheGetOnTheCreatesOwnPath() {
        assertEquals(List.of("list-all-contact-conversations [INFERRED]"), targets(CLIENT_API.listOf("create-a-conversation")));
        assertEquals(List.of("list-all-conversation-messages [INFERRED]"), targets(CLIENT_API.listOf("create-a-message")));
        assertEquals(List.of(), targets(CLIENT_API.listOf("create-a-contact")), "no list of an inbox's contacts is documented");
    }

    @Test
    void updatesOfAreThePatchesAndPutsOfWhatTheCreateMade() {
        assertEquals(List.of("update-a-contact [OVERLAY]"), targets(CLIENT_API.updatesOf("create-a-contact")));
        assertEquals(List.of("update-a-message [INFERRED]"), targets(CLIENT_API.updatesOf("create-a-message")));
        assertEquals(List.of(), targets(CLIENT_API.updatesOf("create-a-conversation")));
        assertEquals(List.of("update-thing [DOCUMENT]"), targets(Links.of(DocumentLinksTest.THINGS, Optional.empty()).updatesOf("create-thing")));
    }

    @Test
    void actionsOfAreThePostsUnderWhatTheCreateMade() {
        assertEquals(List.of("resolve-conversation [INFERRED]", "toggle-typing-status [INFERRED]", "update-last-seen [INFERRED]",
                "create-a-message [INFERRED]"), targets(CLIENT_API.actionsOf("create-a-conversation")));
        assertEquals(List.of("create-a-conversation [OVERLAY]"), targets(CLIENT_API.actionsOf("create-a-contact")));
        assertEquals(List.of(), targets(CLIENT_API.actionsOf("create-a-message")));
    }
}
