package care.billing.evaluation;

import java.util.List;

/** The request is rejected whole; every offending field is named. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;
    private final String requestId;

    public InvalidRequestException(List<FieldError> errors) {
        this(errors, null);
    }

    /** @param requestId the request's requestId when it could be read, else null */
    public InvalidRequestException(List<FieldError> errors, String requestId) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
        this.requestId = requestId;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String requestId() {
        return requestId;
    }

    public Problem problem() {
        return Problem.invalid(requestId, errors);
    }
}
