package conformance.chatwoot;

import conformance.checks.Check;
import conformance.checks.FieldPair;
import conformance.config.Profile;
import conformance.config.Secret;
import conformance.config.Setting;
import conformance.config.Settings;
import conformance.extension.EmbeddedTarget;
import conformance.extension.Extension;
import conformance.extension.FixtureContext;
import conformance.extension.Reproduction;
import conformance.fixtures.Fixtures;
import conformance.generation.CaseKind;
import conformance.links.Overlay;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Chatwoot client API as an extension of the engine: inboxes, contacts, identity hashes, its own checks. */
public final class ChatwootExtension implements Extension {
    private final ChatwootSettings settings;

    public ChatwootExtension(ChatwootSettings settings) {
        this.settings = settings;
    }

    public ChatwootSettings configured() {
        return settings;
    }

    @Override
    public List<Setting> settings() {
        return ChatwootSettings.settings();
    }

    @Override
    public List<CaseKind> caseKinds() {
        return Kinds.all();
    }

    /** Contacts are addressed by their source_id, which no rule infers from the paths. */
    @Override
    public Optional<Overlay> links() {
        return Optional.of(Overlay.resource(ChatwootExtension.class, "conformance/chatwoot/links.yaml"));
    }

    @Override
    public List<Check> checks(Profile profile) {
        return List.of(new CrossInboxIsolation(), new ConversationSemantics(), new StateTransition(), new MessageSemantics());
    }

    /** Chatwoot stores an email in lower case, and shows a message's submitted values among its content attributes. */
    @Override
    public List<FieldPair> fieldPairs() {
        return List.of(FieldPair.withoutCase("update-a-contact", "email"),
                FieldPair.renamed("update-a-message", "/submitted_values", "/content_attributes/submitted_values"));
    }

    @Override
    public List<String> secrets() {
        return Stream.of(settings.hmacToken(), settings.otherInboxHmacToken()).flatMap(Optional::stream).map(Secret::value).toList();
    }

    @Override
    public Fixtures fixtures(FixtureContext context) {
        return new ChatwootFixtures(context, settings);
    }

    @Override
    public String marking(String runId) {
        return ChatwootFixtures.MARK + runId;
    }

    @Override
    public Reproduction reproduction(boolean embedded) {
        List<String> p = new ArrayList<>();
        settings.inboxIdentifier().ifPresent(v -> p.add(property("inboxIdentifier", v)));
        settings.contactIdentifier().ifPresent(v -> p.add(property("contactIdentifier", v)));
        settings.otherInboxIdentifier().ifPresent(v -> p.add(property("otherInboxIdentifier", v)));
        if (embedded) {
            p.add(property("reference", settings.dialect().id()));
        }
        // quoted, so that the line a shell is given runs as it stands until the placeholder is replaced
        List<String> secrets = new ArrayList<>();
        settings.hmacToken().ifPresent(t -> secrets.add(Settings.envName("hmacToken") + "=\"<the inbox's token>\""));
        settings.otherInboxHmacToken().ifPresent(t -> secrets.add(Settings.envName("otherInboxHmacToken") + "=\"<the other inbox's token>\""));
        return new Reproduction(p, secrets, embedded ? Optional.of(settings.dialect().id()) : Optional.empty());
    }

    private static String property(String key, String value) {
        return "-D" + Settings.property(key) + "=" + value;
    }

    @Override
    public EmbeddedTarget startEmbedded() {
        ReferenceTarget reference = ReferenceTarget.start(settings.dialect(), Variant.CONFORMING);
        List<Inbox> inboxes = reference.inboxes();
        ChatwootExtension bound = new ChatwootExtension(settings.withIdentities(inboxes.get(0).identifier(),
                Optional.of(inboxes.get(1).identifier())));
        return new EmbeddedTarget() {
            @Override
            public URI baseUrl() {
                return reference.baseUrl();
            }

            @Override
            public Extension extension() {
                return bound;
            }

            @Override
            public String name() {
                return "embedded reference target, " + settings.dialect().id() + " dialect";
            }

            @Override
            public String variant() {
                return settings.dialect().id();
            }

            @Override
            public void close() {
                reference.close();
            }
        };
    }
}
