package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Launch;
import conformance.config.Settings;
import conformance.reference.ReferenceTarget;
import conformance.selftest.faults.Certificates;
import conformance.selftest.faults.ForwardingProxy;
import conformance.selftest.faults.TlsProxy;
import conformance.verdict.RunReport;
import conformance.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets behind a proxy: {@code conformance.proxy} (with credentials too), the environment's {@code HTTP_PROXY} and
 * {@code NO_PROXY} when the setting is absent, and an https target reached through CONNECT with the trust store. A
 * loopback proxy of the self-tests sees what went through it.
 */
class ProxyRunTest {
    private static final String PASSWORD = "pr0xy-s3cret-pw";

    @TempDir
    Path reports;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A short run of one operation with these settings and environment variables, as the run command makes it. */
    private RunReport run(Map<String, String> settings, Map<String, String> environment) {
        Properties properties = new Properties();
        settings.forEach((k, v) -> properties.setProperty(Settings.property(k), v));
        return Launch.run(new Settings(properties, environment), new PrintStream(console, true, StandardCharsets.UTF_8))
                .result().orElseThrow(() -> new AssertionError(console.toString(StandardCharsets.UTF_8))).report();
    }

    private Map<String, String> settingsFor(ReferenceTarget target) {
        Map<String, String> s = new HashMap<>(Targets.settingsFor(target));
        s.put("tries", "5");
        s.put("operations", "create-a-conversation");
        s.put("reports", reports.toString());
        return s;
    }

    /** Requests the proxy forwarded to the target, not the CONNECTs that opened tunnels. */
    private static long forwarded(ForwardingProxy proxy, ReferenceTarget target) {
        return proxy.seen().stream().filter(r -> r.target().startsWith(target.baseUrl() + "/")).count();
    }

    private String certificate() throws IOException {
        return Files.readString(reports.resolve("certificate.md"));
    }

    @Test
    void theProxySettingSendsEveryRequestThroughTheProxyAndTheRunSaysWhichOne() throws IOException {
        try (ReferenceTarget target = ReferenceTarget.start(); ForwardingProxy proxy = ForwardingProxy.proxy()) {
            Map<String, String> s = settingsFor(target);
            s.put("proxy", proxy.url().toString());
            RunReport report = run(s, Map.of());
            assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
            assertEquals(report.requests(), forwarded(proxy, target), proxy.seen().toString());
            String shown = proxy.url() + " (conformance.proxy)";
            assertTrue(console.toString(StandardCharsets.UTF_8).contains(", proxy " + shown + ";"), console.toString(StandardCharsets.UTF_8));
            assertTrue(certificate().contains("| Proxy | " + shown + " |"), certificate());
        }
    }

    @Test
    void proxyCredentialsReachTheProxyAndThePasswordNoFileOrTheConsole() throws IOException {
        try (ReferenceTarget target = ReferenceTarget.start(); ForwardingProxy proxy = ForwardingProxy.requiring("suite", PASSWORD)) {
            Map<String, String> s = settingsFor(target);
            RunReport report = run(s, Map.of("CONFORMANCE_PROXY", "http://suite:" + PASSWORD + "@" + proxy.url().getAuthority()));
            assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
            assertEquals(report.requests(), forwarded(proxy, target));
            assertTrue(proxy.seen().stream().allMatch(r -> r.headers().containsKey("proxy-authorization")), proxy.seen().toString());
            assertTrue(certificate().contains("| Proxy | " + proxy.url() + " (with credentials) (conformance.proxy) |"), certificate());
            assertEquals(List.of(), filesHolding(PASSWORD));
            assertFalse(console.toString(StandardCharsets.UTF_8).contains(PASSWORD));
        }
    }

