package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.prism.Prism;
import conformance.prism.PrismInstallation;
import conformance.run.Progress;
import conformance.selftest.StatelessMock.Expected;
import conformance.verdict.CheckResult;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prism as a target no one here wrote: the suite against {@code prism mock}, static and dynamic, serving each document
 * of {@code spec/} (four whole runs). Prism keeps no state and only mocks, so for every check and operation the suite
 * must report exactly what {@link StatelessMock} derives, and nothing else: no false alarm, no miss. Writes
 * {@code target/self-tests/prism.md}: what was expected of each, why, and what the suite reported.
 */
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrismMockTest {
    static final Path NOTES = Path.of("target", "self-tests", "prism.md");
    /** Few: Prism answers a few requests a second, and every rule is still sent (negatives are at least one per rule). */
    private static final int TRIES = 15;

    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    /** One Prism mock: which document it serves and how it makes bodies. */
    record Mock(String document, boolean dynamic) {
        @Override
        public String toString() {
            return "prism mock " + (dynamic ? "--dynamic " : "") + "spec/" + document;
        }

        Path spec() {
            return Path.of("spec", document);
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
    void theSuiteReportsExactlyWhatAStatelessMockCannotDo(Mock mock) {
        Contract contract = mock.document().equals(OperationCorpus.CONTRACT.path().getFileName().toString())
                ? OperationCorpus.CONTRACT : new ContractLoader().load(mock.spec());
        // only a document with create-a-contact lets the suite make its own contacts, in a second inbox too
        boolean ownContacts = contract.operations().containsKey(Contract.CREATE_CONTACT);
        RunReport report;
        try (Prism prism = Prism.mock(mock.spec(), mock.dynamic())) {
            Map<String, String> s = new HashMap<>();
            s.put("baseUrl", prism.baseUrl().toString());
            s.put("spec", mock.spec().toString());
            s.put("inboxIdentifier", "prism-inbox");
            if (ownContacts) {
                s.put("otherInboxIdentifier", "prism-other-inbox");
            } else {
                s.put("contactIdentifier", "any-contact-prism-accepts-them-all");
            }
            s.put("tries", String.valueOf(TRIES));
            s.put("seed", String.valueOf(Targets.SEED));
            s.put("storedCases", "false");
            report = Configuration.from(Settings.of(s)).run(Progress.SILENT).execute().report();
        }
        Map<String, Map<String, Expected>> expected = new StatelessMock(mock.dynamic(), ownContacts).of(contract);
        Map<String, Map<String, Expected>> reported = reported(report);
        List<String> mismatches = mismatches(expected, reported);
        notes.add(note(mock, report, expected, reported, mismatches));
        assertEquals(Verdict.NON_CONFORMANT, report.verdict(), report.headline());
        assertTrue(report.unjudgedSummary().isEmpty(), "every operation got a documented success: " + report.headline());
        assertEquals(List.of(), mismatches, "what the suite reported differs from what a stateless mock must get");
    }

    private static Map<String, Map<String, Expected>> reported(RunReport report) {
        Map<String, Map<String, Expected>> out = new LinkedHashMap<>();
        for (CheckResult c : report.checks()) {
            out.computeIfAbsent(c.operationId(), k -> new LinkedHashMap<>()).put(c.checkId(), StatelessMock.reported(c));
        }
        return out;
    }

    /** Every (operation, check) expected or reported on one side only, or reported otherwise than expected. */
    private static List<String> mismatches(Map<String, Map<String, Expected>> expected, Map<String, Map<String, Expected>> reported) {
        List<String> out = new ArrayList<>();
        Set<String> operations = new TreeSet<>(expected.keySet());
        operations.addAll(reported.keySet());
        for (String op : operations) {
            Map<String, Expected> want = expected.getOrDefault(op, Map.of());
            Map<String, Expected> got = reported.getOrDefault(op, Map.of());
            Set<String> checks = new TreeSet<>(want.keySet());
            checks.addAll(got.keySet());
            for (String check : checks) {
                Expected w = want.get(check);
                Expected g = got.get(check);
                if (w == null || g == null || !w.sameAs(g)) {
                    out.add(op + " " + check + ": expected " + describe(w) + ", reported " + describe(g));
                }
            }
        }
        return out;
    }

    private static String describe(Expected e) {
        return e == null ? "nothing" : e.outcome() + (e.findings().isEmpty() ? "" : " " + e.findings());
    }

    private static String note(Mock mock, RunReport report, Map<String, Map<String, Expected>> expected,
                               Map<String, Map<String, Expected>> reported, List<String> mismatches) {
        StringBuilder md = new StringBuilder("## `" + mock + "`\n\n" + report.headline() + "\n\n");
        md.append(mismatches.isEmpty() ? "Every check on every operation reported what a stateless mock must get.\n\n"
                : "**Not as expected:**\n\n" + mismatches.stream().map(m -> "- " + m + "\n").collect(Collectors.joining()) + "\n");
        md.append("| operation | check | reported | findings | why |\n|---|---|---|---|---|\n");
        expected.forEach((op, checks) -> checks.forEach((check, want) -> {
            Expected got = reported.getOrDefault(op, Map.of()).get(check);
            if (!want.notApplicable() && !want.outcome().equals("passed")) {
                md.append("| `").append(op).append("` | `").append(check).append("` | ").append(got == null ? "nothing" : got.outcome())
                        .append(" | ").append(got == null ? "" : String.join(", ", got.findings()).replace("|", "\\|"))
                        .append(" | ").append(want.why()).append(" |\n");
            }
        }));
        return md.append("\nEvery other check passed (or does not apply) on every operation, as expected.\n").toString();
    }

    @AfterAll
    void writeWhatTheSuiteReported() {
        List<String> sorted = new ArrayList<>(notes);
        Collections.sort(sorted);
        MarkdownFile.write(NOTES, "# The suite against Prism " + PrismInstallation.VERSION + "\n\n" + WHY + "\n"
                + String.join("\n", sorted));
    }

    private static final String WHY = """
            Written by `PrismMockTest` (`mvn test`). Prism mocks from the document and keeps no state. It validates each
            request against the operation's own declarations (path, query and header parameters, the body and its media
            type) and answers 422 when one is broken, 400 when the JSON does not parse, 415 for a media type the operation
            does not take; anything else gets the documented success, whatever the identifiers. What the suite reports
            follows from that, per check and operation, and the test asserts exactly this set (the table of each run lists
            every check that does not simply pass, with why):

            - **`status_code_conformance` fails on every operation**: Prism's own 400/415/422 for invalid input are not in
              the document (spec gaps), and since it accepts every identifier, no request that had to be rejected ever gets
              the documented 401 (or 404): one run-level finding per operation. Operations with nothing to break
              (get-details-of-a-contact, list-all-contact-conversations) have only that finding.
            - **`unknown_identifier_rejection` fails on every operation** with the unknown value of each of its path
              parameters (inbox, contact, conversation, message): to a stateless mock any identifier is as good as another.
            - **`cross_inbox_isolation` fails on every operation under a contact** (the client document, which lets the
              suite make contacts in a second inbox): each inbox's contact is accepted under the other inbox.
            - **`negative_data_rejection` fails only where a body is documented, on one rule**: a member name with invalid
              UTF-8 bytes is accepted with 200 (Node decodes the bytes with replacement characters, so the JSON parses and
              validates; Prism's fault, JSON is UTF-8). On toggle-typing-status it also accepts `typing_status=not-on` in
              the query: the document declares `typing_status` twice, as a plain string in the query and as `on`/`off` in
              the body, and the suite reads the query with the body's enum (the README's reading), while Prism validates
              the query by its own declaration. Every other rule, malformed path identifiers (`abc`, `12abc`) and a
              missing `typing_status` included, is refused with 400/415/422; operations with no rule to break skip it.
            - **`conversation_semantics` fails on create-a-conversation**. Static mode answers the same body every time:
              `id` 0 again and again, `uuid` `"string"` (no UUID); `inbox_id` 0 is at least consistent and `contact.id` 0
              equals the id 0 its create-a-contact returned. Dynamic mode (json-schema-faker) fills every member at random:
              `uuid` is lorem text (the document gives it no `format`), `inbox_id` changes with every create, `contact.id` is
              never the id create-a-contact returned; random ids happen not to repeat.
            - **`state_transition` fails on resolve-conversation**: static mode answers status `open` (the first value of
              its enum) to a resolve; dynamic mode a random status, `resolved` now and then (then it passes). No answer
              shows the conversation after a resolve or an update-last-seen, since each operation's cases are sent in
              document order, fetch and list first.
            - **`message_semantics` fails on create-a-message**: a mock does not echo the content it is sent; static mode
              answers id 0 every time, dynamic mode a random `message_type` (random ids happen not to repeat).
            - **`content_type_conformance` and `response_schema_conformance` pass**, in both modes (the dynamic bodies are
              random but schema-valid, type arrays with `null` included), except on toggle-typing-status and
              update-last-seen, where they are not run: the only documented answer Prism gives there is the 200 the
              document gives no body, so nothing had a documented media type or schema to judge.
            - **`not_a_server_error`, `positive_data_acceptance`, `transport` pass everywhere**: no 5xx, every valid request
              gets the documented 200, every answer is well-formed HTTP. `documented_properties_present` is the strict
              profile's.
            - The seed document (`create-a-conversation.openapi.yaml`) has no create-a-contact, so the suite is given a
              contact identifier (Prism accepts any) and no second inbox: `cross_inbox_isolation` is not run and `contact.id`
              cannot be compared.
            """;
}
