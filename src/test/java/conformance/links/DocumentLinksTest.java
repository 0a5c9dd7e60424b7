package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Link Objects the document declares: by operationId and by operationRef, replacing the inferred link they cover. */
class DocumentLinksTest {
    static final Contract THINGS = new ContractLoader().load(Path.of("src/test/resources/links/things.yaml"));

    @Test
    void theDocumentsLinksComeFirstAndReplaceTheInferredLinkToTheSameParameter() {
        assertEquals(List.of(
                "create-thing (201) -> get-thing: thing_id = $response.body#/id [document]",
                "create-thing (201) -> update-thing: path.thing_id = $response.body#/id, body = $request.body [document]",
                "create-thing (201) -> list-things [inferred]"),
                Links.of(THINGS, Optional.empty()).all().stream().map(Link::describe).toList());
    }

    @Test
    void aDocumentLinkKeepsItsNameDescriptionAndOrigin() {
        Link byId = Links.of(THINGS, Optional.empty()).from("create-thing").get(0);
        assertEquals("by-id", byId.name());
        assertEquals("the thing just created", byId.description());
        assertEquals(Origin.DOCUMENT, byId.origin());
        assertEquals("201", byId.status());
    }

    @Test
    void fromAndToSelectBySourceAndTarget() {
        Links links = Links.of(THINGS, Optional.empty());
        assertEquals(List.of("get-thing", "update-thing", "list-things"), links.from("create-thing").stream().map(Link::target).toList());
        assertEquals(List.of("by-ref"), links.to("update-thing").stream().map(Link::name).toList());
        assertEquals(List.of(), links.from("get-thing"));
    }

    @Test
    void theSummarySaysHowManyLinksFromWhere() {
        assertEquals("3 links between operations (2 document, 1 inferred)", Links.of(THINGS, Optional.empty()).summary());
    }

    @Test
    void aDocumentLinkToAPointerItsSourceCannotHaveStopsWithOneMessage() {
        Contract bad = new ContractLoader().load(Path.of("src/test/resources/links/bad-link.yaml"));
        LinkException e = assertThrows(LinkException.class, () -> Links.of(bad, Optional.empty()));
        assertEquals("link 'by-uuid' of create-thing 201 in the document: '$response.body#/uuid': create-thing's 201 "
                + "response cannot have '/uuid' (schema create-thing 201)", e.getMessage());
    }
}
