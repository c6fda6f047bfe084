package care.billing.web;

import care.billing.app.Components;
import care.billing.evaluation.BillingMetrics;
import care.billing.evaluation.BillingMetrics.Outcome;
import care.billing.evaluation.EvaluationRequest;
import care.billing.evaluation.batch.BatchEvaluator;
import care.billing.evaluation.batch.BatchStats;
import care.billing.evaluation.batch.LineResult;
import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /api/v1/evaluations/batch}: NDJSON in, NDJSON out, one result per input line in input
 * order; a bad line gets a problem object on its line and the rest go on. With
 * {@code Accept: application/fhir+ndjson} each evaluated line is a FHIR R4 Bundle.
 */
@Path("/api/v1/evaluations/batch")
@ApplicationScoped
public class BatchResource {

    private static final Logger LOG = Logger.getLogger(BatchResource.class);

    private final RulesService rules;
    private final BatchEvaluator batch;
    private final BillingMetrics metrics;
    private final FhirOutput fhir;
    private final ExecutorService workers;

    public BatchResource(RulesService rules, Components components, ObjectMapper mapper, FhirOutput fhir) {
        this.rules = rules;
        this.metrics = components.metrics();
        this.fhir = fhir;
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(cores, runnable -> {
            Thread thread = new Thread(runnable, "batch-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.batch = components.batchEvaluator(mapper, workers, cores * 2);
    }

    @POST
    @Consumes(Media.NDJSON)
    @Produces({Media.NDJSON, Media.FHIR_NDJSON})
    @Operation(summary = "Evaluate many service months: one request per line in, one result per line out, in order",
            description = "Each input line is one evaluation request (the body of POST /api/v1/evaluations on one line); "
                    + "blank lines are skipped but counted. Each output line answers one input line, in input order, "
                    + "streamed as results are ready: the evaluation response (with Accept: application/fhir+ndjson, a "
                    + "FHIR R4 Bundle of Claims), or, for a line that was not evaluated, a problem object naming the "
                    + "line (its status says why: 400 invalid, 413 longer than billing.limits.max-body-bytes, 500). A bad "
                    + "line never stops the batch. The whole batch uses the rules serving when it started.")
    @RequestBody(required = true, description = "One evaluation request per line (NDJSON).",
            content = @Content(mediaType = Media.NDJSON, schema = @Schema(implementation = EvaluationRequest.class),
                    examples = @ExampleObject(name = "readme", ref = "EvaluationRequestLine")))
    @APIResponse(responseCode = "200", description = "One result per non-blank input line, in input order.", content = {
            @Content(mediaType = Media.NDJSON, schema = @Schema(ref = "BatchResultLine"),
                    examples = @ExampleObject(name = "lines", ref = "BatchResultLines")),
            @Content(mediaType = Media.FHIR_NDJSON, schema = @Schema(ref = "FhirBatchResultLine"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "RulesNotLoaded")
    public Response evaluate(@Context HttpHeaders headers, InputStream body) {
        LoadedRules snapshot = RulesNotLoadedException.serving(rules);
        boolean asFhir = Media.prefers(headers, Media.FHIR_NDJSON, Media.NDJSON);
        BatchEvaluator pipeline = asFhir
                ? batch.writing((input, evaluation) -> fhir.jsonBytes(input.requestId(), evaluation)) : batch;
        StreamingOutput results = output -> {
            long start = System.nanoTime();
            OutputStream out = new BufferedOutputStream(output, 1 << 16);
            BatchStats stats = pipeline.run(snapshot, body, out, this::count);
            LOG.infof("Batch: %d lines, %d evaluated, %d rejected, %d claim lines in %d ms", stats.lines(),
                    stats.evaluated(), stats.rejected(), stats.claimLines(), (System.nanoTime() - start) / 1_000_000);
        };
        return Response.ok(results, asFhir ? Media.FHIR_NDJSON : Media.NDJSON).build();
    }

    private void count(LineResult line) {
        if (line.evaluated()) {
            metrics.batchLine(Outcome.EVALUATED);
            metrics.results(line.evaluation());
        } else {
            metrics.batchLine(Outcome.of(line.problem()));
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
