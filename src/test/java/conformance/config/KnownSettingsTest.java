package conformance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KnownSettingsTest {
    private static Settings property(String name, String value) {
        Properties p = new Properties();
        p.setProperty(name, value);
        return new Settings(p, Map.of());
    }

    private static Settings variable(String name, String value) {
        return new Settings(new Properties(), Map.of(name, value));
    }

    private static String rejected(KnownSettings known, Settings given) {
        return assertThrows(ConfigException.class, () -> known.requireKnown(given)).getMessage();
    }

    @Test
    void aMisspelledPropertyIsRejectedNamingTheClosestSetting() {
        String m = rejected(KnownSettings.core(), property("conformance.baseurl", "https://staging.example.com"));
        assertTrue(m.contains("conformance.baseurl") && m.contains("did you mean conformance.baseUrl"), m);
        assertFalse(m.contains("staging.example.com"), "the value is never quoted (it may be a misspelled secret): " + m);
        assertTrue(rejected(KnownSettings.core(), property("conformance.maxBodyByte", "x"))
                .contains("did you mean conformance.maxBodyBytes"));
    }

    @Test
    void aMisspelledVariableIsRejectedNamingTheClosestSetting() {
        String m = rejected(KnownSettings.core(), variable("CONFORMANCE_BASEURL", "https://staging.example.com"));
        assertTrue(m.contains("CONFORMANCE_BASEURL") && m.contains("did you mean conformance.baseUrl (CONFORMANCE_BASE_URL"), m);
        assertTrue(rejected(KnownSettings.core(), variable("CONFORMANCE_TRUST_STORE_PASWORD", "t"))
                .contains("did you mean conformance.trustStorePassword"));
    }

    @Test
    void aNameCloseToNoSettingPointsToTheTable() {
        String m = rejected(KnownSettings.core(), property("conformance.colour", "blue"));
        assertTrue(m.contains("conformance.colour") && m.contains("README.md") && !m.contains("did you mean"), m);
    }

    @Test
    void everyKnownSettingIsAcceptedUnderBothSpellingsAndOtherNamesAreNotLookedAt() {
        KnownSettings known = KnownSettings.core();
        Properties p = new Properties();
        p.setProperty("java.home", "/jdk");
        p.setProperty("conformanceX", "not under the prefix");
        known.all().forEach(s -> p.setProperty(s.property(), "v"));
        known.requireKnown(new Settings(p, Map.of("PATH", "/bin", "CONFORMANCE_BASE_URL", "v", "CONFORMANCE_TRUST_STORE_PASSWORD", "v")));
    }

    @Test
    void anExtensionContributesItsOwnSettings() {
        Settings given = property("conformance.proxyPassword", "p");
        rejected(KnownSettings.core(), given);
        KnownSettings extended = KnownSettings.core().with(List.of(Setting.secret("proxyPassword", "the proxy's password")));
        extended.requireKnown(given);
        assertTrue(extended.all().contains(Setting.secret("proxyPassword", "the proxy's password")));
        assertThrows(IllegalArgumentException.class, () -> extended.with(List.of(Setting.plain("baseUrl", "again"))));
    }

    @Test
    void theRegistryKnowsWhichSettingsAreSecrets() {
        assertEquals(List.of("trustStorePassword", "headers", "proxy"),
                KnownSettings.core().all().stream().filter(Setting::secret).map(Setting::key).toList());
    }

    @Test
    void readingTheSystemSettingsRemovesSecretAndUnknownPropertiesFromTheJvm() {
        List<String> names = List.of("conformance.proxyPassword", "conformance.proxyPasword", "conformance.tries", "conformance.proxyHost");
        System.setProperty("conformance.proxyPassword", "token-of-the-test");
        System.setProperty("conformance.proxyPasword", "misspelled-token");
        System.setProperty("conformance.tries", "3");
        System.setProperty("conformance.proxyHost", "proxy.example.com");
        try {
            Settings s = Settings.fromSystem(KnownSettings.core().with(List.of(Setting.secret("proxyPassword", "the proxy's password"),
                    Setting.plain("proxyHost", "the proxy"))));
            assertEquals("token-of-the-test", s.get("proxyPassword").orElseThrow(), "the run still has it");
            assertTrue(s.propertyNames().containsAll(names));
            assertEquals(null, System.getProperty("conformance.proxyPassword"), "an extension's secret is removed");
            assertEquals(null, System.getProperty("conformance.proxyPasword"));
            assertEquals("3", System.getProperty("conformance.tries"), "plain settings stay visible in the JUnit XML");
            assertEquals("proxy.example.com", System.getProperty("conformance.proxyHost"), "an extension's plain ones too");
        } finally {
            names.forEach(System::clearProperty);
        }
    }
}
