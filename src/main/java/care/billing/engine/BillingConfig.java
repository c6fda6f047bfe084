package care.billing.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration under {@code billing.*}; every key is explained in application.properties. */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    Rules rules();

    Engine engine();

    Limits limits();

    Batch batch();

    interface Batch {
        /** Batch lines evaluated together in one rules session (per worker). */
        @WithDefault("50")
        int chunkSize();
    }

    interface Rules {
        /** Directory of the editable rule files, relative to the working directory. */
        @WithDefault("rules")
        String dir();
    }

    interface Engine {
        /** Rule firings allowed for one evaluation before it is stopped as a loop. */
        @WithDefault("200000")
        int maxFirings();

        /** Milliseconds one evaluation's rules may run before they are halted. */
        @WithDefault("10000")
        long maxMillis();
    }

    interface Limits {
        /** Time entries allowed in one evaluation (413 above). */
        @WithDefault("10000")
        int maxEntries();

        /** Bytes allowed in one evaluation request body (413 above). */
        @WithDefault("5242880")
        int maxBodyBytes();
    }
}
