package care.billing.web;

import care.billing.config.BillingConfig;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.fhir.FhirClaims;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * The FHIR R4 claim output (docs/api.md "Claim output as FHIR R4"). HAPI reads its R4 model on first use,
 * which takes seconds; with {@code billing.fhir.warm-up} that happens on a background thread once the
 * rules have loaded, so that neither readiness nor the first FHIR request waits for it. Plain JSON
 * never touches it.
 */
@ApplicationScoped
public class FhirOutput {

    private static final Logger LOG = Logger.getLogger(FhirOutput.class);

    private volatile FhirClaims claims;

    /** After the rules have loaded (RulesService observes startup first), so that readiness does not wait for it. */
    void warmUp(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event, BillingConfig config) {
        if (config.fhir().warmUp()) {
            Thread thread = new Thread(() -> {
                long start = System.nanoTime();
                claims();
                LOG.infof("FHIR output ready: HAPI's R4 model read in %d ms", (System.nanoTime() - start) / 1_000_000);
            }, "fhir-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** Whether HAPI's model is read, so that writing FHIR takes no more than its own work. */
    public boolean ready() {
        return claims != null;
    }

    public String json(String requestId, Evaluation evaluation) {
        return claims().json(requestId, evaluation);
    }

    public byte[] jsonBytes(String requestId, Evaluation evaluation) {
        return claims().jsonBytes(requestId, evaluation);
    }

    private FhirClaims claims() {
        FhirClaims loaded = claims;
        if (loaded == null) {
            synchronized (this) {
                if (claims == null) {
                    claims = FhirClaims.warmedUp();
                }
                loaded = claims;
            }
        }
        return loaded;
    }
}
