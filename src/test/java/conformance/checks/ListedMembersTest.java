package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.generation.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An object schema's members are its own properties and its parts', so that a composed schema is not taken for a free-form one. */
class ListedMembersTest {
    private static JsonNode schema(String json) {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void theMembersOfEveryPartAreListedTheSchemasOwnFirst() {
        Map<String, JsonNode> members = ListedMembers.of(schema("""
                {"properties": {"name": {"type": "string"}},
                 "allOf": [{"properties": {"email": {"type": "string"}}}, {"allOf": [{"properties": {"phone": {}}}]}],
                 "oneOf": [{"properties": {"value": {"type": "string"}}}, {"properties": {"name": {"type": "integer"}}}],
                 "anyOf": [{"properties": {"title": {}}}]}"""));
        assertEquals(List.of("name", "email", "phone", "title", "value"), List.copyOf(members.keySet()));
        assertEquals("string", members.get("name").path("type").asString(), "a member listed twice keeps the first schema");
    }

    @Test
    void aSchemaThatListsNoMemberAnywhereIsFreeForm() {
        assertEquals(Map.of(), ListedMembers.of(schema("{\"type\": \"object\", \"allOf\": [{\"type\": \"object\"}]}")));
        assertEquals(Map.of(), ListedMembers.of(schema("{\"type\": \"object\", \"additionalProperties\": true}")));
    }
}
