package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's settings table is the reference (DESIGN §4): it lists exactly the settings the suite knows. */
class SettingsReferenceTest {
    private static final Pattern ROW = Pattern.compile("^\\| `conformance\\.(\\w+)` \\| `(CONFORMANCE_\\w+)` \\| (.*) \\|$");

    /** The table's rows: key → the whole row. */
    private static Map<String, Matcher> readmeRows() throws IOException {
        Map<String, Matcher> rows = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), m);
            }
        }
        return rows;
    }

    @Test
    void theReadmeTableListsEverySettingTheSuiteKnowsAndNoOther() throws IOException {
        Map<String, Matcher> rows = readmeRows();
        List<String> known = Configuration.knownSettings().all().stream().map(Setting::key).sorted().toList();
        assertEquals(known, List.copyOf(rows.keySet()));
        for (Setting s : Configuration.knownSettings().all()) {
            Matcher row = rows.get(s.key());
            assertEquals(s.envName(), row.group(2), "the environment twin of " + s.key());
            assertEquals(s.secret(), row.group(3).contains("a secret, never written anywhere"),
                    "the README says whether " + s.key() + " is a secret");
        }
    }

    @Test
    void theWorkflowsUseOnlyKnownSettingsAndPassBothHmacTokensFromSecrets() throws IOException {
        Pattern used = Pattern.compile("(CONFORMANCE_[A-Z_]+)|-Dconformance\\.(\\w+)");
        List<String> envNames = Configuration.knownSettings().all().stream().map(Setting::envName).toList();
        List<String> keys = Configuration.knownSettings().all().stream().map(Setting::key).toList();
        try (var files = Files.list(Path.of(".github", "workflows"))) {
            for (Path workflow : files.toList()) {
                String text = Files.readString(workflow);
                Matcher m = used.matcher(text);
                while (m.find()) {
                    assertTrue(m.group(1) != null ? envNames.contains(m.group(1)) : keys.contains(m.group(2)),
                            workflow + " uses " + m.group() + ", which is not a setting");
                }
                if (text.contains("CONFORMANCE_HMAC_TOKEN:")) {
                    assertTrue(text.contains("CONFORMANCE_HMAC_TOKEN: ${{ secrets.CONFORMANCE_HMAC_TOKEN }}")
                            && text.contains("CONFORMANCE_OTHER_INBOX_HMAC_TOKEN: ${{ secrets.CONFORMANCE_OTHER_INBOX_HMAC_TOKEN }}"),
                            workflow + " passes each inbox's token from the repository's secrets");
                }
            }
        }
    }

    @Test
    void theCertificationWorkflowRequiresEveryCheckToRun() throws IOException {
        String certify = Files.readString(Path.of(".github", "workflows", "certify.yml"));
        assertTrue(certify.contains("CONFORMANCE_REQUIRE_ALL_CHECKS: 'true'"), "certify.yml sets requireAllChecks");
    }
}
