package conformance.checks;

import static conformance.checks.Chains.after;
import static conformance.checks.Chains.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.Exchange;
import conformance.generation.CaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipIsolationTest {
    private final OwnershipIsolation check = new OwnershipIsolation();
    private final Exchange conversationOfA = call("create-a-conversation", "contact-a").body("{\"id\": 7}").build();

    private Exchange foreign(int status) {
        return after(call("get-single-conversation", "contact-b").kind(CaseKind.FOREIGN_PARENT).status(status).build(),
                List.of(conversationOfA));
    }

    @Test
    void anotherParentsResourceAcceptedFails() {
        Exchange e = foreign(200);
        assertTrue(check.appliesTo(e));
        assertEquals(1, check.judge(e).size());
    }

    @Test
    void anotherParentsResourceRefusedPasses() {
        assertEquals(List.of(), check.judge(foreign(404)));
    }

    @Test
    void aListUnderAnotherParentShowingWhatWasCreatedUnderTheFirstFails() {
        Exchange e = after(call("list-all-contact-conversations", "contact-b").body("[{\"id\": 7}]").build(), List.of(conversationOfA));
        assertTrue(check.appliesTo(e));
        assertTrue(check.judge(e).get(0).message().startsWith("the list shows id 7, which create-a-conversation created under"));
    }

    @Test
    void aListUnderAnotherParentShowingOnlyItsOwnPasses() {
        Exchange e = after(call("list-all-contact-conversations", "contact-b").body("[{\"id\": 8}]").build(), List.of(conversationOfA));
        assertEquals(List.of(), check.judge(e));
    }

    @Test
    void theListUnderTheSameParentIsNotJudgedHere() {
        Exchange e = after(call("list-all-contact-conversations", "contact-a").body("[{\"id\": 7}]").build(), List.of(conversationOfA));
        assertFalse(check.appliesTo(e));
    }
}
