package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.ruleset.LoadedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rule files, not Java, decide which payers exist and how their time is billed. */
class PayerAsDataTest {

    @TempDir
    Path temp;

    static final String REQUEST = """
            {"month": "2026-03",
             "patients": [{"id": "P1", "payer": "ACME_HEALTH"}],
             "staff": [{"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": true}],
             "entries": [
               {"id": "E1", "patientId": "P1", "staffId": "S1", "date": "2026-03-04", "minutes": 30,
                "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "Home health", "note": "Visit plan"},
               {"id": "E2", "patientId": "P1", "staffId": "S1", "date": "2026-03-20", "minutes": 25,
                "activity": "CARE_COORDINATION", "method": "PHONE", "counterpart": "DME", "note": "Home O2"}]}""";

    @Test
    void aNewPayerIsANewFolderOfRules() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path acme = Files.createDirectories(rules.resolve("payers/acme"));
        Files.writeString(acme.resolve("acme.drl"), """
                package payers.acme
                import care.billing.model.*;
                rule "Acme rule set covers ACME_HEALTH"
                when
                    Patient( payer == "ACME_HEALTH", $pid : id, $payer : payer )
                then
                    insertLogical(new PayerRuleSet($pid, $payer, "ACME"));
                end
                """);
        Files.writeString(acme.resolve("rule-set.csv"), """
                ruleSet,effectiveFrom,effectiveTo,citation
                ACME,2026-01,,test
                """);
        Files.writeString(acme.resolve("code-families.csv"), """
                ruleSet,family,name,primaryCode,primaryMinutes,addOnCode,addOnFirstUnitMinutes,addOnBlockMinutes,addOnMaxUnits,preference,dateOfService,effectiveFrom,effectiveTo,citation
                ACME,CARE_COORDINATION,Acme care coordination,99487,45,99489,75,30,,1,THRESHOLD_MET,,,test
                """);
        Files.writeString(acme.resolve("fees.csv"), """
                ruleSet,code,amount,effectiveFrom,effectiveTo,citation
                ACME,99487,100.00,,,test
                """);

        Evaluation evaluation = evaluate(RulesCopy.compile(rules));

        assertEquals(List.of(new ClaimLine("P1", "ACME_HEALTH", null, "CARE_COORDINATION", "99487", 1, 55,
                        LocalDate.parse("2026-03-20"), List.of("E1", "E2"), "Acme care coordination",
                        "payers/acme/code-families.csv:2", new BigDecimal("100.00"), false)),
                evaluation.claimLines());
    }

    @Test
    void withoutTheFolderThePayerHasNoRules() {
        Evaluation evaluation = evaluate(BundledRules.get());
        assertEquals(List.of(), evaluation.claimLines());
        assertEquals(List.of("NO_RULES_FOR_PAYER"), evaluation.findings().stream().map(f -> f.code()).toList());
    }

    private static Evaluation evaluate(LoadedRules rules) {
        try {
            return BundledRules.evaluator().evaluate(rules, BundledRules.reader().read(REQUEST.getBytes()));
        } catch (RuntimeException e) {
            throw new AssertionError(e);
        }
    }
}
