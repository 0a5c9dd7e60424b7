package conformance.checks;

import static conformance.checks.Chains.call;
import static conformance.checks.Chains.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.Exchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedAfterCreateTest {
    private final ListedAfterCreate check = new ListedAfterCreate();
    private final Exchange created = call("create-a-message", "c1").body("{\"id\": 31}").build();

    private Exchange list(String body, List<Exchange> earlier) {
        return step(call("list-all-conversation-messages", "c1").body(body).build(), earlier, 0);
    }

    @Test
    void aListWithoutTheCreatedItemFails() {
        Exchange e = list("[{\"id\": 30}]", List.of(created));
        assertTrue(check.appliesTo(e));
        assertEquals("create-a-message created id 31, but the list does not show it", check.judge(e).get(0).message());
    }

    @Test
    void theCreatedItemIsFoundByIdWhereverItIsAndWhateverTheServerAdded() {
        assertEquals(List.of(), check.judge(list("[{\"id\": 31}, {\"id\": 40, \"content\": \"survey\"}]", List.of(created))));
    }

    @Test
    void anIdWrittenWithAZeroFractionIsTheSameId() {
        assertEquals(List.of(), check.judge(list("[{\"id\": 31.0}]", List.of(created))));
    }

    @Test
    void onlyTheNewestCreateAtThatPlaceIsLookedFor() {
        Exchange newer = call("create-a-message", "c1").body("{\"id\": 32}").build();
        assertFalse(check.appliesTo(list("[{\"id\": 32}]", List.of(created, newer))));
    }

    @Test
    void aListReachedWithAValueOfTheCreatesAnswerIsNotItsList() {
        Exchange e = step(call("list-all-conversation-messages", "c1").body("[]").build(), List.of(created), 0, "conversation_id");
        assertFalse(check.appliesTo(e));
    }
}
