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

/** The check follows each conversation through the exchanges it is given, so each test feeds one fresh instance a run. */
class StateTransitionTest {
    private final StateTransition check = new StateTransition();

    /** An answer of {@code operation} about conversation 7 of contact-a (its path), 200 with this body. */
    private static Exchange on(String operation, String body) {
        return AnExchange.positive().to(Documented.operation(operation)).pathParameter(ChatwootFixtures.CONVERSATION, "7")
                .body(body).build();
    }

    private static Exchange conversation(String operation, String status, long lastSeenAt) {
        return on(operation, "{\"id\": 7, \"status\": \"" + status + "\", \"contact_last_seen_at\": " + lastSeenAt + "}");
    }

    private static Exchange list(String items) {
        return AnExchange.positive().to(Documented.operation(StateTransition.LIST)).body("[" + items + "]").build();
    }

    /** Each exchange judged in turn; the pointer and message of every finding. */
    private List<String> run(Exchange... exchanges) {
        return List.of(exchanges).stream().filter(check::appliesTo).flatMap(e -> check.judge(e).stream())
                .map(f -> f.operationId() + " " + f.pointer().orElseThrow() + " " + f.message()).toList();
    }

    @Test
    void resolvedAfterResolveInItsAnswerAndInTheNextFetchAndListPasses() {
        assertEquals(List.of(), run(conversation(StateTransition.GET, "open", 0), conversation(StateTransition.RESOLVE, "resolved", 0),
                conversation(StateTransition.GET, "resolved", 0), list("{\"id\": 7, \"status\": \"resolved\"}, {\"id\": 8, \"status\": \"open\"}")));
    }

    @Test
    void aResolveAnsweredWithAnotherStatusIsAFinding() {
        assertEquals(List.of("resolve-conversation /status status \"open\" in the answer to resolve-conversation: resolving "
                + "resolves (the document says resolve, not toggle), also a conversation resolved before"),
                run(conversation(StateTransition.RESOLVE, "open", 0)));
    }

    @Test
    void aSecondResolveThatReopensIsAFinding() {
        List<String> found = run(conversation(StateTransition.RESOLVE, "resolved", 0), conversation(StateTransition.RESOLVE, "open", 0));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("resolve-conversation /status status \"open\" in the answer"), found.toString());
    }

    @Test
    void aFetchOrAListThatShowsAResolvedConversationOpenIsAFinding() {
        Exchange resolve = on(StateTransition.RESOLVE, "");
        assertEquals(List.of("get-single-conversation /status status \"open\" after resolve-conversation answered 2xx (and no "
                + "message since): the conversation must stay resolved"), run(resolve, conversation(StateTransition.GET, "open", 0)));
        StateTransition fresh = new StateTransition();
        fresh.judge(on(StateTransition.RESOLVE, ""));
        assertEquals(List.of("/1/status"), fresh.judge(list("{\"id\": 8, \"status\": \"open\"}, {\"id\": 7, \"status\": \"pending\"}"))
                .stream().map(f -> f.pointer().orElseThrow()).toList(), "found by id, not by position");
    }

    @Test
    void aMessageCreatedAfterTheResolveLeavesTheStatusOpenToEitherValue() {
        assertEquals(List.of(), run(conversation(StateTransition.RESOLVE, "resolved", 0), on(StateTransition.CREATE_MESSAGE, "{\"id\": 1}"),
                conversation(StateTransition.GET, "open", 0)));
        StateTransition fresh = new StateTransition();
        fresh.judge(conversation(StateTransition.RESOLVE, "resolved", 0));
        fresh.judge(on(StateTransition.CREATE_MESSAGE, "{\"id\": 1}"));
        assertEquals(List.of(), fresh.judge(conversation(StateTransition.GET, "resolved", 0)));
    }

    @Test
    void anotherConversationOrAnotherContactsIsNotConcerned() {
        Exchange otherContact = AnExchange.positive().to(Documented.operation(StateTransition.GET))
                .pathParameter(ChatwootFixtures.CONTACT, "contact-b").pathParameter(ChatwootFixtures.CONVERSATION, "7")
                .body("{\"status\": \"open\"}").build();
        assertEquals(List.of(), run(conversation(StateTransition.RESOLVE, "resolved", 0), otherContact,
                list("{\"id\": 8, \"status\": \"open\"}")));
    }

    @Test
    void lastSeenSetAfterUpdateLastSeenPassesAndEqualValuesToo() {
        assertEquals(List.of(), run(conversation(StateTransition.GET, "open", 0), on(StateTransition.LAST_SEEN, ""),
                conversation(StateTransition.GET, "open", 1_700_000_000), on(StateTransition.LAST_SEEN, ""),
                conversation(StateTransition.GET, "open", 1_700_000_000)));
    }

    @Test
    void lastSeenStillUnsetAfterUpdateLastSeenIsAFinding() {
        assertEquals(List.of("get-single-conversation /contact_last_seen_at contact_last_seen_at is 0 (unset) after "
                + "update-last-seen answered 2xx"), run(on(StateTransition.LAST_SEEN, ""), conversation(StateTransition.GET, "open", 0)));
        StateTransition fresh = new StateTransition();
        fresh.judge(on(StateTransition.LAST_SEEN, ""));
        assertEquals(List.of("/0/contact_last_seen_at"), fresh.judge(list("{\"id\": 7, \"contact_last_seen_at\": null}")).stream()
                .map(f -> f.pointer().orElseThrow()).toList());
    }

    @Test
    void lastSeenEarlierThanBeforeAfterUpdateLastSeenIsAFinding() {
        assertEquals(List.of("get-single-conversation /contact_last_seen_at contact_last_seen_at went back from 1700000100 to "
                + "1700000000 after update-last-seen answered 2xx"), run(conversation(StateTransition.GET, "open", 1_700_000_100),
                on(StateTransition.LAST_SEEN, ""), conversation(StateTransition.GET, "open", 1_700_000_000)));
    }

    @Test
    void onlyTheNextViewAfterUpdateLastSeenIsHeldToIt() {
        assertEquals(List.of(), run(conversation(StateTransition.GET, "open", 0)), "no update-last-seen: 0 is fine");
        StateTransition fresh = new StateTransition();
        fresh.judge(on(StateTransition.LAST_SEEN, ""));
        fresh.judge(on(StateTransition.GET, "{\"status\": \"open\"}"));
        assertEquals(1, fresh.judge(conversation(StateTransition.GET, "open", 0)).size(), "a view without the member does not count");
    }

    @Test
    void onlyAcceptedRequestsOfTheOperationsThatChangeOrShowAConversationConcernIt() {
        assertTrue(check.appliesTo(on(StateTransition.LAST_SEEN, "")));
        assertTrue(check.appliesTo(AnExchange.of(Intent.FIXTURE).body("{}").build()), "a create's answer shows its last-seen time");
        assertFalse(check.appliesTo(AnExchange.positive().to(Documented.operation(StateTransition.RESOLVE)).status(404).build()));
        assertFalse(check.appliesTo(AnExchange.of(Intent.UNKNOWN_IDENTIFIER).to(Documented.operation(StateTransition.RESOLVE)).build()),
                "an unknown conversation accepted is another check's finding");
        assertFalse(check.appliesTo(AnExchange.negative("not an integer").to(Documented.operation(StateTransition.GET)).build()));
        assertFalse(check.appliesTo(AnExchange.positive().to(Documented.operation("update-a-contact")).build()));
        assertFalse(check.payloadDependent(), "what it finds does not depend on the body sent");
    }
}
