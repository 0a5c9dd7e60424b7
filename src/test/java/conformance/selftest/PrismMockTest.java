package conformance.selftest;

import conformance.Launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.chatwoot.ConversationSemantics;
import conformance.chatwoot.CrossInboxIsolation;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.NegativeDataRejection;
import conformance.checks.StatusCodeConformance;
import conformance.checks.UnknownIdentifierRejection;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.prism.Prism;
import conformance.prism.PrismInstallation;
import conformance.run.Progress;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prism as a target no one here wrote: the suite against {@code prism mock}, static and dynamic, serving each document
 * of {@code spec/}. Prism keeps no state and only mocks, so the suite must find exactly what a stateless mock cannot
 * do, and nothing else. Writes {@code target/self-tests/prism.md}: what the suite reported for each, and why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrismMockTest {
    static final Path NOTES = Path.of("target", "self-tests", "prism.md");
    private static final int TRIES = 40;
    private static final String INVALID_UTF8 = "malformed bytes: invalid UTF-8 in a member name";

    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    /** One Prism mock: which document it serves and how it makes bodies. */
    record Mock(String document, boolean dynamic) {
        @Override
        public String toString() {
            return "prism mock " + (dynamic ? "--dynamic " : "") + "spec/" + document;
        }

        /** Only the whole client document has create-a-contact, so only there can the suite make its own contacts. */
        boolean hasContacts() {
            return document.equals("client_swagger.json");
        }

        Set<String> failing() {
            Set<String> failing = new TreeSet<>(Set.of(StatusCodeConformance.ID, NegativeDataRejection.ID,
                    UnknownIdentifierRejection.ID, ConversationSemantics.ID));
            if (hasContacts()) {
                failing.add(CrossInboxIsolation.ID);
            }
            return failing;
        }

        Set<String> semanticsPointers() {
            Set<String> pointers = new TreeSet<>(Set.of("/uuid", dynamic ? "/inbox_id" : "/id"));
            if (dynamic && hasContacts()) {
                pointers.add("/contact/id");
            }
            return pointers;
        }
    }

    Stream<Mock> mocks() {
        return Stream.of(new Mock("client_swagger.json", false), new Mock("client_swagger.json", true),
                new Mock("create-a-conversation.openapi.yaml", false), new Mock("create-a-conversation.openapi.yaml", true));
    }

    /** Once for all mocks: if npm cannot install Prism, the class fails with that one message. */
    @BeforeAll
    void installPrism() {
        PrismInstallation.ensure();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mocks")
    void theSuiteFindsExactlyWhatAStatelessMockCannotDo(Mock mock) {
        RunReport report;
        try (Prism prism = Prism.mock(Path.of("spec", mock.document()), mock.dynamic())) {
            Map<String, String> s = new HashMap<>();
            s.put("baseUrl", prism.baseUrl().toString());
            s.put("inboxIdentifier", "prism-inbox");
            if (mock.hasContacts()) {
                s.put("otherInboxIdentifier", "prism-other-inbox");
            } else {
                s.put("contactIdentifier", "any-contact-prism-accepts-them-all");
            }
            s.put("tries", String.valueOf(TRIES));
            s.put("seed", String.valueOf(Targets.SEED));
            report = Configuration.from(Settings.of(s)).run(Progress.SILENT).execute().report();
        }
        notes.add(note(mock, report));
        Map<String, CheckResult> checks = report.checks().stream().filter(c -> c.operationId().equals(Contract.CREATE_CONVERSATION))
                .collect(Collectors.toMap(CheckResult::checkId, c -> c));
        assertEquals(Verdict.NON_CONFORMANT, report.verdict(), report.headline());
        assertEquals(mock.failing(), outcomes(checks, Outcome.FAILED), report.headline());
        assertEquals(mock.hasContacts() ? Set.of(DocumentedPropertiesPresent.ID)
                : Set.of(CrossInboxIsolation.ID, DocumentedPropertiesPresent.ID), outcomes(checks, Outcome.SKIPPED));
        assertTrue(report.checks().stream().filter(c -> !c.operationId().equals(Contract.CREATE_CONVERSATION))
                .allMatch(c -> c.outcome() == Outcome.PASSED), "create-a-contact answers are judged conforming");
        List<FindingGroup> statuses = checks.get(StatusCodeConformance.ID).findings();
        assertTrue(statuses.stream().allMatch(g -> g.first().specGap() && Set.of(400, 415, 422).contains(g.first().status())
                        || g.first().message().startsWith("documented status [401] never observed")),
                "only Prism's own 400/415/422 for invalid input, each a spec gap, and 401 never seen: " + messages(statuses));
        assertEquals(1, statuses.stream().filter(g -> !g.first().specGap()).count(), "401 never observed, once");
        assertEquals(Set.of(INVALID_UTF8), checks.get(NegativeDataRejection.ID).findings().stream()
                .map(g -> g.first().exchange().kase().brokenRule().orElseThrow().name()).collect(Collectors.toSet()));
        assertEquals(mock.semanticsPointers(), checks.get(ConversationSemantics.ID).findings().stream()
                .map(g -> g.first().pointer().orElse("")).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Set<String> outcomes(Map<String, CheckResult> checks, Outcome outcome) {
        return checks.values().stream().filter(c -> c.outcome() == outcome).map(CheckResult::checkId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String messages(List<FindingGroup> groups) {
        return groups.stream().map(g -> g.first().status() + " " + g.first().message()).collect(Collectors.joining("; "));
    }

    private static String note(Mock mock, RunReport report) {
        StringBuilder md = new StringBuilder("## `" + mock + "`\n\n" + report.headline() + "\n\n");
        md.append("| check | outcome | findings (the first four) |\n|---|---|---|\n");
        report.checks().stream().filter(c -> c.operationId().equals(Contract.CREATE_CONVERSATION)).forEach(c ->
                md.append("| `").append(c.checkId()).append("` | ").append(c.outcome().name().toLowerCase()).append(" | ")
                        .append(c.findings().stream().limit(4).map(PrismMockTest::finding).collect(Collectors.joining("<br>")))
                        .append(" |\n"));
        return md.toString();
    }

    private static String finding(FindingGroup g) {
        return g.first().status() + " " + g.first().pointer().map(p -> p + " ").orElse("") + g.first().message().replace("|", "\\|")
                + " (×" + g.occurrences() + ")";
    }

    @AfterAll
    void writeWhatTheSuiteReported() {
        List<String> sorted = new ArrayList<>(notes);
        Collections.sort(sorted);
        MarkdownFile.write(NOTES, "# The suite against Prism " + PrismInstallation.VERSION + "\n\n" + WHY + "\n"
                + String.join("\n", sorted));
    }

    private static final String WHY = """
            Written by `PrismMockTest` (`mvn test`). Prism mocks from the document and keeps no state; what the suite reports
            follows from that, and the test asserts exactly this:

            - **`unknown_identifier_rejection`, `cross_inbox_isolation` fail**: any identifier is as good as another to a
              stateless mock, so unknown contacts, unknown inboxes and contacts of other inboxes all get 200.
            - **`conversation_semantics` fails**. Static mode answers the same body every time: `id` 0 again and again (a repeated
              id) and `uuid` `"string"` (not a UUID); `inbox_id` 0 is at least consistent and `contact.id` 0 equals the id 0 its
              create-a-contact returned. Dynamic mode (json-schema-faker) fills every member at random: `uuid` is lorem text
              (the document gives `uuid` no `format`), `inbox_id` changes with every create, and `contact.id` is never the id
              create-a-contact returned. Ids happen not to repeat.
            - **`status_code_conformance` fails, as a spec gap and on 401**: Prism rejects invalid input itself, with 400
              (malformed JSON), 415 (wrong media type) and 422 (schema violation), none of which the document lists (spec
              gaps); and it never answers the documented 401, since it accepts any identifier (one run-level finding).
            - **`negative_data_rejection` fails on one rule only**: a member name with invalid UTF-8 bytes is accepted with 200
              (Node decodes the bytes with replacement characters, so the JSON parses and validates).
            - **Everything else passes**: every response is `application/json` and valid against its schema, in both modes (the
              dynamic bodies are random but schema-valid, type arrays with `null` included), no 5xx, and schema-valid requests
              are accepted.
            - The seed document (`create-a-conversation.openapi.yaml`) has no create-a-contact, so the suite is given a contact
              identifier (Prism accepts any) and no second inbox: `cross_inbox_isolation` is skipped and `contact.id` cannot be
              compared.
            """;
}
