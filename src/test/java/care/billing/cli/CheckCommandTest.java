package care.billing.cli;

import care.billing.evaluation.BundledRules;
import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compliance team's loop: edit a copy of the rules, run check, read what broke. */
class CheckCommandTest {

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    /** Runs the jar's command line in this JVM, capturing stdout and stderr; starting the service fails the test. */
    static Run check(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine(() -> {
                throw new AssertionError("the command line started the service");
            });
            int exit = cli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** No directory given: --rules defaults to rules, the bundled directory when tests run. */
    @Test
    void bundledRulesPassEveryScenarioAndEveryRuleFires() {
        Run run = check("check", "--coverage");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("Coverage: every rule fired in at least one scenario."), run.out());
        assertTrue(run.out().matches("(?s).*\\n\\d+ passed, 0 failed\\n$"), run.out());
    }

    @Test
    void theSuiteCatchesEveryThresholdCapAndWindowChange() {
        Run run = check("check", "--rules", BundledRules.DIR.toString(), "--mutate");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains(" 0 survived"), run.out());
    }

    @Test
    void aThresholdChangeFailsTheScenariosThatPinIt() throws Exception {
        Path rules = RulesCopy.of(temp);
        RulesCopy.replace(rules.resolve("payers/priority_health/code-families.csv"),
                ",99487,60,99489,90,30,2,", ",99487,61,99489,90,30,2,");

        Run run = check("check", rules.toString(), "--junit", temp.resolve("report.xml").toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL payers/priority_health/scenarios/threshold-60-minutes.yaml"), run.out());
        assertTrue(run.out().contains("claim lines differ"), run.out());
        String report = Files.readString(temp.resolve("report.xml"));
        assertTrue(report.contains("name=\"payers/priority_health/scenarios/threshold-60-minutes.yaml\"><failure"), report);
    }

    @Test
    void aTrainingWindowChangeFails() throws Exception {
        Path rules = RulesCopy.of(temp);
        RulesCopy.replace(rules.resolve("payers/bcbsm/bcbsm.drl"), "return 6;", "return 5;");
        Run run = check("check", rules.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL payers/bcbsm/scenarios/training-grace-window-last-day.yaml"), run.out());
    }

    @Test
    void aRuleSetPeriodOneMonthLaterFailsTheFirstMonthScenario() throws Exception {
        Path rules = RulesCopy.of(temp);
        RulesCopy.replace(rules.resolve("payers/medicaid_hmo/rule-set.csv"), "MEDICAID_HMO,2022-01,,", "MEDICAID_HMO,2022-02,,");
        Run run = check("check", rules.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL common/scenarios/rule-sets-2022-01-in-force.yaml"), run.out());
    }

    @Test
    void aLongerDayFailsTheDailyTimeScenario() throws Exception {
        Path rules = RulesCopy.of(temp);
        RulesCopy.replace(rules.resolve("common/plausibility.drl"), "return 1440;", "return 1441;");
        Run run = check("check", rules.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL common/scenarios/daily-time-1441-minutes-across-two-patients-counts-nowhere.yaml"),
                run.out());
    }

    @Test
    void anExpectedLineWithoutEstimateFailsWhenTheLineHasOne() throws Exception {
        Path rules = RulesCopy.of(temp);
        RulesCopy.replace(rules.resolve("payers/medicare/scenarios/complex-65-minutes-high-2026-03-fees-bill-staff-codes.yaml"),
                "estimatedAmount: 66.13", "estimatedAmount: null");
        Run run = check("check", rules.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL payers/medicare/scenarios/complex-65-minutes-high-2026-03-fees-bill-staff-codes.yaml"),
                run.out());
        assertTrue(run.out().contains("no estimate") && run.out().contains("$66.13"), run.out());
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path drl = rules.resolve("payers/medicare/medicare.drl");
        RulesCopy.replace(drl, "chronicConditions.size() < 2", "chronicConditions.size() < < 2");
        long line = Files.readAllLines(drl).stream().takeWhile(l -> !l.contains("< < 2")).count() + 1;

        Run run = check("check", rules.toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("ERROR payers/medicare/medicare.drl:" + line), run.out());
    }

    /** A rule set folder without scenarios is refused, naming the folder's rule file. */
    @Test
    void aPayerFolderWithoutScenariosIsRefused() throws Exception {
        Path rules = RulesCopy.of(temp);
        try (var files = Files.list(rules.resolve("payers/priority_health/scenarios"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        Run run = check("check", "--rules", rules.toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("ERROR payers/priority_health/priority_health.drl:1:1: the rule set folder "
                + "payers/priority_health/ has no scenarios: add at least one payers/priority_health/scenarios/*.yaml"),
                run.out());
    }

    /** A rule that no scenario fires is refused at its declaration, unless it says why it cannot be fired. */
    @Test
    void aRuleNoScenarioFiresIsRefusedUnlessDormant() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path drl = rules.resolve("payers/bcbsm/bcbsm.drl");
        long line = append(drl, """
                rule "BCBSM: time over 1000 minutes in one entry is suspicious"
                    @source("test")
                when
                    $e : TimeEntry( minutes > 1000 )
                then
                    insertLogical(new Exclusion($e.id(), $e.patientId(), null, "DOCUMENTATION_INCOMPLETE", "long", "x"));
                end
                """);

        Run refused = check("check", "--rules", rules.toString(), "--junit", temp.resolve("report.xml").toString());

        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("ERROR payers/bcbsm/bcbsm.drl:" + line + ":1: rule \"BCBSM: time over 1000 "
                + "minutes in one entry is suspicious\" is fired by no scenario: add a scenario that fires it, or mark it "
                + "@dormant(\"why no bundled scenario can\")"), refused.out());
        assertTrue(refused.out().endsWith("passed, 0 failed, 1 evidence problem(s)\n"), refused.out());
        assertTrue(Files.readString(temp.resolve("report.xml")).contains("classname=\"evidence\" name=\"payers/bcbsm/bcbsm.drl:"
                + line + "\"><failure"));

        RulesCopy.replace(drl, "    @source(\"test\")\nwhen\n    $e : TimeEntry( minutes > 1000 )",
                "    @source(\"test\")\n    @dormant(\"requests cap entries at 1440 minutes; kept for hand-made facts\")\nwhen\n"
                        + "    $e : TimeEntry( minutes > 1000 )");
        Run dormant = check("check", "--rules", rules.toString());
        assertEquals(0, dormant.exit(), dormant.out());
    }

    /**
     * A rule that matches staff by name, not by id, changes nothing in any scenario alone, but in a
     * month-end batch it would join one line's staff with another's (or with a second request of the same
     * clinic's): refused at the rule, with the scenarios whose results it changes.
     */
    @Test
    void aRuleThatJoinsBatchLinesIsRefusedAtItsDeclaration() throws Exception {
        Path rules = RulesCopy.of(temp);
        long line = append(rules.resolve("payers/bcbsm/bcbsm.drl"), """
                rule "BCBSM: one person recorded under two staff ids does not count"
                    @source("test")
                    @dormant("no scenario records one person twice")
                when
                    $s : Staff( $name : name )
                    Staff( name == $name, id != $s.id )
                    $e : TimeEntry( staffId == $s.id )
                then
                    insertLogical(new Exclusion($e.id(), $e.patientId(), null, "DOCUMENTATION_INCOMPLETE",
                        "recorded twice", drools.getRule().getName()));
                end
                """);

        Run refused = check("check", "--rules", rules.toString());

        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("ERROR payers/bcbsm/bcbsm.drl:" + line + ":1: rule \"BCBSM: one person "
                + "recorded under two staff ids does not count\" joins facts of different batch lines: evaluated in one "
                + "session with the scenarios of "), refused.out());
        assertTrue(refused.out().contains(" together; tie every pattern to the facts before it by patient, staff or "
                + "entry id"), refused.out());
        assertTrue(refused.out().matches("(?s).*ERROR [\\w/.-]+\\.yaml: \\d+ of the \\d+ scenarios get other results "
                + "when evaluated as a month-end batch would \\(with a copy of themselves and the other scenarios of their "
                + "month in one session\\) than alone: .*This one \\(\\d{4}-\\d{2}\\), together: \\+ finding "
                + "DOCUMENTATION_INCOMPLETE for entry \\w+ \\(rule \"BCBSM: one person recorded under two staff ids does "
                + "not count\"\\).*"), refused.out());
        assertTrue(refused.out().endsWith(" passed, 0 failed, 2 evidence problem(s)\n"), refused.out());
    }

    /**
     * A rule whose condition counts the patients of the whole request leaves no other line's fact in its
     * match, but changes results once many requests share a session: refused with the scenarios it changes.
     */
    @Test
    void aRuleThatCountsAcrossBatchLinesIsRefused() throws Exception {
        Path rules = RulesCopy.of(temp);
        append(rules.resolve("payers/bcbsm/bcbsm.drl"), """
                rule "BCBSM: a practice with more than ten patients in one request needs review"
                    @source("test")
                    @dormant("no scenario has more than ten patients")
                when
                    accumulate( Patient( ); $patients : count(); $patients > 10 )
                    $e : TimeEntry( )
                then
                    insertLogical(new Exclusion($e.id(), $e.patientId(), null, "DOCUMENTATION_INCOMPLETE",
                        "review", drools.getRule().getName()));
                end
                """);

        Run refused = check("check", "--rules", rules.toString());

        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().matches("(?s).* of the \\d+ scenarios get other results when evaluated as a month-end "
                + "batch would.*"), refused.out());
        assertTrue(refused.out().contains("(rule \"BCBSM: a practice with more than ten patients in one request needs "
                + "review\")"), refused.out());
        assertTrue(!refused.out().contains("joins facts of different batch lines"), refused.out());
    }

    /** Appends {@code rule} to {@code drl} after a blank line; the line of its declaration. */
    private static long append(Path drl, String rule) throws java.io.IOException {
        String before = Files.readString(drl) + "\n";
        Files.writeString(drl, before + rule);
        return before.lines().count() + 1;
    }

    /** A typo in a table cell fails check at its file, line and column, with the allowed values. */
    @Test
    void aMistypedDateOfServiceModeRuleSetOrRoleNamesFileLineAndColumn() throws Exception {
        String families = "payers/medicare/code-families.csv";
        assertTableTypoRefused(families, "MEDICARE,PHYSICIAN_CCM", "LAST_DAY_OF_MONTH,PHYSICIAN QHP,", "LAST_DAY,PHYSICIAN QHP,",
                11, "dateOfService 'LAST_DAY' is not a date-of-service mode; allowed: LAST_DAY_OF_MONTH, THRESHOLD_MET "
                        + "(vocabulary.csv (kind DATE_OF_SERVICE))");
        assertTableTypoRefused(families, "MEDICARE,STAFF_CCM", "MEDICARE,STAFF_CCM,", "MEDICAR,STAFF_CCM,",
                1, "ruleSet 'MEDICAR' is not a rule set; allowed: BCBSM, MEDICAID_HMO, MEDICARE, PRIORITY_HEALTH (rule-set.csv)");
        assertTableTypoRefused(families, "MEDICARE,COMPLEX_CCM", "PHYSICIAN QHP CLINICAL_STAFF,", "PHYSICIAN QHP CLINICAL_STAF,",
                12, "countedRoles 'CLINICAL_STAF' is not a staff role; allowed: PHYSICIAN, QHP, CLINICAL_STAFF, NON_CLINICAL, "
                        + "separated by spaces (vocabulary.csv (kind ROLE))");
        assertTableTypoRefused("payers/bcbsm/payers.csv", "BCN,", "BCN,BCBSM,", "BCN,BCBS,",
                2, "ruleSet 'BCBS' is not a rule set; allowed: BCBSM, MEDICAID_HMO, MEDICARE, PRIORITY_HEALTH (rule-set.csv)");
        assertTableTypoRefused("common/methods.csv", "EMAIL,", "EMAIL,false,MEDICARE,", "EMAIL,no,MEDICARE,",
                2, "faceToFace 'no' is not true or false");
    }

    private void assertTableTypoRefused(String table, String rowStart, String from, String to, int column, String message)
            throws Exception {
        Path rules = RulesCopy.into(temp.resolve("typo"));
        Path file = rules.resolve(table);
        List<String> lines = Files.readAllLines(file);
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(rowStart)) {
                line = i + 1;
                lines.set(i, lines.get(i).replace(from, to));
            }
        }
        Files.write(file, lines);

        Run run = check("check", "--rules", rules.toString());

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("The rules do not compile (1 problem(s)):\n  ERROR " + table + ":" + line + ":" + column
                + ": " + message + "\n"), run.out());
    }

    /** A table saved by Excel: a UTF-8 byte-order mark and CRLF line ends. */
    @Test
    void aTableWithAByteOrderMarkAndCrlfLineEndsPasses() throws Exception {
        Path rules = RulesCopy.of(temp);
        for (String table : List.of("payers/medicare/code-families.csv", "common/vocabulary.csv", "payers/bcbsm/payers.csv")) {
            Path file = rules.resolve(table);
            Files.writeString(file, "\uFEFF" + String.join("\r\n", Files.readAllLines(file)) + "\r\n");
        }

        Run run = check("check", "--rules", rules.toString());

        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains(" passed, 0 failed\n"), run.out());
    }
}
