package care.billing.web;

import care.billing.config.BillingConfig;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationRequest;
import care.billing.evaluation.EvaluationResponse;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.FiringLog;
import care.billing.evaluation.RequestReader;
import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;

import java.io.InputStream;

/** {@code POST /api/v1/evaluations}: one service month in, claim lines and findings out. */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private static final Logger LOG = Logger.getLogger(EvaluationResource.class);

    private final RulesService rules;
    private final RequestReader reader;
    private final Evaluator evaluator;
    private final int maxBodyBytes;

    public EvaluationResource(RulesService rules, RequestReader reader, Evaluator evaluator, BillingConfig config) {
        this.rules = rules;
        this.reader = reader;
        this.evaluator = evaluator;
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate one service month",
            description = "Inserts the month's patients, staff and time entries into the payer rules and returns the "
                    + "claim lines they produce and findings that explain every entry that did not count.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class)))
    public EvaluationResponse evaluate(
            @Parameter(description = "Add the rules fired for each patient, in order") @QueryParam("explain") boolean explain,
            InputStream body) {
        LoadedRules snapshot = rules.current()
                .orElseThrow(() -> new ServiceUnavailableException("rules are not loaded"));
        EvaluationInput input = reader.read(BoundedBody.read(body, maxBodyBytes, "an evaluation request"),
                snapshot.tables().vocabulary());
        long start = System.nanoTime();
        FiringLog firings = explain ? new FiringLog() : null;
        EvaluationResponse response = EvaluationResponse.of(evaluator.evaluate(snapshot, input, firings),
                explain ? firings.byPatient() : null);
        LOG.debugf("Evaluated month %s: %d patients, %d entries, %d lines, %d findings in %d µs",
                input.month().month(), input.patients().size(), input.entries().size(),
                response.claimLines().size(), response.findings().size(), (System.nanoTime() - start) / 1000);
        return response;
    }
}
