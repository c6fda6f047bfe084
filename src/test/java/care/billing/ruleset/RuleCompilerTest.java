package care.billing.ruleset;

import care.billing.evaluation.BundledRules;
import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleCompilerTest {

    @TempDir
    Path temp;

    @Test
    void bundledRulesCompileWithAStableVersion() throws Exception {
        RuleFiles files = RuleFiles.read(BundledRules.DIR);
        assertEquals(files.version(), RuleFiles.read(BundledRules.DIR).version());
        assertTrue(files.version().matches("sha256:[0-9a-f]{64}"));
        assertTrue(files.files().stream().anyMatch(f -> f.path().equals("payers/medicare/code-families.csv")));
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() throws Exception {
        Path rules = copyOfBundledRules();
        Files.writeString(rules.resolve("common/choice.drl"),
                Files.readString(rules.resolve("common/choice.drl")) + "\nrule \"broken\"\nwhen\n    Candidate( units >>> 1 )\nthen\nend\n");
        int brokenLine = (int) Files.readAllLines(rules.resolve("common/choice.drl")).stream()
                .takeWhile(line -> !line.contains(">>>")).count() + 1;

        RuleProblemsException e = assertThrows(RuleProblemsException.class,
                () -> new RuleCompiler().compile(RuleFiles.read(rules)));

        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("common/choice.drl") && p.line() == brokenLine),
                () -> "expected common/choice.drl:" + brokenLine + " in " + e.problems());
    }

    @Test
    void aBadTableCellIsReportedWithFileAndLine() throws Exception {
        assertLastMedicareFamilyRowIsRejected(",99490,20,", ",99490,twenty,", 5,
                "primaryMinutes 'twenty' is not a whole number; it must give the countable minutes that reach the primary code");
    }

    @Test
    void aMisspelledStaffRoleIsReportedWithFileAndLine() throws Exception {
        assertLastMedicareFamilyRowIsRejected("PHYSICIAN QHP CLINICAL_STAFF", "PHYSICIAN QPH CLINICAL_STAFF", 12,
                "countedRoles 'QPH' is not a staff role; allowed: PHYSICIAN, QHP, CLINICAL_STAFF, NON_CLINICAL, "
                        + "separated by spaces (vocabulary.csv (kind ROLE))");
    }

    @Test
    void aBlankStaffRolesCellIsRefused() throws Exception {
        assertLastMedicareFamilyRowIsRejected(",PHYSICIAN QHP CLINICAL_STAFF,", ",,", 12,
                "countedRoles is empty; it must give the staff roles whose time counts toward the family "
                        + "(PHYSICIAN, QHP, CLINICAL_STAFF, NON_CLINICAL)");
    }

    /** Edits the last row of Medicare's code-families.csv; compiling must report exactly that row. */
    private void assertLastMedicareFamilyRowIsRejected(String from, String to, int column, String message)
            throws Exception {
        Path rules = copyOfBundledRules();
        Path table = rules.resolve("payers/medicare/code-families.csv");
        List<String> lines = Files.readAllLines(table);
        int row = lines.size();
        assertTrue(lines.get(row - 1).contains(from), lines.get(row - 1));
        lines.set(row - 1, lines.get(row - 1).replace(from, to));
        Files.write(table, lines);

        RuleProblemsException e = assertThrows(RuleProblemsException.class,
                () -> new RuleCompiler().compile(RuleFiles.read(rules)));

        assertEquals(1, e.problems().size(), e.problems()::toString);
        RuleProblem problem = e.problems().get(0);
        assertEquals("payers/medicare/code-families.csv", problem.file());
        assertEquals(row, problem.line());
        assertEquals(column, problem.column());
        assertEquals(message, problem.message());
    }

    @Test
    void anUnknownTableFileIsRejected() throws Exception {
        Path rules = copyOfBundledRules();
        Files.writeString(rules.resolve("payers/medicare/thresholds.csv"), "a,b\n1,2\n");
        RuleProblemsException e = assertThrows(RuleProblemsException.class,
                () -> new RuleCompiler().compile(RuleFiles.read(rules)));
        assertEquals("payers/medicare/thresholds.csv", e.problems().get(0).file());
    }

    @Test
    void changingAnyRuleFileChangesTheVersion() throws Exception {
        Path rules = copyOfBundledRules();
        String before = RuleFiles.read(rules).version();
        Path fees = rules.resolve("payers/medicare/fees.csv");
        Files.writeString(fees, Files.readString(fees) + "\n");
        assertNotEquals(before, RuleFiles.read(rules).version());
    }

    @Test
    void aMissingDirectoryIsAProblemNotACrash() {
        RuleProblemsException e = assertThrows(RuleProblemsException.class, () -> RuleFiles.read(temp.resolve("nope")));
        assertTrue(e.problems().get(0).message().contains("not found"));
    }

    private Path copyOfBundledRules() throws IOException {
        return RulesCopy.of(temp);
    }
}
