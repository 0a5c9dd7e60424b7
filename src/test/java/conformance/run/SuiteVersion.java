package conformance.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's version, from the build (Maven filters it into a resource). */
public final class SuiteVersion {
    private SuiteVersion() {
    }

    public static String get() {
        try (InputStream in = SuiteVersion.class.getResourceAsStream("/conformance-suite.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
