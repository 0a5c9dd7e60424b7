package conformance.reference;

import conformance.generation.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The reference implementation of the public client API, stateful, in one of two dialects: routes a request to its
 * operation, finds what its path names (inbox, contact, conversation, message) the way the dialect scopes them, applies
 * the request rules, and hands the rest to the resource. {@link Dialect#DOCUMENT}: as the document describes.
 * {@link Dialect#CHATWOOT}: as real Chatwoot answers (see the project's notes on Chatwoot's behaviour).
 */
final class Router {
    private final Dialect dialect;
    private final State state = new State();
    private final Refusals refusals;
    private final ContactsResource contacts;
    private final ConversationsResource conversations;
    private final MessagesResource messages;
    private final Accepted accepted;

    Router(Dialect dialect) {
        this.dialect = dialect;
        this.refusals = new Refusals(dialect);
        Views views = new Views(state);
        this.contacts = new ContactsResource(dialect, state, views, refusals);
        this.conversations = new ConversationsResource(dialect, state, views);
        this.messages = new MessagesResource(dialect, state, views);
        this.accepted = new Accepted(dialect, state, views, conversations);
        state.addInbox(false, false, false);
        state.addInbox(false, false, false);
        state.addInbox(true, false, false);
        if (dialect == Dialect.CHATWOOT) {
            state.addInbox(false, true, false);
            state.addInbox(false, false, true);
        }
    }

    synchronized List<Inbox> inboxes() {
        return state.inboxes();
    }

    /** A contact made directly in the target's state (as an agent would), e.g. a blocked one; its source id. */
    synchronized String addContact(Inbox inbox, boolean blocked) {
        Contact contact = state.addContact(null, null, null, null, Json.NODES.objectNode());
        contact.record().put("blocked", blocked);
        return state.addContactInbox(inbox, state.uuid(), contact).sourceId();
    }

    synchronized Handled handle(String method, String path, String rawQuery, Optional<String> contentType, byte[] body) {
        Optional<Endpoint.Match> match = Endpoint.route(method, path, dialect == Dialect.CHATWOOT);
        if (match.isEmpty()) {
            return new Handled("", Outcome.NO_ROUTE, Refusals.noRoute(), Optional.empty());
        }
        Request request = Request.read(dialect, match.get(), rawQuery, contentType, body);
        // Rails parses the body before any controller code runs: malformed JSON is a 400 whatever the identifiers
        if (dialect == Dialect.CHATWOOT && request.body().isEmpty()) {
            return refusals.invalid(request, Outcome.INVALID_BODY, "body", request.problem());
        }
        Optional<Inbox> inbox = state.inbox(request.path("inbox"));
        if (inbox.isEmpty()) {
            return refusals.unknown(request, Outcome.UNKNOWN_INBOX, "inbox_identifier", "no API inbox has this identifier");
        }
        if (request.endpoint() == Endpoint.CREATE_CONTACT) {
            return understood(request).orElseGet(() -> contacts.create(request, inbox.get()));
        }
        String sourceId = request.path("contact");
        Optional<ContactInbox> contact = state.contactInbox(inbox.get(), sourceId);
        if (contact.isEmpty()) {
            return state.knowsSourceId(sourceId)
                    ? refusals.unknown(request, Outcome.FOREIGN_CONTACT, "contact_identifier", "this contact belongs to another inbox")
                    : refusals.unknown(request, Outcome.UNKNOWN_CONTACT, "contact_identifier", "no contact of this inbox has this source id");
        }
        return switch (request.endpoint()) {
            case GET_CONTACT -> understood(request).orElseGet(() -> contacts.get(request, inbox.get(), contact.get()));
            case UPDATE_CONTACT -> understood(request).orElseGet(() -> contacts.update(request, inbox.get(), contact.get()));
            case CREATE_CONVERSATION -> understood(request).orElseGet(() -> conversations.create(request, inbox.get(), contact.get()));
            case LIST_CONVERSATIONS -> understood(request).orElseGet(() ->
                    conversations.list(request, scope(request.endpoint(), contact.get()).toList()));
            default -> inConversation(request, inbox.get(), contact.get());
        };
    }

    private Handled inConversation(Request request, Inbox inbox, ContactInbox contact) {
        OptionalLong number = Ids.parse(dialect, request.path("conversation"));
        if (number.isEmpty()) {
            return refusals.unknown(request, Outcome.INVALID_PARAMETER, "conversation_id", "conversation_id must be an integer");
        }
        Optional<Conversation> found = scope(request.endpoint(), contact).filter(c -> c.number() == number.getAsLong())
                .min(Comparator.comparing(c -> c.inboxId() != inbox.id()));
        if (found.isEmpty()) {
            boolean elsewhere = state.conversations().anyMatch(c -> c.inboxId() == inbox.id() && c.number() == number.getAsLong());
            return elsewhere
                    ? refusals.unknown(request, Outcome.FOREIGN_CONVERSATION, "conversation_id", "this conversation belongs to another contact")
                    : refusals.unknown(request, Outcome.UNKNOWN_CONVERSATION, "conversation_id", "this contact has no conversation with this id");
        }
        Conversation conversation = found.get();
        if (request.endpoint() == Endpoint.UPDATE_MESSAGE) {
            return inMessage(request, conversation);
        }
        return understood(request).orElseGet(() -> switch (request.endpoint()) {
            case GET_CONVERSATION -> conversations.get(request, conversation);
            case RESOLVE_CONVERSATION -> conversations.resolve(request, conversation);
            case TOGGLE_TYPING -> conversations.toggleTyping(request);
            case UPDATE_LAST_SEEN -> conversations.updateLastSeen(request, conversation);
            case CREATE_MESSAGE -> messages.create(request, inbox, contact, conversation);
            default -> messages.list(request, conversation);
        });
    }

    private Handled inMessage(Request request, Conversation conversation) {
        OptionalLong id = Ids.parse(dialect, request.path("message"));
        if (id.isEmpty()) {
            return refusals.unknown(request, Outcome.INVALID_PARAMETER, "message_id", "message_id must be an integer");
        }
        Optional<Message> message = state.message(id.getAsLong());
        if (message.isEmpty()) {
            return refusals.unknown(request, Outcome.UNKNOWN_MESSAGE, "message_id", "no message has this id");
        }
        if (message.get().conversationKey() != conversation.key()) {
            return refusals.unknown(request, Outcome.FOREIGN_MESSAGE, "message_id", "this message belongs to another conversation");
        }
        return understood(request).orElseGet(() -> messages.update(request, conversation, message.get()));
    }

    /**
     * The conversations a path can name (and a list shows), oldest first. The document dialect: those opened through
     * this contact inbox. Chatwoot: the same on conversation routes, unless the contact inbox is hmac_verified (then all of the contact's), and all of
     * the contact's, in any inbox, on message routes.
     */
    private Stream<Conversation> scope(Endpoint endpoint, ContactInbox contact) {
        boolean messageRoute = endpoint == Endpoint.CREATE_MESSAGE || endpoint == Endpoint.LIST_MESSAGES || endpoint == Endpoint.UPDATE_MESSAGE;
        boolean contactWide = dialect == Dialect.CHATWOOT && (messageRoute || contact.hmacVerified());
        return state.conversations().filter(c -> contactWide ? c.contactId() == contact.contactId()
                : c.inboxId() == contact.inboxId() && c.sourceId().equals(contact.sourceId()));
    }

    /** The refusal of a request whose body (or parameters) the dialect does not take; empty when it takes them. */
    private Optional<Handled> understood(Request request) {
        if (request.body().isEmpty()) {
            return Optional.of(refusals.invalid(request, Outcome.INVALID_BODY, "body", request.problem()));
        }
        return dialect == Dialect.DOCUMENT ? DocumentRules.check(request, refusals) : Optional.empty();
    }

    /** What the operation {@code method} and {@code path} route to answers on success; empty when they route nowhere. */
    synchronized Optional<Reply> acceptAnyway(String method, String path) {
        return Endpoint.route(method, path, dialect == Dialect.CHATWOOT).map(accepted::answer);
    }
}
