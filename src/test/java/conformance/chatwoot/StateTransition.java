package conformance.chatwoot;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.checks.Skip;
import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * What the document says of a conversation's status and last-seen time, judged on the exchanges of a run in order:
 * after resolve-conversation answers 2xx the conversation is resolved (in that answer, when it has a status, and in
 * every later fetch or list that shows it, also after a second resolve: the document says resolve, not toggle); after
 * update-last-seen answers 2xx, the next view of the conversation shows {@code contact_last_seen_at} set (0 and null
 * are unset) and not earlier than before (equal is fine: two calls within one second). A message created in the
 * conversation afterwards leaves its status open: whether a message reopens a resolved conversation the document does
 * not say, so it is not judged. Only requests the target should accept are followed.
 */
public final class StateTransition implements Check {
    public static final String ID = "state_transition";
    static final String RESOLVE = "resolve-conversation";
    static final String GET = "get-single-conversation";
    static final String LIST = "list-all-contact-conversations";
    static final String LAST_SEEN = "update-last-seen";
    static final String CREATE_MESSAGE = "create-a-message";
    private static final Set<String> OPERATIONS = Set.of(Contract.CREATE_CONVERSATION, RESOLVE, GET, LIST, LAST_SEEN, CREATE_MESSAGE);
    private static final String RESOLVED = "resolved";

    /**
     * One conversation: whether it must show resolved, the last {@code contact_last_seen_at} seen (0 when none), and
     * whether update-last-seen answered since the last view.
     */
    private record Seen(boolean resolved, long lastSeenAt, boolean lastSeenUpdated) {
        static final Seen NOTHING = new Seen(false, 0, false);
    }

    private final ConversationWatch<Seen> conversations = new ConversationWatch<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(Exchange e) {
        return OPERATIONS.contains(e.operation().id()) && e.status() / 100 == 2 && !e.kase().intent().mustBeRejected();
    }

    @Override
    public List<Finding> judge(Exchange e) {
        Optional<JsonNode> body = e.response().flatMap(r -> r.json());
        List<Finding> out = new ArrayList<>();
        switch (e.operation().id()) {
            case RESOLVE -> {
                String key = ConversationWatch.key(e);
                body.filter(JsonNode::isObject).ifPresent(b -> view(e, key, b, "", out));
                conversations.put(key, with(key, s -> new Seen(true, s.lastSeenAt(), s.lastSeenUpdated())));
            }
            case LAST_SEEN -> conversations.put(ConversationWatch.key(e), with(ConversationWatch.key(e),
                    s -> new Seen(s.resolved(), s.lastSeenAt(), true)));
            case CREATE_MESSAGE -> conversations.put(ConversationWatch.key(e), with(ConversationWatch.key(e),
                    s -> new Seen(false, s.lastSeenAt(), s.lastSeenUpdated())));
            case GET -> body.filter(JsonNode::isObject).ifPresent(b -> view(e, ConversationWatch.key(e), b, "", out));
            default -> body.ifPresent(b -> {
                // a create's answer and each item of a list: the conversation its id names
                boolean list = b.isArray();
                for (int i = 0; i < (list ? b.size() : 1); i++) {
                    JsonNode c = list ? b.get(i) : b;
                    String at = list ? "/" + i : "";
                    ConversationWatch.integer(c.get("id")).ifPresent(id -> view(e, ConversationWatch.key(e, String.valueOf(id)), c, at, out));
                }
            });
        }
        return out;
    }

    private Seen with(String key, UnaryOperator<Seen> change) {
        return change.apply(conversations.get(key).orElse(Seen.NOTHING));
    }

    /** One view of a conversation: judged against what came before it, then remembered. */
    private void view(Exchange e, String key, JsonNode conversation, String at, List<Finding> out) {
        Seen before = conversations.get(key).orElse(Seen.NOTHING);
        boolean resolving = e.operation().id().equals(RESOLVE);
        status(conversation).filter(s -> (resolving || before.resolved()) && !s.equals(RESOLVED)).ifPresent(s -> out.add(
                Finding.of(this, e, "status \"" + s + "\" " + (resolving
                        ? "in the answer to resolve-conversation: resolving resolves (the document says resolve, not toggle), "
                        + "also a conversation resolved before"
                        : "after resolve-conversation answered 2xx (and no message since): the conversation must stay resolved"))
                        .at(at + "/status")));
        long lastSeenAt = before.lastSeenAt();
        boolean updated = before.lastSeenUpdated();
        JsonNode shown = conversation.get("contact_last_seen_at");
        // absent: an optional member; another type: the schema's business
        if (shown != null && (shown.isNull() || ConversationWatch.integer(shown).isPresent())) {
            long now = shown.isNull() ? 0 : shown.asLong();
            if (updated && now <= 0) {
                out.add(Finding.of(this, e, "contact_last_seen_at is " + shown + " (unset) after update-last-seen answered 2xx")
                        .at(at + "/contact_last_seen_at"));
            } else if (updated && now < lastSeenAt) {
                out.add(Finding.of(this, e, "contact_last_seen_at went back from " + lastSeenAt + " to " + now
                        + " after update-last-seen answered 2xx").at(at + "/contact_last_seen_at"));
            }
            lastSeenAt = Math.max(lastSeenAt, now);
            updated = false;
        }
        conversations.put(key, new Seen(before.resolved(), lastSeenAt, updated));
    }

    /** The status the conversation shows, when it shows one as a string (another type is the schema's business). */
    private static Optional<String> status(JsonNode conversation) {
        JsonNode s = conversation.get("status");
        return s != null && s.isString() ? Optional.of(s.asString()) : Optional.empty();
    }

    @Override
    public boolean payloadDependent() {
        return false;
    }

    @Override
    public Skip skip(Operation operation) {
        return OPERATIONS.contains(operation.id()) ? skip()
                : Skip.notApplicable("it judges the operations that change or show a conversation's status and last-seen time");
    }

    @Override
    public Skip skip() {
        return Skip.notRun("no conversation was resolved, marked seen or shown");
    }
}
