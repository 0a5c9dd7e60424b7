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
    void aBodyOnAResponseDocumentedWithoutContentIsAFinding() {
        List<Finding> findings = check.judge(toLastSeen().body("{\"status\":\"ok\"}").build());
        assertEquals(List.of("a body of 15 bytes on a 200 response documented without content"),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void anEmptyBodyOnAResponseDocumentedWithoutContentPassesWithOrWithoutAContentType() {
        assertEquals(List.of(), check.judge(toLastSeen().body("").contentType(null).build()));
        assertEquals(List.of(), check.judge(toLastSeen().body("").contentType("application/json; charset=utf-8").build()));
    }

    @Test
    void onlyDocumentedResponsesConcernIt() {
        assertTrue(check.appliesTo(toLastSeen().contentType("text/plain").build()), "documented without content");
        assertFalse(check.appliesTo(AnExchange.positive().status(404).build()), "an undocumented status has no media type");
        assertTrue(check.appliesTo(AnExchange.positive().build()));
    }

    private static AnExchange toLastSeen() {
        return AnExchange.positive().to(Documented.operation("update-last-seen", Documented.empty("200")));
    }
}
