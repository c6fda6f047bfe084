package care.billing.scenarios;

import care.billing.ruleset.DataTables;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles.RuleFile;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.RuleProblemsException;
import care.billing.ruleset.TableLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether the scenario suite is worth trusting: every mutant of the rules (see {@link Mutants})
 * must make at least one scenario fail. Mutants that do not compile are not counted. Nothing is
 * written to disk: each mutant is compiled from memory.
 */
public final class MutationCheck {

    private final RuleFiles files;
    private final LoadedRules base;
    private final List<Scenario> scenarios;
    private final ScenarioSuite suite;
    private final PrintStream out;
    private final PrintStream err;
    private final RuleCompiler compiler = new RuleCompiler();

    public MutationCheck(RuleFiles files, LoadedRules base, List<Scenario> scenarios, ScenarioSuite suite,
                         PrintStream out, PrintStream err) {
        this.files = files;
        this.base = base;
        this.scenarios = scenarios;
        this.suite = suite;
        this.out = out;
        this.err = err;
    }

    /** Runs every mutant; true when each one was caught. */
    public boolean run() throws IOException {
        List<Mutant> mutants = Mutants.of(files, base.tables().vocabulary());
        out.println("Mutation check: " + mutants.size()
                + " changes to thresholds, caps, windows, comparisons, counted roles and periods");
        List<Mutant> survivors = new ArrayList<>();
        int caught = 0;
        int invalid = 0;
        for (int i = 0; i < mutants.size(); i++) {
            Mutant mutant = mutants.get(i);
            if (i % 10 == 0) {
                err.println("  mutant " + (i + 1) + "/" + mutants.size());
            }
            LoadedRules rules = compile(mutant);
            if (rules == null) {
                invalid++;
                continue;
            }
            try {
                if (suite.firstFailure(rules, scenarios).isPresent()) {
                    caught++;
                } else {
                    survivors.add(mutant);
                    out.println("  SURVIVED " + mutant.describe());
                }
            } finally {
                if (!mutant.tableOnly()) {
                    RuleCompiler.release(rules);
                }
            }
        }
        out.println("Mutation check: " + caught + " caught by a scenario, " + survivors.size() + " survived"
                + (invalid > 0 ? ", " + invalid + " refused by the compiler or the table checks (not counted)" : ""));
        return survivors.isEmpty();
    }

    private LoadedRules compile(Mutant mutant) {
        List<RuleFile> changed = files.files().stream()
                .map(f -> f.path().equals(mutant.file()) ? new RuleFile(f.path(), mutant.content()) : f)
                .toList();
        if (mutant.tableOnly()) {
            List<RuleProblem> problems = new ArrayList<>();
            DataTables tables = new TableLoader().load(changed, problems);
            return problems.isEmpty() ? new LoadedRules(base.kieBase(), base.releaseId(), tables,
                    base.version() + "+mutant", base.files(), base.loadedAt()) : null;
        }
        try {
            return compiler.compile(new RuleFiles(files.directory(), changed, files.version() + "+mutant"));
        } catch (RuleProblemsException e) {
            return null;
        }
    }
}
