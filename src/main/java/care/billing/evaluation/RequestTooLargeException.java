package care.billing.evaluation;

/** The request is over a configured size or count limit (413). */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
