package care.billing.ruleset;

import care.billing.evaluation.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every table has a schema: each violation is one problem at its file, line and column, in the
 * analyst's words (never a Java class or a parser's wording).
 */
class TableSchemaTest {

    static final String FAMILIES = "payers/medicare/code-families.csv";
    static final String STAFF_ROW = "MEDICARE,STAFF_CCM,Medicare CCM,99490,20,99439,40,20,2,3,LAST_DAY_OF_MONTH,"
            + "PHYSICIAN QHP CLINICAL_STAFF,,,";

    @TempDir
    Path temp;

    @Test
    void numbersHaveRanges() throws Exception {
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",99490,20,", ",99490,0,"), 5,
                "primaryMinutes 0 is less than 1; it must be 1 or more");
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",20,2,3,", ",20,-1,3,"), 9,
                "addOnMaxUnits -1 is less than 0; it must be 0 or more");
        assertRowRefused("payers/medicare/fees.csv", "MEDICARE,99490,66.13,", "MEDICARE,99490,-66.13,", 3,
                "amount -66.13 is less than 0; it must be 0 or more");
        assertRowRefused("payers/medicare/fees.csv", "MEDICARE,99490,66.13,", "MEDICARE,99490,$66.13,", 3,
                "amount '$66.13' is not an amount such as 66.13; it must give the allowed amount per unit in dollars");
    }

    @Test
    void requiredCellsAndCodesOfTheVocabulary() throws Exception {
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",Medicare CCM,", ",,"), 3,
                "name is empty; it must give how claim lines cite the family, without numbers");
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",99439,", ",99493,"), 6,
                "addOnCode '99493' is not a billing code; allowed: 99490, 99439, 99491, 99437, 99487, 99489 "
                        + "(vocabulary.csv (kind CODE))");
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",STAFF_CCM,", ",STAFF,"), 2,
                "family 'STAFF' is not a code family; allowed: STAFF_CCM, PHYSICIAN_CCM, COMPLEX_CCM, CARE_COORDINATION "
                        + "(vocabulary.csv (kind FAMILY))");
        assertRowRefused("common/activities.csv", "CHART_PREP,false,", "CHART_PREP,no,", 2,
                "counts 'no' is not true or false");
    }

    @Test
    void columnsThatBelongTogetherAndPeriodsInOrder() throws Exception {
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",99439,40,20,2,", ",99439,,20,2,"), 7,
                "addOnFirstUnitMinutes is empty; a family with an add-on code gives the minutes of its add-on units");
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",99439,40,20,2,", ",,40,,,"), 7,
                "addOnFirstUnitMinutes is set but addOnCode is empty; leave it empty or name the add-on code");
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace("CLINICAL_STAFF,,,", "CLINICAL_STAFF,2027-01,2026-12,"), 14,
                "effectiveFrom 2027-01 is after effectiveTo 2026-12; the row would never be in force");
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace("CLINICAL_STAFF,,,", "CLINICAL_STAFF,2027-1,,"), 13,
                "effectiveFrom: effective month '2027-1' is not YYYY-MM");
    }

    /** A name that repeats a number would go stale when the number changes: claim lines derive it. */
    @Test
    void aNameMayNotRepeatTheNumbers() throws Exception {
        assertRowRefused(FAMILIES, STAFF_ROW, STAFF_ROW.replace(",Medicare CCM,", ",\"Medicare CCM: 99490 first 20 minutes\","),
                3, "name 'Medicare CCM: 99490 first 20 minutes' contains the number 99490; claim lines cite the codes, "
                        + "minutes and caps from the row's own columns, so write the name without numbers (e.g. 'Medicare CCM')");
    }

    @Test
    void aWordIsDeclaredOnceAndPayerCodesIgnoreLetterCase() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path payers = rules.resolve("payers/priority_health/payers.csv");
        Files.writeString(payers, Files.readString(payers) + "bcn,PRIORITY_HEALTH,,test\n");
        Path vocabulary = rules.resolve("common/vocabulary.csv");
        Files.writeString(vocabulary, Files.readString(vocabulary) + "ROLE,QHP,again,test\nROLES,RN,typo,test\n");

        List<RuleProblem> problems = problems(rules);

        int payerLine = Files.readAllLines(payers).size();
        int vocabularyLine = Files.readAllLines(vocabulary).size();
        assertEquals(List.of(
                "common/vocabulary.csv:" + (vocabularyLine - 1) + ":2: the staff role 'QHP' is declared already at "
                        + "common/vocabulary.csv:" + lineOf(vocabulary, "ROLE,QHP,"),
                "common/vocabulary.csv:" + vocabularyLine + ":1: kind 'ROLES' is not a kind of word this table declares; "
                        + "allowed: [ROLE, COMPLEXITY, CODE, FAMILY, DATE_OF_SERVICE, STAFF_REQUIREMENT]",
                "payers/priority_health/payers.csv:" + payerLine + ":1: the payer 'bcn' is declared already at "
                        + "payers/bcbsm/payers.csv:" + lineOf(rules.resolve("payers/bcbsm/payers.csv"), "BCN,")
                        + " as 'BCN' (payer codes ignore letter case)"),
                problems.stream().map(RuleProblem::toString).toList());
    }

    @Test
    void headersNameKnownColumnsOnceAndRowsFitThem() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path fees = rules.resolve("payers/medicare/fees.csv");
        RulesCopy.replace(fees, "ruleSet,code,amount,", "ruleSet,code,amount,amount,");
        Path families = rules.resolve(FAMILIES);
        RulesCopy.replace(families, ",countedRoles,", ",countedRole,");
        Path payers = rules.resolve("payers/medicare/payers.csv");
        RulesCopy.replace(payers, "MEDICARE,MEDICARE,Medicare Part B,", "MEDICARE,MEDICARE,Medicare, Part B,");

        List<String> problems = problems(rules).stream().map(RuleProblem::toString).toList();

        int header = lineOf(families, "ruleSet,family");
        assertEquals(List.of(
                "payers/medicare/code-families.csv:" + header + ":12: unknown column 'countedRole'; the columns of "
                        + "code-families.csv are ruleSet, family, name, primaryCode, primaryMinutes, addOnCode, "
                        + "addOnFirstUnitMinutes, addOnBlockMinutes, addOnMaxUnits, preference, dateOfService, countedRoles, "
                        + "effectiveFrom, effectiveTo, citation",
                "payers/medicare/code-families.csv:" + header + ":16: column 'countedRoles' is missing; it gives the staff "
                        + "roles whose time counts toward the family",
                "payers/medicare/fees.csv:" + lineOf(fees, "ruleSet,code") + ":4: column 'amount' appears twice",
                "payers/medicare/payers.csv:" + lineOf(payers, "MEDICARE,MEDICARE") + ":5: the row has 5 cells; the header "
                        + "names 4 columns (quote a cell that holds a comma)"),
                problems.stream().filter(p -> !p.contains("countedRoles is empty")).sorted().toList());
    }

    private void assertRowRefused(String table, String row, String changed, int column, String message) throws Exception {
        Path rules = RulesCopy.into(temp.resolve("rules"));
        Path file = rules.resolve(table);
        RulesCopy.replace(file, row, changed);

        List<RuleProblem> problems = problems(rules);

        assertEquals(List.of(new RuleProblem(table, lineOf(file, changed), column, message)), problems);
        assertFalse(message.contains("care.billing") || message.contains("reference chain"), message);
    }

    private static List<RuleProblem> problems(Path rules) {
        return assertThrows(RuleProblemsException.class, () -> new RuleCompiler().compile(RuleFiles.read(rules))).problems();
    }

    private static int lineOf(Path file, String start) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line starting " + start);
    }
}
