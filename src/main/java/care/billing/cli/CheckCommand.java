package care.billing.cli;

import care.billing.app.Components;
import care.billing.evaluation.Evaluator;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.RuleProblemsException;
import care.billing.scenarios.JUnitReport;
import care.billing.scenarios.MutationCheck;
import care.billing.scenarios.RuleCoverage;
import care.billing.scenarios.Scenario;
import care.billing.scenarios.ScenarioResult;
import care.billing.scenarios.ScenarioRunner;
import care.billing.scenarios.ScenarioSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check [--rules DIR | DIR]}: compile the rules, run every scenario, say in plain words what broke. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles the rule files, runs every scenario against them and prints one line per scenario.",
                "Exit status 0 only when the rules compile and every scenario passes (and, with --mutate, "
                        + "every mutant is caught)."})
public class CheckCommand implements Callable<Integer> {

    @Mixin
    RulesDirOption rulesOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Shorthand for --rules DIR.")
    Path shorthand;

    @Spec
    CommandSpec spec;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junit;

    @Option(names = "--coverage", description = "List the rules that no scenario fired.")
    boolean coverage;

    @Option(names = "--mutate", description = "Change each threshold, cap, window and comparison in the rules one "
            + "at a time and report every change that no scenario catches.")
    boolean mutate;

    /** Overrides billing.engine.max-firings for this run (tests of runaway rules). */
    @Option(names = "--max-firings", hidden = true)
    Integer maxFirings;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (shorthand != null && rulesOption.given != null && !shorthand.equals(rulesOption.given)) {
            throw new ParameterException(spec.commandLine(), "Two rules directories: --rules " + rulesOption.given
                    + " and " + shorthand + "; give one");
        }
        Path rulesDir = shorthand != null ? shorthand : rulesOption.dir();
        out.println("Checking rules in " + rulesDir.toAbsolutePath().normalize());
        RuleFiles files;
        LoadedRules rules;
        try {
            files = RuleFiles.read(rulesDir);
            rules = new RuleCompiler().compile(files);
        } catch (RuleProblemsException e) {
            out.println("The rules do not compile (" + e.problems().size() + " problem(s)):");
            e.problems().forEach(p -> out.println("  ERROR " + p));
            if (junit != null) {
                JUnitReport.write(junit, e.problems(), null);
            }
            out.println("0 passed, " + e.problems().size() + " failed");
            return 1;
        }
        out.println("Compiled " + files.files().size() + " rule files, version " + files.version());

        List<RuleProblem> unreadable = new ArrayList<>();
        List<Scenario> scenarios = ScenarioSuite.load(rulesDir, unreadable);
        RuleCoverage fired = new RuleCoverage();
        Progress progress = Progress.counting(err, scenarios.size(), "scenarios");
        ScenarioSuite.Outcome outcome = gate()
                .gate(rules, files, scenarios, unreadable, fired, progress::update);
        progress.done();

        for (RuleProblem problem : outcome.unreadable()) {
            out.println("FAIL " + problem.file() + "  (unreadable: " + problem + ")");
        }
        for (ScenarioResult result : outcome.results()) {
            out.println((result.passed() ? "ok   " : "FAIL ") + result.scenario().file() + "  " + result.scenario().description());
            if (!result.passed()) {
                result.report().lines().forEach(line -> out.println("       " + line));
            }
        }
        if (junit != null) {
            JUnitReport.write(junit, List.of(), outcome);
            out.println("JUnit report written to " + junit);
        }
        boolean ok = outcome.accepted();
        if (scenarios.isEmpty()) {
            out.println("No scenario files found under " + rulesDir + " (rules/**/scenarios/*.yaml)");
        }
        if (!outcome.evidence().isEmpty()) {
            out.println("The rules lack evidence (" + outcome.evidence().size() + " problem(s)):");
            outcome.evidence().forEach(p -> out.println("  ERROR " + p));
        }
        if (coverage) {
            printCoverage(fired, rules);
        }
        if (mutate && ok) {
            ok = new MutationCheck(files, rules, scenarios, gate(), out, err).run();
        } else if (mutate) {
            out.println("Mutation check skipped: the scenarios must pass on the unchanged rules first.");
        }
        out.println(outcome.passed() + " passed, " + outcome.failed() + " failed"
                + (outcome.evidence().isEmpty() ? "" : ", " + outcome.evidence().size() + " evidence problem(s)"));
        return ok ? 0 : 1;
    }

    private void printCoverage(RuleCoverage fired, LoadedRules rules) {
        List<String> unfired = fired.unfired(rules.kieBase());
        List<String> dormant = fired.dormant(rules.kieBase());
        if (unfired.isEmpty()) {
            out.println("Coverage: every rule fired in at least one scenario.");
        } else {
            out.println("Coverage: " + unfired.size() + " rule(s) no scenario fired:");
            unfired.forEach(rule -> out.println("  " + rule));
        }
        if (!dormant.isEmpty()) {
            out.println("Dormant by design (switched off by data in every bundled payer):");
            dormant.forEach(rule -> out.println("  " + rule));
        }
    }

    private ScenarioSuite gate() {
        Components components = Components.fromEnvironment();
        if (maxFirings == null) {
            return components.scenarioSuite();
        }
        Evaluator evaluator = new Evaluator(maxFirings, components.config().engine().maxMillis());
        return new ScenarioSuite(new ScenarioRunner(components.reader(), evaluator), components.config().batch().chunkSize());
    }
}
