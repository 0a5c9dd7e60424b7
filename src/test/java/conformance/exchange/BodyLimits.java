package conformance.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.http.Header;
import org.apache.http.HttpConnection;
import org.apache.http.HttpEntity;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.conn.ConnectionReleaseTrigger;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.protocol.HttpCoreContext;

/**
 * Bounds what one response may cost, whatever the target does:
 * <ul>
 * <li>memory: at most {@code cap} body bytes are kept, counted after gzip/deflate decoding (a gzip bomb is cut like
 * any other big body), and the rest is never read: the connection is shut instead of drained;</li>
 * <li>time: once the request is on the wire, the whole answer, headers and body, must arrive within the timeout
 * (connecting has its own timeout); when it has not, a watchdog shuts the connection, so neither dripped headers, a
 * dripped body nor an endless one can hold a run.</li>
 * </ul>
 * It also watches the connection a request goes out on: whether it was kept alive from earlier requests, whether
 * any answer came, and it cuts it when the exchanger is stopped. One instance serves one exchanger, which sends one
 * request at a time.
 */
final class BodyLimits {
    private final int cap;
    private final Duration timeout;
    private final boolean tunnelled;
    private final ScheduledThreadPoolExecutor watchdog;
    private long request;
    private boolean inFlight;
    private HttpConnection connection;
    private long earlierRequestsOnConnection;
    private long idleMillis;
    private long lastFinished;
    private boolean answerStarted;
    private boolean resent;
    private boolean stopped;
    private ScheduledFuture<?> alarm;
    private volatile boolean truncated;
    private volatile boolean expired;

    /** @param tunnelled requests go through a proxy's CONNECT tunnel, whose CONNECT is the first request of a connection */
    BodyLimits(int cap, Duration timeout, boolean tunnelled) {
        this.cap = cap;
        this.timeout = timeout;
        this.tunnelled = tunnelled;
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "conformance-request-watchdog");
            t.setDaemon(true);
            return t;
        });
        // no lifecycle to manage: cancelled alarms leave the queue, and the idle thread ends by itself
        watchdog.setRemoveOnCancelPolicy(true);
        watchdog.setKeepAliveTime(1, TimeUnit.SECONDS);
        watchdog.allowCoreThreadTimeOut(true);
    }

    synchronized void start() {
        ++request;
        inFlight = true;
        connection = null;
        earlierRequestsOnConnection = 0;
        idleMillis = 0;
        answerStarted = false;
        resent = false;
        alarm = null;
        truncated = false;
        expired = false;
    }

    /** Ends the request; a failed one gives its connection up, so a half-read answer never reaches the next request. */
    synchronized void finish(boolean failed) {
        inFlight = false;
        lastFinished = System.nanoTime();
        if (alarm != null) {
            alarm.cancel(false);
        }
        if (failed && connection instanceof ConnectionReleaseTrigger trigger) {
            try {
                trigger.abortConnection();
            } catch (IOException e) {
                // the connection is being discarded anyway
            }
        }
        connection = null;
    }

    boolean truncated() {
        return truncated;
    }

    /** Whether the watchdog had to cut the answer off: whatever came back is incomplete. */
    boolean expired() {
        return expired;
    }

    private synchronized void expire(long id) {
        if (id == request && inFlight) {
            expired = true;
            shut(connection);
        }
    }

    /** How many requests the connection of the current one had carried before it: 0 for a new connection. */
    synchronized long earlierRequestsOnConnection() {
        return earlierRequestsOnConnection;
    }

    /** How long that kept-alive connection had been idle before the current request. */
    synchronized long idleMillis() {
        return idleMillis;
    }

    /** Whether the head of an answer to the current request arrived. */
    synchronized boolean answerStarted() {
        return answerStarted;
    }

    /** Marks the current request as sent again on a new connection (the kept-alive one broke before it was written). */
    synchronized void resent() {
        resent = true;
    }

    synchronized boolean wasResent() {
        return resent;
    }

    /** From now on every request is cut as soon as it has a connection, and the one on the wire is cut now. */
    synchronized void stop() {
        stopped = true;
        if (inFlight) {
            shut(connection);
        }
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** The request is on the wire (connected, TLS done): its answer has the timeout from now. */
    private synchronized void attach(HttpConnection c) {
        connection = c;
        earlierRequestsOnConnection = c.getMetrics().getRequestCount() - (tunnelled ? 1 : 0);
        idleMillis = earlierRequestsOnConnection == 0 ? 0 : (System.nanoTime() - lastFinished) / 1_000_000;
        if (stopped) {
            shut(c);
            return;
        }
        long id = request;
        alarm = watchdog.schedule(() -> expire(id), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void shut(HttpConnection c) {
        if (c != null) {
            try {
                c.shutdown();
            } catch (IOException e) {
                // shutting a socket down is best effort: a failure leaves it as closed as it will get
            }
        }
    }

    HttpRequestInterceptor connectionWatcher() {
        return (request, context) -> {
            // a CONNECT to a proxy opens the tunnel: the request that goes through it is the one the timeout is for
            if (!connect(request)) {
                attach((HttpConnection) context.getAttribute(HttpCoreContext.HTTP_CONNECTION));
            }
        };
    }

    static boolean connect(HttpRequest request) {
        return "CONNECT".equalsIgnoreCase(request.getRequestLine().getMethod());
    }

    private synchronized void markAnswerStarted() {
        answerStarted = true;
    }

    HttpResponseInterceptor interceptor() {
        return (response, context) -> {
            if (context.getAttribute(HttpCoreContext.HTTP_REQUEST) instanceof HttpRequest r && connect(r)) {
                return;
            }
            markAnswerStarted();
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                String encoding = encoding(response.getFirstHeader("Content-Encoding"));
                response.setEntity(new HttpEntityWrapper(entity) {
                    @Override
                    public InputStream getContent() throws IOException {
                        return new Capped(decoded(super.getContent(), encoding));
                    }

                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public Header getContentEncoding() {
                        return null;
                    }
                });
            }
        };
    }

    private static String encoding(Header h) {
        return h == null ? "identity" : h.getValue().trim().toLowerCase(Locale.ROOT);
    }

    /** Decoded here rather than by REST Assured, so the cap counts the bytes that would land in memory. */
    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private final class Capped extends FilterInputStream {
        private long read;
        private boolean probed;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= cap) {
                if (!probed) {
                    // one byte more tells a body of exactly the cap from a longer one
                    probed = true;
                    truncated = super.read() >= 0;
                }
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, cap - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (truncated || expired) {
                // closing would drain the rest of the body (to reuse the connection): shut it instead
                synchronized (BodyLimits.this) {
                    shut(connection);
                }
            } else {
                super.close();
            }
        }
    }
}
