package care.billing.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An error answered while the request body is still arriving closes an HTTP/1.x connection once
 * the answer is written and at most {@value #LINGER_BYTES} more bytes are discarded. Otherwise the
 * server would go on reading, and discarding, whatever the client still sends, up to the HTTP
 * ceiling (4 GB, sized for streamed batches): a 413 for an over-long body, a 401 or 403 from the
 * rules administration, which are decided before any resource reads the body. Other error answers
 * keep the connection for the next request.
 * HTTP/2 forbids the Connection header and multiplexes other requests on the connection; there the
 * answer goes as it is and flow control stops the sender. Successful answers are left alone: the
 * batch endpoint streams its results while the upload is still arriving.
 */
@ApplicationScoped
public class UnreadBodyGuard {

    /** What is read and discarded after an error answer, at most, before the connection is closed. */
    static final long LINGER_BYTES = 16L * 1024 * 1024;
    static final long LINGER_MILLIS = 5_000;
    /** A client that sends nothing for this long is not waited for. */
    static final long LINGER_IDLE_MILLIS = 500;

    /**
     * Connections told {@code Connection: close}: a request pipelined behind the refused one is not
     * served (RFC 9112 §9.6), though Vert.x would still dispatch it. Weak keys: a closed connection
     * leaves with its last reference.
     */
    private static final Set<HttpConnection> CLOSING =
            Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    /** Before every other route, Quarkus security included. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(UnreadBodyGuard::guard);
    }

    private static void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() == HttpVersion.HTTP_2) {
            context.next();
            return;
        }
        if (CLOSING.contains(request.connection())) {
            request.connection().close();
            return;
        }
        context.addHeadersEndHandler(written -> {
            if (context.response().getStatusCode() >= 400 && bodyStillComing(request)) {
                CLOSING.add(request.connection());
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                context.addBodyEndHandler(sent -> new Linger(context.vertx(), request.connection()).start(request));
            }
        });
        context.next();
    }

    /**
     * Reads and discards what the client still sends, up to {@value #LINGER_BYTES} bytes or
     * {@value #LINGER_MILLIS} ms, or until it pauses {@value #LINGER_IDLE_MILLIS} ms, then closes.
     * Closing at once, with the client's data unread, makes the server's kernel reset the
     * connection, and a client that writes its whole body before reading (most HTTP libraries)
     * would see the reset instead of the answer. The request's handlers run on the connection's
     * event loop; the timer may not, hence the atomic and volatile fields.
     */
    private static final class Linger {

        private final Vertx vertx;
        private final HttpConnection connection;
        private final long deadline;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long lastData;
        private long left = LINGER_BYTES;

        Linger(Vertx vertx, HttpConnection connection) {
            this.vertx = vertx;
            this.connection = connection;
            this.lastData = System.nanoTime();
            this.deadline = lastData + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        }

        void start(HttpServerRequest request) {
            long idle = TimeUnit.MILLISECONDS.toNanos(LINGER_IDLE_MILLIS);
            vertx.setPeriodic(LINGER_IDLE_MILLIS / 5, timer -> {
                long now = System.nanoTime();
                if (closed.get() || now - lastData > idle || now > deadline) {
                    vertx.cancelTimer(timer);
                    close();
                }
            });
            try {
                request.handler(data -> {
                    lastData = System.nanoTime();
                    left -= data.length();
                    if (left < 0) {
                        close();
                    }
                });
                request.endHandler(end -> close());
                request.exceptionHandler(failed -> close());
                request.resume();
            } catch (IllegalStateException ended) {
                close();
            }
        }

        private void close() {
            if (closed.compareAndSet(false, true)) {
                connection.close();
            }
        }
    }

    /**
     * Whether an announced body has not all been read yet: a request without a body, or whose body
     * was read to the end, keeps its connection for the next request. Vert.x counts only the bytes
     * handed on, so a small body refused unread (a 401 on a short POST) closes the connection too.
     */
    private static boolean bodyStillComing(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && request.bytesRead() < Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return false; // refused by Vert.x before any route
        }
    }
}
