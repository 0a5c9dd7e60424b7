package conformance.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One resolved JSON Schema (draft 2020-12, nested schemas inlined) and its compiled validator. */
public record JsonSchema(String name, JsonNode node, Schema compiled) {

    /** A violation of the schema: where in the instance (JSON Pointer), which keyword, and what networknt says. */
    public record Violation(String pointer, String keyword, String message) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    public List<Violation> validate(JsonNode instance) {
        return compiled.validate(instance).stream().map(JsonSchema::violation).toList();
    }

    private static Violation violation(Error e) {
        String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        // a missing required property is reported at the object; point at the property, which is what a reader looks for
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            pointer = pointer + "/" + e.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new Violation(pointer, e.getKeyword(), e.getMessage());
    }
}
