package care.billing.governance;

import care.billing.config.BillingConfig;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.RuleLoopException;
import care.billing.governance.Drafts.Draft;
import care.billing.governance.WorkbenchViews.Caller;
import care.billing.governance.WorkbenchViews.CheckCoverage;
import care.billing.governance.WorkbenchViews.CheckReport;
import care.billing.governance.WorkbenchViews.DraftView;
import care.billing.governance.WorkbenchViews.ImpactReport;
import care.billing.governance.WorkbenchViews.LineProblem;
import care.billing.governance.WorkbenchViews.RequestImpact;
import care.billing.governance.WorkbenchViews.Saved;
import care.billing.governance.WorkbenchViews.ScenarioOutcome;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblemsException;
import care.billing.scenarios.RuleCoverage;
import care.billing.scenarios.ScenarioResult;
import care.billing.scenarios.ScenarioSuite;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules workbench (docs/workbench.md): drafts an editor changes, checks and measures, an
 * approver publishes through {@link RulesService}'s gate, and the history of every version with
 * rollback. Nothing here writes the serving rules except through that gate, and a refused step
 * leaves the draft as it was.
 */
@ApplicationScoped
public class Workbench {

    private static final Logger LOG = Logger.getLogger(Workbench.class);

    private final RulesService rules;
    private final Drafts drafts;
    private final ScenarioSuite gate;
    private final Evaluator evaluator;
    private final RequestReader reader;
    private final Clock clock;
    private final boolean fourEyes;
    private final Path staging;

    public Workbench(RulesService rules, Drafts drafts, ScenarioSuite gate, Evaluator evaluator, RequestReader reader,
                     Clock clock, BillingConfig config) {
        this.rules = rules;
        this.drafts = drafts;
        this.gate = gate;
        this.evaluator = evaluator;
        this.reader = reader;
        this.clock = clock;
        this.fourEyes = config.governance().fourEyes();
        this.staging = Path.of(config.governance().dir(), "staging");
    }

    // --- drafts -----------------------------------------------------------------------------

    /** A private copy of the rules serving now. */
    public DraftView create(Caller caller) {
        LoadedRules serving = servingRules();
        String commit = rules.servingCommit().orElseThrow(() -> new IllegalStateException("no version serves"));
        Draft draft = drafts.create(caller.name(), rules.versions().files(commit), serving.version(), commit,
                now());
        LOG.infof("Draft %s made by %s from %s", draft.id(), caller.name(), serving.version());
        return view(draft, false);
    }

    /** The caller's drafts; every draft for an approver. */
    public List<DraftView> list(Caller caller) {
        return drafts.all().stream().filter(d -> visible(d, caller)).map(d -> view(d, false)).toList();
    }

    public DraftView get(String id, Caller caller) {
        return view(readable(id, caller), true);
    }

    public void discard(String id, Caller caller) {
        Draft draft = owned(id, caller);
        drafts.discard(draft);
        LOG.infof("Draft %s discarded by %s", id, caller.name());
    }

    public String read(String id, String path, Caller caller) {
        RulesPath file = RulesPath.of(path);
        return drafts.read(readable(id, caller), file).orElseThrow(() -> WorkbenchRefusal.noFile(path));
    }

    /** Saves a file's text, compiling or not, and answers the draft's compile problems. */
    public Saved save(String id, String path, String text, Caller caller) {
        RulesPath file = RulesPath.of(path);
        Draft draft = drafts.write(owned(id, caller), file, text, caller.name(), now());
        return compileProblems(draft);
    }

    public Saved delete(String id, String path, Caller caller) {
        RulesPath file = RulesPath.of(path);
        Draft draft = drafts.delete(owned(id, caller), file, caller.name(), now());
        return compileProblems(draft);
    }

    /** The unified diff of the draft against its base. */
    public String diff(String id, Caller caller) {
        Draft draft = readable(id, caller);
        return Diffs.unified(rules.versions().files(draft.baseCommit()), drafts.files(draft));
    }

