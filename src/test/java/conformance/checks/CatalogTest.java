package conformance.checks;

import conformance.chatwoot.ChatwootExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import conformance.config.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void theIdsAreTheStableOnesInCatalogOrder() {
        assertEquals(List.of("status_code_conformance", "content_type_conformance", "response_schema_conformance",
                "documented_properties_present", "not_a_server_error", "positive_data_acceptance", "negative_data_rejection",
                "unknown_identifier_rejection", "ensure_resource_availability", "listed_after_create", "update_persisted",
                "ownership_isolation", "transport"), Catalog.ids(List.of()));
    }

    /** DESIGN §9: every check is proven on exchanges built in memory, by a test class named after it. */
    @Test
    void everyCheckOfTheCatalogHasItsOwnUnitTestClass() {
        for (Check check : Catalog.create(Profile.STRICT, new ChatwootExtension(null).checks(Profile.STRICT))) {
            String test = check.getClass().getName() + "Test";
            try {
                Class.forName(test);
            } catch (ClassNotFoundException e) {
                fail(check.id() + " has no unit tests: write " + test);
            }
        }
    }
}
