package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.chatwoot.ConversationSemantics;
import conformance.chatwoot.IdentityHash;
import conformance.checks.PositiveDataAcceptance;
import conformance.generation.Json;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
import conformance.reference.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The run command as users type it, HMAC tokens given with {@code -D}: Failsafe copies the forked JVM's system
 * properties into the JUnit XML whenever a test is not a success, so the proof is a real Maven run (in a copy of the
 * project) that fails and skips, and then no file it left and no console line holds a token, nor the value of an extra
 * header ({@code conformance.headers}).
 */
@Tag("external")
class SecretsInMavenRunTest {
    private static final Pattern IDENTIFIER = Pattern.compile("(conformance-[0-9a-f]+-[0-9a-f]+-[0-9a-z-]+)");

    @Test
    void aFailingRunWithATokenForEachInboxAndGatewayHeadersLeavesNoneOfThemInAnyFileOrTheConsole() throws IOException {
        MavenCopy copy = MavenCopy.of("secrets");
        Command.Result run;
        List<String> tokens;
        // a gateway's headers are secrets too, a 4-character value included (built at run time: no source holds it)
        String gatewayKey = "gw:key," + UUID.randomUUID();
        String tenant = String.valueOf(new char[] {'k', '~', 'Q', '^'});
        // every conversation refused: positive_data_acceptance fails, conversation_semantics has nothing to judge
        try (ReferenceTarget target = ReferenceTarget.start(Corpus.created((call, r) -> Reply.json(401, Corpus.error("refused"))))) {
            Inbox main = target.inboxes().get(0);
            Inbox other = target.inboxes().get(2);
            assertTrue(other.hmacMandatory(), "the second inbox checks its hash: a wrong or missing token stops the run");
            tokens = List.of(main.hmacToken(), other.hmacToken());
            run = copy.mvn(Duration.ofMinutes(8), "-q", "verify", "-Pconformance",
                    "-Dconformance.baseUrl=" + target.baseUrl(),
                    "-Dconformance.inboxIdentifier=" + main.identifier(),
                    "-Dconformance.hmacToken=" + main.hmacToken(),
                    "-Dconformance.otherInboxIdentifier=" + other.identifier(),
                    "-Dconformance.otherInboxHmacToken=" + other.hmacToken(),
                    "-Dconformance.headers=X-Gateway-Key: " + gatewayKey + "\nX-Tenant: " + tenant,
                    "-Dconformance.tries=10",
                    // the contacts operations send identity hashes, the GET in its query string
                    "-Dconformance.operations=create-a-conversation,get-details-of-a-contact,update-a-contact");
        }
        assertEquals(1, run.exitCode(), run.output());
        JsonNode summary = Json.MAPPER.readTree(Files.readString(copy.reports().resolve("conformance-summary.json")));
        assertEquals("NON_CONFORMANT", summary.get("verdict").asString(), summary.toString());
        assertEquals("failed", check(summary, PositiveDataAcceptance.ID).get("outcome").asString());
        assertEquals("not_run", check(summary, ConversationSemantics.ID).get("skip").asString(), "a check that could not run");
        Path junit = copy.reports().resolve("junit").resolve("TEST-conformance.ConformanceSuite.xml");
        assertTrue(Files.readString(junit).contains("<property name=\"conformance.otherInboxIdentifier\""),
                "Failsafe recorded the run's system properties in its XML");

        // the identity hashes of the identifiers the run sent are secrets too (a hash opens the contact to anyone)
        List<String> secrets = new ArrayList<>(tokens);
        Matcher identifiers = IDENTIFIER.matcher(Files.readString(copy.reports().resolve("exchanges.ndjson")));
        while (identifiers.find()) {
            tokens.forEach(t -> secrets.add(IdentityHash.of(t, identifiers.group(1))));
        }
        assertTrue(secrets.size() > tokens.size() * 10, "the run sent identifiers with hashes: " + secrets.size());
        secrets.addAll(List.of(gatewayKey, tenant));
        // the whole copy: the sources hold no token, so whatever holds one the run wrote (reports/, target/, …)
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(copy.root())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                secrets.stream().filter(text::contains).forEach(t -> leaks.add(copy.root().relativize(f).toString()));
            }
        }
        secrets.stream().filter(run.output()::contains).forEach(t -> leaks.add("the console"));
        assertEquals(List.of(), leaks);
    }

    private static JsonNode check(JsonNode summary, String checkId) {
        return summary.get("checks").valueStream()
                .filter(c -> c.get("id").asString().equals(checkId) && c.get("operation").asString().equals("create-a-conversation"))
                .findFirst().orElseThrow();
    }
}
