package conformance.exchange;

import conformance.config.Gateway;
import conformance.config.HttpProxy;
import conformance.contract.Operation;
import conformance.generation.Case;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.ProxySpecification;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.ConnectionClosedException;
import org.apache.http.MalformedChunkCodingException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.params.CoreConnectionPNames;
import org.apache.http.protocol.HttpContext;

/**
 * Sends cases with REST Assured: one reused client, a per-request timeout for the whole answer, a body cap, a rate
 * limit, Retry-After honoured within bounds, no redirects followed, TLS verified (against a configured trust store
 * when there is one). Every failure to get a response becomes a {@link TransportFailure}, never an exception.
 * <p>
 * A kept-alive connection is used again without the client's stale check, which waits a millisecond per request for
 * an answer that never comes and halved the suite's rate. HttpClient 4.4 and later check a connection only once it
 * has been idle for 2 s; this exchanger closes one idle for {@link #IDLE_BEFORE_NEW_CONNECTION} instead (after such a
 * pause, connecting anew costs little beside it). A request is sent again, once, only when a kept-alive connection
 * broke before the whole request was written: a server does not act on a request whose body it never received (RFC
 * 9110 §9.2.2 forbids resending a POST the target may have taken). A target that closes a kept-alive connection
 * after the request went out, without answering and without having said {@code Connection: close}, gets a finding
 * that says so. Apache's client logs such a resend at INFO; that log is kept quiet, the exchange log tells it.
 * <p>
 * Behind a gateway, its extra headers go with every request (and are recorded, for the redactor to hide by name); a
 * proxy is REST Assured's {@link ProxySpecification}, its Basic credentials sent up front by an interceptor (REST
 * Assured's own would wait for a 407 challenge, and resend every request).
 */
public final class HttpExchanger implements AutoCloseable {
    static final Duration IDLE_BEFORE_NEW_CONNECTION = Duration.ofSeconds(1);
    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;
    /** Held so that its level stays set: java.util.logging keeps loggers only weakly. */
    private static final Logger APACHE_CLIENT_LOG = quiet("org.apache.http.impl.client");

    private final URI baseUrl;
    private final Duration timeout;
    private final BodyLimits limits;
    private final int maxBodyBytes;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retries;
    private final SSLSocketFactory tls;
    private final Gateway gateway;
    private final RequestSpecification prepared;
    /** Made by REST Assured, through the factory below, at the first request. */
    private volatile DefaultHttpClient client;

    /** @param trustStore certificates to trust for https targets instead of the JVM's default ones */
    public HttpExchanger(URI baseUrl, Duration timeout, int maxBodyBytes, OptionalDouble rateLimit, Optional<KeyStore> trustStore) {
        this(baseUrl, timeout, maxBodyBytes, rateLimit, trustStore, Gateway.NONE);
    }

    /** @param gateway extra headers for every request, and the proxy requests go through */
    public HttpExchanger(URI baseUrl, Duration timeout, int maxBodyBytes, OptionalDouble rateLimit, Optional<KeyStore> trustStore,
                         Gateway gateway) {
        this(baseUrl, timeout, maxBodyBytes, new RateLimiter(rateLimit), new RetryPolicy(), verifying(trustStore), gateway);
    }