    @Test
    void withoutTheSettingTheEnvironmentsProxyIsUsedUnlessNoProxyNamesTheTarget() throws IOException {
        try (ReferenceTarget target = ReferenceTarget.start(); ForwardingProxy proxy = ForwardingProxy.proxy()) {
            RunReport proxied = run(settingsFor(target), Map.of("http_proxy", proxy.url().toString(), "HTTPS_PROXY", "http://unused.invalid:1"));
            assertEquals(Verdict.CONFORMANT, proxied.verdict(), proxied.headline());
            assertEquals(proxied.requests(), forwarded(proxy, target));
            assertTrue(certificate().contains("| Proxy | " + proxy.url() + " (http_proxy) |"), certificate());

            long before = proxy.seen().size();
            RunReport direct = run(settingsFor(target), Map.of("HTTP_PROXY", proxy.url().toString(), "NO_PROXY", "localhost,127.0.0.1"));
            assertEquals(Verdict.CONFORMANT, direct.verdict(), direct.headline());
            assertEquals(before, proxy.seen().size(), "NO_PROXY names the target: nothing goes through the proxy");
            assertTrue(certificate().contains("| Proxy | none (NO_PROXY names 127.0.0.1, so HTTP_PROXY is not used) |"), certificate());
        }
    }

    @Test
    void anHttpsTargetIsReachedThroughConnectWithTheTrustStore(@TempDir Path folder) throws IOException {
        Certificates certificates = Certificates.selfSigned(folder, "ip:127.0.0.1");
        try (ReferenceTarget target = ReferenceTarget.start();
             ForwardingProxy gateway = ForwardingProxy.gateway(target.baseUrl());
             TlsProxy tls = new TlsProxy(certificates, gateway.url());
             ForwardingProxy proxy = ForwardingProxy.requiring("suite", PASSWORD)) {
            Map<String, String> s = settingsFor(target);
            s.put("baseUrl", tls.baseUrl().toString());
            s.put("trustStore", certificates.trustStore().toString());
            s.put("trustStorePassword", certificates.password());
            RunReport report = run(s, Map.of("HTTPS_PROXY", "http://suite:" + PASSWORD + "@" + proxy.url().getAuthority(),
                    "HTTP_PROXY", "http://unused.invalid:1"));
            assertEquals(Verdict.CONFORMANT, report.verdict(), report.headline());
            List<ForwardingProxy.Seen> seen = proxy.seen();
            assertFalse(seen.isEmpty());
            assertTrue(seen.stream().allMatch(r -> r.method().equals("CONNECT") && r.target().equals(tls.baseUrl().getAuthority())
                    && r.headers().containsKey("proxy-authorization")), seen.toString());
            // behind the TLS front: every request arrived, and the proxy's credentials never went inside the tunnel
            assertEquals(report.requests(), gateway.seen().size());
            assertTrue(gateway.seen().stream().noneMatch(r -> r.headers().containsKey("proxy-authorization")), gateway.seen().toString());
            assertTrue(certificate().contains("| Proxy | " + proxy.url() + " (with credentials) (HTTPS_PROXY) |"), certificate());
            assertEquals(List.of(), filesHolding(PASSWORD));
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsIsNamedAsTheOneThatAnswered() {
        try (ReferenceTarget target = ReferenceTarget.start(); ForwardingProxy proxy = ForwardingProxy.requiring("suite", PASSWORD)) {
            Map<String, String> s = settingsFor(target);
            // the CONNECT is refused before any byte reaches this address
            s.put("baseUrl", "https://127.0.0.1:1");
            s.put("proxy", "http://suite:wrong-password@" + proxy.url().getAuthority());
            RunReport report = run(s, Map.of());
            assertEquals(Verdict.INCONCLUSIVE, report.verdict(), report.headline());
            assertTrue(report.headline().contains("the proxy " + proxy.url() + " (with credentials) (conformance.proxy) answered "
                    + "HTTP/1.1 407 Proxy Authentication Required: check the proxy's credentials"), report.headline());
            assertFalse(proxy.seen().isEmpty());
        }
    }

    private List<String> filesHolding(String secret) throws IOException {
        List<String> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(secret)) {
                    holding.add(reports.relativize(f).toString());
                }
            }
        }
        return holding;
    }
}
