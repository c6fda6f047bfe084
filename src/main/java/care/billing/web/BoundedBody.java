package care.billing.web;

import care.billing.evaluation.RequestTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body of at most a limit without ever holding more: the HTTP ceiling
 * ({@code quarkus.http.limits.max-body-size}) is sized for streamed batch uploads, so every
 * endpoint that takes a whole body bounds it itself and answers 413 problem+json above the limit.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @param what names the body and the setting in the 413 detail, e.g. "an evaluation request"
     * @throws RequestTooLargeException when the body holds more than {@code maxBytes}
     */
    public static byte[] read(InputStream body, int maxBytes, String what) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1L));
            if (bytes.length > maxBytes) {
                throw new RequestTooLargeException(what + " may be at most " + maxBytes
                        + " bytes (billing.limits.max-body-bytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }
}
