package conformance.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Documented;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.exchange.Header;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.SentRequest;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.Json;
import conformance.generation.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RuntimeExpressionTest {
    private static final String URL = "http://127.0.0.1:1/inboxes/in-1/contacts/c-1/conversations?page=2";

    /** create-a-conversation sent with path, query, header and body values, answered 200 with a header and a body. */
    private static Exchange exchange(String responseBody) {
        Operation op = Documented.createConversation();
        byte[] sent = "{\"custom_attributes\":{\"plan\":\"gold\"},\"a/b\":1,\"m~n\":2}".getBytes(StandardCharsets.UTF_8);
        Parameters parameters = new Parameters(Map.of("inbox_identifier", "in-1", "contact_identifier", "c-1"),
                Map.of("page", "2"), Map.of("X-Trace", "t-9"));
        Case kase = new Case(0, op.id(), CaseKind.POSITIVE, parameters, Optional.of(Json.MAPPER.readTree(sent)), sent,
                Optional.of("application/json"), Optional.empty(), Map.of(), "a case");
        SentRequest request = new SentRequest("POST", URL, List.of(new Header("X-Trace", "t-9")), sent);
        ReceivedResponse response = ReceivedResponse.of(200, List.of(new Header("Location", "/conversations/7")),
                responseBody.getBytes(StandardCharsets.UTF_8), false);
        return new Exchange(kase, op, request, Optional.of(response), Optional.empty(), Duration.ZERO);
    }

    private static Optional<JsonNode> value(String expression) {
        return RuntimeExpression.parse(expression).evaluate(exchange("{\"id\":7,\"messages\":[{\"id\":70}],\"uuid\":\"u-1\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$url|\"" + URL + "\"",
            "$method|\"POST\"",
            "$statusCode|200",
            "$request.path.contact_identifier|\"c-1\"",
            "$request.query.page|\"2\"",
            "$request.header.x-trace|\"t-9\"",
            "$request.body#/custom_attributes/plan|\"gold\"",
            "$request.body#/a~1b|1",
            "$request.body#/m~0n|2",
            "$response.header.location|\"/conversations/7\"",
            "$response.body#/id|7",
            "$response.body#/messages/0/id|70",
            "$response.body|{\"id\":7,\"messages\":[{\"id\":70}],\"uuid\":\"u-1\"}",
            "a constant|\"a constant\""})
    void eachFormReadsItsValueFromTheSourceExchange(String expression, String json) {
        assertEquals(Optional.of(Json.MAPPER.readTree(json)), value(expression));
        assertEquals(expression, RuntimeExpression.parse(expression).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$request.path.conversation_id", "$request.query.missing", "$request.header.X-Missing",
            "$response.header.X-Missing", "$response.body#/contact/id", "$response.body#/messages/3", "$request.body#/nope"})
    void anAbsentNameOrPointerHasNoValue(String expression) {
        assertEquals(Optional.empty(), value(expression));
    }

    @Test
    void aResponseBodyThatIsNotJsonHasNoValue() {
        assertEquals(Optional.empty(), RuntimeExpression.parse("$response.body#/id").evaluate(exchange("<html>")));
    }

    @Test
    void theStatusOfAnExchangeWithoutResponseHasNoValue() {
        Exchange e = exchange("{}");
        Exchange failed = new Exchange(e.kase(), e.operation(), e.request(), Optional.empty(), Optional.empty(), Duration.ZERO);
        assertEquals(Optional.empty(), RuntimeExpression.parse("$statusCode").evaluate(failed));
    }

    @Test
    void theParsedFormsCanBeToldApart() {
        RuntimeExpression.Body body = assertInstanceOf(RuntimeExpression.Body.class, RuntimeExpression.parse("$response.body#/id"));
        assertTrue(body.response());
        assertEquals("/id", body.pointer());
        RuntimeExpression.Named named = assertInstanceOf(RuntimeExpression.Named.class,
                RuntimeExpression.parse("$request.path.contact_identifier"));
        assertEquals(RuntimeExpression.Named.Place.REQUEST_PATH, named.place());
        assertEquals("contact_identifier", named.name());
        assertInstanceOf(RuntimeExpression.Constant.class, RuntimeExpression.parse("42"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$responses.body#/id|'$responses.body#/id' is not a runtime expression: expected $url",
            "$request.cookie.session|'$request.cookie.session' is not a runtime expression",
            "$URL|'$URL' is not a runtime expression",
            "$request.path.|'$request.path.' names no parameter or header after '$request.path.'",
            "$response.header.a b|'$response.header.a b': 'a b' is not a header name",
            "$response.body#id|'$response.body#id': 'id' is not a JSON Pointer",
            "$response.body#/a~2|'$response.body#/a~2': '/a~2' is not a JSON Pointer",
            "$response.bodyx|'$response.bodyx' is not a runtime expression",
            "{$response.body#/id}|'{$response.body#/id}' embeds an expression in a template"})
    void aMalformedExpressionGetsOneMessageNamingIt(String text, String message) {
        LinkException e = assertThrows(LinkException.class, () -> RuntimeExpression.parse(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
