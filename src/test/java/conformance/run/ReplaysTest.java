package conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.verdict.Replay;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay a certificate records: every setting that shapes the requests, secrets only as placeholders. */
class ReplaysTest {
    private static final Map<String, String> GITHUB = Map.of("GITHUB_SERVER_URL", "https://github.com/",
            "GITHUB_REPOSITORY", "acme/conformance", "GITHUB_RUN_ID", "42");

    @Test
    void aRemoteRunReplaysWithEverySettingItsSeedNoStoredCasesAndTheTokenAsAPlaceholder() {
        Configuration config = Configuration.from(Settings.of(Map.ofEntries(Map.entry("baseUrl", "https://staging.example.com"),
                Map.entry("inboxIdentifier", "inbox one"), Map.entry("hmacToken", "s3cr3t-hmac-token"),
                Map.entry("otherInboxIdentifier", "inbox-two"), Map.entry("otherInboxHmacToken", "0th3r-s3cr3t"),
                Map.entry("tries", "25"), Map.entry("workers", "4"), Map.entry("timeout", "1500ms"),
                Map.entry("rateLimit", "2.5"), Map.entry("profile", "strict"), Map.entry("requireAllChecks", "true"))));
        Replay replay = Replays.of(config.config(), config.extension().reproduction(false), GITHUB, Path.of(""));
        String line = replay.line(-12);
        assertEquals("CONFORMANCE_HMAC_TOKEN=\"<the inbox's token>\" CONFORMANCE_OTHER_INBOX_HMAC_TOKEN=\"<the other inbox's token>\" "
                + "mvn -q verify -Pconformance "
                + "-Dconformance.baseUrl=https://staging.example.com '-Dconformance.inboxIdentifier=inbox one' "
                + "-Dconformance.otherInboxIdentifier=inbox-two "
                + "-Dconformance.tries=25 -Dconformance.workers=4 -Dconformance.timeout=1500ms -Dconformance.rateLimit=2.5 "
                + "-Dconformance.profile=strict -Dconformance.requireAllChecks=true -Dconformance.seed=-12 "
                + "-Dconformance.storedCases=false", line);
        assertFalse(line.contains("s3cr3t"), line);
        assertEquals(Optional.empty(), replay.dialect(), "a remote target has no dialect");
        assertEquals(Optional.of("https://github.com/acme/conformance/actions/runs/42"), replay.provenance().ciRunUrl());
    }

    @Test
    void anEmbeddedRunReplaysWithItsDialect() {
        Configuration chatwoot = Configuration.from(Settings.of(Map.of("reference", "chatwoot")));
        Replay replay = Replays.of(chatwoot.config(), chatwoot.extension().reproduction(true), Map.of(), Path.of(""));
        assertEquals(Optional.of("chatwoot"), replay.dialect());
        assertTrue(replay.line(7).contains(" -Dconformance.reference=chatwoot "), replay.line(7));
        assertEquals(Optional.empty(), replay.provenance().ciRunUrl(), "no CI run outside GitHub Actions");
    }

    @Test
    void aRunThatReplaysAStoredSequenceIsReplayedWithTheSameSetting() {
        Configuration replaying = Configuration.from(Settings.of(Map.of("replay", "seq-0123456789ab")));
        Replay replay = Replays.of(replaying.config(), replaying.extension().reproduction(true), Map.of(), Path.of(""));
        assertTrue(replay.line(7).contains(" -Dconformance.replay=seq-0123456789ab "), replay.line(7));
    }

    @Test
    void theCommitIsKnownInACheckoutAndAbsentOutsideOne(@TempDir Path elsewhere) {
        assertTrue(Replays.gitCommit(Path.of("")).orElse("").matches("[0-9a-f]{40}"), "this project is a git checkout");
        assertEquals(Optional.empty(), Replays.gitCommit(elsewhere));
    }

    @Test
    void storedCasesAreSentUnlessTheSettingSaysFalse() {
        assertTrue(RunConfig.from(Settings.of(Map.of())).generation().storedCases());
        assertFalse(RunConfig.from(Settings.of(Map.of("storedCases", "false"))).generation().storedCases());
    }
}
