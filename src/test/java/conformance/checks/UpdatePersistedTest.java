package conformance.checks;

import static conformance.checks.Chains.after;
import static conformance.checks.Chains.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.exchange.Exchange;
import conformance.generation.Json;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class UpdatePersistedTest {
    private static final List<FieldPair> PAIRS = List.of(FieldPair.withoutCase("update-a-contact", "email"),
            FieldPair.renamed("update-a-message", "/submitted_values", "/content_attributes/submitted_values"));
    private final UpdatePersisted check = new UpdatePersisted(PAIRS);
    /** The document's contact read shows no custom_attributes: paired here, a free-form object (its schema lists no member). */
    private final UpdatePersisted freeForm = new UpdatePersisted(List.of(FieldPair.renamed("update-a-contact", "/custom_attributes", "/custom_attributes")));

    private static Exchange updateContact(String sent) {
        return call("update-a-contact", "c1").sent(sent).body("{}").build();
    }

    private Exchange fetchContact(Exchange update, String shown) {
        return after(call("get-details-of-a-contact", "c1").body(shown).build(), List.of(update));
    }

    @Test
    void aFetchNotShowingTheSentNameFails() {
        Exchange e = fetchContact(updateContact("{\"name\": \"Ann\"}"), "{\"id\": 1, \"name\": \"Bob\"}");
        assertTrue(check.appliesTo(e));
        List<Finding> found = check.judge(e);
        assertEquals("update-a-contact sent name \"Ann\", but the next read shows name \"Bob\"", found.get(0).message());
    }

    @Test
    void aFetchShowingWhatWasSentPasses() {
        assertEquals(List.of(), check.judge(fetchContact(updateContact("{\"name\": \"Ann\", \"phone_number\": \"+15550001\"}"),
                "{\"name\": \"Ann\", \"phone_number\": \"+15550001\", \"email\": null}")));
    }

    @Test
    void aDeclaredPairComparesWithoutCaseAndEqualNamesAlone() {
        Exchange update = updateContact("{\"email\": \"Ann@Example.com\"}");
        assertEquals(List.of(), check.judge(fetchContact(update, "{\"email\": \"ann@example.com\"}")));
        assertEquals(1, new UpdatePersisted(List.of()).judge(fetchContact(update, "{\"email\": \"ann@example.com\"}")).size());
    }

    @Test
    void aReadWithholdingTheFieldAsNullIsNotJudgedButOneMissingItIs() {
        Exchange update = updateContact("{\"name\": \"Ann\"}");
        assertEquals(List.of(), check.judge(fetchContact(update, "{\"name\": null}")));
        assertEquals(1, check.judge(fetchContact(update, "{\"id\": 1}")).size());
    }

    @Test
    void blankValuesAndFieldsTheReadDoesNotDocumentAreNotJudged() {
        assertEquals(List.of(), check.judge(fetchContact(updateContact("{\"name\": \"  \", \"identifier\": \"x\"}"),
                "{\"name\": \"Bob\", \"identifier\": \"y\"}")));
    }

    @Test
    void aReadOfAnotherResourceIsNotJudged() {
        Exchange e = after(call("get-details-of-a-contact", "c2").body("{\"name\": \"Bob\"}").build(),
                List.of(updateContact("{\"name\": \"Ann\"}")));
        assertFalse(check.appliesTo(e));
    }

    private static final String BEFORE = "[{\"id\": 8, \"content_attributes\": {}}, {\"id\": 9, \"content_attributes\": {}}]";

    private Exchange messages(String updated, String other) {
        Exchange listed = call("list-all-conversation-messages", "c1").body(BEFORE).build();
        Exchange update = call("update-a-message", "c1").sent("{\"submitted_values\": {\"value\": \"yes\"}}").body("{}").build();
        String shown = "[{\"id\": 8, \"content_attributes\": " + other + "}, {\"id\": 9, \"content_attributes\": " + updated + "}]";
        return after(call("list-all-conversation-messages", "c1").body(shown).build(), List.of(listed, update));
    }

    @Test
    void aMessageUpdateIsFoundInTheListUnderItsDeclaredName() {
        assertEquals(List.of(), check.judge(messages("{\"submitted_values\": {\"value\": \"yes\"}}", "{}")));
        assertEquals("/content_attributes/submitted_values",
                check.judge(messages("{}", "{}")).get(0).pointer().orElseThrow());
    }

    @Test
    void numbersInsideAnArrayAreComparedByValueWhateverNodeTypeHoldsThem() {
        // the generator builds a long where parsing the answer gives an int: the same -868
        ObjectNode sent = Json.NODES.objectNode();
        sent.putObject("custom_attributes").putArray("values").add(Json.NODES.numberNode(-868L)).add(0.5);
        Exchange update = call("update-a-contact", "c1").sent(sent).body("{}").build();
        Function<String, Exchange> shown = values -> fetchContact(update, "{\"custom_attributes\": {\"values\": " + values + "}}");
        assertEquals(List.of(), freeForm.judge(shown.apply("[-868, 0.50]")));
        assertEquals(1, freeForm.judge(shown.apply("[-869, 0.5]")).size());
        assertEquals(1, freeForm.judge(shown.apply("[-868]")).size());
    }

    @Test
    void aMemberTheSchemaDoesNotListIsNotJudgedInsideAnObjectThatListsItsMembersButEveryMemberIsInAFreeFormOne() {
        Exchange listed = call("list-all-conversation-messages", "c1").body(BEFORE).build();
        Exchange update = call("update-a-message", "c1").sent("{\"submitted_values\": {\"title\": \"t\", \"extra\": {\"a\": 1},"
                + " \"csat_survey_response\": {\"rating\": 2, \"more\": true}}}").body("{}").build();
        Function<String, Exchange> shown = values -> after(call("list-all-conversation-messages", "c1")
                .body("[{\"id\": 8, \"content_attributes\": {}}, {\"id\": 9, \"content_attributes\": {\"submitted_values\": "
                        + values + "}}]").build(), List.of(listed, update));
        // submitted_values lists name, title, value and csat_survey_response (rating, feedback_message): Chatwoot keeps those
        assertEquals(List.of(), check.judge(shown.apply("{\"title\": \"t\", \"csat_survey_response\": {\"rating\": 2}}")));
        assertEquals(1, check.judge(shown.apply("{\"title\": \"t\", \"csat_survey_response\": {\"rating\": 3}}")).size());
        assertEquals(1, check.judge(shown.apply("{\"csat_survey_response\": {\"rating\": 2}}")).size());
        // custom_attributes lists none: a member the server dropped is an update that did not stick
        Exchange contact = updateContact("{\"custom_attributes\": {\"plan\": \"gold\", \"seats\": 3}}");
        assertEquals(1, freeForm.judge(fetchContact(contact, "{\"custom_attributes\": {\"plan\": \"gold\"}}")).size());
        assertEquals(List.of(), freeForm.judge(fetchContact(contact, "{\"custom_attributes\": {\"plan\": \"gold\", \"seats\": 3, \"x\": 1}}")));
    }

    @Test
    void anUpdateThatChangedAnotherItemOfTheListFails() {
        List<Finding> found = check.judge(messages("{\"submitted_values\": {\"value\": \"yes\"}}", "{\"submitted_values\": {\"value\": \"yes\"}}"));
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("of item 8"), found.get(0).message());
    }
}
