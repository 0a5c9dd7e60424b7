package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.chatwoot.ChatwootExtension;
import conformance.contract.ContractLoader;
import conformance.links.Link;
import conformance.links.Links;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Links section shows the overlay the Chatwoot package ships and every link a run of this document follows. */
class LinksReadmeTest {

    @Test
    void theReadmeListsTheLinksOfTheClientApiWithTheChatwootOverlay() {
        Links links = Links.of(new ContractLoader().load(Path.of("spec/client_swagger.json")), new ChatwootExtension(null).links());
        assertEquals(Readme.block("<!-- links of spec/client_swagger.json -->", "text"),
                links.all().stream().map(Link::describe).collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void theReadmeShowsTheChatwootOverlayAsShipped() throws IOException {
        try (InputStream shipped = ChatwootExtension.class.getClassLoader().getResourceAsStream("conformance/chatwoot/links.yaml")) {
            assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8),
                    Readme.block("<!-- src/test/resources/conformance/chatwoot/links.yaml -->", "yaml"));
        }
    }
}
