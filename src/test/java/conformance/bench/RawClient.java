package conformance.bench;

import conformance.exchange.Header;
import conformance.exchange.SentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline the suite is measured against: {@code java.net.http} sending requests made beforehand and reading
 * each answer whole, and nothing else (no generation, validation, checks or recording while it sends).
 */
final class RawClient {
    /** Headers {@code java.net.http} sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * What a suite run sent to {@code from}, as requests to {@code to} made before the clock starts: the raw client
     * spends nothing on them while it sends.
     */
    List<HttpRequest> requests(List<SentRequest> sent, URI from, URI to) {
        return sent.stream().map(s -> request(s, to + s.url().substring(from.toString().length()))).toList();
    }

    /**
     * Sends the requests and reads every answer, on {@code senders} connections at once, each share one after the
     * other; the statuses, in the order of the requests.
     */
    List<Integer> send(List<HttpRequest> requests, int senders) {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<List<Integer>>> shares = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                List<HttpRequest> share = requests.subList(requests.size() * s / senders, requests.size() * (s + 1) / senders);
                shares.add(pool.submit(() -> share.stream().map(this::send).toList()));
            }
            List<Integer> statuses = new ArrayList<>(requests.size());
            for (Future<List<Integer>> share : shares) {
                statuses.addAll(share.get());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a raw request failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpRequest request(SentRequest sent, String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(sent.method(), sent.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        for (Header h : sent.headers()) {
            if (!RESTRICTED.contains(h.name().toLowerCase(Locale.ROOT))) {
                b.header(h.name(), h.value());
            }
        }
        return b.build();
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
