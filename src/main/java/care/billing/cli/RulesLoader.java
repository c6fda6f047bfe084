package care.billing.cli;

import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblemsException;

import java.nio.file.Path;

/** Compiles a rules directory for a command, or says on stderr why it cannot. */
final class RulesLoader {

    private RulesLoader() {
    }

    /** The compiled rules, or null after printing every problem with file and line. */
    static LoadedRules compileOrReport(Path rulesDir) {
        try {
            return new RuleCompiler().compile(RuleFiles.read(rulesDir));
        } catch (RuleProblemsException e) {
            System.err.println("The rules do not compile:");
            e.problems().forEach(p -> System.err.println("  ERROR " + p));
            return null;
        }
    }
}
