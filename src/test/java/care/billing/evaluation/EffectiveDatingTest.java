package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.ruleset.LoadedRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A request for month M uses exactly the rules and table rows in force in M, never the server clock. */
class EffectiveDatingTest {

    @TempDir
    Path temp;

    LoadedRules rules;

    @BeforeEach
    void rulesChangingInJanuary2027() throws IOException {
        Path dir = RulesCopy.of(temp);
        RulesCopy.replace(dir.resolve("payers/medicare/fees.csv"), "MEDICARE,99490,66.13,2026-01,2026-12,",
                "MEDICARE,99490,70.00,2027-01,2027-12,test\nMEDICARE,99490,66.13,2026-01,2026-12,");
        RulesCopy.replace(dir.resolve("payers/medicare/code-families.csv"),
                "99490,20,99439,40,20,2,3,LAST_DAY_OF_MONTH,PHYSICIAN QHP CLINICAL_STAFF,,,",
                "99490,20,99439,40,20,2,3,LAST_DAY_OF_MONTH,PHYSICIAN QHP CLINICAL_STAFF,,2026-12,");
        Path families = dir.resolve("payers/medicare/code-families.csv");
        Files.writeString(families, Files.readString(families)
                + "MEDICARE,STAFF_CCM,Medicare CCM as of the new year,99490,20,99439,40,20,3,3,LAST_DAY_OF_MONTH,PHYSICIAN QHP CLINICAL_STAFF,2027-01,,test\n");
        Files.writeString(dir.resolve("payers/medicare/email-2027.drl"), """
                package payers.medicare
                import care.billing.model.*;
                rule "Medicare from 2027: email no longer counts"
                    @effectiveFrom("2027-01")
                when
                    Coverage( $pid : patientId, ruleSet == "MEDICARE" )
                    $e : TimeEntry( patientId == $pid, method == "EMAIL" )
                then
                    insertLogical(new Exclusion($e.id(), $pid, null, "METHOD_NOT_COUNTABLE", "email", "test"));
                end
                """);
        rules = RulesCopy.compile(dir);
    }

    @Test
    void feeRowsFollowTheServiceMonth() {
        assertEquals(new BigDecimal("66.13"), lines("2026-12", 20, "PHONE").get(0).estimatedAmount());
        assertEquals(new BigDecimal("70.00"), lines("2027-01", 20, "PHONE").get(0).estimatedAmount());
    }

    @Test
    void capRowsFollowTheServiceMonth() {
        assertEquals(2, lines("2026-12", 80, "PHONE").get(1).units());
        assertEquals(3, lines("2027-01", 80, "PHONE").get(1).units());
    }

    @Test
    void datedRulesFireOnlyInTheirMonths() {
        assertEquals(1, lines("2026-12", 20, "EMAIL").size());
        assertEquals(List.of(), lines("2027-01", 20, "EMAIL"));
    }

    /** A month in which the rule set has no code family in force blames no staff role for its time. */
    @Test
    void noFamilyInForceIsNotBlamedOnStaffRoles() throws IOException {
        Path dir = RulesCopy.into(temp.resolve("later"));
        Path families = dir.resolve("payers/medicare/code-families.csv");
        String dated = Files.readString(families).replaceAll("(LAST_DAY_OF_MONTH,[A-Z_ ]+),,", "$1,2027-01,");
        assertEquals(3, dated.split(",2027-01,", -1).length - 1, "every Medicare family dated from 2027-01");
        Files.writeString(families, dated);
        LoadedRules later = RulesCopy.compile(dir);

        assertEquals(List.of(), findingCodes(later, "2026-12", "NON_CLINICAL"));
        assertEquals(List.of("STAFF_ROLE_NOT_COUNTABLE"), findingCodes(later, "2027-01", "NON_CLINICAL"));
    }

    private List<String> findingCodes(LoadedRules rules, String month, String role) {
        return BundledRules.evaluator().evaluate(rules, BundledRules.read(request(month, 20, "PHONE", role)))
                .findings().stream().map(Finding::code).sorted().toList();
    }

    private List<ClaimLine> lines(String month, int minutes, String method) {
        return BundledRules.evaluator().evaluate(rules, BundledRules.read(
                request(month, minutes, method, "CLINICAL_STAFF"))).claimLines();
    }

    private static byte[] request(String month, int minutes, String method, String role) {
        return """
                {"month": "%s",
                 "patients": [{"id": "P1", "payer": "MEDICARE", "chronicConditions": ["E11.9", "I10"],
                               "consentDate": "2025-01-01", "carePlanOnFile": true, "complexity": "LOW"}],
                 "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "%s"}],
                 "entries": [{"id": "E1", "patientId": "P1", "staffId": "S1", "date": "%s-10", "minutes": %d,
                              "activity": "CARE_COORDINATION", "method": "%s", "counterpart": "Home health", "note": "Plan"}]}
                """.formatted(month, role, month, minutes, method).getBytes(StandardCharsets.UTF_8);
    }
}
