package conformance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
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
        RunConfig emptyRate = RunConfig.from(new Settings(new Properties(), Map.of("CONFORMANCE_RATE_LIMIT", "")));
        assertTrue(emptyRate.embedded() && emptyRate.target().rateLimit().isEmpty(), "an optional setting given empty stays absent");
    }

    @Test
    void noSettingsMeansTheEmbeddedTargetWithDefaults() {
        RunConfig c = RunConfig.from(Settings.of(Map.of()));
        assertTrue(c.embedded());
        assertEquals(RunConfig.DEFAULT_TRIES, c.generation().tries());
        assertEquals(Profile.SPEC, c.generation().profile());
        assertEquals(Duration.ofSeconds(10), c.target().timeout());
        assertEquals(Selection.EVERYTHING, c.selection());
        assertEquals(RunConfig.builder().build(), c, "the builder's defaults are the defaults of a run with no settings");
    }

    @Test
    void aMalformedBaseUrlNamesTheSettingAndTheFix() {
        for (String bad : new String[] {"htp//chatwoot", "ftp://host", "http://", "http://host/?q=1", "not a url"}) {
            String m = error(Map.of("baseUrl", bad));
            assertTrue(m.contains("conformance.baseUrl") && m.contains("CONFORMANCE_BASE_URL") && m.contains("e.g.")
                    || m.contains("such as"), m);
        }
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
        assertEquals(Duration.ofMillis(500), RunConfig.from(Settings.of(Map.of("timeout", "500ms"))).target().timeout());
        assertEquals(Duration.ofMinutes(2), RunConfig.from(Settings.of(Map.of("timeout", "2m"))).target().timeout());
    }

    @Test
    void waitForTakesSecondsMinutesAndIso8601AndNamesItselfWhenBad() {
        assertEquals(Duration.ZERO, RunConfig.from(Settings.of(Map.of())).target().waitFor(), "no wait unless asked");
        assertEquals(Duration.ofSeconds(90), RunConfig.from(Settings.of(Map.of("waitFor", "90s"))).target().waitFor());
        assertEquals(Duration.ofMinutes(2), RunConfig.from(Settings.of(Map.of("waitFor", "2m"))).target().waitFor());
        assertEquals(Duration.ofSeconds(90), RunConfig.from(Settings.of(Map.of("waitFor", "PT90S"))).target().waitFor());
        assertEquals(Duration.ofSeconds(90), RunConfig.from(new Settings(new Properties(),
                Map.of("CONFORMANCE_WAIT_FOR", "pt1m30s"))).target().waitFor(), "its environment twin, ISO-8601 in any case");
        for (String bad : List.of("soon", "PT", "P1D", "-5s", "PT-5S", "2h")) {
            String m = error(Map.of("waitFor", bad));
            assertTrue(m.startsWith("conformance.waitFor (CONFORMANCE_WAIT_FOR): '" + bad + "' is not a duration"), m);
        }
    }

    @Test
    void harMaxEntriesIsAWholeNumberWithADefault() {
        assertEquals(RunConfig.DEFAULT_HAR_MAX_ENTRIES, RunConfig.from(Settings.of(Map.of())).outputs().harMaxEntries());
        assertEquals(7, RunConfig.from(Settings.of(Map.of("harMaxEntries", "7"))).outputs().harMaxEntries());
        assertTrue(error(Map.of("harMaxEntries", "0")).contains("conformance.harMaxEntries"));
    }

    @Test
    void thePropertyWinsOverItsEnvironmentTwin() {
        Properties p = new Properties();
        p.setProperty("conformance.tries", "7");
        Settings s = new Settings(p, Map.of("CONFORMANCE_TRIES", "9", "CONFORMANCE_SEED", "42",
                "CONFORMANCE_BASE_URL", "http://127.0.0.1:9"));
        RunConfig c = RunConfig.from(s);
        assertEquals(7, c.generation().tries());
        assertEquals(42, c.generation().seed().getAsLong());
        assertEquals("http://127.0.0.1:9", c.target().baseUrl().orElseThrow().toString());
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
        Map<String, String> remote = Map.of("baseUrl", "https://127.0.0.1:9");
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
    void everySettingLandsInItsGroup() {
        RunConfig c = RunConfig.from(Settings.of(Map.ofEntries(Map.entry("baseUrl", "http://127.0.0.1:9/prefix/"),
                Map.entry("timeout", "3s"), Map.entry("rateLimit", "2.5"), Map.entry("maxBodyBytes", "4096"),
                Map.entry("workers", "3"), Map.entry("waitFor", "90s"), Map.entry("harMaxEntries", "50"), Map.entry("tries", "9"), Map.entry("seed", "-4"), Map.entry("profile", "strict"),
                Map.entry("storedCases", "false"), Map.entry("reports", "target/elsewhere"),
                Map.entry("requireAllChecks", "true"), Map.entry("operations", "create-a-contact"))));
        assertEquals(new RunConfig.Target(Optional.of(URI.create("http://127.0.0.1:9/prefix")), Duration.ofSeconds(3),
                OptionalDouble.of(2.5), 4096, Optional.empty(), 3, Gateway.NONE, Duration.ofSeconds(90)), c.target());
        assertEquals(new RunConfig.Generation(9, OptionalLong.of(-4), Profile.STRICT, false), c.generation());
        assertEquals(new RunConfig.Outputs(Path.of("target/elsewhere"), true, 50), c.outputs());
        assertEquals(List.of("create-a-contact"), c.selection().operations());
    }

    @Test
    void toBuilderChangesOneGroupAndKeepsTheRest() {
        RunConfig c = RunConfig.from(Settings.of(Map.of("tries", "9", "reports", "target/elsewhere")));
        RunConfig remote = c.withBaseUrl(URI.create("http://127.0.0.1:9"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9")), remote.target().baseUrl());
        assertEquals(c.generation(), remote.generation());
        assertEquals(c.outputs(), remote.outputs());
        assertEquals(c.target().timeout(), remote.target().timeout());
        assertTrue(c.embedded() && !remote.embedded());
        RunConfig other = c.toBuilder().spec(Path.of("spec", "other.json")).build();
        assertEquals(Path.of("spec", "other.json"), other.spec());
        assertEquals(c.generation(), other.generation());
    }
}
