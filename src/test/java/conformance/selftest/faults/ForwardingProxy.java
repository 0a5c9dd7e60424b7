package conformance.selftest.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What stands in front of a target in self-tests, on bare loopback sockets: an HTTP proxy (absolute-URI requests
 * forwarded, CONNECT tunnelled; optionally asking for Basic credentials with 407), or a gateway that forwards
 * origin-form requests to one upstream. Each forwarded request gets a connection of its own and its answer says
 * {@code Connection: close}. It records the head of every request it takes. Stopped by {@link #close()}.
 */
public final class ForwardingProxy implements AutoCloseable {
    /** The head of one request as it arrived; header names lower-cased. */
    public record Seen(String method, String target, Map<String, String> headers) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "proxy-authorization",
            "transfer-encoding", "content-length");

    private final Optional<URI> upstream;
    private final Optional<String> credentials;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "forwarding-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private ForwardingProxy(Optional<URI> upstream, Optional<String> credentials) {
        this.upstream = upstream;
        this.credentials = credentials;
        try {
            server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        connections.execute(this::accept);
    }

    /** A proxy that forwards to wherever a request names. */
    public static ForwardingProxy proxy() {
        return new ForwardingProxy(Optional.empty(), Optional.empty());
    }

    /** A proxy that answers 407 to every request without these Basic credentials. */
    public static ForwardingProxy requiring(String user, String password) {
        return new ForwardingProxy(Optional.empty(), Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /** A gateway: every request it takes goes to {@code upstream}. */
    public static ForwardingProxy gateway(URI upstream) {
        return new ForwardingProxy(Optional.of(upstream), Optional.empty());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                // closing: the loop ends
            } catch (RuntimeException e) {
                // the pool is shut down: closing as well
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            RawHttpServer.Request request = RawHttpServer.read(client.getInputStream());
            if (request == null) {
                return;
            }
            seen.add(new Seen(request.method(), request.target(), request.headers()));
            if (credentials.isPresent() && !credentials.get().equals(request.headers().get("proxy-authorization"))) {
                RawHttpServer.write(client, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"self-test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n", new byte[0]);
            } else if (request.method().equals("CONNECT")) {
                tunnel(client, request.target());
            } else {
                forward(client, request);
            }
        } catch (IOException e) {
            // the client or the upstream gave up: this connection ends, the proxy goes on
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        URI to = URI.create("tcp://" + authority);
        try (Socket target = connect(to.getHost(), to.getPort())) {
            RawHttpServer.write(client, "HTTP/1.1 200 Connection established\r\n\r\n", new byte[0]);
            client.setSoTimeout(0);
            connections.execute(() -> pipe(target, client));
            pipe(client, target);
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    private void forward(Socket client, RawHttpServer.Request request) throws IOException {
        URI to = upstream.map(u -> URI.create(u + request.target())).orElseGet(() -> URI.create(request.target()));
        try (Socket target = connect(to.getHost(), to.getPort() < 0 ? 80 : to.getPort())) {
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(to.getRawPath())
                    .append(to.getRawQuery() == null ? "" : "?" + to.getRawQuery()).append(" HTTP/1.1\r\n");
            request.headers().forEach((name, value) -> {
                if (!HOP_BY_HOP.contains(name)) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            });
            // a chunked body (WireMock forwards them so) goes on with its length: the head says how it is framed
            byte[] body = "chunked".equalsIgnoreCase(request.headers().get("transfer-encoding"))
                    ? dechunked(client.getInputStream()) : request.body();
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            RawHttpServer.write(target, head.toString(), body);
            InputStream answer = target.getInputStream();
            String answerHead = RawHttpServer.head(answer);
            if (answerHead == null) {
                return;
            }
            StringBuilder relayed = new StringBuilder();
            answerHead.strip().lines().filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("connection:"))
                    .forEach(l -> relayed.append(l).append("\r\n"));
            RawHttpServer.write(client, relayed.append("Connection: close\r\n\r\n").toString(), new byte[0]);
            answer.transferTo(client.getOutputStream());
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    private static byte[] dechunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        while (!line(in).isEmpty()) {
            // trailers: none matter here
        }
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(line(in).split(";")[0].strip(), 16);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private Socket connect(String host, int port) throws IOException {
        Socket s = new Socket(host, port);
        s.setSoTimeout(10_000);
        open.add(s);
        return s;
    }

    /** Bytes from one socket to the other until either closes; then both are closed. */
    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed: the tunnel ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a socket that is going anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
        open.forEach(ForwardingProxy::closeQuietly);
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
