package conformance.checks;

import static conformance.checks.Chains.call;
import static conformance.checks.Chains.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.Exchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsureResourceAvailabilityTest {
    private final EnsureResourceAvailability check = new EnsureResourceAvailability();
    private final Exchange created = call("create-a-conversation", "c1").body("{\"id\": 7, \"uuid\": \"u-1\"}").build();

    private Exchange fetch(int status, String body) {
        return step(call("get-single-conversation", "c1").status(status).body(body).build(), List.of(created), 0, "conversation_id");
    }

    @Test
    void aCreatedResourceThatCannotBeFetchedFails() {
        Exchange e = fetch(404, "{\"error\": \"Not Found\"}");
        assertTrue(check.appliesTo(e));
        assertEquals("create-a-conversation created id 7, but fetching it answered 404", check.judge(e).get(0).message());
    }

    @Test
    void aFetchShowingAnotherUuidFails() {
        List<Finding> found = check.judge(fetch(200, "{\"id\": 7, \"uuid\": \"u-2\"}"));
        assertEquals(1, found.size());
        assertEquals("/uuid", found.get(0).pointer().orElseThrow());
    }

    @Test
    void aFetchShowingAnotherIdFails() {
        assertEquals("/id", check.judge(fetch(200, "{\"id\": 8, \"uuid\": \"u-1\"}")).get(0).pointer().orElseThrow());
    }

    @Test
    void aFetchWithTheSameIdentityPassesAndAUuidOnlyOneSideHasIsNotJudged() {
        assertEquals(List.of(), check.judge(fetch(200, "{\"id\": 7, \"uuid\": \"u-1\", \"status\": \"open\"}")));
        assertEquals(List.of(), check.judge(fetch(200, "{\"id\": 7}")));
    }

    @Test
    void aReadWhoseLinkTookNothingOfTheCreatesAnswerIsNotAFetchOfIt() {
        Exchange e = step(call("get-single-conversation", "c1").status(404).build(), List.of(created), 0);
        assertFalse(check.appliesTo(e));
        assertFalse(check.appliesTo(call("get-single-conversation", "c1").status(404).build()));
    }
}
