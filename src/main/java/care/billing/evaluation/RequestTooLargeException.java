package care.billing.evaluation;

/** The request is over a configured size or count limit (413). */
public class RequestTooLargeException extends RuntimeException {

    private final String requestId;

    public RequestTooLargeException(String message) {
        this(message, null);
    }

    /** @param requestId the request's requestId when it could be read, else null */
    public RequestTooLargeException(String message, String requestId) {
        super(message);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }

    public Problem problem() {
        return Problem.tooLarge(requestId, getMessage());
    }
}
