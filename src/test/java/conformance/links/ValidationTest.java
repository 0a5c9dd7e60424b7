package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every link that cannot be followed is refused at start, with one message naming it and what it lacks. */
class ValidationTest {

    private static String problem(String source, String status, String link) {
        String yaml = source + ":\n  \"" + status + "\":\n    x: " + link + "\n";
        return assertThrows(LinkException.class,
                () -> Links.of(DocumentLinksTest.THINGS, Optional.of(Overlay.parse("test.yaml", yaml)))).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "delete-thing|201|{operationId: get-thing}|its source operation 'delete-thing' is not an operation of the document (list-things, create-thing, get-thing, update-thing, get-part)",
            "create-thing|200|{operationId: get-thing}|create-thing documents no response '200' (it documents 201)",
            "create-thing|2xx|{operationId: get-thing}|create-thing documents no response '2xx' (it documents 201)",
            "create-thing|201|{operationId: delete-thing}|its operationId 'delete-thing' is not an operation of the document",
            "create-thing|201|{parameters: {thing_id: $response.body#/id}}|it must name its target by exactly one of operationId and operationRef",
            "create-thing|201|{operationId: get-thing, operationRef: '#/paths/~1things~1{thing_id}/get'}|it must name its target by exactly one of operationId and operationRef",
            "create-thing|201|{operationRef: '#/paths/~1things~1{thing_id}/delete'}|its operationRef '#/paths/~1things~1{thing_id}/delete' points at no operation of the document (DELETE /things/{thing_id})",
            "create-thing|201|{operationRef: 'other.yaml#/paths/~1things/get'}|its operationRef 'other.yaml#/paths/~1things/get' is not of the form #/paths/{escaped path}/{method}; only operations of this document can be linked",
            "create-thing|201|{operationId: get-thing, parameters: {thing: $response.body#/id}}|get-thing has no parameter 'thing' (it has path.thing_id)",
            "create-thing|201|{operationId: get-thing, parameters: {query.thing_id: $response.body#/id}}|get-thing has no parameter 'query.thing_id' (it has path.thing_id)",
            "create-thing|201|{operationId: get-thing, requestBody: $request.body}|it gives a requestBody, but get-thing takes none",
            "create-thing|201|{operationId: get-thing, parameters: {thing_id: $request.path.thing_id}}|'$request.path.thing_id': create-thing has no path parameter 'thing_id'",
            "create-thing|201|{operationId: get-thing, parameters: {thing_id: $request.query.dry}}|'$request.query.dry': create-thing has no query parameter 'dry'",
            "get-thing|200|{operationId: get-thing, parameters: {thing_id: $request.body#/id}}|'$request.body#/id': get-thing's request documents no body schema",
            "create-thing|201|{operationId: get-thing, parameters: {thing_id: $request.body#/name/first}}|'$request.body#/name/first': create-thing's request cannot have '/name/first' (schema create-thing request (application/json))",
            "update-thing|200|{operationId: get-thing, parameters: {thing_id: $response.body#/id}}|'$response.body#/id': update-thing's 200 response documents no body schema",
            "create-thing|201|{operationId: get-thing, parameters: {thing_id: $response.body#/uuid}}|'$response.body#/uuid': create-thing's 201 response cannot have '/uuid' (schema create-thing 201)",
            "create-thing|201|{operationId: get-thing, parameters: {thing_id: $response.body#/parts/0/id}}|'$response.body#/parts/0/id': create-thing's 201 response cannot have '/parts/0/id' (schema create-thing 201)",
            "create-thing|201|{operationId: get-thing, parameters: {thing_id: '$response.body#id'}}|'$response.body#id': 'id' is not a JSON Pointer (RFC 6901: empty, or '/' segments with '~' only as ~0 or ~1)"})
    void aLinkThatCannotBeFollowedIsOneMessageNamingIt(String source, String status, String link, String why) {
        assertEquals("link 'x' of " + source + " " + status + " in the links overlay test.yaml: " + why, problem(source, status, link));
    }

    @Test
    void whatTheSourceCanGiveIsAccepted() {
        String yaml = """
                create-thing:
                  "201":
                    x:
                      operationId: get-part
                      parameters:
                        thing_id: $response.body#/id
                        part_id: $response.body#/parts/0/part_id
                    y: {operationId: get-thing, parameters: {thing_id: $request.query.dry_run}}
                    z: {operationId: update-thing, parameters: {thing_id: $response.header.Location}, requestBody: $request.body#/name}
                """;
        assertEquals(6, Links.of(DocumentLinksTest.THINGS, Optional.of(Overlay.parse("test.yaml", yaml))).all().size());
    }

    @Test
    void everyUnusableLinkIsNamedInTheOneMessage() {
        String yaml = """
                create-thing:
                  "201":
                    x: {operationId: nope}
                    y: {operationId: get-thing, parameters: {nope: "1"}}
                """;
        LinkException e = assertThrows(LinkException.class,
                () -> Links.of(DocumentLinksTest.THINGS, Optional.of(Overlay.parse("test.yaml", yaml))));
        assertEquals("2 links cannot be used: link 'x' of create-thing 201 in the links overlay test.yaml: its operationId "
                + "'nope' is not an operation of the document; link 'y' of create-thing 201 in the links overlay test.yaml: "
                + "get-thing has no parameter 'nope' (it has path.thing_id)", e.getMessage());
    }
}