    // --- check and impact -------------------------------------------------------------------

    /** Every scenario of the draft run against the draft's rules, with the evidence and coverage. */
    public CheckReport check(String id, Caller caller) {
        Draft draft = readable(id, caller);
        RuleFiles files;
        LoadedRules candidate;
        try {
            files = RuleFiles.read(drafts.rules(draft));
            candidate = rules.compile(files);
        } catch (RuleProblemsException e) {
            return new CheckReport(null, false, 0, 0, e.problems(), List.of(), List.of(), null);
        }
        try {
            RuleCoverage fired = new RuleCoverage();
            ScenarioSuite.Outcome outcome = gate.gate(candidate, files, fired, done -> { });
            List<ScenarioOutcome> results = outcome.results().stream().map(Workbench::outcome).toList();
            int total = candidate.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
            List<String> unfired = fired.unfired(candidate.kieBase());
            CheckCoverage coverage = new CheckCoverage(total, total - unfired.size(), unfired,
                    fired.dormant(candidate.kieBase()));
            return new CheckReport(candidate.version(), outcome.accepted(), outcome.passed(), outcome.failed(),
                    outcome.unreadable(), outcome.evidence(), results, coverage);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the draft's scenarios", e);
        } finally {
            RuleCompiler.release(candidate);
        }
    }

    private static ScenarioOutcome outcome(ScenarioResult r) {
        return new ScenarioOutcome(r.scenario().file(), r.scenario().description(), r.passed(), r.error(),
                r.expectedLines(), r.actualLines(), r.expectedFindings(), r.actualFindings());
    }

