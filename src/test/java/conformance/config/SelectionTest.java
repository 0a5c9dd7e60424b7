package conformance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {
    /** Operation id → tags, in document order, as the contract gives them. */
    private static final Map<String, List<String>> OPERATIONS = new LinkedHashMap<>();
    private static final List<String> CATALOG = List.of("status_code_conformance", "response_schema_conformance",
            "not_a_server_error", "cross_inbox_isolation");

    static {
        OPERATIONS.put("create-a-contact", List.of("Contacts API"));
        OPERATIONS.put("get-details-of-a-contact", List.of("Contacts API"));
        OPERATIONS.put("create-a-conversation", List.of("Conversations API"));
        OPERATIONS.put("create-a-message", List.of("Messages API"));
    }

    private static Selection selection(Map<String, String> settings) {
        return Selection.from(Settings.of(settings));
    }

    private static String error(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void nothingSelectedMeansEveryOperationAndEveryCheck() {
        Selection all = selection(Map.of());
        assertEquals(Selection.EVERYTHING, all);
        assertEquals(List.copyOf(OPERATIONS.keySet()), all.resolveOperations(OPERATIONS));
        assertEquals(CATALOG, all.resolveChecks(CATALOG));
    }

    @Test
    void operationsAreNamedByIdOrTagTrimmedAndInAnyCaseAndComeInDocumentOrder() {
        Selection s = selection(Map.of("operations", " create-a-message ,  contacts api"));
        assertEquals(List.of("create-a-message", "contacts api"), s.operations());
        assertEquals(List.of("create-a-contact", "get-details-of-a-contact", "create-a-message"), s.resolveOperations(OPERATIONS));
        assertEquals(List.of("create-a-conversation"),
                selection(Map.of("operations", "Create-A-Conversation")).resolveOperations(OPERATIONS));
    }

    @Test
    void anUnknownOperationIsOneMessageNamingTheSettingTheValueAndEveryKnownName() {
        String m = error(() -> selection(Map.of("operations", "create-a-contact,create-a-conversaton")).resolveOperations(OPERATIONS));
        assertTrue(m.startsWith("conformance.operations (CONFORMANCE_OPERATIONS): 'create-a-conversaton' is not an operation id"), m);
        assertTrue(m.contains("Did you mean create-a-conversation?"), m);
        for (String known : List.of("create-a-contact", "get-details-of-a-contact", "create-a-message", "Contacts API",
                "Conversations API", "Messages API")) {
            assertTrue(m.contains(known), known + " is listed: " + m);
        }
        assertFalse(error(() -> selection(Map.of("operations", "billing")).resolveOperations(OPERATIONS)).contains("Did you mean"),
                "no guess when nothing is close");
    }

    @Test
    void checksAreRunAsNamedLessThoseExcludedInCatalogOrder() {
        assertEquals(List.of("status_code_conformance", "not_a_server_error"),
                selection(Map.of("checks", "not_a_server_error, STATUS_CODE_CONFORMANCE")).resolveChecks(CATALOG));
        assertEquals(List.of("status_code_conformance", "response_schema_conformance", "not_a_server_error"),
                selection(Map.of("excludeChecks", "cross_inbox_isolation")).resolveChecks(CATALOG));
    }

    @Test
    void anUnknownCheckIsOneMessageListingTheKnownOnes() {
        for (String key : List.of("checks", "excludeChecks")) {
            String m = error(() -> selection(Map.of(key, "not_a_server_eror")).resolveChecks(CATALOG));
            assertTrue(m.startsWith(Settings.name(key) + ": 'not_a_server_eror' is not a check id. "
                    + "Did you mean not_a_server_error? Known check ids: " + String.join(", ", CATALOG) + "."), m);
        }
    }

    @Test
    void aCheckBothSelectedAndExcludedIsAConfigurationError() {
        String m = error(() -> selection(Map.of("checks", "status_code_conformance,not_a_server_error",
                "excludeChecks", "Not_A_Server_Error")));
        assertTrue(m.contains("conformance.checks") && m.contains("conformance.excludeChecks") && m.contains("not_a_server_error"), m);
    }

    @Test
    void excludingEveryCheckIsAnErrorNotARunThatJudgesNothing() {
        String m = error(() -> selection(Map.of("excludeChecks", String.join(",", CATALOG))).resolveChecks(CATALOG));
        assertTrue(m.contains("conformance.excludeChecks") && m.contains("no check to run"), m);
    }

    @Test
    void aSettingThatNamesNothingIsAnErrorNotEverything() {
        String m = error(() -> selection(Map.of("operations", " , ,")));
        assertTrue(m.startsWith("conformance.operations (CONFORMANCE_OPERATIONS): ', ,' names nothing"), m);
    }
}
