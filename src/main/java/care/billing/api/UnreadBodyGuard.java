package care.billing.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * An error answered while the request body is still arriving closes an HTTP/1.x connection once
 * the answer is written. Otherwise the server would go on reading, and discarding, whatever the
 * client still sends, up to the HTTP ceiling (4 GB, sized for streamed batches): a 413 for an
 * over-long body, a 401 or 403 from the rules administration, which are decided before any
 * resource reads the body. Other error answers keep the connection for the next request.
 * HTTP/2 forbids the Connection header and multiplexes other requests on the connection; there the
 * answer goes as it is and flow control stops the sender. Successful answers are left alone: the
 * batch endpoint streams its results while the upload is still arriving.
 */
@ApplicationScoped
public class UnreadBodyGuard {

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
                    context.addBodyEndHandler(sent -> request.connection().close());
                }
            });
        }
        context.next();
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
