package conformance.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.ConfigException;
import conformance.config.Setting;
import conformance.config.Settings;
import conformance.reference.Dialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatwootSettingsTest {
    private static final Map<String, String> REMOTE = Map.of("baseUrl", "http://127.0.0.1:9", "inboxIdentifier", "i");

    private static String error(Map<String, String> settings, boolean embedded) {
        return assertThrows(ConfigException.class, () -> ChatwootSettings.from(Settings.of(settings), embedded)).getMessage();
    }

    @Test
    void aRemoteTargetNeedsAnInboxIdentifier() {
        String m = error(Map.of("baseUrl", "https://chatwoot.example.com"), false);
        assertEquals("conformance.inboxIdentifier (CONFORMANCE_INBOX_IDENTIFIER) is required when conformance.baseUrl "
                + "(CONFORMANCE_BASE_URL) is set: give the identifier of an API-channel inbox on that server, "
                + "e.g. -Dconformance.inboxIdentifier=<inbox identifier>", m);
    }

    @Test
    void identifiersWithoutABaseUrlAreAnErrorNotASilentEmbeddedRun() {
        for (String key : List.of("inboxIdentifier", "contactIdentifier", "otherInboxIdentifier", "hmacToken", "otherInboxHmacToken")) {
            String m = error(Map.of(key, "abc"), true);
            assertTrue(m.startsWith(Settings.name(key) + " is set but conformance.baseUrl (CONFORMANCE_BASE_URL) is not"), m);
            assertFalse(m.contains("abc"), m);
        }
    }

    @Test
    void theDialectIsForTheEmbeddedTargetOnly() {
        assertEquals(Dialect.CHATWOOT, ChatwootSettings.from(Settings.of(Map.of("reference", "Chatwoot")), true).dialect());
        assertEquals(Dialect.DOCUMENT, ChatwootSettings.from(Settings.of(Map.of()), true).dialect());
        assertTrue(error(Map.of("reference", "rails"), true).startsWith(
                "conformance.reference (CONFORMANCE_REFERENCE): 'rails' is not a dialect of the embedded target"));
        Map<String, String> both = new HashMap<>(REMOTE);
        both.put("reference", "chatwoot");
        assertTrue(error(both, false).contains("it has no effect on conformance.baseUrl"));
    }

    @Test
    void theSecondInboxsTokenNeedsTheSecondInbox() {
        String m = error(Map.of("baseUrl", "http://127.0.0.1:9", "inboxIdentifier", "i", "otherInboxHmacToken", "s3cr3t-token"), false);
        assertTrue(m.contains("conformance.otherInboxIdentifier") && !m.contains("s3cr3t-token"), m);
    }

    @Test
    void theHmacTokensNeverPrintThemselves() {
        ChatwootSettings c = ChatwootSettings.from(Settings.of(Map.of("baseUrl", "http://127.0.0.1:9", "inboxIdentifier", "i",
                "hmacToken", "s3cr3t-token", "otherInboxIdentifier", "o", "otherInboxHmacToken", "0th3r-t0ken")), false);
        assertEquals("s3cr3t-token", c.hmacToken().orElseThrow().value());
        assertFalse(c.toString().contains("s3cr3t-token") || c.toString().contains("0th3r-t0ken"), c.toString());
    }

    @Test
    void theEmbeddedTargetsIdentitiesCarryNoToken() {
        ChatwootSettings remote = ChatwootSettings.from(Settings.of(Map.of("baseUrl", "http://127.0.0.1:9",
                "inboxIdentifier", "i", "hmacToken", "t", "reference", "")), false);
        ChatwootSettings embedded = remote.withIdentities("first", Optional.of("second"));
        assertEquals(new ChatwootSettings(Optional.of("first"), Optional.empty(), Optional.of("second"), Optional.empty(),
                Optional.empty(), Dialect.DOCUMENT), embedded);
    }

    @Test
    void itDeclaresItsSettingsAndWhichAreSecrets() {
        assertEquals(List.of("inboxIdentifier", "contactIdentifier", "otherInboxIdentifier", "hmacToken",
                "otherInboxHmacToken", "reference"), ChatwootSettings.settings().stream().map(Setting::key).toList());
        assertEquals(List.of("hmacToken", "otherInboxHmacToken"),
                ChatwootSettings.settings().stream().filter(Setting::secret).map(Setting::key).toList());
    }
}
