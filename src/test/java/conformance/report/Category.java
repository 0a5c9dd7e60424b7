package conformance.report;

import conformance.checks.ContentTypeConformance;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.ListedAfterCreate;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.checks.OwnershipIsolation;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.checks.TransportCheck;
import conformance.checks.UnknownIdentifierRejection;
import conformance.checks.UpdatePersisted;
import conformance.generation.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Allure categories of a report ({@code categories.json}). Allure puts a test in a category when its status is
 * one of the category's and its whole failure message matches the category's pattern (DOTALL); the patterns here
 * match the messages {@link AllureReport} and the verdict test produce, anchored at their start so a check's
 * message never lands in another check's category by quoting it.
 */
public enum Category {
    SCHEMA_VIOLATION("Schema violation", checkFailure(ResponseSchemaConformance.ID, "documented_properties_present")),
    UNDOCUMENTED_STATUS("Undocumented status", checkFailure(StatusCodeConformance.ID)),
    SERVER_ERROR("Server error", checkFailure(NotAServerError.ID)),
    TRANSPORT("Transport", checkFailure(TransportCheck.ID), "failed", "broken"),
    SECURITY("Security", checkFailure(UnknownIdentifierRejection.ID, OwnershipIsolation.ID, "cross_inbox_isolation")),
    DATA_HANDLING("Data handling", checkFailure(ContentTypeConformance.ID, PositiveDataAcceptance.ID,
            NegativeDataRejection.ID, EnsureResourceAvailability.ID, ListedAfterCreate.ID, UpdatePersisted.ID,
            "conversation_semantics", "state_transition", "message_semantics")),
    WAIVED("Waived", Pattern.quote(Category.WAIVED_PREFIX) + ".*", "skipped"),
    /** Part of what was asked went unjudged; a check that does not apply ({@link #NOT_APPLICABLE_PREFIX}) is no problem. */
    NOT_RUN("Not run", Pattern.quote(Category.NOT_RUN_PREFIX) + ".*", "skipped"),
    INCONCLUSIVE("Inconclusive run", Pattern.quote(Category.INCONCLUSIVE_PREFIX) + ".*|INCONCLUSIVE .*",
            "failed", "broken", "skipped"),
    NON_CONFORMANT("Non-conformant verdict", "NON_CONFORMANT .*");

    public static final String FILE = "categories.json";
    static final String WAIVED_PREFIX = "waived: ";
    static final String NOT_RUN_PREFIX = "not run: ";
    static final String NOT_APPLICABLE_PREFIX = "not applicable: ";
    static final String INCONCLUSIVE_PREFIX = "INCONCLUSIVE run: ";
    private static final String FAILED_ON = " failed on ";

    private final String title;
    private final String messageRegex;
    private final List<String> statuses;

    Category(String title, String messageRegex, String... statuses) {
        this.title = title;
        this.messageRegex = messageRegex;
        this.statuses = statuses.length == 0 ? List.of("failed") : List.of(statuses);
    }

    public String title() {
        return title;
    }

    String messageRegex() {
        return messageRegex;
    }

    List<String> statuses() {
        return statuses;
    }

    /** Whether Allure puts a test of this status and message here (its own rule: DOTALL, whole message). */
    public boolean matches(String status, String message) {
        return statuses.contains(status) && Pattern.compile(messageRegex, Pattern.DOTALL).matcher(message).matches();
    }

    /** The category a failure of this check is filed under, as {@link AllureReport#failure} words it. */
    static Optional<Category> ofCheck(String checkId) {
        return Arrays.stream(values()).filter(c -> c.matches("failed", checkId + FAILED_ON)).findFirst();
    }

    static String json() {
        ArrayNode all = Json.NODES.arrayNode();
        for (Category c : values()) {
            ObjectNode node = all.addObject();
            node.put("name", c.title);
            c.statuses.forEach(node.putArray("matchedStatuses")::add);
            node.put("messageRegex", c.messageRegex);
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }

    /** The message of a failed check's test starts with its id ({@link AllureReport#failure}). */
    private static String checkFailure(String... checkIds) {
        return Arrays.stream(checkIds).map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")" + FAILED_ON + ".*"));
    }
}
