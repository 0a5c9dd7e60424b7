package conformance.checks;

import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.exchange.Header;
import conformance.exchange.ReceivedResponse;
import conformance.exchange.SentRequest;
import conformance.exchange.TransportFailure;
import conformance.generation.BrokenRule;
import conformance.generation.Case;
import conformance.generation.Intent;
import conformance.generation.Json;
import conformance.generation.CaseKind;
import conformance.generation.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An exchange built in memory for a check's unit test: a case of some intent sent to an operation, and the answer
 * (or the transport failure) it got. Defaults: a positive case to {@link Documented#createConversation()} on inbox
 * {@code inbox-a}, answered 200 with {@code {}} as JSON.
 */
public final class AnExchange {
    public static final String BASE = "http://127.0.0.1:8080";

    private CaseKind kind;
    private Operation operation = Documented.createConversation();
    private Optional<BrokenRule> brokenRule = Optional.empty();
    private final Map<String, String> path = new LinkedHashMap<>(Map.of("inbox_identifier", "inbox-a", "contact_identifier", "contact-a"));
    private final Map<String, String> facts = new LinkedHashMap<>();
    private int status = 200;
    private final List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "application/json; charset=utf-8")));
    private byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    private boolean truncated;
    private Optional<TransportFailure> failure = Optional.empty();
    private Optional<JsonNode> payload = Optional.empty();

    private AnExchange(CaseKind kind) {
        this.kind = kind;
    }

    public static AnExchange positive() {
        return new AnExchange(CaseKind.POSITIVE);
    }

    /** A negative case breaking the named rule. */
    public static AnExchange negative(String rule) {
        AnExchange e = new AnExchange(CaseKind.NEGATIVE);
        e.brokenRule = Optional.of(new BrokenRule(rule, Optional.empty(), Optional.empty()));
        return e;
    }

    /** A case of this intent, of a kind named after it. */
    public static AnExchange of(Intent intent) {
        return new AnExchange(new CaseKind(intent.name().toLowerCase(Locale.ROOT), intent));
    }

    public AnExchange to(Operation op) {
        this.operation = op;
        return this;
    }

    /** The case was sent with this path parameter value. */
    public AnExchange pathParameter(String name, String value) {
        path.put(name, value);
        return this;
    }

    /** The fixtures told the case this fact about the resources it uses. */
    public AnExchange fact(String name, String value) {
        facts.put(name, value);
        return this;
    }

    /** The case is of this kind. */
    public AnExchange kind(CaseKind value) {
        this.kind = value;
        return this;
    }

    public AnExchange status(int code) {
        this.status = code;
        return this;
    }

    /** The response body, as text (JSON or not: it is parsed the way the exchanger parses it). */
    public AnExchange body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The case sent this JSON body (else {@code {}}, with no payload to read). */
    public AnExchange sent(String json) {
        this.payload = Optional.of(Json.MAPPER.readTree(json));
        return this;
    }

    /** The case sent this payload as the generator built it (its nodes' types as they are). */
    public AnExchange sent(JsonNode payload) {
        this.payload = Optional.of(payload);
        return this;
    }

    public AnExchange cutAtTheSizeCap() {
        this.truncated = true;
        return this;
    }

    /** Replaces the response's Content-Type; {@code null} sends none. */
    public AnExchange contentType(String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
        if (value != null) {
            headers.add(new Header("Content-Type", value));
        }
        return this;
    }

    public AnExchange header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** No response at all: the transport failed this way. */
    public AnExchange failed(TransportFailure.Kind kind, String message) {
        this.failure = Optional.of(new TransportFailure(kind, message));
        return this;
    }

    public Exchange build() {
        byte[] sent = payload.map(Json::bytes).orElse("{}".getBytes(StandardCharsets.UTF_8));
        Case kase = new Case(0, operation.id(), kind, Parameters.path(path), payload, sent, Optional.of("application/json"),
                brokenRule, facts, kind.id() + " case");
        SentRequest request = new SentRequest(operation.method(), BASE + operation.path(path),
                List.of(new Header("Content-Type", "application/json")), sent);
        Optional<ReceivedResponse> response = failure.isPresent() ? Optional.empty()
                : Optional.of(ReceivedResponse.of(status, List.copyOf(headers), body, truncated));
        return new Exchange(kase, operation, request, response, failure, Duration.ofMillis(5));
    }
}
