package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseSchemaConformanceTest {
    private final ResponseSchemaConformance check = new ResponseSchemaConformance();

    @Test
    void aBodyTheSchemaAcceptsPasses() {
        assertEquals(List.of(), check.judge(AnExchange.positive()
                .body("{\"id\": 7, \"status\": \"open\", \"contact\": {\"name\": null}, \"extra\": true}").build()));
    }

    @Test
    void eachViolationIsAFindingAtItsPointerNestedOnesIncluded() {
        List<Finding> findings = check.judge(AnExchange.positive()
                .body("{\"id\": \"7\", \"contact\": {\"id\": 1.5}}").build());
        assertEquals(List.of(Optional.of("/contact/id"), Optional.of("/id")),
                findings.stream().map(Finding::pointer).sorted((a, b) -> a.get().compareTo(b.get())).toList());
    }

    @Test
    void theSchemaOfTheAnsweredStatusIsTheOneJudged() {
        List<Finding> findings = check.judge(AnExchange.of(conformance.generation.Intent.UNKNOWN_IDENTIFIER).status(401)
                .body("{\"id\": 7}").build());
        assertEquals(List.of(Optional.of("/description")), findings.stream().map(Finding::pointer).toList(),
                "the 401 error requires a description; the conversation's schema would have taken this body");
    }

    @Test
    void aBodyThatIsNotJsonIsAFindingNamingTheSchema() {
        List<Finding> findings = check.judge(AnExchange.positive().body("<html>oops</html>").build());
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().startsWith("the body is not JSON"), findings.get(0).message());
        assertTrue(findings.get(0).message().endsWith("(documented: 200)"), findings.get(0).message());
        assertTrue(check.judge(AnExchange.positive().body("").build()).get(0).message().startsWith("the body is empty"));
    }

    @Test
    void onlyStatusesDocumentedWithASchemaConcernIt() {
        assertFalse(check.appliesTo(AnExchange.positive().status(404).build()));
        assertFalse(check.appliesTo(AnExchange.positive().to(Documented.operation("typing", Documented.empty("200"))).build()));
        assertTrue(check.appliesTo(AnExchange.positive().build()));
    }
}
