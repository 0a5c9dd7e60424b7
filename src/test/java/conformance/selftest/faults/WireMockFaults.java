package conformance.selftest.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Duration;

/**
 * WireMock on loopback with the field's standard fault simulation, one fault per path prefix: the base URL of a
 * fault is {@code http://127.0.0.1:<port>/<fault>} (or https, with WireMock's own self-signed certificate).
 * Stopped by {@link #close()}.
 */
public final class WireMockFaults implements AutoCloseable {
    /** What the gzip bomb weighs once inflated. */
    static final int BOMB_BYTES = 100 << 20;

    private final WireMockServer server;

    /** @param silence how long a "silent" target holds back its headers (longer than the client's timeout) */
    public WireMockFaults(Duration silence) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .dynamicHttpsPort().gzipDisabled(true).disableRequestJournal().jettyStopTimeout(1000L));
        server.start();
        fault("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        fault("empty-response", aResponse().withFault(Fault.EMPTY_RESPONSE));
        fault("malformed-chunks", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        fault("garbage", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        fault("silent", json(200, "{}").withFixedDelay((int) silence.toMillis()));
        byte[] dripped = "{\"id\":1,\"status\":\"open\",\"messages\":[]}".getBytes();
        fault("drip", json(200, "").withBody(dripped).withChunkedDribbleDelay(dripped.length, dripped.length * 1000));
        fault("gzip-bomb", json(200, "").withBody(RawFaults.gzipBomb(BOMB_BYTES)).withHeader("Content-Encoding", "gzip"));
        fault("html-as-json", json(200, "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"));
        fault("empty-200", aResponse().withStatus(200));
        fault("invalid-utf8", json(200, "").withBody(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}));
        fault("throttled", json(429, "{}").withHeader("Retry-After", "1"));
        fault("tls", json(200, "{}"));
    }

    /** A fault that redirects every request to {@code location} (absolute, or relative to the request). */
    public void redirect(String name, String location) {
        fault(name, aResponse().withStatus(307).withHeader("Location", location));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private void fault(String name, ResponseDefinitionBuilder response) {
        server.stubFor(any(urlPathMatching("/" + name + "(/.*)?")).willReturn(response));
    }

    public URI http(String fault) {
        return URI.create("http://127.0.0.1:" + server.port() + "/" + fault);
    }

    /** Served with WireMock's built-in certificate, which no trust store here holds. */
    public URI https(String fault) {
        return URI.create("https://127.0.0.1:" + server.httpsPort() + "/" + fault);
    }

    @Override
    public void close() {
        server.stop();
    }
}
