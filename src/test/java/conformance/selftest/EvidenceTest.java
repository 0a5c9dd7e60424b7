package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.config.Settings;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import conformance.report.ExchangeLog;
import conformance.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate shows each finding's response beside its request, long runs abbreviated, the curl exact. */
class EvidenceTest {
    private static final String BODY = "boom: " + "e".repeat(2000);

    @TempDir
    Path reports;

    @Test
    void aFindingShowsItsResponseStatusAndAnAbbreviatedBodyWhileCurlAndTheExchangeLogStayExact() throws Exception {
        try (ReferenceTarget target = ReferenceTarget.start(Corpus.created((call, r) -> Reply.raw(500, "text/plain", BODY)))) {
            Map<String, String> s = Targets.settingsFor(target);
            s.put("reports", reports.toString());
            s.put("tries", "5");
            Launch.run(Settings.of(s), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        String certificate = Files.readString(reports.resolve(ReportWriter.CERTIFICATE));
        assertTrue(certificate.contains("  - request: `POST http://127.0.0.1:"), certificate);
        assertTrue(certificate.contains("  - response: status 500 (2006 bytes):"), certificate);
        assertTrue(certificate.contains("boom: \"e\"×2000"), certificate);
        assertFalse(certificate.contains("eeeeeeeeeeeeeeeeeeee"), "abbreviated for people");
        String curls = certificate.lines().filter(l -> l.startsWith("curl ")).reduce("", String::concat);
        assertTrue(curls.startsWith("curl "), certificate);
        assertFalse(curls.contains("×"), "a curl command is never abbreviated: " + curls);
        assertTrue(Files.readString(reports.resolve(ExchangeLog.FILE)).contains(BODY), "the exchange log stays exact");
    }
}
