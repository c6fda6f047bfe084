package care.billing.governance;

import care.billing.config.BillingConfig;
import care.billing.evaluation.BillingMetrics;
import care.billing.ruleset.EarlyCompile;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.RuleProblemsException;
import care.billing.scenarios.RuleCoverage;
import care.billing.scenarios.ScenarioResult;
import care.billing.scenarios.ScenarioSuite;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rules currently serving, as one atomic reference to an immutable snapshot, and changes
 * them only through a gate: a reload compiles the rules directory into a new snapshot, runs every
 * scenario against it, and swaps only if both succeed. Evaluations take the reference once, so a
 * request in flight finishes on the rules it started with.
 */
@ApplicationScoped
public class RulesService {

    private static final Logger LOG = Logger.getLogger(RulesService.class);
    private static final int HISTORY = 100;

    private final BillingConfig config;
    private final RuleCompiler compiler = new RuleCompiler();
    private final ScenarioSuite gate;
    private final Clock clock;
    private final BillingMetrics metrics;
    private final AtomicReference<LoadedRules> current = new AtomicReference<>();
    private final List<ReloadRecord> history = new ArrayList<>();

    public RulesService(BillingConfig config, ScenarioSuite gate, Clock clock, BillingMetrics metrics) {
        this.config = config;
        this.gate = gate;
        this.clock = clock;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = rulesDirectory();
        try {
            RuleFiles files = RuleFiles.read(dir);
            Optional<LoadedRules> early = EarlyCompile.take(files);
            LoadedRules rules = early.isPresent() ? early.get() : compiler.compile(files);
            current.set(rules);
            metrics.serving(rules.version());
            record("startup", rules.version(), "LOADED", rules.files().size() + " rule files");
            LOG.infof("Loaded %d rule files from %s, version %s", rules.files().size(), dir.toAbsolutePath(), rules.version());
        } catch (RuleProblemsException e) {
            record("startup", null, "REJECTED", e.problems().size() + " problem(s)");
            LOG.errorf("Rules in %s did not load; the service stays not ready. %d problem(s):", dir.toAbsolutePath(),
                    e.problems().size());
            e.problems().forEach(p -> LOG.error("  " + p));
        }
    }

    public Path rulesDirectory() {
        return Path.of(config.rules().dir());
    }

    /** The snapshot serving now, if rules are loaded. */
    public Optional<LoadedRules> current() {
        return Optional.ofNullable(current.get());
    }

    /** Compiles the rules directory, with {@code overlay} files (path to content) replacing or adding files. */
    public RuleFiles candidateFiles(Map<String, String> overlay) throws RuleProblemsException {
        RuleFiles onDisk = RuleFiles.read(rulesDirectory());
        return overlay.isEmpty() ? onDisk : onDisk.withOverlay(overlay);
    }

    /** Compiles without loading: the problems, or none. */
    public List<RuleProblem> validate(RuleFiles files) {
        try {
            RuleCompiler.release(compiler.compile(files));
            return List.of();
        } catch (RuleProblemsException e) {
            return e.problems();
        }
    }

    /** Compiles a candidate snapshot that does not serve; release it with {@link RuleCompiler#release}. */
    public LoadedRules compileCandidate() throws RuleProblemsException {
        return compiler.compile(RuleFiles.read(rulesDirectory()));
    }

    /**
     * The gated reload: compile, run every scenario, check the evidence (every rule set folder has
     * scenarios, every rule is fired by one or says why not), swap atomically only if all pass.
     */
    public synchronized ReloadOutcome reload(String who) {
        String previous = current().map(LoadedRules::version).orElse(null);
        long start = System.nanoTime();
        RuleFiles files;
        LoadedRules candidate;
        try {
            files = RuleFiles.read(rulesDirectory());
            candidate = compiler.compile(files);
        } catch (RuleProblemsException e) {
            record(who, null, "REJECTED", e.problems().size() + " compile problem(s)");
            metrics.rulesChange("reload", false);
            LOG.warnf("Reload by %s rejected: %d compile problem(s)", who, e.problems().size());
            return new ReloadOutcome(false, null, previous, 0, e.problems(), List.of());
        }
        long compiled = System.nanoTime();
        ScenarioSuite.Outcome outcome;
        try {
            outcome = gate.gate(candidate, files, new RuleCoverage(), done -> { });
        } catch (IOException e) {
            RuleCompiler.release(candidate);
            List<RuleProblem> problems = List.of(new RuleProblem(rulesDirectory().toString(), 0, 0,
                    "cannot read scenarios: " + e.getMessage()));
            record(who, candidate.version(), "REJECTED", "scenarios unreadable");
            metrics.rulesChange("reload", false);
            return new ReloadOutcome(false, candidate.version(), previous, 0, problems, List.of());
        }
        List<ScenarioResult> failed = outcome.results().stream().filter(r -> !r.passed()).toList();
        if (!outcome.accepted()) {
            RuleCompiler.release(candidate);
            String why = outcome.results().isEmpty() ? "no scenarios"
                    : outcome.failed() + " scenario(s) failed, " + outcome.evidence().size() + " evidence problem(s)";
            record(who, candidate.version(), "REJECTED", why);
            metrics.rulesChange("reload", false);
            LOG.warnf("Reload by %s rejected on %s: %s", who, candidate.version(), why);
            List<RuleProblem> problems = new ArrayList<>(outcome.unreadable());
            problems.addAll(outcome.evidence());
            return new ReloadOutcome(false, candidate.version(), previous, (int) outcome.passed(), problems, failed);
        }
        LoadedRules old = current.getAndSet(candidate);
        metrics.serving(candidate.version());
        metrics.rulesChange("reload", true);
        if (old != null) {
            RuleCompiler.release(old);
        }
        record(who, candidate.version(), "LOADED", outcome.passed() + " scenarios passed");
        LOG.infof("Reload by %s: now serving %s (was %s); compiled in %d ms, %d scenarios in %d ms", who,
                candidate.version(), previous, (compiled - start) / 1_000_000, outcome.passed(),
                (System.nanoTime() - compiled) / 1_000_000);
        return new ReloadOutcome(true, candidate.version(), previous, (int) outcome.passed(), List.of(), List.of());
    }

    /** The last reloads, oldest first; never waits for a reload in progress. */
    public List<ReloadRecord> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    private void record(String who, String version, String outcome, String detail) {
        synchronized (history) {
            history.add(new ReloadRecord(clock.instant(), who, version, outcome, detail));
            if (history.size() > HISTORY) {
                history.remove(0);
            }
        }
    }
}
