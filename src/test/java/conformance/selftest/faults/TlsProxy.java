package conformance.selftest.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;

/** WireMock serving https on loopback with the given certificate, proxying every request to a plain-http target. */
public final class TlsProxy implements AutoCloseable {
    private final WireMockServer server;

    public TlsProxy(Certificates certificates, URI upstream) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .dynamicHttpsPort().keystorePath(certificates.keyStore().toString()).keystoreType("PKCS12")
                .keystorePassword(certificates.password()).keyManagerPassword(certificates.password())
                .gzipDisabled(true).disableRequestJournal().jettyStopTimeout(1000L));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(upstream.toString())));
    }

    public URI baseUrl() {
        return URI.create("https://127.0.0.1:" + server.httpsPort());
    }

    @Override
    public void close() {
        server.stop();
    }
}
