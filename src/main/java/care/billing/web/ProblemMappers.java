package care.billing.web;

import care.billing.evaluation.FieldError;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.JsonErrors;
import care.billing.evaluation.Problem;
import care.billing.evaluation.RequestTooLargeException;
import care.billing.evaluation.RuleLoopException;
import care.billing.governance.WorkbenchRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Every error leaves as problem+json ({@link Problem}) in the caller's words: no stack trace, no Java
 * class, parser or framework wording, no request content beyond the field named.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The challenge of a 401: HTTP Basic (the rules administration). */
    static final String CHALLENGE = "Basic realm=\"billing\", charset=\"UTF-8\"";

    private final Refusals refusals;
    private final String formPostLocation;
    private final Optional<String> formErrorPage;

    public ProblemMappers(Refusals refusals,
                          @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                          String formPostLocation,
                          @ConfigProperty(name = "quarkus.http.auth.form.error-page") Optional<String> formErrorPage) {
        this.refusals = refusals;
        this.formPostLocation = formPostLocation;
        this.formErrorPage = formErrorPage;
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Media.PROBLEM).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return response(e.problem());
    }

    @ServerExceptionMapper
    public Response invalidBody(InvalidBodyException e) {
        return response(e.problem());
    }

    /** The rest of an over-long body is never read ({@link UnreadBodyGuard} closes an HTTP/1.x connection). */
    @ServerExceptionMapper
    public Response tooLarge(RequestTooLargeException e) {
        return response(e.problem());
    }

    @ServerExceptionMapper
    public Response rulesLoop(RuleLoopException e) {
        LOG.error("Evaluation stopped: " + e.getMessage());
        return response(Problem.rulesLoop(null, e.getMessage()));
    }

    /** A workbench step refused before anything changed: the draft and the rules serving are as they were. */
    @ServerExceptionMapper
    public Response refused(WorkbenchRefusal e) {
        return response(switch (e.reason()) {
            case BAD_PATH -> Problem.invalidBody(List.of(FieldError.parameter("path", e.getMessage())));
            case NOT_FOUND -> Problem.refused(404, "/problems/not-found", "Not found", e.getMessage());
            case FOUR_EYES -> Problem.refused(403, "/problems/four-eyes", "Another approver must publish this draft",
                    e.getMessage());
            case STALE -> Problem.refused(409, "/problems/stale-draft", "The draft's base no longer serves",
                    e.getMessage());
        });
    }

    @ServerExceptionMapper
    public Response notLoaded(RulesNotLoadedException e) {
        return response(Problem.rulesNotLoaded());
    }

    /** A body the framework read into an object (not an evaluation request) that is not what the endpoint takes. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e) {
        return response(Problem.invalidBody(List.of(JsonErrors.of(e))));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        if (formErrorPage.isPresent() && request.method() == HttpMethod.POST && request.path().equals(formPostLocation)) {
            // a wrong password in the console's login form: back to the login page, which says so
            return Response.status(Response.Status.FOUND).location(URI.create(formErrorPage.get()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return Response.fromResponse(response(Problem.http(401, "Unauthorized",
                        "this endpoint needs a user name and password (HTTP Basic) of a user with a rules role")))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.http(403, "Forbidden", "this user does not have the role this endpoint needs"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        return response(refusals.problem(e, request.getMethod(), uri.getPath(), headers));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while serving a request", e);
        return response(Problem.internal(null));
    }
}
