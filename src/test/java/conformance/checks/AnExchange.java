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
import conformance.generation.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An exchange built in memory for a check's unit test: a case of some intent sent to an operation, and the answer
 * (or the transport failure) it got. Defaults: a positive case to {@link Documented#createConversation()} on inbox
 * {@code inbox-a}, answered 200 with {@code {}} as JSON.
 */
final class AnExchange {
    static final String BASE = "http://127.0.0.1:8080";

    private final Intent intent;
    private Operation operation = Documented.createConversation();
    private Optional<BrokenRule> brokenRule = Optional.empty();
    private Subject subject = new Subject("inbox-a", "contact-a", OptionalLong.empty());
    private int status = 200;
    private final List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "application/json; charset=utf-8")));
    private byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    private boolean truncated;
    private Optional<TransportFailure> failure = Optional.empty();

    private AnExchange(Intent intent) {
        this.intent = intent;
    }

    static AnExchange positive() {
        return new AnExchange(Intent.POSITIVE);
    }

    /** A negative case breaking the named rule. */
    static AnExchange negative(String rule) {
        AnExchange e = new AnExchange(Intent.NEGATIVE);
        e.brokenRule = Optional.of(new BrokenRule(rule, Optional.empty(), Optional.empty()));
        return e;
    }

    static AnExchange of(Intent intent) {
        return new AnExchange(intent);
    }

    AnExchange to(Operation op) {
        this.operation = op;
        return this;
    }

    /** The case is about this inbox and contact (the contact's numeric id when the suite knows it). */
    AnExchange subject(String inbox, String contact, OptionalLong contactId) {
        this.subject = new Subject(inbox, contact, contactId);
        return this;
    }

    AnExchange status(int code) {
        this.status = code;
        return this;
    }

    /** The response body, as text (JSON or not: it is parsed the way the exchanger parses it). */
    AnExchange body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    AnExchange cutAtTheSizeCap() {
        this.truncated = true;
        return this;
    }

    /** Replaces the response's Content-Type; {@code null} sends none. */
    AnExchange contentType(String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
        if (value != null) {
            headers.add(new Header("Content-Type", value));
        }
        return this;
    }

    AnExchange header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** No response at all: the transport failed this way. */
    AnExchange failed(TransportFailure.Kind kind, String message) {
        this.failure = Optional.of(new TransportFailure(kind, message));
        return this;
    }

    Exchange build() {
        Map<String, String> path = Map.of("inbox_identifier", subject.inboxIdentifier(),
                "contact_identifier", subject.contactIdentifier());
        byte[] sent = "{}".getBytes(StandardCharsets.UTF_8);
        Case kase = new Case(0, operation.id(), intent, path, Optional.empty(), sent, Optional.of("application/json"),
                brokenRule, Optional.of(subject), intent.name().toLowerCase() + " case");
        SentRequest request = new SentRequest(operation.method(), BASE + operation.path(path),
                List.of(new Header("Content-Type", "application/json")), sent);
        Optional<ReceivedResponse> response = failure.isPresent() ? Optional.empty()
                : Optional.of(ReceivedResponse.of(status, List.copyOf(headers), body, truncated));
        return new Exchange(kase, operation, request, response, failure, Duration.ofMillis(5));
    }
}