    private HttpExchanger(URI baseUrl, Duration timeout, int maxBodyBytes, RateLimiter rateLimiter, RetryPolicy retries,
                          SSLSocketFactory tls, Gateway gateway) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        boolean tunnelled = gateway.route().proxy().isPresent() && "https".equalsIgnoreCase(baseUrl.getScheme());
        this.limits = new BodyLimits(maxBodyBytes, timeout, tunnelled);
        this.rateLimiter = rateLimiter;
        this.retries = retries;
        this.tls = tls;
        this.gateway = gateway;
        Optional<String> proxyCredentials = gateway.route().proxy().flatMap(HttpProxy::basicCredentials);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        RestAssuredConfig config = RestAssuredConfig.newConfig()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .reuseHttpClientInstance()
                        .httpClientFactory(() -> {
                            DefaultHttpClient made = new DefaultHttpClient();
                            made.getConnectionManager().getSchemeRegistry().register(new Scheme("https", 443, tls));
                            made.addRequestInterceptor(limits.connectionWatcher());
                            made.addResponseInterceptor(limits.interceptor());
                            made.setHttpRequestRetryHandler((failure, attempt, context) -> resendable(attempt, context));
                            // Basic, sent up front: to the proxy only (its CONNECT, or the plain requests it forwards),
                            // never inside a TLS tunnel, where the target would read it
                            proxyCredentials.ifPresent(basic -> made.addRequestInterceptor((request, context) -> {
                                if (!tunnelled || BodyLimits.connect(request)) {
                                    request.setHeader("Proxy-Authorization", basic);
                                }
                            }));
                            client = made;
                            return made;
                        })
                        .setParam(CoreConnectionPNames.CONNECTION_TIMEOUT, millis)
                        .setParam(CoreConnectionPNames.SO_TIMEOUT, millis)
                        .setParam(CoreConnectionPNames.STALE_CONNECTION_CHECK, false))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                // BodyLimits decodes gzip and deflate itself, so that its cap counts decoded bytes
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        // the suite sends exact bytes; REST Assured would otherwise re-encode form bodies itself
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT));
        // what every request shares, built once rather than call by call for each request
        RequestSpecBuilder shared = new RequestSpecBuilder().setConfig(config).setUrlEncodingEnabled(false)
                .addHeader("Accept", "application/json")
                // what REST Assured's own decoders would ask for; BodyLimits decodes it
                .addHeader("Accept-Encoding", "gzip, deflate");
        gateway.headers().all().forEach(h -> shared.addHeader(h.name(), h.value().value()));
        gateway.route().proxy().ifPresent(p -> shared.setProxy(ProxySpecification.host(p.host()).withPort(p.port())));
        this.prepared = shared.build();
    }

    /**
     * Another exchanger for a concurrent worker: its own connection and body limits (one request at a time each), the
     * same rate limit and Retry-After budget, so that workers together never exceed what the target was promised.
     */
    public HttpExchanger sibling() {
        return new HttpExchanger(baseUrl, timeout, maxBodyBytes, rateLimiter, retries, tls, gateway);
    }

    /** Chain and host name verified, against the trust store when one is given, else the JVM's default CAs. */
    private static SSLSocketFactory verifying(Optional<KeyStore> trustStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore.orElse(null));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new SSLSocketFactory(context, SSLSocketFactory.STRICT_HOSTNAME_VERIFIER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * From another thread: this exchanger sends nothing more, and the request it has on the wire is cut (a thread
     * blocked on a socket does not wake up when interrupted). For a run that is stopping and will not judge the answer.
     */
    public void stop() {
        limits.stop();
    }

    /** How long one request may take, connecting and then the whole answer. */
    public Duration timeout() {
        return timeout;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Sends the case, and sends it again while the target asks to wait and retry (429 or 503 with Retry-After),
     * within {@link RetryPolicy}'s bounds.
     */
    public Delivery deliver(Case c, Operation operation) {
        List<Exchange> attempts = new ArrayList<>();
        attempts.add(send(c, operation));
        for (int retry = 1; ; retry++) {
            int number = retry;
            Optional<Duration> wait = attempts.get(attempts.size() - 1).response()
                    .flatMap(r -> retries.waitBefore(number, r, Instant.now()));
            if (wait.isEmpty() || !pause(wait.get())) {
                return new Delivery(attempts);
            }
            attempts.add(send(c, operation));
        }
    }

    /** One attempt, no retry. */
    public Exchange send(Case c, Operation operation) {
        String url = baseUrl + operation.path(c.pathParameters()) + query(c.parameters().query());
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Accept", "application/json"));
        gateway.headers().all().forEach(h -> headers.add(new Header(h.name(), h.value().value())));
        c.contentType().ifPresent(ct -> headers.add(new Header("Content-Type", ct)));
        c.parameters().header().forEach((name, value) -> headers.add(new Header(name, value)));
        SentRequest request = new SentRequest(operation.method(), url, List.copyOf(headers), c.body());
        Attempt a = attempt(request, spec -> {
            if (c.contentType().isPresent()) {
                spec.contentType(c.contentType().get());
            }
            c.parameters().header().forEach(spec::header);
            if (c.body().length > 0 || c.contentType().isPresent()) {
                spec.body(c.body());
            }
        });
        return new Exchange(c, operation, request, a.response(), a.failure(), a.elapsed());
    }

    /**
     * A GET of {@code url} outside any case, with the same client, timeout, trust store and rate limit: for asking
     * whether the target is up at all. Never retried, never judged.
     */
    public Attempt get(String url) {
        return attempt(new SentRequest("GET", url, List.of(new Header("Accept", "application/json")), new byte[0]), spec -> { });
    }

    /** One request on the wire: the answer, or why none came (never both), and how long it took. */
    public record Attempt(Optional<ReceivedResponse> response, Optional<TransportFailure> failure, Duration elapsed) {
    }

    /** Sends {@code request}; {@code shape} adds what {@link #prepared} does not hold (its body, its own headers). */
    private Attempt attempt(SentRequest request, Consumer<RequestSpecification> shape) {
        rateLimiter.acquire();
        long start = System.nanoTime();
        if (limits.stopped()) {
            return new Attempt(Optional.empty(), Optional.of(new TransportFailure(
                    TransportFailure.Kind.OTHER, "not sent: the run was stopping")), Duration.ZERO);
        }
        DefaultHttpClient made = client;
        if (made != null) {
            made.getConnectionManager().closeIdleConnections(IDLE_BEFORE_NEW_CONNECTION.toMillis(), TimeUnit.MILLISECONDS);
        }
        limits.start();
        boolean failed = true;
        try {
            RequestSpecification spec = RestAssured.given(prepared);
            shape.accept(spec);
            Response response = spec.request(Method.valueOf(request.method()), request.url());
            byte[] body = response.asByteArray();
            if (limits.expired()) {
                // the watchdog cut the answer off: what was read is not the whole answer
                return failed(start, new SocketTimeoutException("cut off by the watchdog"));
            }
            failed = false;
            if (response.getStatusCode() == PROXY_AUTHENTICATION_REQUIRED && gateway.route().proxy().isPresent()) {
                // the proxy's answer, not the target's (Apache hands a refused CONNECT back as the response)
                return new Attempt(Optional.empty(), Optional.of(new TransportFailure(
                        TransportFailure.Kind.CONNECTION_REFUSED, "the proxy " + gateway.route().shown() + " answered "
                        + response.getStatusLine() + ": check the proxy's credentials")), Duration.ofNanos(System.nanoTime() - start));
            }
            List<Header> received = response.getHeaders().asList().stream()
                    .map(h -> new Header(h.getName(), h.getValue())).toList();
            return new Attempt(Optional.of(ReceivedResponse.of(response.getStatusCode(), received,
                    body == null ? new byte[0] : body, limits.truncated())), Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            // REST Assured rethrows the client's checked IOExceptions undeclared, so catch them all here
            return failed(start, unwrap(e));
        } finally {
            limits.finish(failed);
        }
    }

    /** The query string of these values, each name and value percent-encoded (the exchanger encodes nothing itself). */
    static String query(Map<String, String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner("&", "?", "");
        values.forEach((name, value) -> out.add(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return out.toString();
    }

    /** Once, and only for a request not fully written on a connection kept from before, unless cut on purpose. */
    private boolean resendable(int attempt, HttpContext context) {
        boolean resend = attempt == 1 && limits.earlierRequestsOnConnection() > 0 && !limits.stopped() && !limits.expired()
                && !HttpClientContext.adapt(context).isRequestSent();
        if (resend) {
            limits.resent();
        }
        return resend;
    }

    private static Logger quiet(String name) {
        Logger log = Logger.getLogger(name);
        log.setLevel(Level.WARNING);
        return log;
    }

    /** Closes the connection this exchanger keeps alive; it must not send afterwards. */
    @Override
    public void close() {
        stop();
        DefaultHttpClient made = client;
        if (made != null) {
            made.getConnectionManager().shutdown();
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Attempt failed(long start, Throwable cause) {
        TransportFailure failure = limits.expired()
                ? new TransportFailure(TransportFailure.Kind.TIMEOUT, "no complete answer within " + timeout.toMillis()
                + " ms (the timeout, conformance.timeout): the suite cut the connection")
                : classify(cause);
        return new Attempt(Optional.empty(), Optional.of(failure), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String tlsReason(Throwable t, String detail) {
        if (detail.contains("PKIX") || detail.contains("certification path")) {
            return "the TLS certificate is not trusted (" + detail + "); if the target uses a private CA or a self-signed "
                    + "certificate, give a trust store holding it with conformance.trustStore (CONFORMANCE_TRUST_STORE)";
        }
        if (t instanceof SSLPeerUnverifiedException || detail.contains("doesn't match")) {
            return "the TLS certificate does not match the host: " + detail;
        }
        return "TLS failed: " + detail;
    }

    /** What the connection's history says about a failure with no answer: often a kept-alive connection the target dropped. */
    private String keptAliveNote() {
        long earlier = limits.earlierRequestsOnConnection();
        if (limits.wasResent()) {
            return " (a kept-alive connection broke before the whole request was written; sent again on a new connection, "
                    + "it failed too)";
        }
        if (earlier == 0 || limits.answerStarted()) {
            return "";
        }
        return " (on a kept-alive connection that had carried " + earlier + " earlier request" + (earlier == 1 ? "" : "s")
                + " and had been idle " + limits.idleMillis() + " ms: the target closed it, before or after taking this "
                + "request, without answering and without having said Connection: close; a POST it may have taken is not "
                + "sent again)";
    }

    private TransportFailure classify(Throwable t) {
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof ConnectException) {
            return new TransportFailure(TransportFailure.Kind.CONNECTION_REFUSED, "connection refused by "
                    + gateway.route().proxy().map(p -> "the proxy " + p.shown()).orElse(baseUrl.toString()) + ": " + detail);
        }
        if (t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
            return new TransportFailure(TransportFailure.Kind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms: " + detail);
        }
        if (t instanceof SSLException) {
            return new TransportFailure(TransportFailure.Kind.TLS, tlsReason(t, detail));
        }
        if (t instanceof MalformedChunkCodingException) {
            return new TransportFailure(TransportFailure.Kind.MALFORMED_HTTP, "malformed chunked encoding in the body: " + detail);
        }
        if (t instanceof ZipException) {
            return new TransportFailure(TransportFailure.Kind.MALFORMED_HTTP, "the body does not decode as its Content-Encoding says: " + detail);
        }
        if (t instanceof ConnectionClosedException) {
            return new TransportFailure(TransportFailure.Kind.CONNECTION_RESET, "the connection closed before the body was complete: " + detail);
        }
        if (t instanceof NoHttpResponseException || t instanceof SocketException) {
            return new TransportFailure(TransportFailure.Kind.CONNECTION_RESET, "the connection closed without a complete answer: "
                    + detail + keptAliveNote());
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
