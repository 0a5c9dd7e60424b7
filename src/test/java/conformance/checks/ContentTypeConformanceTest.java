package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypeConformanceTest {
    private final ContentTypeConformance check = new ContentTypeConformance();

    @Test
    void theDocumentedMediaTypePassesWithParametersAndInAnyCase() {
        assertEquals(List.of(), check.judge(AnExchange.positive().contentType("application/json; charset=utf-8").build()));
        assertEquals(List.of(), check.judge(AnExchange.positive().contentType("Application/JSON").build()));
    }

    @Test
    void anotherMediaTypeIsAFinding() {
        List<Finding> findings = check.judge(AnExchange.positive().contentType("text/html; charset=utf-8").build());
        assertEquals(List.of("Content-Type text/html; charset=utf-8 on a 200 response (documented: application/json)"),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void noContentTypeIsAFinding() {
        List<Finding> findings = check.judge(AnExchange.positive().status(401).contentType(null).build());
        assertEquals(List.of("no Content-Type on a 401 response (documented: application/json)"),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void onlyResponsesDocumentedWithAMediaTypeConcernIt() {
        var lastSeen = Documented.operation("update-last-seen", Documented.empty("200"));
        assertFalse(check.appliesTo(AnExchange.positive().to(lastSeen).contentType("text/plain").build()));
        assertFalse(check.appliesTo(AnExchange.positive().status(404).build()), "an undocumented status has no media type");
        assertTrue(check.appliesTo(AnExchange.positive().build()));
    }
}
