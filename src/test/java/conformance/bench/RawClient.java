package conformance.bench;

import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.generation.Case;
import conformance.generation.CasePlan;
import conformance.generation.Json;
import conformance.generation.Statistics;
import conformance.fixtures.FixedValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline the suite is measured against: {@code java.net.http} sending requests made beforehand and reading
 * each answer whole, and nothing else (no generation, validation, checks or recording while it sends).
 */
final class RawClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI baseUrl;
    private final Contract contract;

    RawClient(URI baseUrl, Contract contract) {
        this.baseUrl = baseUrl;
        this.contract = contract;
    }

    /** A contact the raw client made: its inbox and source id. */
    record Contact(String inboxIdentifier, String contactIdentifier) {
    }

    /** A contact of {@code inbox}, created as the suite creates its own (the cases' paths name it). */
    Contact createContact(String inbox, String identifier) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", "raw client benchmark");
        body.put("identifier", identifier);
        Operation create = contract.operation(Contract.CREATE_CONTACT);
        HttpResponse<byte[]> answer = send(request(create, Map.of("inbox_identifier", inbox), Json.bytes(body),
                Optional.of("application/json")));
        JsonNode contact = Json.MAPPER.readTree(answer.body());
        if (answer.statusCode() != 200 || !contact.path("source_id").isString()) {
            throw new IllegalStateException("the target did not create a contact: " + answer.statusCode() + " " + contact);
        }
        return new Contact(inbox, contact.get("source_id").asString());
    }

    /** The cases a suite run with this seed and tries sends after its set-up, for these contacts. */
    List<Case> cases(long seed, int tries, Contact subject) {
        List<Case> out = new ArrayList<>();
        new CasePlan(conversations(), seed, tries, new FixedValues(Map.of("inbox_identifier", subject.inboxIdentifier(),
                "contact_identifier", subject.contactIdentifier())), List.of(), List.of(), new Statistics()).forEach(out::add);
        return out;
    }

    /** The cases as requests, made before the clock starts: the raw client spends nothing on them while it sends. */
    List<HttpRequest> requests(List<Case> cases) {
        Operation operation = conversations();
        return cases.stream().map(c -> request(operation, c.pathParameters(), c.body(), c.contentType())).toList();
    }

    Operation conversations() {
        return contract.operation(Contract.CREATE_CONVERSATION);
    }

    /** Sends every request, split among {@code senders} threads each sending its share one after the other. */
    void send(List<HttpRequest> requests, int senders) {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> shares = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                List<HttpRequest> share = requests.subList(requests.size() * s / senders, requests.size() * (s + 1) / senders);
                shares.add(pool.submit(() -> share.forEach(this::send)));
            }
            for (Future<?> share : shares) {
                share.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a raw request failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest request(Operation operation, Map<String, String> path, byte[] body, Optional<String> contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + operation.path(path)))
                .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json");
        contentType.ifPresent(ct -> b.header("Content-Type", ct));
        return b.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
