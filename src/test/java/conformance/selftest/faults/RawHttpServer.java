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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A loopback HTTP server written on bare sockets, for what no HTTP library will send on purpose: a connection reset
 * in the middle of a body, an HTTP/1.0 answer delimited by closing the connection. One connection at a time (the
 * suite sends one request at a time). Stopped by {@link #close()}.
 */
public final class RawHttpServer implements AutoCloseable {
    /** What the server does with one request on its socket; the server closes the socket afterwards. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Request request, Socket socket) throws IOException;
    }

    /** A request as read off the wire; header names lower-cased. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    private final ServerSocket socket;
    private final Thread acceptor;

    public RawHttpServer(Behaviour behaviour) {
        try {
            socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        acceptor = new Thread(() -> accept(behaviour), "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void accept(Behaviour behaviour) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                Request request = read(client.getInputStream());
                if (request != null) {
                    behaviour.serve(request, client);
                }
            } catch (IOException e) {
                // the client gave up or the server is closing: the next connection is served as usual
            }
        }
    }

    /** A request off the wire, its body as long as its Content-Length says; {@code null} when the peer closed first. */
    static Request read(InputStream in) throws IOException {
        String head = head(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Request(requestLine[0], requestLine[1], headers, in.readNBytes(length));
    }

    /** The head of a request or an answer, up to the empty line that ends it; {@code null} when the peer closed first. */
    static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes raw bytes as they are: the behaviour decides every byte of the answer. */
    public static void write(Socket socket, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
