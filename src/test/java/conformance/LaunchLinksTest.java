package conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.chatwoot.ChatwootExtension;
import conformance.checks.Check;
import conformance.config.Profile;
import conformance.config.Setting;
import conformance.config.Settings;
import conformance.extension.EmbeddedTarget;
import conformance.extension.Extension;
import conformance.extension.FixtureContext;
import conformance.extension.Reproduction;
import conformance.fixtures.Fixtures;
import conformance.generation.CaseKind;
import conformance.generation.Json;
import conformance.links.Overlay;
import conformance.run.ConformanceRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A links overlay that names what the document lacks stops the run before any request, as a configuration error. */
class LaunchLinksTest {
    @TempDir
    Path reports;

    @Test
    void aBadOverlayIsOneInconclusiveConfigurationLineBeforeAnyRequest() throws Exception {
        Overlay bad = Overlay.parse("bad-links.yaml", """
                create-a-contact:
                  "200":
                    by-id-part:
                      operationId: get-details-of-a-contact
                      parameters: {contact_identifier: $response.body#/id/x}
                """);
        AtomicInteger exchanges = new AtomicInteger();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Launch.Outcome o = Launch.run(Settings.of(Map.of("reports", reports.toString(), "tries", "5", "quiet", "true")),
                new PrintStream(console, true, StandardCharsets.UTF_8),
                (config, chatwoot, progress, observer) -> new ConformanceRun(config,
                        new WithOverlay(new ChatwootExtension(chatwoot), bad), progress, (exchange, redactor) -> exchanges.incrementAndGet()));
        String out = console.toString(StandardCharsets.UTF_8).strip();
        assertEquals("[conformance] INCONCLUSIVE — configuration: link 'by-id-part' of create-a-contact 200 in the links overlay "
                + "bad-links.yaml: '$response.body#/id/x': create-a-contact's 200 response cannot have '/id/x' "
                + "(schema create-a-contact 200)", out);
        assertEquals(0, exchanges.get(), "no request was sent");
        assertTrue(o.result().isEmpty());
        assertEquals("INCONCLUSIVE", Json.MAPPER.readTree(Files.readString(reports.resolve("conformance-summary.json")))
                .get("verdict").asString());
    }

    /** The Chatwoot extension with another links overlay. */
    private record WithOverlay(Extension chatwoot, Overlay overlay) implements Extension {
        @Override
        public Optional<Overlay> links() {
            return Optional.of(overlay);
        }

        @Override
        public List<Setting> settings() {
            return chatwoot.settings();
        }

        @Override
        public List<CaseKind> caseKinds() {
            return chatwoot.caseKinds();
        }

        @Override
        public List<Check> checks(Profile profile) {
            return chatwoot.checks(profile);
        }

        @Override
        public List<String> secrets() {
            return chatwoot.secrets();
        }

        @Override
        public Fixtures fixtures(FixtureContext context) {
            return chatwoot.fixtures(context);
        }

        @Override
        public String marking(String runId) {
            return chatwoot.marking(runId);
        }

        @Override
        public Reproduction reproduction(boolean embedded) {
            return chatwoot.reproduction(embedded);
        }

        @Override
        public EmbeddedTarget startEmbedded() {
            return chatwoot.startEmbedded();
        }
    }
}
