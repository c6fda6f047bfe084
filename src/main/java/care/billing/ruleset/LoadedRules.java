package care.billing.ruleset;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;

import java.time.Instant;
import java.util.List;

/**
 * An immutable, compiled snapshot of a rules directory. Evaluations take one snapshot at their
 * start and use it to the end, so a reload never mixes two versions in one result. Its reusable
 * sessions ({@link SessionPool}) live and die with it: {@link RuleCompiler#release} closes them.
 */
public record LoadedRules(
        KieBase kieBase,
        ReleaseId releaseId,
        DataTables tables,
        String version,
        List<String> files,
        Instant loadedAt,
        SessionPool sessions) {

    /** A snapshot with a session pool of its own over {@code kieBase}. */
    public LoadedRules(KieBase kieBase, ReleaseId releaseId, DataTables tables, String version, List<String> files,
                       Instant loadedAt) {
        this(kieBase, releaseId, tables, version, files, loadedAt, new SessionPool(kieBase, tables));
    }
}
