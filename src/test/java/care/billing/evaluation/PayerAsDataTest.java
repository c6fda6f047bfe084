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

    /** A payer whose rules are all data: a folder of tables, no rule file, no Java. */
    @Test
    void aNewPayerIsANewFolderOfTables() throws Exception {
        Evaluation evaluation = evaluate(acme(), REQUEST);

        assertEquals(List.of(new ClaimLine("P1", "ACME_HEALTH", null, "CARE_COORDINATION", "99487", 1, 55,
                        LocalDate.parse("2026-03-20"), List.of("E1", "E2"),
                        "Acme care coordination: 99487 from 45 minutes, 99489 from 75 minutes and each further full 30",
                        "payers/acme/code-families.csv:2", new BigDecimal("100.00"), false)),
                evaluation.claimLines());
    }

    /** Payer codes ignore letter case: the lines carry the code as payers.csv spells it. */
    @Test
    void aPayerCodeInAnyLetterCaseIsThePayer() throws Exception {
        Evaluation evaluation = evaluate(acme(), REQUEST.replace("\"ACME_HEALTH\"", "\"acme_Health\""));

        assertEquals(List.of("ACME_HEALTH 99487"), evaluation.claimLines().stream().map(l -> l.payer() + " " + l.code())
                .toList());
    }

    private LoadedRules acme() throws Exception {
        Path rules = RulesCopy.of(temp);
        Path acme = Files.createDirectories(rules.resolve("payers/acme"));
        Files.writeString(acme.resolve("payers.csv"), """
                payer,ruleSet,meaning,citation
                ACME_HEALTH,ACME,Acme Health,test
                """);
        Files.writeString(acme.resolve("rule-set.csv"), """
                ruleSet,effectiveFrom,effectiveTo,citation
                ACME,2026-01,,test
                """);
        Files.writeString(acme.resolve("code-families.csv"), """
                ruleSet,family,name,primaryCode,primaryMinutes,addOnCode,addOnFirstUnitMinutes,addOnBlockMinutes,addOnMaxUnits,preference,dateOfService,countedRoles,effectiveFrom,effectiveTo,citation
                ACME,CARE_COORDINATION,Acme care coordination,99487,45,99489,75,30,,1,THRESHOLD_MET,CLINICAL_STAFF,,,test
                """);
        Files.writeString(acme.resolve("fees.csv"), """
                ruleSet,code,amount,effectiveFrom,effectiveTo,citation
                ACME,99487,100.00,,,test
                """);
        RulesCopy.replace(rules.resolve("common/methods.csv"), "PHONE,false,MEDICARE", "PHONE,false,ACME MEDICARE");
        return RulesCopy.compile(rules);
    }

    @Test
    void withoutTheFolderThePayerHasNoRules() {
        Evaluation evaluation = evaluate(BundledRules.get(), REQUEST);
        assertEquals(List.of(), evaluation.claimLines());
        assertEquals(List.of("NO_RULES_FOR_PAYER"), evaluation.findings().stream().map(f -> f.code()).toList());
    }

    private static Evaluation evaluate(LoadedRules rules, String request) {
        try {
            return BundledRules.evaluator().evaluate(rules,
                    BundledRules.reader().read(request.getBytes(), rules.tables().vocabulary()));
        } catch (RuntimeException e) {
            throw new AssertionError(e);
        }
    }
}
