package conformance.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;

/**
 * Bounds what one response may cost: at most {@code cap} body bytes are read (the rest is cut and the response
 * marked), and the whole body must arrive before the request's deadline, so a server that drips bytes cannot hold
 * a run. One instance serves one exchanger, which sends one request at a time.
 */
final class BodyLimits {
    private final int cap;
    private volatile boolean truncated;
    private volatile long deadlineNanos;

    BodyLimits(int cap) {
        this.cap = cap;
    }

    void startRequest(long deadline) {
        truncated = false;
        deadlineNanos = deadline;
    }

    boolean truncated() {
        return truncated;
    }

    HttpResponseInterceptor interceptor() {
        return (response, context) -> {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                response.setEntity(new HttpEntityWrapper(entity) {
                    @Override
                    public InputStream getContent() throws IOException {
                        return new Capped(super.getContent());
                    }

                    @Override
                    public long getContentLength() {
                        return -1;
                    }
                });
            }
        };
    }

    private final class Capped extends FilterInputStream {
        private long read;

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
            if (System.nanoTime() > deadlineNanos) {
                throw new SocketTimeoutException("the body did not arrive completely before the request timeout");
            }
            if (read >= cap) {
                truncated = true;
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, cap - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
