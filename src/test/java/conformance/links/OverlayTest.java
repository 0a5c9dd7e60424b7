package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overlay: read from YAML, checked like the document's links, replacing the inferred link to the same parameter. */
class OverlayTest {
    static final Contract INFERRED_ONLY = new ContractLoader().load(Path.of("src/test/resources/links/inferred-only.yaml"));

    private static Links overlaid(Contract contract, String yaml) {
        return Links.of(contract, Optional.of(Overlay.parse("test.yaml", yaml)));
    }

    @Test
    void aDocumentOfPartOfTheApiUsesTheOverlayLinksBetweenTheOperationsItHas() {
        Overlay overlay = Overlay.parse("test.yaml", """
                create-thing:
                  "201":
                    kept: {operationId: get-thing, parameters: {thing_id: $response.body#/id}}
                    toAbsent: {operationId: delete-thing}
                delete-thing:
                  "204":
                    fromAbsent: {operationId: get-thing}
                """);
        Overlay within = overlay.within(DocumentLinksTest.THINGS.operations().keySet());
        assertEquals(List.of("kept"), within.links().stream().map(l -> l.name()).toList());
        assertEquals(1, Links.of(DocumentLinksTest.THINGS, Optional.of(within)).all().stream().filter(l -> l.origin() == Origin.OVERLAY).count());
    }

    @Test
    void anOverlayLinkIsReadWithItsNameParametersBodyAndDescription() {
        Overlay overlay = Overlay.parse("test.yaml", """
                create-thing:
                  "201":
                    again:
                      operationId: create-thing
                      parameters: {query.dry_run: "true"}
                      requestBody: $request.body#/name
                      description: once more
                """);
        Link link = Links.of(DocumentLinksTest.THINGS, Optional.of(overlay)).all().get(3);
        assertEquals("create-thing (201) -> create-thing: query.dry_run = true, body = $request.body#/name [overlay]", link.describe());
        assertEquals("again", link.name());
        assertEquals("once more", link.description());
    }

    @Test
    void anOverlayLinkReplacesTheInferredLinkOfTheSameSourceToTheSameTargetParameter() {
        assertEquals(List.of("create-thing (201) -> get-thing: thing_id = $response.body#/id [inferred]"),
                Links.of(INFERRED_ONLY, Optional.empty()).all().stream().map(Link::describe).toList());
        assertEquals(List.of("create-thing (201) -> get-thing: path.thing_id = $request.query.key [overlay]"),
                overlaid(INFERRED_ONLY, """
                        create-thing:
                          "201":
                            by-key: {operationId: get-thing, parameters: {path.thing_id: $request.query.key}}
                        """).all().stream().map(Link::describe).toList());
    }

    @Test
    void anEmptyOverlayAddsNothing() {
        assertEquals(Links.of(DocumentLinksTest.THINGS, Optional.empty()).all(), overlaid(DocumentLinksTest.THINGS, "").all());
    }

    @Test
    void theChatwootOverlayIsOnTheClasspath() {
        Overlay overlay = Overlay.resource(OverlayTest.class, "conformance/chatwoot/links.yaml");
        assertEquals("classpath:conformance/chatwoot/links.yaml", overlay.name());
        assertEquals(4, overlay.links().size());
    }

    @Test
    void aMissingResourceIsOneMessage() {
        LinkException e = assertThrows(LinkException.class, () -> Overlay.resource(OverlayTest.class, "no/such.yaml"));
        assertEquals("the links overlay classpath:no/such.yaml is not on the classpath", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'a: [1'|the links overlay test.yaml is not YAML: ",
            "'- a'|the links overlay test.yaml: its top level must be a map",
            "'create-thing: [1]'|the links overlay test.yaml: create-thing must be a map",
            "'create-thing: {\"201\": {x: {operationID: get-thing}}}'|the links overlay test.yaml: create-thing 201 x has 'operationID', which is not a field",
            "'create-thing: {\"201\": {x: {operationId: [get-thing]}}}'|the links overlay test.yaml: create-thing 201 x operationId must be a text or a number",
            "'create-thing: {\"201\": {x: {operationId: get-thing, parameters: [a]}}}'|the links overlay test.yaml: create-thing 201 x parameters must be a map"})
    void aMalformedOverlayIsOneMessageSayingWhere(String yaml, String message) {
        LinkException e = assertThrows(LinkException.class, () -> Overlay.parse("test.yaml", yaml));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
