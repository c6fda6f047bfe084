package care.billing.web;

import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.Problem;
import care.billing.evaluation.RequestTooLargeException;
import care.billing.evaluation.RuleLoopException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; none carries a stack trace or request content beyond the field named. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return new Problem("/problems/invalid-request", "Invalid evaluation request", 400,
                e.errors().size() + " field(s) are invalid; nothing was evaluated", e.errors()).toResponse();
    }

    /** The rest of an over-long body is never read ({@link UnreadBodyGuard} closes an HTTP/1.x connection). */
    @ServerExceptionMapper
    public Response tooLarge(RequestTooLargeException e) {
        return new Problem("/problems/request-too-large", "Request too large", 413, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response rulesLoop(RuleLoopException e) {
        LOG.error("Evaluation stopped: " + e.getMessage());
        return new Problem("/problems/rules-loop", "The rules did not settle", 500, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage(), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while serving a request", e);
        return new Problem("/problems/internal", "Internal error", 500,
                "The service failed unexpectedly; the error is logged", null).toResponse();
    }
}
