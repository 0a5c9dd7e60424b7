package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentedPropertiesPresentTest {
    private final DocumentedPropertiesPresent strict = new DocumentedPropertiesPresent(true);

    @Test
    void aMissingDocumentedPropertyIsAFindingAtItsPointer() {
        List<Finding> findings = strict.judge(AnExchange.positive().body("{\"id\": 1, \"uuid\": \"u\", \"status\": \"open\"}").build());
        assertEquals(List.of("documented property /contact is missing"), findings.stream().map(Finding::message).toList());
        assertEquals("/contact", findings.get(0).pointer().orElseThrow());
        List<Finding> nested = strict.judge(AnExchange.positive()
                .body("{\"id\": 1, \"uuid\": \"u\", \"status\": \"open\", \"contact\": {\"id\": 2}}").build());
        assertEquals(List.of("/contact/name"), nested.stream().map(f -> f.pointer().orElseThrow()).toList(), "at every depth");
    }

    @Test
    void everyDocumentedPropertyPresentPasses() {
        assertEquals(List.of(), strict.judge(AnExchange.positive()
                .body("{\"id\": 1, \"uuid\": \"u\", \"status\": \"open\", \"contact\": {\"id\": 2, \"name\": null}}").build()));
    }

    @Test
    void otherViolationsAreLeftToTheSchemaCheck() {
        assertEquals(List.of(), strict.judge(AnExchange.positive()
                .body("{\"id\": \"1\", \"uuid\": 2, \"status\": \"gone\", \"contact\": {\"id\": 2, \"name\": null}}").build()));
    }

    @Test
    void outsideTheStrictProfileItConcernsNothing() {
        DocumentedPropertiesPresent spec = new DocumentedPropertiesPresent(false);
        assertFalse(spec.appliesTo(AnExchange.positive().body("{}").build()));
        assertTrue(strict.appliesTo(AnExchange.positive().body("{}").build()));
        assertFalse(strict.appliesTo(AnExchange.positive().body("not json").build()), "a body that is not JSON has no properties");
        assertEquals(Skip.Kind.NOT_APPLICABLE, spec.skip().kind(), "the spec profile leaves it out: no gap");
        assertEquals(Skip.Kind.NOT_RUN, strict.skip().kind(), "asked for and judging nothing: a gap");
        assertTrue(spec.skip().reason().contains("conformance.profile=strict"), spec.skip().reason());
    }
}
