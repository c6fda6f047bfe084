package care.billing.web;

import care.billing.app.Components;
import care.billing.config.BillingConfig;
import care.billing.evaluation.BillingMetrics;
import care.billing.evaluation.BillingMetrics.Outcome;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationRequest;
import care.billing.evaluation.EvaluationResponse;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.FieldError;
import care.billing.evaluation.FiringLog;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.OverBudgetException;
import care.billing.evaluation.Problem;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.RequestTooLargeException;
import care.billing.evaluation.RuleLoopException;
import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.Vocabulary;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/evaluations}: one service month in, claim lines and findings out, as JSON or FHIR R4.
 *
 * <p>Non-blocking: Quarkus REST reads a body of up to {@code quarkus.rest.input-buffer-size} (10 KB, about
 * 40 time entries) whole into memory before this method runs, on the I/O thread that received it, and the
 * evaluation runs right there, which spares the hand-over to a worker thread and back (docs/performance.md
 * "Single requests on the I/O thread"). There its rules get a budget ({@code billing.engine.io-max-firings},
 * {@code io-max-millis}: 10,000 firings and 50 ms; a small request takes tens of firings and well under a
 * millisecond); past it the evaluation is dropped and done again on a worker thread with the full limits,
 * so no evaluation holds an I/O thread for longer. A larger body arrives on a worker thread as a stream and
 * is evaluated there.
 */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private static final Logger LOG = Logger.getLogger(EvaluationResource.class);

    private final RulesService rules;
    private final RequestReader reader;
    private final Evaluator evaluator;
    private final BillingMetrics metrics;
    private final FhirOutput fhir;
    private final Evaluator ioEvaluator;
    private final int maxBodyBytes;

    public EvaluationResource(RulesService rules, Components components, FhirOutput fhir, BillingConfig config) {
        this.rules = rules;
        this.reader = components.reader();
        this.evaluator = components.servingEvaluator();
        this.ioEvaluator = evaluator.withinBudget(config.engine().ioMaxFirings(), config.engine().ioMaxMillis());
        this.metrics = components.metrics();
        this.fhir = fhir;
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Media.FHIR_JSON})
    @Operation(summary = "Evaluate one service month",
            description = "Inserts the month's patients, staff and time entries into the payer rules and answers the claim "
                    + "lines they produce, and findings that explain every minute that did not count. With "
                    + "Accept: application/fhir+json the claim lines come as a FHIR R4 Bundle of Claims instead "
                    + "(findings are not part of it). Bad input is rejected whole (400) naming every offending field.")
    @RequestBody(required = true, description = "One service month. Any content type is read as JSON (UTF-8).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationRequest.class),
                    examples = @ExampleObject(name = "readme", ref = "EvaluationRequest")))
    @APIResponse(responseCode = "200", description = "The month's claim lines and findings.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponse.class),
                    examples = @ExampleObject(name = "readme", ref = "EvaluationResponse")),
            @Content(mediaType = Media.FHIR_JSON, schema = @Schema(ref = "FhirClaimBundle"),
                    examples = @ExampleObject(name = "fhir", ref = "FhirClaimBundle"))})
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "500", ref = "ServerError")
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Uni<Response> evaluate(
            @Parameter(description = "true: add, per patient, every rule that fired, in firing order (JSON only).",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("explain") String explain,
            @jakarta.ws.rs.core.Context HttpHeaders headers, InputStream body) {
        boolean asFhir = Media.prefers(headers, Media.FHIR_JSON, MediaType.APPLICATION_JSON);
        if (!Context.isOnEventLoopThread()) {
            // Quarkus REST handed a body larger than its input buffer to a worker thread, as a stream.
            return Uni.createFrom().item(() -> answer(read(body, explain), explain, asFhir, evaluator));
        }
        // Should a body reach an I/O thread not yet read whole (Quarkus REST does not do that today), it is read
        // on a worker thread; so is FHIR output while HAPI is still reading its R4 model (seconds, once after start).
        if (!(body instanceof ByteArrayInputStream) || asFhir && !fhir.ready()) {
            return onWorker(() -> answer(read(body, explain), explain, asFhir, evaluator));
        }
        Read read = read(body, explain);
        try {
            return Uni.createFrom().item(answer(read, explain, asFhir, ioEvaluator));
        } catch (OverBudgetException e) {
            return onWorker(() -> answer(read, explain, asFhir, evaluator));
        }
    }

    private static Uni<Response> onWorker(Supplier<Response> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A request read against the rules snapshot that will evaluate it. */
    private record Read(LoadedRules snapshot, EvaluationInput input) {
    }

    private Read read(InputStream body, String explain) {
        LoadedRules snapshot = RulesNotLoadedException.serving(rules);
        return new Read(snapshot, read(body, explain, snapshot.tables().vocabulary()));
    }

    /** Evaluates and answers; a refusal is thrown as its problem, a budget overrun as {@link OverBudgetException}. */
    private Response answer(Read read, String explain, boolean asFhir, Evaluator evaluator) {
        EvaluationInput input = read.input();
        FiringLog firings = "true".equals(explain) && !asFhir ? new FiringLog() : null;
        long start = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = evaluator.evaluate(read.snapshot(), input, firings);
        } catch (RuleLoopException e) {
            metrics.evaluation(Outcome.RULES_LOOP);
            LOG.error("Evaluation stopped: " + e.getMessage());
            return ProblemMappers.response(Problem.rulesLoop(input.requestId(), e.getMessage()));
        }
        metrics.evaluation(Outcome.EVALUATED);
        metrics.results(evaluation);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Evaluated month %s: %d patients, %d entries, %d lines, %d findings in %d µs on %s",
                    input.month().month(), input.patients().size(), input.entries().size(),
                    evaluation.claimLines().size(), evaluation.findings().size(), (System.nanoTime() - start) / 1000,
                    Context.isOnEventLoopThread() ? "the I/O thread" : "a worker thread");
        }
        if (asFhir) {
            return Response.ok(fhir.json(input.requestId(), evaluation), Media.FHIR_JSON).build();
        }
        return Response.ok(EvaluationResponse.of(input.requestId(), evaluation, firings == null ? null : firings.byPatient()),
                MediaType.APPLICATION_JSON).build();
    }

    /** The body as facts, or every offending field of it and of the query: nothing is evaluated then. */
    private EvaluationInput read(InputStream body, String explain, Vocabulary vocabulary) {
        FieldError badExplain = explain == null || explain.equals("true") || explain.equals("false") ? null
                : FieldError.parameter("explain", "must be true or false");
        try {
            EvaluationInput input = reader.read(BoundedBody.read(body, maxBodyBytes, "an evaluation request"), vocabulary);
            if (badExplain != null) {
                throw new InvalidRequestException(List.of(badExplain), input.requestId());
            }
            return input;
        } catch (InvalidRequestException e) {
            metrics.evaluation(Outcome.REJECTED);
            if (badExplain == null || e.errors().contains(badExplain)) {
                throw e;
            }
            List<FieldError> errors = new ArrayList<>(e.errors());
            errors.add(0, badExplain);
            throw new InvalidRequestException(errors, e.requestId());
        } catch (RequestTooLargeException e) {
            metrics.evaluation(Outcome.TOO_LARGE);
            throw e;
        }
    }
}
