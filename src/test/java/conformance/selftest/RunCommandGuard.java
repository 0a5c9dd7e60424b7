package conformance.selftest;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * {@code mvn verify -Dconformance.baseUrl=…} without {@code -Pconformance} runs the self-tests, which never send a
 * request to that target, and would end green. In the self-tests' JVM (surefire marks it with {@link #MARKER}), a
 * conformance setting leaves {@link RunCommandGuardTest} as the only test, and it fails with one line saying how to
 * run the suite. Registered through META-INF/services, so it acts before any self-test starts.
 */
public final class RunCommandGuard implements PostDiscoveryFilter {
    /** Set by surefire's configuration of the test command only; the run command's JVM and forked runs lack it. */
    static final String MARKER = "selftest.jvm";

    private final boolean refused = active(System.getProperties()) && !given(System.getProperties(), System.getenv()).isEmpty();

    @Override
    public FilterResult apply(TestDescriptor test) {
        boolean guard = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().equals(RunCommandGuardTest.class.getName())).orElse(false);
        return FilterResult.includedIf(!refused || guard, () -> "allowed", () -> "conformance settings given: the self-tests do not run");
    }

    static boolean active(Properties system) {
        return Boolean.parseBoolean(system.getProperty(MARKER));
    }

    /** The names (never the values) of the conformance settings given as system properties or environment variables. */
    static List<String> given(Properties system, Map<String, String> environment) {
        return Stream.concat(system.stringPropertyNames().stream().filter(k -> k.startsWith("conformance.")),
                environment.keySet().stream().filter(k -> k.startsWith("CONFORMANCE_"))).sorted().toList();
    }

    /** The one line the refused build prints. */
    static String refusal(List<String> given) {
        return "the test command runs the project's self-tests and no conformance setting (" + String.join(", ", given)
                + "): run the suite against a target with mvn -q verify -Pconformance -Dconformance.baseUrl=… "
                + "(the README's run command)";
    }
}
