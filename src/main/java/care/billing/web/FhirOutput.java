package care.billing.web;

import care.billing.config.BillingConfig;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.fhir.FhirClaims;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The FHIR R4 claim output (api.md "Claim output as FHIR R4"). HAPI reads its R4 model on first use,
 * which takes seconds; with {@code billing.fhir.warm-up} that happens on a background thread once the
 * service has started, so that neither startup nor the first FHIR request waits for it. Plain JSON
 * never touches it.
 */
@ApplicationScoped
public class FhirOutput {

    private volatile FhirClaims claims;

    void warmUp(@Observes StartupEvent event, BillingConfig config) {
        if (config.fhir().warmUp()) {
            Thread thread = new Thread(this::claims, "fhir-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
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
