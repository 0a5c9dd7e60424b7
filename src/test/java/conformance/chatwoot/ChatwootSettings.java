package conformance.chatwoot;

import conformance.config.ConfigException;
import conformance.config.Secret;
import conformance.config.Setting;
import conformance.config.Settings;
import conformance.reference.Dialect;
import java.util.List;
import java.util.Optional;

/**
 * What the Chatwoot extension is told: the inboxes and contact to test under, their HMAC tokens, and how the embedded
 * target answers. Validated before the first request, like the engine's own settings (DESIGN §4).
 */
public record ChatwootSettings(
        Optional<String> inboxIdentifier,
        Optional<String> contactIdentifier,
        Optional<String> otherInboxIdentifier,
        Optional<Secret> hmacToken,
        Optional<Secret> otherInboxHmacToken,
        Dialect dialect) {

    private static final List<Setting> SETTINGS = List.of(
            Setting.plain("inboxIdentifier", "identifier of an API-channel inbox; required with a base URL"),
            Setting.plain("contactIdentifier", "source_id of an existing contact of that inbox"),
            Setting.plain("otherInboxIdentifier", "a second API inbox: enables cross_inbox_isolation"),
            Setting.secret("hmacToken", "the inbox's HMAC token, for the identifier_hash of the contacts the suite creates there"),
            Setting.secret("otherInboxHmacToken", "the second inbox's HMAC token, for the identifier_hash of its contact"),
            Setting.plain("reference", "how the embedded target answers: document or chatwoot"));

    /** The settings this extension reads, for the registry a run validates with. */
    public static List<Setting> settings() {
        return SETTINGS;
    }

    /** {@code embedded}: no base URL was given, so the embedded reference target is tested. */
    public static ChatwootSettings from(Settings s, boolean embedded) {
        Optional<String> inbox = s.get("inboxIdentifier");
        if (!embedded && inbox.isEmpty()) {
            throw new ConfigException(Settings.name("inboxIdentifier") + " is required when "
                    + Settings.name("baseUrl") + " is set: give the identifier of an API-channel inbox on that server, "
                    + "e.g. -Dconformance.inboxIdentifier=<inbox identifier>");
        }
        Dialect dialect = s.get("reference").map(ChatwootSettings::parseDialect).orElse(Dialect.DOCUMENT);
        if (!embedded && s.get("reference").isPresent()) {
            throw new ConfigException(Settings.name("reference") + " chooses how the embedded reference target answers; "
                    + "it has no effect on " + Settings.name("baseUrl") + ". Drop one of them.");
        }
        if (embedded) {
            for (String key : new String[] {"inboxIdentifier", "contactIdentifier", "otherInboxIdentifier", "hmacToken",
                "otherInboxHmacToken"}) {
                if (s.get(key).isPresent()) {
                    throw new ConfigException(Settings.name(key) + " is set but " + Settings.name("baseUrl")
                            + " is not: without a base URL the suite tests its embedded reference target, which has "
                            + "its own identifiers. Set " + Settings.property("baseUrl") + " to the server you mean.");
                }
            }
        }
        if (s.get("otherInboxHmacToken").isPresent() && s.get("otherInboxIdentifier").isEmpty()) {
            throw new ConfigException(Settings.name("otherInboxHmacToken") + " is set but " + Settings.name("otherInboxIdentifier")
                    + " is not: it is the HMAC token of that second inbox; name the inbox or drop the token.");
        }
        return new ChatwootSettings(inbox, s.get("contactIdentifier"), s.get("otherInboxIdentifier"),
                s.get("hmacToken").map(Secret::new), s.get("otherInboxHmacToken").map(Secret::new), dialect);
    }

    /** The embedded target's inboxes: they need no HMAC token, so none is kept. */
    public ChatwootSettings withIdentities(String inbox, Optional<String> otherInbox) {
        return new ChatwootSettings(Optional.of(inbox), contactIdentifier, otherInbox, Optional.empty(), Optional.empty(),
                dialect);
    }

    private static Dialect parseDialect(String v) {
        for (Dialect d : Dialect.values()) {
            if (d.id().equalsIgnoreCase(v)) {
                return d;
            }
        }
        throw new ConfigException(Settings.name("reference") + ": '" + v + "' is not a dialect of the embedded target; "
                + "use 'document' (as the document describes) or 'chatwoot' (as real Chatwoot answers).");
    }
}
