package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The test command refuses conformance settings ({@link RunCommandGuard}); {@code MavenRunTest} shows it on a real
 * Maven build.
 */
class RunCommandGuardTest {

    /** The only test left when the self-tests' build is given a conformance setting: it fails with one line. */
    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
    void theTestCommandIsGivenNoConformanceSetting() {
        List<String> given = RunCommandGuard.given(System.getProperties(), System.getenv());
        if (RunCommandGuard.active(System.getProperties()) && !given.isEmpty()) {
            AssertionError refused = new AssertionError(RunCommandGuard.refusal(given));
            refused.setStackTrace(new StackTraceElement[0]);
            throw refused;
        }
    }

    @Test
    void settingsAreNamedByPropertyAndVariableNeverByValue() {
        Properties system = new Properties();
        system.setProperty("conformance.baseUrl", "https://staging.example.com");
        system.setProperty("user.dir", "/tmp");
        List<String> given = RunCommandGuard.given(system, Map.of("CONFORMANCE_HMAC_TOKEN", "s3cr3t-token", "PATH", "/bin"));
        assertEquals(List.of("CONFORMANCE_HMAC_TOKEN", "conformance.baseUrl"), given);
        String line = RunCommandGuard.refusal(given);
        assertTrue(line.contains("mvn -q verify -Pconformance") && line.contains("conformance.baseUrl"), line);
        assertFalse(line.contains("s3cr3t") || line.contains("staging") || line.contains("\n"), line);
    }

    @Test
    void onlyTheSelfTestsJvmIsGuarded() {
        Properties marked = new Properties();
        marked.setProperty(RunCommandGuard.MARKER, "true");
        assertTrue(RunCommandGuard.active(marked));
        assertFalse(RunCommandGuard.active(new Properties()), "the run command's JVM and forked runs take settings");
    }
}
