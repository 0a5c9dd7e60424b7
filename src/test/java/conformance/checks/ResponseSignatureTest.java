package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import conformance.exchange.Exchange;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.SentRequest;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.Parameters;
import conformance.generation.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class ResponseSignatureTest {
    /** An exchange that sent {@code payload} and got {@code status} with {@code body}. */
    public static Exchange answered(String payload, int status, String body) {
        byte[] sent = payload.getBytes(StandardCharsets.UTF_8);
        Case kase = new Case(0, "create-a-conversation", CaseKind.POSITIVE, Parameters.NONE, Optional.of(Json.MAPPER.readTree(payload)),
                sent, Optional.of("application/json"), Optional.empty(), Map.of(), "a case");
        return new Exchange(kase, Documented.createConversation(), new SentRequest("POST", "http://127.0.0.1:1/x", List.of(), sent),
                Optional.of(ReceivedResponse.of(status, List.of(), body.getBytes(StandardCharsets.UTF_8), false)),
                Optional.empty(), Duration.ZERO);
    }

    private static String of(String payload, String body) {
        return ResponseSignature.of(answered(payload, 422, body));
    }

    private static String chatwoot(String key, String rule) {
        return "{\"message\":\"Custom attributes " + key + " " + rule + "\",\"attributes\":[\"custom_attributes\"]}";
    }

    @Test
    void twoMessagesOfOneStatusHaveTwoSignatures() {
        assertNotEquals(of("{\"custom_attributes\":{\"notes\":\"xx\"}}", chatwoot("notes", "length should be < 1500")),
                of("{\"custom_attributes\":{\"notes\":1}}", chatwoot("notes", "value should be < 9999999999")));
    }

    /** The key the request sent, the number in the message: what varies from request to request is taken out. */
    @Test
    void oneMessageWithWhatTheRequestSentInItHasOneSignature() {
        String big = of("{\"custom_attributes\":{\"notes\":\"xx\",\"other\":1}}", chatwoot("notes", "length should be < 1500"));
        assertEquals("{attributes:[\"\"],message:\"Custom attributes length should be < N\"}", big);
        assertEquals(big, of("{\"custom_attributes\":{\"\":\"xx\"}}", chatwoot("", "length should be < 1500")));
        assertEquals(big, of("{\"custom_attributes\":{\"k\":\"xx\"}}", chatwoot("k", "length should be < 2000")));
    }

    @Test
    void quotedValuesNumbersAndIdsAreTakenOutOfTextBodiesToo() {
        assertEquals(of("{}", "value 'abc' of request 3f2a-91b0 is invalid"), of("{}", "value \"zz\" of request 77 is invalid"));
        assertNotEquals(of("{}", "value 'abc' is invalid"), of("{}", "value 'abc' is missing"));
    }
}
