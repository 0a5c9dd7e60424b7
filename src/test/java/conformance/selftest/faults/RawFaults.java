package conformance.selftest.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Behaviours of {@link RawHttpServer} for the faults that need exact bytes on the wire. */
public final class RawFaults {
    private RawFaults() {
    }

    /** Promises 100,000 bytes, sends 1,000, then resets the connection (RST, not a clean close). */
    public static RawHttpServer.Behaviour resetDuringBody() {
        return (request, socket) -> {
            byte[] part = new byte[1000];
            Arrays.fill(part, (byte) ' ');
            part[0] = '{';
            RawHttpServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n", part);
            socket.setSoLinger(true, 0);
        };
    }

    /**
     * A complete 200 with a Content-Length and no {@code Connection: close}, after which {@link RawHttpServer} closes
     * the connection: what a server does that drops kept-alive connections without saying so.
     */
    public static RawHttpServer.Behaviour answerThenClose() {
        return (request, socket) -> RawHttpServer.write(socket,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n", new byte[] {'{', '}'});
    }

    /** A 200 whose JSON body is {@code bytes} long (an array of spaces), streamed as fast as the client reads. */
    public static RawHttpServer.Behaviour hugeBody(long bytes) {
        return (request, socket) -> {
            byte[] spaces = new byte[1 << 16];
            Arrays.fill(spaces, (byte) ' ');
            RawHttpServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes
                    + "\r\n\r\n", new byte[] {'['});
            OutputStream out = socket.getOutputStream();
            for (long sent = 1; sent < bytes; sent += spaces.length) {
                out.write(spaces, 0, (int) Math.min(spaces.length, bytes - sent));
            }
            out.flush();
        };
    }

    /** A 200 whose body is a gzip bomb: small on the wire, {@code inflatedBytes} of JSON once decoded. */
    public static RawHttpServer.Behaviour gzipBombBody(int inflatedBytes) {
        byte[] bomb = gzipBomb(inflatedBytes);
        return (request, socket) -> RawHttpServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: " + bomb.length + "\r\n\r\n", bomb);
    }

    /** A JSON array of spaces, gzipped: it compresses about a thousandfold. */
    static byte[] gzipBomb(int inflatedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            byte[] spaces = new byte[1 << 16];
            Arrays.fill(spaces, (byte) ' ');
            gz.write('[');
            for (int written = 1; written < inflatedBytes; written += spaces.length) {
                gz.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Forwards each request to {@code upstream} and answers as an HTTP/1.0 server does: no Content-Length, no chunks,
     * {@code Connection: close}, the end of the body being the end of the connection.
     */
    public static RawHttpServer.Behaviour http10Proxy(URI upstream) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return (request, socket) -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + request.target()))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            String contentType = request.headers().get("content-type");
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while forwarding");
            }
            StringBuilder head = new StringBuilder("HTTP/1.0 ").append(answer.statusCode()).append(" Answer\r\n");
            answer.headers().firstValue("Content-Type").ifPresent(ct -> head.append("Content-Type: ").append(ct).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            RawHttpServer.write(socket, head.toString(), answer.body());
        };
    }
}
