package conformance.bench;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.JsonSchema;
import conformance.contract.Response;
import conformance.generation.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/**
 * What judging one response body costs: a realistic {@code public_conversation} 200 body (messages with attachments
 * and senders, the full contact record) parsed and validated against the document's compiled schema, as the run
 * parses every body once and {@code response_schema_conformance} validates it. JMH benchmarks, run by
 * {@link ValidationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResponseValidation {
    static final String CONVERSATION = """
            {"id":4812,"uuid":"6f1c2a9e-3b7d-4c1e-9a52-0d8e7f3b21c4","inbox_id":3,"contact_last_seen_at":1732812000,
             "status":"open","agent_last_seen_at":1732812345,
             "messages":[
              {"id":90211,"content":"Hello, my order #5512 has not arrived yet.","message_type":0,"content_type":"text",
               "content_attributes":{},"created_at":1732811990,"conversation_id":4812,
               "attachments":[{"id":771,"message_id":90211,"file_type":"image","account_id":1,"extension":"png",
                 "data_url":"https://example.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOn0--1/receipt.png",
                 "thumb_url":"https://example.com/rails/active_storage/representations/redirect/eyJfcmFpbHMiOn0--2/receipt.png",
                 "file_size":48213,"width":1024,"height":768}],
               "sender":{"id":101,"name":"Ada Lovelace","thumbnail":"","type":"contact","email":"ada@example.com",
                 "phone_number":"+15555550123","identifier":"customer-42","blocked":false,
                 "additional_attributes":{"city":"London"},"custom_attributes":{"plan":"pro"}}},
              {"id":90212,"content":"Sorry about that! Let me check the shipment.","message_type":1,"content_type":"text",
               "content_attributes":{"in_reply_to":90211},"created_at":1732812100,"conversation_id":4812,"attachments":[],
               "sender":{"id":7,"name":"Grace","available_name":"Grace Hopper","avatar_url":"https://example.com/avatar/7.png",
                 "availability_status":"online","thumbnail":"https://example.com/avatar/7.png","type":"user"}},
              {"id":90213,"content":null,"message_type":1,"content_type":"text","content_attributes":{},
               "created_at":1732812200,"conversation_id":4812,
               "attachments":[
                {"id":772,"message_id":90213,"file_type":"file","account_id":1,"extension":"pdf",
                 "data_url":"https://example.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOn0--3/label.pdf",
                 "thumb_url":"","file_size":120334,"width":null,"height":null},
                {"id":773,"message_id":90213,"file_type":"location","account_id":1,"extension":null,"data_url":null,
                 "thumb_url":"","file_size":0,"coordinates_lat":51.5072,"coordinates_long":-0.1276,
                 "fallback_title":"Warehouse, London"}],
               "sender":{"id":7,"name":"Grace","available_name":"Grace Hopper","avatar_url":"https://example.com/avatar/7.png",
                 "availability_status":"online","thumbnail":"https://example.com/avatar/7.png","type":"user"}}],
             "contact":{"id":101,"name":"Ada Lovelace","email":"ada@example.com","phone_number":"+15555550123",
              "identifier":"customer-42","blocked":false,"additional_attributes":{"city":"London","company_name":"Analytical"},
              "custom_attributes":{"plan":"pro","seats":12},"contact_type":"lead","country_code":"GB",
              "last_activity_at":"2024-11-28T16:40:00.000Z","created_at":"2024-01-02T09:00:00.000Z",
              "updated_at":"2024-11-28T16:40:00.000Z","last_name":"Lovelace","middle_name":null,"location":"London",
              "account_id":1,"company_id":null,"label_list":["vip","billing"]}}
            """;

    private byte[] body;
    private JsonNode parsed;
    private JsonSchema schema;

    @Setup
    public void compile() {
        schema = new ContractLoader().load(RunConfig.DEFAULT_SPEC).operation(Contract.CREATE_CONVERSATION).response(200)
                .flatMap(Response::schema).orElseThrow();
        body = CONVERSATION.getBytes(StandardCharsets.UTF_8);
        parsed = Json.MAPPER.readTree(body);
        // a body with violations would measure the error path, not the everyday one
        if (!schema.validate(parsed).isEmpty()) {
            throw new IllegalStateException("the benchmark's body does not conform to " + schema.name() + ": " + schema.validate(parsed));
        }
    }

    @Benchmark
    public JsonNode parse() {
        return Json.MAPPER.readTree(body);
    }

    @Benchmark
    public List<JsonSchema.Violation> validate() {
        return schema.validate(parsed);
    }

    @Benchmark
    public List<JsonSchema.Violation> parseAndValidate() {
        return schema.validate(Json.MAPPER.readTree(body));
    }
}
