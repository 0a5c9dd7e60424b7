package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conformance.generation.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which pointers a valid instance of a schema can have a value at. */
class SchemaPathsTest {

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{}|/anything/at/all|true",
            "false|/a|false",
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"additionalProperties\":false}||true",
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"additionalProperties\":false}|/id|true",
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"additionalProperties\":false}|/uuid|false",
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}|/uuid|true",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}|/any|true",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}|/any/deeper|false",
            "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"object\"}},\"additionalProperties\":false}|/x-a/b|true",
            "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"object\"}},\"additionalProperties\":false}|/y|false",
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"additionalProperties\":false}|/id/x|false",
            "{\"type\":\"string\"}|/a|false",
            "{\"type\":\"object\",\"patternProperties\":{\"[\":{}},\"additionalProperties\":false}|/a|true",
            "{\"type\":[\"object\",\"null\"],\"properties\":{\"a\":{}},\"additionalProperties\":false}|/a|true",
            "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{}},\"additionalProperties\":false}}|/0/id|true",
            "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{}},\"additionalProperties\":false}}|/0/uuid|false",
            "{\"type\":\"array\",\"items\":{\"type\":\"object\"}}|/id|false",
            "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"integer\"}],\"items\":false}|/1|false",
            "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"object\"}],\"items\":false}|/0/a|true",
            "{\"allOf\":[{\"properties\":{\"a\":{}}},{\"properties\":{\"b\":{}},\"additionalProperties\":false}]}|/a|false",
            "{\"allOf\":[{\"properties\":{\"a\":{}}},{\"properties\":{\"b\":{}},\"additionalProperties\":false}]}|/b|true",
            "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"object\",\"properties\":{\"id\":{}},\"additionalProperties\":false}]}|/id|true",
            "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}|/id|false",
            "{\"type\":\"object\",\"properties\":{\"a/b\":{}},\"additionalProperties\":false}|/a~1b|true"})
    void aPointerIsPossibleWhereTheSchemaAllowsAValue(String schema, String pointer, boolean possible) {
        assertEquals(possible, SchemaPaths.canHave(Json.MAPPER.readTree(schema), pointer == null ? "" : pointer));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"properties\":{\"id\":{}}}|true",
            "{\"allOf\":[{\"properties\":{\"name\":{}}},{\"oneOf\":[{\"properties\":{\"id\":{}}}]}]}|true",
            "{\"anyOf\":[{\"properties\":{\"id\":{}}}]}|true",
            "{\"properties\":{\"uuid\":{}}}|false",
            "{\"type\":\"object\"}|false"})
    void aSchemaDeclaresAPropertyItOrAMemberLists(String schema, boolean declares) {
        assertEquals(declares, SchemaPaths.declares(Json.MAPPER.readTree(schema), "id"));
    }
}
