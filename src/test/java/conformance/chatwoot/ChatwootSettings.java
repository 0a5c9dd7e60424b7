package conformance.chatwoot;

import conformance.config.Secret;
import conformance.reference.Dialect;
import java.util.Optional;

/** Placeholder until the config split lands: the Chatwoot settings of a run. */
public record ChatwootSettings(Optional<String> inboxIdentifier, Optional<String> contactIdentifier,
                               Optional<String> otherInboxIdentifier, Optional<Secret> hmacToken,
                               Optional<Secret> otherInboxHmacToken, Dialect dialect) {

    public ChatwootSettings withIdentities(String inbox, Optional<String> otherInbox) {
        return new ChatwootSettings(Optional.of(inbox), contactIdentifier, otherInbox, Optional.empty(), Optional.empty(), dialect);
    }
}
