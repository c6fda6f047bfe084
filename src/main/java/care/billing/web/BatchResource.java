package care.billing.web;

import care.billing.app.Components;
import care.billing.evaluation.batch.BatchEvaluator;
import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /api/v1/evaluations/batch}: NDJSON in, NDJSON out, one result per input line in input
 * order; a bad line gets a problem object on its line and the rest go on.
 */
@Path("/api/v1/evaluations/batch")
@ApplicationScoped
public class BatchResource {

    static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(BatchResource.class);

    private final RulesService rules;
    private final BatchEvaluator batch;
    private final ExecutorService workers;

    public BatchResource(RulesService rules, Components components, ObjectMapper mapper) {
        this.rules = rules;
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(cores, runnable -> {
            Thread thread = new Thread(runnable, "batch-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.batch = components.batchEvaluator(mapper, workers, cores * 2);
    }

    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Evaluate many service months: one request per line in, one result per line out, in order")
    public StreamingOutput evaluate(InputStream body) {
        LoadedRules snapshot = rules.current().orElseThrow(() -> new ServiceUnavailableException("rules are not loaded"));
        return output -> {
            long start = System.nanoTime();
            OutputStream out = new BufferedOutputStream(output, 1 << 16);
            BatchEvaluator.Stats stats = batch.run(snapshot, body, out, line -> { });
            LOG.infof("Batch: %d lines, %d evaluated, %d rejected, %d claim lines in %d ms", stats.lines(),
                    stats.evaluated(), stats.rejected(), stats.claimLines(), (System.nanoTime() - start) / 1_000_000);
        };
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
