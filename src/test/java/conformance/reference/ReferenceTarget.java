package conformance.reference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * The embedded reference target: a real HTTP server on a free loopback port, in-process, serving
 * the {@link Router} through a {@link Variant}. Closing it stops the server and its threads.
 */
public final class ReferenceTarget implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 8 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router api;
    private final Variant variant;

    private ReferenceTarget(Dialect dialect, Variant variant, int port) throws IOException {
        // the JDK server leaves Nagle on unless told before its first use: about 23 requests/s instead of thousands
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.api = new Router(dialect);
        this.variant = variant;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "reference-target");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public static ReferenceTarget start() {
        return start(Variant.CONFORMING);
    }

    public static ReferenceTarget start(Variant variant) {
        return start(Dialect.DOCUMENT, variant);
    }

    public static ReferenceTarget start(Dialect dialect, Variant variant) {
        return start(dialect, variant, 0);
    }

    /** On a given loopback port (0: a free one), for a test of a target that comes up where the suite already knocks. */
    public static ReferenceTarget start(Dialect dialect, Variant variant, int port) {
        try {
            return new ReferenceTarget(dialect, variant, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded reference target on loopback", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /**
     * Two plain API inboxes, then one that requires an identifier_hash on the contacts operations; in the Chatwoot dialect
     * also one with an active bot and one locked to a single conversation per contact.
     */
    public List<Inbox> inboxes() {
        return api.inboxes();
    }

    /** A contact created directly in the target's state, as an agent would (e.g. a blocked one); its source id. */
    public String addContact(Inbox inbox, boolean blocked) {
        return api.addContact(inbox, blocked);
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            byte[] body = readBody(http.getRequestBody());
            Optional<String> contentType = Optional.ofNullable(http.getRequestHeaders().getFirst("Content-Type"));
            String path = http.getRequestURI().getRawPath();
            Handled handled = api.handle(http.getRequestMethod(), path, http.getRequestURI().getRawQuery(), contentType, body);
            Call call = new Call(http.getRequestMethod(), path, handled.operation(), contentType, body, handled.outcome(),
                    handled.payload(), () -> api.acceptAnyway(http.getRequestMethod(), path).orElseGet(handled::reply));
            write(http, variant.answer(call, handled.reply()));
        } catch (RuntimeException e) {
            // a faulty variant may throw on purpose; the client sees a broken exchange, the server goes on
            http.close();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0 && out.size() < MAX_REQUEST_BYTES) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void write(HttpExchange http, Reply reply) throws IOException {
        byte[] body = reply.body();
        for (Map.Entry<String, String> h : reply.headers()) {
            http.getResponseHeaders().add(h.getKey(), h.getValue());
        }
        if (reply.gzip()) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(body);
            }
            body = zipped.toByteArray();
            http.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        long length = reply.chunked() ? 0 : body.length == 0 ? -1 : body.length;
        http.sendResponseHeaders(reply.status(), length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
