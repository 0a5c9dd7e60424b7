package conformance.selftest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The Allure commandline the run command renders with (the pom unpacks the same version for the tests). */
final class AllureCli {
    private AllureCli() {
    }

    /** Renders {@code results} into {@code report}, one index.html as the run command does. */
    static void generateSingleFile(Path results, Path report) {
        String home = System.getProperty("allure.commandline.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new AssertionError("the Allure commandline is not unpacked (allure.commandline.home=" + home
                    + "); run the tests through Maven (mvn test), which unpacks it into target/");
        }
        Command.of(Duration.ofMinutes(3), Path.of(home, "bin", "allure").toString(), "generate", "--clean",
                        "--single-file", "-o", report.toString(), results.toString())
                .with("JAVA_HOME", System.getProperty("java.home"))
                .with("JAVA_OPTS", Command.SHORT_LIVED_JVM)
                // as the run command renders: no analytics sent while rendering, none called by the page
                .with("ALLURE_NO_ANALYTICS", "true")
                .runOrFail();
    }
}
