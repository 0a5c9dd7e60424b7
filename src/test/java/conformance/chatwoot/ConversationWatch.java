package conformance.chatwoot;

import conformance.checks.RecentlySeen;
import conformance.exchange.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a check remembers of each conversation, keyed by how a client names it (inbox, contact, conversation id), for
 * the last {@link RecentlySeen#CAPACITY} conversations touched, so memory stays flat however long the run.
 */
final class ConversationWatch<T> {
    private final Map<String, T> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > RecentlySeen.CAPACITY;
        }
    };

    Optional<T> get(String key) {
        return Optional.ofNullable(recent.get(key));
    }

    void put(String key, T value) {
        recent.put(key, value);
    }

    /** The conversation the exchange's path names. */
    static String key(Exchange e) {
        return key(e, e.kase().pathParameters().get(ChatwootFixtures.CONVERSATION));
    }

    /** The conversation of this id under the contact the exchange's path names (an item of its list, a create's answer). */
    static String key(Exchange e, String conversationId) {
        Map<String, String> path = e.kase().pathParameters();
        return path.get(ChatwootFixtures.INBOX) + '\n' + path.get(ChatwootFixtures.CONTACT) + '\n' + conversationId;
    }

    /** An integer JSON value (7.0 is the integer 7), as a long; empty for anything else. */
    static Optional<Long> integer(JsonNode n) {
        return n != null && n.isNumber() && n.canConvertToExactIntegral() ? Optional.of(n.asLong()) : Optional.empty();
    }
}
