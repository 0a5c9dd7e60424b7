package conformance.generation;

import java.io.OutputStream;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The one JSON mapper of the suite: compact, deterministic output, so the same case is the same bytes. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter STREAMING = MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .without(StreamWriteFeature.FLUSH_PASSED_TO_STREAM);

    private Json() {
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    public static String text(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /**
     * A generator that writes JSON straight onto {@code out}, as {@link #MAPPER} would, and leaves it open and
     * unflushed when closed: for files written entry by entry, without a tree or a string per entry. UTF-8 bytes
     * straight from the generator: through a {@code Writer}, a charset encoder would go over every character again.
     */
    public static JsonGenerator generator(OutputStream out) {
        return STREAMING.createGenerator(out, JsonEncoding.UTF8);
    }
}
