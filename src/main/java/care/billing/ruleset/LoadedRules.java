package care.billing.ruleset;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;

import java.time.Instant;
import java.util.List;

/**
 * An immutable, compiled snapshot of a rules directory. Evaluations take one snapshot at their
 * start and use it to the end, so a reload never mixes two versions in one result.
 */
public record LoadedRules(
        KieBase kieBase,
        ReleaseId releaseId,
        DataTables tables,
        String version,
        List<String> files,
        Instant loadedAt) {
}
