package conformance.exchange;

import conformance.contract.Operation;
import conformance.generation.Case;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.params.CoreConnectionPNames;

/**
 * Sends cases with REST Assured: one reused client, a per-request timeout, a body cap, a rate limit, no redirects
 * followed. Every failure to get a response becomes a {@link TransportFailure}, never an exception.
 */
public final class HttpExchanger {
    private final URI baseUrl;
    private final Duration timeout;
    private final BodyLimits limits;
    private final RateLimiter rateLimiter;
    private final RestAssuredConfig config;

    public HttpExchanger(URI baseUrl, Duration timeout, int maxBodyBytes, OptionalDouble rateLimit) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.limits = new BodyLimits(maxBodyBytes);
        this.rateLimiter = new RateLimiter(rateLimit);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.config = RestAssuredConfig.newConfig()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .reuseHttpClientInstance()
                        .httpClientFactory(() -> {
                            DefaultHttpClient client = new DefaultHttpClient();
                            // the deadline starts when the request leaves, not while the client warms itself up
                            client.addRequestInterceptor((request, context) -> limits.startRequest(System.nanoTime() + timeout.toNanos()));
                            client.addResponseInterceptor(limits.interceptor());
                            return client;
                        })
                        .setParam(CoreConnectionPNames.CONNECTION_TIMEOUT, millis)
                        .setParam(CoreConnectionPNames.SO_TIMEOUT, millis))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        // the suite sends exact bytes; REST Assured would otherwise re-encode form bodies itself
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Exchange send(Case c, Operation operation) {
        String url = baseUrl + operation.path(c.pathParameters());
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Accept", "application/json"));
        c.contentType().ifPresent(ct -> headers.add(new Header("Content-Type", ct)));
        SentRequest request = new SentRequest(operation.method(), url, List.copyOf(headers), c.body());
        rateLimiter.acquire();
        long start = System.nanoTime();
        try {
            RequestSpecification spec = RestAssured.given().config(config).urlEncodingEnabled(false)
                    .header("Accept", "application/json");
            if (c.contentType().isPresent()) {
                spec.contentType(c.contentType().get());
            }
            if (c.body().length > 0 || c.contentType().isPresent()) {
                spec.body(c.body());
            }
            Response response = spec.request(Method.valueOf(operation.method()), url);
            byte[] body = response.asByteArray();
            List<Header> received = response.getHeaders().asList().stream()
                    .map(h -> new Header(h.getName(), h.getValue())).toList();
            return new Exchange(c, operation, request,
                    Optional.of(ReceivedResponse.of(response.getStatusCode(), received, body == null ? new byte[0] : body, limits.truncated())),
                    Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            // REST Assured rethrows the client's checked IOExceptions undeclared, so catch them all here
            return failed(c, operation, request, start, unwrap(e));
        }
    }

    private Exchange failed(Case c, Operation operation, SentRequest request, long start, Throwable cause) {
        return new Exchange(c, operation, request, Optional.empty(),
                Optional.of(classify(cause)), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private TransportFailure classify(Throwable t) {
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof ConnectException) {
            return new TransportFailure(TransportFailure.Kind.CONNECTION_REFUSED, "connection refused by " + baseUrl + ": " + detail);
        }
        if (t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
            return new TransportFailure(TransportFailure.Kind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms: " + detail);
        }
        if (t instanceof SSLException) {
            return new TransportFailure(TransportFailure.Kind.TLS, "TLS failed: " + detail);
        }
        if (t instanceof NoHttpResponseException || t instanceof SocketException) {
            return new TransportFailure(TransportFailure.Kind.CONNECTION_RESET, "the connection closed without a complete answer: " + detail);
        }
        if (t instanceof ClientProtocolException) {
            return new TransportFailure(TransportFailure.Kind.MALFORMED_HTTP, "the answer is not valid HTTP: "
                    + (t.getCause() != null && t.getCause().getMessage() != null ? t.getCause().getMessage() : detail));
        }
        if (t instanceof IOException) {
            return new TransportFailure(TransportFailure.Kind.OTHER, t.getClass().getSimpleName() + ": " + detail);
        }
        return new TransportFailure(TransportFailure.Kind.OTHER, "the request failed: " + t.getClass().getSimpleName() + ": " + detail);
    }
}
