package conformance.selftest;

import conformance.chatwoot.MessageSemantics;
import conformance.chatwoot.StateTransition;
import conformance.checks.ListedAfterCreate;
import conformance.checks.PositiveDataAcceptance;
import conformance.reference.StatefulConforming;
import conformance.reference.StatefulFaults;
import conformance.reference.Variant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The stateful variants of the reference target ({@link StatefulFaults}, {@link StatefulConforming}), each faulty one
 * with the check and operation that must catch it. {@link #faulty()}: the faults one run of the cases shows (an
 * answer, or two creates, is enough), judged by {@link VerdictSelfTest} with the rest of the corpus.
 * {@link #awaitingSequences()}: the faults only a sequence of steps shows (create then fetch, resolve then fetch,
 * another contact's identifier), for the sequence self-test to prove once sequences run.
 */
final class StatefulCorpus {
    private static final String RESOLVE = "resolve-conversation";
    private static final String GET_CONVERSATION = "get-single-conversation";
    private static final String LIST_CONVERSATIONS = "list-all-contact-conversations";
    private static final String GET_CONTACT = "get-details-of-a-contact";
    private static final String CREATE_MESSAGE = "create-a-message";
    private static final String LIST_MESSAGES = "list-all-conversation-messages";
    // the generic stateful checks' ids, as the issue names them
    private static final String AVAILABILITY = "ensure_resource_availability";
    private static final String LISTED = "listed_after_create";
    private static final String PERSISTED = "update_persisted";
    private static final String OWNERSHIP = "ownership_isolation";

    private StatefulCorpus() {
    }

    static List<Corpus.Faulty> faulty() {
        return List.of(
                fault("resolve answers the conversation still open", RESOLVE, StateTransition.ID, StatefulFaults::resolveAnswersOpen),
                fault("a created message answers without its content", CREATE_MESSAGE, MessageSemantics.ID,
                        StatefulFaults::messageWithoutItsContent),
                fault("a created message answers as outgoing", CREATE_MESSAGE, MessageSemantics.ID, StatefulFaults::messageAnsweredOutgoing),
                // the sequences then list and update the first message, which is not the one they created
                fault("every message created after the first answers the first one's id", CREATE_MESSAGE, MessageSemantics.ID,
                        StatefulFaults::messageIdUsedTwice).downstream(new Targets.Failure(ListedAfterCreate.ID, LIST_MESSAGES),
                        new Targets.Failure(PositiveDataAcceptance.ID, "update-a-message")));
    }

    /**
     * Each waits for the sequence that shows it (named in {@link StatefulFaults}). A created conversation that cannot
     * be fetched back also fails positive_data_acceptance there, if the sequence's fetch counts as a valid request.
     */
    static List<Corpus.Faulty> awaitingSequences() {
        return List.of(
                new Corpus.Faulty("a created conversation cannot be fetched back (404)", GET_CONVERSATION, AVAILABILITY,
                        Set.of(PositiveDataAcceptance.ID), false, StatefulFaults::conversationNotFetchable, Map.of()),
                fault("a fetched conversation comes back with another uuid", GET_CONVERSATION, AVAILABILITY,
                        StatefulFaults::conversationWithAnotherUuid),
                fault("the messages list leaves out the newest message", LIST_MESSAGES, LISTED, StatefulFaults::messagesListWithoutTheNewest),
                fault("the conversations list leaves out the newest conversation", LIST_CONVERSATIONS, LISTED,
                        StatefulFaults::conversationsListWithoutTheNewest),
                fault("a contact update is answered but a fetch shows the contact as first fetched", GET_CONTACT, PERSISTED,
                        StatefulFaults::contactUpdateNotStored),
                fault("a message update is answered but the list shows no submitted_values", LIST_MESSAGES, PERSISTED,
                        StatefulFaults::messageUpdateNotStored),
                fault("a message update shows on every message of the list", LIST_MESSAGES, PERSISTED,
                        StatefulFaults::messageUpdateChangesTheOthers),
                fault("another contact's conversation is fetched through this contact", GET_CONVERSATION, OWNERSHIP,
                        StatefulFaults::foreignConversationFetched),
                fault("another contact's messages are listed through this contact", LIST_MESSAGES, OWNERSHIP,
                        StatefulFaults::foreignMessagesListed),
                fault("a contact's list shows the inbox's other contacts' conversations", LIST_CONVERSATIONS, OWNERSHIP,
                        StatefulFaults::conversationsListShowsOtherContacts),
                fault("a resolve is not kept: a fetch shows the conversation open", GET_CONVERSATION, StateTransition.ID,
                        StatefulFaults::resolveNotStored),
                fault("resolve toggles: a second resolve reopens", RESOLVE, StateTransition.ID, StatefulFaults::resolveToggles),
                fault("update-last-seen does not move contact_last_seen_at", GET_CONVERSATION, StateTransition.ID,
                        StatefulFaults::lastSeenNotMoved));
    }

    static List<ConformingCorpus.Conforming> conforming() {
        return List.of(
                new ConformingCorpus.Conforming("custom attributes merged into the contact's, not replaced",
                        StatefulConforming::customAttributesMerged),
                new ConformingCorpus.Conforming("a message leaves a resolved conversation resolved", StatefulConforming::messageDoesNotReopen),
                new ConformingCorpus.Conforming("the server adds a message of its own to every conversation's list",
                        StatefulConforming::serverAddsAGreeting));
    }

    private static Corpus.Faulty fault(String name, String operation, String check, Supplier<Variant> variant) {
        return new Corpus.Faulty(name, operation, check, Set.of(), false, variant, Map.of());
    }
}
