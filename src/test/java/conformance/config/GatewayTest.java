package conformance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GatewayTest {
    private static final URI HTTP = URI.create("http://api.example.com:8080");
    private static final URI HTTPS = URI.create("https://api.example.com");

    private static Settings settings(Map<String, String> given, Map<String, String> environment) {
        Properties p = new Properties();
        given.forEach((k, v) -> p.setProperty(Settings.property(k), v));
        return new Settings(p, environment);
    }

    private static Route route(URI target, Map<String, String> environment) {
        return Route.from(settings(Map.of(), environment), Optional.of(target));
    }

    private static String refused(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void oneHeaderALineTheValueBeingAllAfterTheFirstColon() {
        ExtraHeaders h = ExtraHeaders.parse("X-Api-Key: a:b,c=d; e\r\n\n   X-Tenant:t1  \n");
        assertEquals(List.of(new ExtraHeaders.ExtraHeader("X-Api-Key", new Secret("a:b,c=d; e")),
                new ExtraHeaders.ExtraHeader("X-Tenant", new Secret("t1"))), h.all());
        assertEquals(List.of("a:b,c=d; e", "t1"), new Gateway(h, Route.DIRECT).secrets());
    }

    @Test
    void aMalformedHeaderLineIsNamedByItsNumberAndItsValueNeverQuoted() {
        String noColon = refused(() -> ExtraHeaders.parse("X-Ok: 1\nsecret-token-value"));
        assertTrue(noColon.startsWith("conformance.headers (CONFORMANCE_HEADERS): line 2 is not 'Name: value'"), noColon);
        assertFalse(noColon.contains("secret-token-value"), noColon);
        assertTrue(refused(() -> ExtraHeaders.parse("X Key: v")).contains("'X Key' is not a header name"));
        assertTrue(refused(() -> ExtraHeaders.parse("X-Key: v\nx-key: w")).contains("names x-key again"));
        assertTrue(refused(() -> ExtraHeaders.parse("X-Key:")).contains("gives X-Key no value"));
        String control = refused(() -> ExtraHeaders.parse("X-Key: a\u0000b"));
        assertTrue(control.contains("a control character") && !control.contains("a\u0000b"), control);
    }

    @Test
    void aHeaderTheSuiteSetsItselfIsRefusedWhateverItsCase() {
        for (String name : List.of("Content-Type", "accept", "Accept-Encoding", "Host", "Content-Length")) {
            assertTrue(refused(() -> ExtraHeaders.parse(name + ": x")).contains("names " + name + ", a header the suite sets itself"), name);
        }
        assertTrue(refused(() -> ExtraHeaders.parse("Proxy-Authorization: Basic x")).contains("give the proxy's credentials in conformance.proxy"));
    }

    @Test
    void aHeaderTheDocumentDeclaresAsAParameterIsRefused() {
        ExtraHeaders h = ExtraHeaders.parse("X-Request-Id: 1");
        h.requireNoneDeclared("get-thing", List.of("X-Other"));
        assertTrue(refused(() -> h.requireNoneDeclared("get-thing", List.of("x-request-id"))).contains("a header parameter of get-thing"));
    }

    @Test
    void theProxySettingGivesHostPortAndCredentialsNeverShowingThem() {
        Route r = Route.from(settings(Map.of("proxy", "http://me%40corp:p%3Ass+w@proxy.corp:3128/"), Map.of()), Optional.of(HTTP));
        HttpProxy p = r.proxy().orElseThrow();
        assertEquals(new HttpProxy("proxy.corp", 3128, Optional.of("me@corp"), Optional.of(new Secret("p:ss+w"))), p);
        assertEquals("http://proxy.corp:3128 (with credentials) (conformance.proxy)", r.shown());
        assertTrue(r.fromSetting());
        assertEquals(Optional.of("Basic bWVAY29ycDpwOnNzK3c="), p.basicCredentials());
        assertEquals(List.of("p:ss+w"), new Gateway(ExtraHeaders.NONE, r).secrets());
    }

    @Test
    void aProxyThatIsNotHostAndPortOverHttpIsRefusedWithoutQuotingIt() {
        for (String bad : List.of("http://u:hunter22@proxy.corp", "https://u:hunter22@proxy.corp:443", "http://u:hunter22@proxy.corp:3128/path")) {
            String m = refused(() -> Route.from(settings(Map.of("proxy", bad), Map.of()), Optional.of(HTTP)));
            assertTrue(m.startsWith("conformance.proxy (CONFORMANCE_PROXY) is not an HTTP proxy URL http://[user[:password]@]host:port"), m);
            assertFalse(m.contains("hunter22"), m);
        }
        String env = refused(() -> route(HTTP, Map.of("HTTP_PROXY", "proxy.corp")));
        assertTrue(env.startsWith("the environment variable HTTP_PROXY is not an HTTP proxy URL"), env);
    }

    @Test
    void theEmbeddedTargetIsReachedDirectlyAndAProxySettingWithoutABaseUrlIsRefused() {
        assertEquals(Route.DIRECT, Route.from(settings(Map.of(), Map.of("HTTP_PROXY", "http://proxy:1")), Optional.empty()));
        assertTrue(refused(() -> Route.from(settings(Map.of("proxy", "http://proxy:1"), Map.of()), Optional.empty()))
                .contains("the embedded target is reached directly"));
    }

    @Test
    void theEnvironmentsProxyIsTheOneOfTheTargetsSchemeLowerCaseFirst() {
        Map<String, String> env = Map.of("http_proxy", "http://lower:1", "HTTP_PROXY", "http://upper:2", "HTTPS_PROXY", "secure:3");
        assertEquals("http://lower:1 (http_proxy)", route(HTTP, env).shown());
        assertEquals("http://secure:3 (HTTPS_PROXY)", route(HTTPS, env).shown());
        assertEquals("http://upper:2 (HTTP_PROXY)", route(HTTP, Map.of("HTTP_PROXY", "http://upper:2", "http_proxy", " ")).shown());
        assertEquals(Route.DIRECT, route(HTTPS, Map.of("HTTP_PROXY", "http://upper:2")));
        assertFalse(route(HTTP, env).fromSetting());
    }

    @Test
    void noProxyNamesHostsTheirSubdomainsAddressesAndPorts() {
        URI target = URI.create("https://api.example.com");
        assertTrue(NoProxy.matches("*", target));
        assertTrue(NoProxy.matches("other.org, example.com", target));
        assertTrue(NoProxy.matches(".EXAMPLE.com", target));
        assertTrue(NoProxy.matches("api.example.com:443", target));
        assertFalse(NoProxy.matches("api.example.com:8443", target));
        assertFalse(NoProxy.matches("ample.com,pi.example.com", target));
        assertTrue(NoProxy.matches("localhost,127.0.0.1", URI.create("http://127.0.0.1:4000")));
        assertTrue(NoProxy.matches("[::1]:4000", URI.create("http://[::1]:4000")));
        assertTrue(NoProxy.matches("::1", URI.create("http://[::1]:4000")));
        Route bypassed = route(HTTP, Map.of("HTTP_PROXY", "http://proxy:1", "no_proxy", "example.com"));
        assertEquals(Optional.empty(), bypassed.proxy());
        assertEquals("none (no_proxy names api.example.com, so HTTP_PROXY is not used)", bypassed.shown());
    }
}
