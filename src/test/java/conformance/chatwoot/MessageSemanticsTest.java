package conformance.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.AnExchange;
import conformance.checks.Documented;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check remembers the ids earlier creates returned, so each test feeds one fresh instance a sequence. */
class MessageSemanticsTest {
    private final MessageSemantics check = new MessageSemantics();

    private static Exchange created(String sent, String answered) {
        return AnExchange.positive().to(Documented.operation(MessageSemantics.CREATE)).sent(sent).body(answered).build();
    }

    private static Exchange listed(String items) {
        return AnExchange.positive().to(Documented.operation(MessageSemantics.LIST)).body("[" + items + "]").build();
    }

    private List<String> messages(Exchange e) {
        return check.judge(e).stream().map(f -> f.pointer().orElseThrow() + " " + f.message()).toList();
    }

    @Test
    void aMessageEchoingWhatWasSentWithANewIdPasses() {
        assertEquals(List.of(), messages(created("{\"content\": \"hello\", \"echo_id\": \"e1\"}",
                "{\"id\": 1, \"content\": \"hello\", \"message_type\": 0}")));
        assertEquals(List.of(), messages(created("{}", "{\"id\": 2, \"content\": null, \"message_type\": 0}")),
                "no content sent: whatever comes back");
        assertEquals(List.of(), messages(created("{\"content\": \"hi\", \"message_type\": 1}",
                "{\"id\": 3, \"content\": \"hi\", \"message_type\": 1}")), "a type sent is echoed");
    }

    @Test
    void aContentThatIsNotTheOneSentIsAFinding() {
        assertEquals(List.of("/content the content answered is null, not the string sent"),
                messages(created("{\"content\": \"hello\"}", "{\"id\": 1, \"content\": null}")));
        assertEquals(List.of("/content the content answered is another string, not the string sent"),
                messages(created("{\"content\": \"hello\"}", "{\"id\": 2, \"content\": \"Hello\"}")));
        assertEquals(List.of("/content the content answered is absent, not the string sent"),
                messages(created("{\"content\": \"\"}", "{\"id\": 3}")));
    }

    @Test
    void aTypeThatIsNotIncomingOrNotTheOneSentIsAFinding() {
        assertEquals(List.of("/message_type message_type 1 is not 0 (incoming), the type of what a contact writes"),
                messages(created("{\"content\": \"a\"}", "{\"id\": 1, \"content\": \"a\", \"message_type\": 1}")));
        assertEquals(List.of("/message_type message_type 0 is not 3, the type sent"),
                messages(created("{\"message_type\": 3}", "{\"id\": 2, \"message_type\": 0.0}")));
        assertEquals(List.of(), messages(created("{}", "{\"id\": 3, \"message_type\": \"incoming\"}")), "a string is the schema's business");
    }

    @Test
    void anIdReturnedForAnEarlierMessageIsAFinding() {
        check.judge(created("{}", "{\"id\": 5}"));
        assertEquals(List.of("/id id 5 was already returned for an earlier message"), messages(created("{}", "{\"id\": 5.0}")));
        assertEquals(List.of(), messages(listed("{\"id\": 5}, {\"id\": 6}")), "a list shows created messages again");
    }

    @Test
    void aListShowingOneIdTwiceIsAFindingInAnyOrder() {
        assertEquals(List.of(), messages(listed("{\"id\": 9}, {\"id\": 2}, {\"id\": 900000001, \"message_type\": 3}")));
        assertEquals(List.of("/2/id id 2 is listed twice"), messages(listed("{\"id\": 2}, {\"id\": 3}, {\"id\": 2}")));
    }

    @Test
    void onlyAcceptedCreatesAndListsOfMessagesConcernIt() {
        assertTrue(check.appliesTo(created("{}", "{}")));
        assertTrue(check.appliesTo(listed("")));
        assertFalse(check.appliesTo(AnExchange.positive().to(Documented.operation(MessageSemantics.CREATE)).status(401).build()));
        assertFalse(check.appliesTo(AnExchange.negative("content: type").to(Documented.operation(MessageSemantics.CREATE)).build()),
                "an invalid body accepted is another check's finding");
        assertFalse(check.appliesTo(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).to(Documented.operation(MessageSemantics.LIST)).build()));
        assertFalse(check.appliesTo(AnExchange.positive().to(Documented.operation("update-a-message")).build()));
        assertFalse(check.appliesTo(AnExchange.positive().to(Documented.operation(MessageSemantics.CREATE)).body("not json").build()));
    }
}
