package care.billing.ruleset;

import care.billing.evaluation.BundledRules;
import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyCompileTest {

    @Test
    void theEarlySnapshotServesWhenItWasCompiledFromTheSameFiles() throws Exception {
        EarlyCompile.start(BundledRules.DIR);
        RuleFiles files = RuleFiles.read(BundledRules.DIR);
        LoadedRules early = EarlyCompile.take(files).orElseThrow();
        assertEquals(files.version(), early.version());
        assertTrue(EarlyCompile.take(files).isEmpty(), "taken once");
    }

    @Test
    void configuredRulesThatDifferFromTheEarlyGuessAreNotTakenFromIt(@TempDir Path temp) throws Exception {
        Path configured = RulesCopy.of(temp);
        RulesCopy.replace(configured.resolve("payers/medicare/code-families.csv"), "99490,20,", "99490,25,");
        EarlyCompile.start(BundledRules.DIR);
        assertTrue(EarlyCompile.take(RuleFiles.read(configured)).isEmpty());
    }

    @Test
    void aFailedEarlyCompilationLeavesTheStartupCompilationToReportTheProblems(@TempDir Path temp) throws Exception {
        Path copy = RulesCopy.of(temp);
        RulesCopy.replace(copy.resolve("common/choice.drl"), "then", "then this is not java;");
        EarlyCompile.start(copy);
        assertTrue(EarlyCompile.take(RuleFiles.read(copy)).isEmpty());
    }

    @Test
    void withoutAnEarlyCompilationThereIsNothingToTake() throws Exception {
        assertTrue(EarlyCompile.take(RuleFiles.read(BundledRules.DIR)).isEmpty());
    }
}
