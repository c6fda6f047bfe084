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
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rules currently serving, as one atomic reference to an immutable snapshot, and changes
 * them only through a gate: a candidate (the rules directory for a reload, a draft for a publish,
 * an earlier version for a rollback) is compiled, every scenario runs against it with the evidence
 * check, and only if all pass are its files written to the rules directory, recorded in the
 * {@link History} and swapped in. Evaluations take the reference once, so a request in flight
 * finishes on the rules it started with.
 */
@ApplicationScoped
public class RulesService {

    private static final Logger LOG = Logger.getLogger(RulesService.class);
    private static final int ATTEMPTS = 100;

    /** What is serving: the snapshot and the history's commit of its files. */
    private record Serving(LoadedRules rules, String commit) {
    }

    /** The history's account of a candidate that passes the gate. */
    public record Change(String kind, String editor, String approver, String message) {
    }

    private final BillingConfig config;
    private final RuleCompiler compiler = new RuleCompiler();
    private final ScenarioSuite gate;
    private final Clock clock;
    private final BillingMetrics metrics;
    private final History versions;
    private final AtomicReference<Serving> current = new AtomicReference<>();
    private final List<ReloadRecord> attempts = new ArrayList<>();

    public RulesService(BillingConfig config, ScenarioSuite gate, Clock clock, BillingMetrics metrics, History versions) {
        this.config = config;
        this.gate = gate;
        this.clock = clock;
        this.metrics = metrics;
        this.versions = versions;
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = rulesDirectory();
        try {
            RuleFiles files = RuleFiles.read(dir);
            Optional<LoadedRules> early = EarlyCompile.take(files);
            LoadedRules rules = early.isPresent() ? early.get() : compiler.compile(files);
            String commit = recordFoundOnDisk(rules.version());
            current.set(new Serving(rules, commit));
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

    /**
     * The rules directory as found at startup, in the history: the first version when the history is
     * new, a {@code reload} version when the files were changed outside the workbench since the last.
     */
    private String recordFoundOnDisk(String rulesVersion) {
        Map<String, String> onDisk = RulesTree.read(rulesDirectory());
        Optional<String> head = versions.head();
        if (head.isPresent() && versions.files(head.get()).equals(onDisk)) {
            return head.get();
        }
        Change change = head.isEmpty()
                ? new Change("initial", "startup", "startup", "Rules found at first start in " + rulesDirectory())
                : new Change("reload", "startup", "startup", "Rule files changed outside the workbench, found at startup");
        return versions.record(onDisk, entry(change, rulesVersion));
    }

    public Path rulesDirectory() {
        return Path.of(config.rules().dir());
    }

    /** The snapshot serving now, if rules are loaded. */
    public Optional<LoadedRules> current() {
        return Optional.ofNullable(current.get()).map(Serving::rules);
    }

    /** The history's commit of the version serving now, if rules are loaded. */
    public Optional<String> servingCommit() {
        return Optional.ofNullable(current.get()).map(Serving::commit);
    }

    /** The history of published versions. */
    public History versions() {
        return versions;
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
    public LoadedRules compile(RuleFiles files) throws RuleProblemsException {
        return compiler.compile(files);
    }

    /** Compiles the rules directory as a candidate that does not serve; release it with {@link RuleCompiler#release}. */
    public LoadedRules compileCandidate() throws RuleProblemsException {
        return compile(RuleFiles.read(rulesDirectory()));
    }

    /** The gated reload of the rules directory, recorded in the history when its files changed. */
    public ReloadOutcome reload(String who) {
        return install(rulesDirectory(), "reload", new Change("reload", who, who, "Reloaded from " + rulesDirectory()),
                null);
    }

    /**
     * The gate of reload, publish and rollback: compile the rules in {@code staged}, run every
     * scenario, check the evidence (every rule set folder has scenarios, every rule is fired by one
     * or says why not), and only if all pass write the files to the rules directory, record them in
     * the history and swap atomically. A refusal changes nothing.
     *
     * @param expectedBase the history commit the candidate was made from; when given and no longer
     *                     serving, the step is refused as stale
     */
    public synchronized ReloadOutcome install(Path staged, String action, Change change, String expectedBase) {
        Serving before = current.get();
        String previous = before == null ? null : before.rules().version();
        if (expectedBase != null && (before == null || !expectedBase.equals(before.commit()))) {
            throw WorkbenchRefusal.stale(expectedBase, before == null ? "nothing" : before.commit());
        }
        long start = System.nanoTime();
        RuleFiles files;
        LoadedRules candidate;
        try {
            files = RuleFiles.read(staged);
            candidate = compiler.compile(files);
        } catch (RuleProblemsException e) {
            return refused(change.approver(), action, null, previous, "compile problem(s)", e.problems(), List.of(), 0);
        }
        long compiled = System.nanoTime();
        ScenarioSuite.Outcome outcome;
        try {
            outcome = gate.gate(candidate, files, new RuleCoverage(), done -> { });
        } catch (IOException e) {
            RuleCompiler.release(candidate);
            return refused(change.approver(), action, candidate.version(), previous, "scenarios unreadable",
                    List.of(new RuleProblem(staged.toString(), 0, 0, "cannot read scenarios: " + e.getMessage())),
                    List.of(), 0);
        }
        if (!outcome.accepted()) {
            RuleCompiler.release(candidate);
            List<RuleProblem> problems = new ArrayList<>(outcome.unreadable());
            problems.addAll(outcome.evidence());
            String why = outcome.results().isEmpty() ? "no scenarios"
                    : outcome.failed() + " scenario(s) failed, " + outcome.evidence().size() + " evidence problem(s)";
            return refused(change.approver(), action, candidate.version(), previous, why, problems,
                    outcome.results().stream().filter(r -> !r.passed()).toList(), (int) outcome.passed());
        }
        String commit;
        try {
            commit = publishFiles(staged, before, change, candidate.version());
        } catch (RuntimeException e) {
            RuleCompiler.release(candidate);
            throw e;
        }
        current.set(new Serving(candidate, commit));
        metrics.serving(candidate.version());
        metrics.rulesChange(action, true);
        if (before != null) {
            RuleCompiler.release(before.rules());
        }
        record(change.approver(), candidate.version(), "LOADED", outcome.passed() + " scenarios passed");
        LOG.infof("%s by %s: now serving %s (was %s, commit %s); compiled in %d ms, %d scenarios in %d ms", action,
                change.approver(), candidate.version(), previous, commit, (compiled - start) / 1_000_000,
                outcome.passed(), (System.nanoTime() - compiled) / 1_000_000);
        return new ReloadOutcome(true, candidate.version(), previous, commit, (int) outcome.passed(), List.of(),
                List.of());
    }

    /**
     * Writes the candidate's files into the rules directory (unless they are read from there) and
     * records them in the history, unless they are what the history already holds. Should writing
     * fail half-way, the rules directory is put back to the version serving.
     */
    private String publishFiles(Path staged, Serving before, Change change, String rulesVersion) {
        Map<String, String> files = RulesTree.read(staged);
        Path target = rulesDirectory();
        if (!staged.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            try {
                RulesTree.replace(target, files);
            } catch (UncheckedIOException e) {
                if (before != null) {
                    RulesTree.replace(target, versions.files(before.commit()));
                }
                throw e;
            }
        }
        Optional<String> head = versions.head();
        if (head.isPresent() && versions.files(head.get()).equals(files)) {
            return head.get();
        }
        return versions.record(files, entry(change, rulesVersion));
    }

    private History.Entry entry(Change change, String rulesVersion) {
        return new History.Entry(change.kind(), change.editor(), change.approver(), change.message(), rulesVersion,
                clock.instant());
    }

    private ReloadOutcome refused(String who, String action, String version, String previous, String why,
                                  List<RuleProblem> problems, List<ScenarioResult> failed, int passed) {
        record(who, version, "REJECTED", why);
        metrics.rulesChange(action, false);
        LOG.warnf("%s by %s rejected%s: %s", action, who, version == null ? "" : " on " + version, why);
        return new ReloadOutcome(false, version, previous, null, passed, problems, failed);
    }

    /** The last attempts to change the rules (accepted or not), oldest first; never waits for one in progress. */
    public List<ReloadRecord> history() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private void record(String who, String version, String outcome, String detail) {
        synchronized (attempts) {
            attempts.add(new ReloadRecord(clock.instant(), who, version, outcome, detail));
            if (attempts.size() > ATTEMPTS) {
                attempts.remove(0);
            }
        }
    }
}
