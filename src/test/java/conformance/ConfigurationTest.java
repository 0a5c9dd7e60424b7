package conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.chatwoot.ChatwootSettings;
import conformance.config.ConfigException;
import conformance.config.KnownSettings;
import conformance.config.Setting;
import conformance.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** A run's settings are the engine's and the Chatwoot extension's: both are known, both are validated, nothing else. */
class ConfigurationTest {

    @Test
    void theRunKnowsTheCoreSettingsAndTheExtensionsOwn() {
        List<Setting> all = Configuration.knownSettings().all();
        assertTrue(all.containsAll(KnownSettings.core().all()) && all.containsAll(ChatwootSettings.settings()), all.toString());
        assertEquals(KnownSettings.core().all().size() + ChatwootSettings.settings().size(), all.size());
    }

    @Test
    void aMisspelledExtensionSettingIsRefusedNamingIt() {
        String m = assertThrows(ConfigException.class,
                () -> Configuration.from(Settings.of(Map.of("otherInboxIdentifer", "x")))).getMessage();
        assertTrue(m.contains("did you mean conformance.otherInboxIdentifier"), m);
        String token = assertThrows(ConfigException.class,
                () -> Configuration.from(Settings.of(Map.of("hmacTokn", "t")))).getMessage();
        assertTrue(token.contains("did you mean conformance.hmacToken"), token);
    }

    @Test
    void bothHalvesAreReadFromTheSameSettings() {
        Configuration c = Configuration.from(Settings.of(Map.of("baseUrl", "http://127.0.0.1:9", "inboxIdentifier", "i",
                "tries", "3")));
        assertEquals(3, c.config().generation().tries());
        assertEquals(Optional.of("i"), c.chatwoot().inboxIdentifier());
        String m = assertThrows(ConfigException.class,
                () -> Configuration.from(Settings.of(Map.of("baseUrl", "http://127.0.0.1:9")))).getMessage();
        assertTrue(m.startsWith("conformance.inboxIdentifier (CONFORMANCE_INBOX_IDENTIFIER) is required"), m);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void readingTheJvmsSettingsKeepsTheExtensionsPlainOnesAndRemovesItsSecrets() {
        List<String> names = List.of("conformance.inboxIdentifier", "conformance.hmacToken");
        System.setProperty("conformance.inboxIdentifier", "inbox-of-the-test");
        System.setProperty("conformance.hmacToken", "token-of-the-test");
        try {
            Settings s = Settings.fromSystem(Configuration.knownSettings());
            assertEquals(Optional.of("token-of-the-test"), s.get("hmacToken"), "the run still has it");
            assertEquals(null, System.getProperty("conformance.hmacToken"), "a secret never reaches the JUnit XML");
            assertEquals("inbox-of-the-test", System.getProperty("conformance.inboxIdentifier"), "a plain one stays visible there");
        } finally {
            names.forEach(System::clearProperty);
        }
    }
}