    /**
     * How the draft would bill the requests in {@code body} (one JSON request, or one per line),
     * against the rules serving.
     *
     * @throws RuleProblemsException when the draft does not compile
     */
    public ImpactReport impact(String id, byte[] body, boolean lines, Caller caller) throws RuleProblemsException {
        Draft draft = readable(id, caller);
        LoadedRules serving = servingRules();
        LoadedRules candidate = rules.compile(RuleFiles.read(drafts.rules(draft)));
        try {
            List<RequestImpact> impacts = new ArrayList<>();
            List<LineProblem> problems = new ArrayList<>();
            List<byte[]> requests = lines ? splitLines(body) : List.of(body);
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).length == 0) {
                    continue;
                }
                int line = i + 1;
                try {
                    EvaluationInput input = reader.read(requests.get(i), candidate.tables().vocabulary());
                    Impact impact = Impact.between(evaluator.evaluate(serving, input), evaluator.evaluate(candidate, input));
                    impacts.add(new RequestImpact(line, input.requestId(), impact.appeared(), impact.disappeared(),
                            impact.changed(), impact.estimatedAmountDifference()));
                } catch (InvalidRequestException e) {
                    problems.add(new LineProblem(line, e.requestId(), e.problem().detail(), e.errors()));
                } catch (RuleLoopException e) {
                    problems.add(new LineProblem(line, null, e.getMessage(), null));
                }
            }
            BigDecimal total = impacts.stream().map(RequestImpact::estimatedAmountDifference)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ImpactReport(serving.version(), candidate.version(), impacts, problems, total);
        } finally {
            RuleCompiler.release(candidate);
        }
    }

    private static List<byte[]> splitLines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n", -1)) {
            lines.add(line.isBlank() ? new byte[0] : line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    // --- publish, history, rollback ---------------------------------------------------------

    /**
     * Publishes the draft through the gate; on success the draft is closed. Refused (and nothing
     * changes) when the caller last edited it (four eyes), when its base no longer serves, or when
     * it does not pass the gate (the outcome says why).
     */
    public ReloadOutcome publish(String id, String message, Caller caller) {
        Draft draft = readable(id, caller);
        if (fourEyes && caller.name().equals(draft.lastEditor())) {
            throw WorkbenchRefusal.fourEyes(caller.name());
        }
        ReloadOutcome outcome = rules.install(drafts.rules(draft), "publish",
                new RulesService.Change("publish", draft.lastEditor(), caller.name(), message), draft.baseCommit());
        if (outcome.loaded()) {
            drafts.discard(draft);
            LOG.infof("Draft %s (edited by %s) published by %s as %s", id, draft.lastEditor(), caller.name(),
                    outcome.rulesVersion());
        }
        return outcome;
    }

    /** Every published version, newest first. */
    public List<Version> history() {
        return rules.versions().versions(rules.servingCommit().orElse(null));
    }

    public String versionDiff(String commit) {
        return rules.versions().diff(known(commit));
    }

    public String versionFile(String commit, String path) {
        RulesPath file = RulesPath.of(path);
        return rules.versions().file(known(commit), file.value()).orElseThrow(() -> WorkbenchRefusal.noFile(path));
    }

    /**
     * Serves an earlier version again, through the same gate, recorded as a new version.
     *
     * @param target a {@code sha256:} rules version (its newest publication) or a history commit
     */
    public ReloadOutcome rollback(String target, String message, Caller caller) {
        Version version = find(target).orElseThrow(() -> WorkbenchRefusal.noVersion(target));
        Path staged = staging.resolve("rollback-" + version.commit().substring(0, 12) + "-" + System.nanoTime());
        try {
            RulesTree.replace(staged, rules.versions().files(version.commit()));
            String why = "Rollback to " + version.rulesVersion() + " (" + version.commit().substring(0, 12) + ")"
                    + (message == null || message.isBlank() ? "" : ": " + message.strip());
            return rules.install(staged, "rollback", new RulesService.Change("rollback", caller.name(), caller.name(),
                    why), null);
        } finally {
            RulesTree.delete(staged);
        }
    }

    private Optional<Version> find(String target) {
        if (target == null) {
            return Optional.empty();
        }
        String serving = rules.servingCommit().orElse(null);
        if (target.startsWith("sha256:")) {
            return rules.versions().versions(serving).stream().filter(v -> target.equals(v.rulesVersion())).findFirst();
        }
        return rules.versions().version(target, serving);
    }

    private String known(String commit) {
        return rules.versions().resolve(commit).orElseThrow(() -> WorkbenchRefusal.noVersion(commit));
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Drafts' times to the second, as the history records them. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private LoadedRules servingRules() {
        return rules.current().orElseThrow(() -> new IllegalStateException("no rules serve"));
    }

    private static boolean visible(Draft draft, Caller caller) {
        return caller.approver() || draft.owner().equals(caller.name());
    }

    private Draft readable(String id, Caller caller) {
        return drafts.find(id).filter(d -> visible(d, caller)).orElseThrow(() -> WorkbenchRefusal.noDraft(id));
    }

    private Draft owned(String id, Caller caller) {
        return drafts.find(id).filter(d -> d.owner().equals(caller.name()))
                .orElseThrow(() -> WorkbenchRefusal.noDraft(id));
    }

    private Saved compileProblems(Draft draft) {
        try {
            RuleFiles files = RuleFiles.read(drafts.rules(draft));
            return new Saved(files.version(), rules.validate(files));
        } catch (RuleProblemsException e) {
            return new Saved(null, e.problems());
        }
    }

    private DraftView view(Draft draft, boolean withFiles) {
        Map<String, String> files = drafts.files(draft);
        boolean stale = !draft.baseCommit().equals(rules.servingCommit().orElse(null));
        return new DraftView(draft.id(), draft.baseVersion(), draft.owner(), draft.lastEditor(), draft.created(),
                draft.updated(), stale, RulesTree.changes(rules.versions().files(draft.baseCommit()), files),
                withFiles ? List.copyOf(files.keySet()) : null);
    }
}
