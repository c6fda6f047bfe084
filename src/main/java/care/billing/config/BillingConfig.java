package care.billing.config;

import io.smallrye.config.ConfigMapping;

/**
 * Typed configuration under {@code billing.*}. Every value, default included, is set once in
 * {@code application.properties}, where each key is explained; the service and the command line both
 * read it through this mapping (care.billing.app.Components).
 */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    Rules rules();

    Engine engine();

    Limits limits();

    Batch batch();

    Fhir fhir();

    Governance governance();

    interface Governance {
        /** Directory of the workbench's drafts and its git history of published versions. */
        String dir();

        /** Whether an approver who last edited a draft is refused its publication. */
        boolean fourEyes();
    }

    interface Fhir {
        /** Whether HAPI's R4 model is read on a background thread after startup rather than by the first FHIR request. */
        boolean warmUp();
    }

    interface Batch {
        /** Batch lines evaluated together in one rules session (per worker). */
        int chunkSize();
    }

    interface Rules {
        /** Directory of the editable rule files, relative to the working directory. */
        String dir();
    }

    interface Engine {
        /** Rule firings allowed for one evaluation before it is stopped as a loop. */
        int maxFirings();

        /** Milliseconds one evaluation's rules may run before they are halted. */
        long maxMillis();

        /** Whether the service's evaluations take their sessions from a pool per rules snapshot rather than building one each. */
        boolean reuseSessions();

        /** Rule firings an evaluation on an I/O thread may take before it is handed to a worker thread. */
        int ioMaxFirings();

        /** Milliseconds an evaluation's rules may run on an I/O thread before it is handed to a worker thread. */
        long ioMaxMillis();
    }

    interface Limits {
        /** Time entries allowed in one evaluation (413 above). */
        int maxEntries();

        /** Bytes allowed in one evaluation request body (413 above). */
        int maxBodyBytes();
    }
}
