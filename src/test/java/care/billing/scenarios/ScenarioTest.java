package care.billing.scenarios;

import care.billing.evaluation.BundledRules;
import care.billing.ruleset.RuleProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every scenario file under rules/ as one test, named by its path. */
class ScenarioTest {

    @TestFactory
    @DisplayName("scenario")
    List<DynamicTest> bundledScenarios() throws IOException {
        List<Path> files = ScenarioFiles.find(BundledRules.DIR);
        assertFalse(files.isEmpty(), "no scenario files under " + BundledRules.DIR.toAbsolutePath());
        ScenarioRunner runner = new ScenarioRunner(BundledRules.reader(), BundledRules.evaluator());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = BundledRules.DIR.relativize(file).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<RuleProblem> problems = new ArrayList<>();
                Scenario scenario = ScenarioFiles.read(BundledRules.DIR, file, problems);
                if (scenario == null) {
                    fail("unreadable scenario: " + problems);
                }
                ScenarioResult result = runner.run(BundledRules.get(), scenario);
                assertTrue(result.passed(), () -> name + ": " + scenario.description() + "\n" + result.report());
            }));
        }
        return tests;
    }
}
