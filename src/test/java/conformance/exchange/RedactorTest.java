package conformance.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String TOKEN = "hmac-3f9a7c21d0";

    @Test
    void aSecretInsideABinaryBodyBecomesThePlaceholderInTheCurlToo() {
        Redactor redactor = new Redactor();
        redactor.addSecret(TOKEN);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"identifier_hash\":\"abc\",\"x\":\"".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3);
        body.write(0x28);
        body.writeBytes(TOKEN.getBytes(StandardCharsets.UTF_8));
        body.write(0);
        SentRequest request = new SentRequest("POST", "http://127.0.0.1:9/x", List.of(new Header("Authorization", "Bearer " + TOKEN)),
                body.toByteArray());
        String curl = redactor.curl(request);
        assertTrue(curl.startsWith("printf '"), curl);
        assertFalse(curl.contains(TOKEN) || curl.contains("abc"), curl);
        assertTrue(curl.contains(Secret.PLACEHOLDER) && curl.contains("put back the value"), curl);
        assertFalse(redactor.request(request, 1000).contains(TOKEN));
    }

    @Test
    void aHeaderMadeSecretByNameIsHiddenHoweverShortItsValueAndTheCurlSaysWhereToFindIt() {
        Redactor redactor = new Redactor();
        redactor.addSecretHeader("X-Tenant");
        SentRequest request = new SentRequest("GET", "http://127.0.0.1:9/x?t=t1", List.of(new Header("x-tenant", "t1"),
                new Header("X-Other", "t1")), new byte[0]);
        String curl = redactor.curl(request);
        assertTrue(curl.contains("-H 'x-tenant: " + Secret.PLACEHOLDER + "'") && curl.contains("-H 'X-Other: t1'"), curl);
        assertTrue(curl.contains("a header of CONFORMANCE_HEADERS"), curl);
        assertTrue(redactor.request(request, 1000).contains("x-tenant: " + Secret.PLACEHOLDER), redactor.request(request, 1000));
        assertFalse(new Redactor().curl(request).contains(Secret.PLACEHOLDER), "only the headers named are hidden");
    }

    @Test
    void everySecretMemberOfABodyIsHiddenWhateverTheSpacingAroundItsColon() {
        Redactor redactor = new Redactor();
        for (String name : List.of("identifier_hash", "pubsub_token", "hmac_token", "api_access_token", "access_token", "password")) {
            for (String member : List.of("\"" + name + "\":\"s3cr\\\"et\"", "\"" + name + "\" :\n \"s3cr\\\"et\"")) {
                String body = "{\"name\":\"kept\"," + member + "}";
                String shown = redactor.body(body.getBytes(StandardCharsets.UTF_8), 1000);
                assertFalse(shown.contains("s3cr"), shown);
                assertTrue(shown.contains("\"" + Secret.PLACEHOLDER + "\"") && shown.contains("kept"), shown);
            }
        }
    }

    @Test
    void aBodyCutWhereAnEmojiStandsKeepsOnlyWholeCharacters() {
        String body = "a".repeat(9) + "👍" + "b".repeat(10);
        String cut = new Redactor().body(body.getBytes(StandardCharsets.UTF_8), 10);
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(cut), "a report writer can encode it: " + cut);
        assertTrue(cut.startsWith("a".repeat(9) + "… [12 more characters cut]"), cut);
    }

    @Test
    void onlyBytesThatAreNotUtf8AreNotedAsSuchAReplacementCharacterSentAsTextIsText() {
        String withReplacement = "{\"content\":\"a \uFFFD stays\"}";
        assertEquals(withReplacement, new Redactor().body(withReplacement.getBytes(StandardCharsets.UTF_8), 1000));
        String broken = new Redactor().body(new byte[] {'o', 'k', (byte) 0xC3, 0x28}, 1000);
        assertTrue(broken.startsWith("ok\uFFFD(") && broken.endsWith("[not valid UTF-8: undecodable bytes shown as \uFFFD]"), broken);
    }
}
