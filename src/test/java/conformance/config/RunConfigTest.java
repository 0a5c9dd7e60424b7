package conformance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {

    private static String error(Map<String, String> settings) {
        return assertThrows(ConfigException.class, () -> RunConfig.from(Settings.of(settings))).getMessage();
    }

    @Test
    void aBaseUrlGivenEmptyIsAnErrorNotTheEmbeddedTarget() {
        // a CI secret that is not set arrives as an empty variable: testing the embedded target then would be a false pass
        String byProperty = assertThrows(ConfigException.class, () -> RunConfig.from(Settings.of(Map.of("baseUrl", " ")))).getMessage();
        assertTrue(byProperty.startsWith("conformance.baseUrl (CONFORMANCE_BASE_URL) is given but empty"), byProperty);
        Settings byEnvironment = new Settings(new Properties(), Map.of("CONFORMANCE_BASE_URL", ""));
        assertThrows(ConfigException.class, () -> RunConfig.from(byEnvironment));
        assertTrue(RunConfig.from(new Settings(new Properties(), Map.of("CONFORMANCE_OTHER_INBOX_IDENTIFIER", ""))).embedded(),
                "an optional setting given empty stays absent");
    }

    @Test
    void noSettingsMeansTheEmbeddedTargetWithDefaults() {
        RunConfig c = RunConfig.from(Settings.of(Map.of()));
        assertTrue(c.embedded());
        assertEquals(RunConfig.DEFAULT_TRIES, c.tries());
        assertEquals(Profile.SPEC, c.profile());
        assertEquals(Duration.ofSeconds(10), c.timeout());
    }

    @Test
    void aMalformedBaseUrlNamesTheSettingAndTheFix() {
        for (String bad : new String[] {"htp//chatwoot", "ftp://host", "http://", "http://host/?q=1", "not a url"}) {
            String m = error(Map.of("baseUrl", bad, "inboxIdentifier", "x"));
            assertTrue(m.contains("conformance.baseUrl") && m.contains("CONFORMANCE_BASE_URL") && m.contains("e.g.")
                    || m.contains("such as"), m);
        }
    }

    @Test
    void aRemoteTargetNeedsAnInboxIdentifier() {
        String m = error(Map.of("baseUrl", "https://chatwoot.example.com"));
        assertTrue(m.contains("conformance.inboxIdentifier") && m.contains("is required"), m);
    }

    @Test
    void identifiersWithoutABaseUrlAreAnErrorNotASilentEmbeddedRun() {
        String m = error(Map.of("inboxIdentifier", "abc"));
        assertTrue(m.contains("conformance.baseUrl"), m);
    }

    @Test
    void numbersDurationsProfilesAndFilesAreValidated() {
        assertTrue(error(Map.of("tries", "0")).contains("conformance.tries"));
        assertTrue(error(Map.of("tries", "many")).contains("conformance.tries"));
        assertTrue(error(Map.of("seed", "0x12")).contains("conformance.seed"));
        assertTrue(error(Map.of("profile", "lenient")).contains("'spec' or 'strict'"));
        assertTrue(error(Map.of("timeout", "forever")).contains("conformance.timeout"));
        assertTrue(error(Map.of("rateLimit", "-1")).contains("conformance.rateLimit"));
        assertTrue(error(Map.of("requireAllChecks", "maybe")).contains("conformance.requireAllChecks"));
        assertTrue(error(Map.of("waivers", "no/such/file.yaml")).contains("conformance.waivers"));
        assertTrue(error(Map.of("spec", "no/such/spec.yaml")).contains("conformance.spec"));
        assertEquals(Duration.ofMillis(500), RunConfig.from(Settings.of(Map.of("timeout", "500ms"))).timeout());
        assertEquals(Duration.ofMinutes(2), RunConfig.from(Settings.of(Map.of("timeout", "2m"))).timeout());
    }

    @Test
    void thePropertyWinsOverItsEnvironmentTwin() {
        Properties p = new Properties();
        p.setProperty("conformance.tries", "7");
        Settings s = new Settings(p, Map.of("CONFORMANCE_TRIES", "9", "CONFORMANCE_SEED", "42",
                "CONFORMANCE_BASE_URL", "http://127.0.0.1:9", "CONFORMANCE_INBOX_IDENTIFIER", "inbox"));
        RunConfig c = RunConfig.from(s);
        assertEquals(7, c.tries());
        assertEquals(42, c.seed().getAsLong());
        assertEquals("http://127.0.0.1:9", c.baseUrl().orElseThrow().toString());
        assertEquals("CONFORMANCE_OTHER_INBOX_IDENTIFIER", Settings.envName("otherInboxIdentifier"));
    }

    @Test
    void aTrustStoreIsOpenedBeforeAnyRequestAndAProblemNamesTheSetting(@TempDir Path folder) throws Exception {
        Path empty = folder.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(empty)) {
            store.store(out, "right".toCharArray());
        }
        Map<String, String> remote = Map.of("baseUrl", "https://127.0.0.1:9", "inboxIdentifier", "i");
        assertTrue(error(with(remote, "trustStore", folder.resolve("missing.p12").toString())).contains("conformance.trustStore"));
        String wrongPassword = error(with(with(remote, "trustStore", empty.toString()), "trustStorePassword", "wrong"));
        assertTrue(wrongPassword.contains("conformance.trustStorePassword") && !wrongPassword.contains("wrong"), wrongPassword);
        assertTrue(error(with(with(remote, "trustStore", empty.toString()), "trustStorePassword", "right")).contains("holds no certificate"));
        assertTrue(error(with(remote, "trustStorePassword", "right")).contains("conformance.trustStore"));
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> out = new HashMap<>(settings);
        out.put(key, value);
        return out;
    }

    @Test
    void theSecondInboxsTokenNeedsTheSecondInbox() {
        String m = error(Map.of("baseUrl", "http://127.0.0.1:9", "inboxIdentifier", "i", "otherInboxHmacToken", "s3cr3t-token"));
        assertTrue(m.contains("conformance.otherInboxIdentifier") && !m.contains("s3cr3t-token"), m);
        assertTrue(error(Map.of("otherInboxIdentifier", "o", "otherInboxHmacToken", "s3cr3t-token")).contains("conformance.baseUrl"));
    }

    @Test
    void theHmacTokenNeverPrintsItself() {
        RunConfig c = RunConfig.from(Settings.of(Map.of("baseUrl", "http://127.0.0.1:9", "inboxIdentifier", "i",
                "hmacToken", "s3cr3t-token")));
        assertTrue(!c.toString().contains("s3cr3t-token"), c.toString());
    }
}
