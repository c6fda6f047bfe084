package care.billing.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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

    /** Before every other route, Quarkus security included. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(UnreadBodyGuard::guard);
    }

    private static void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() != HttpVersion.HTTP_2) {
            context.addHeadersEndHandler(written -> {
                if (context.response().getStatusCode() >= 400 && bodyStillComing(request)) {
                    context.response().putHeader(HttpHeaders.CONNECTION, "close");
                    context.addBodyEndHandler(sent -> linger(context.vertx(), request));
                }
            });
        }
        context.next();
    }

    /**
     * Reads and discards what the client still sends, up to {@value #LINGER_BYTES} bytes or
     * {@value #LINGER_MILLIS} ms, then closes. Closing at once, with the client's data unread,
     * makes the server's kernel reset the connection, and a client that writes its whole body
     * before reading (most HTTP libraries) would see the reset instead of the answer.
     */
    private static void linger(Vertx vertx, HttpServerRequest request) {
        HttpConnection connection = request.connection();
        long timer = vertx.setTimer(LINGER_MILLIS, late -> connection.close());
        Runnable close = () -> {
            vertx.cancelTimer(timer);
            connection.close();
        };
        try {
            long[] left = {LINGER_BYTES};
            request.handler(data -> {
                left[0] -= data.length();
                if (left[0] < 0) {
                    close.run();
                }
            });
            request.endHandler(end -> close.run());
            request.exceptionHandler(failed -> close.run());
            request.resume();
        } catch (IllegalStateException ended) {
            close.run();
        }
    }

    /**
     * Whether an announced body has not all been read yet: a request without a body, or whose body
     * was read to the end, keeps its connection for the next request. Vert.x counts only the bytes
     * handed on, so a small body refused unread (a 401 on a short POST) closes the connection too.
     */
    static boolean bodyStillComing(HttpServerRequest request) {
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
