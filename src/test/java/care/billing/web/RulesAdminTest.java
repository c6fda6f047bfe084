package care.billing.web;

import care.billing.evaluation.RulesCopy;
import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service runs on a copy of rules/ that these tests edit, as a compliance analyst would. */
@QuarkusTest
@TestProfile(RulesAdminTest.CopiedRules.class)
class RulesAdminTest {

    static final Path RULES = Path.of("target/admin-test-rules");

    public static class CopiedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyBundledRules();
            // A reload runs every scenario, and the looping-rule test runs one to the firing limit: on a busy
            // build machine that takes longer than RestAssured's default 30 s, so the limit is lower and
            // the client waits longer (the service's own limits are tested in RunawayRulesTest).
            return Map.of("billing.rules.dir", RULES.toString(), "billing.engine.max-firings", "20000",
                    "quarkus.http.test-timeout", "120s");
        }
    }

    static void copyBundledRules() {
        try {
            RulesCopy.into(RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin");
    }

    static final String TWENTY_MINUTES = request("2026-03", entry("E1", "2026-03-04", 20));

    static String evaluatedVersion() {
        return given().contentType(ContentType.JSON).body(TWENTY_MINUTES).post("/api/v1/evaluations")
                .then().statusCode(200).extract().path("rulesVersion");
    }

    static String servingVersion() {
        return admin().get("/api/v1/rules").then().statusCode(200).extract().path("rulesVersion");
    }

    static void edit(String file, String from, String to) throws IOException {
        RulesCopy.replace(RULES.resolve(file), from, to);
    }

    @AfterEach
    void restoreRulesAndReload() {
        copyBundledRules();
        admin().post("/api/v1/rules/reload").then().statusCode(200);
    }

    @Test
    void adminEndpointsNeedTheRulesAdminRole() {
        given().get("/api/v1/rules").then().statusCode(401);
        given().post("/api/v1/rules/reload").then().statusCode(401);
        given().auth().preemptive().basic("billing", "billing").get("/api/v1/rules").then().statusCode(403);
        given().auth().preemptive().basic("admin", "wrong").get("/api/v1/rules").then().statusCode(401);
        given().contentType(ContentType.JSON).body(TWENTY_MINUTES).post("/api/v1/evaluations").then().statusCode(200);
    }

    @Test
    void rulesInfoNamesVersionFilesRuleSetsAndSources() {
        admin().get("/api/v1/rules").then().statusCode(200)
                .body("rulesVersion", equalTo(evaluatedVersion()))
                .body("files", hasItem("payers/medicare/medicare.drl"))
                .body("ruleSets", hasItem("BCBSM"))
                .body("ruleSetPeriods.find { it.ruleSet == 'MEDICARE' }.effectiveFrom", equalTo("2022-01"))
                .body("ruleSetPeriods.find { it.ruleSet == 'MEDICARE' }.row", equalTo("payers/medicare/rule-set.csv:8"))
                .body("feePeriods.findAll { it.ruleSet == 'MEDICARE' }.effectiveFrom", equalTo(List.of("2025-01", "2026-01")))
                .body("feePeriods.findAll { it.ruleSet == 'MEDICARE' }.effectiveTo", equalTo(List.of("2025-12", "2026-12")))
                .body("feePeriods.find { it.effectiveFrom == '2026-01' }.codes",
                        equalTo(List.of("99437", "99439", "99487", "99489", "99490", "99491")))
                .body("rules.find { it.name == 'Medicare: time before the consent date does not count' }.source",
                        equalTo("docs/billing-policy.md §3.2"))
                .body("history[0].outcome", equalTo("LOADED"));
    }

    @Test
    void validateReportsFileAndLineWithoutLoading() {
        String before = servingVersion();
        admin().contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("payers/medicare/extra.drl", "package payers.medicare\n\nrule \"x\"\nwhen\n  Patient( ==\nthen\nend\n")))
                .post("/api/v1/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].file", equalTo("payers/medicare/extra.drl"))
                .body("problems[0].line", equalTo(5));
        admin().post("/api/v1/rules/validate").then().statusCode(200).body("valid", equalTo(true));
        assertEquals(before, servingVersion());
    }

    @Test
    void aSyntaxErrorIsRefusedAndTheOldRulesKeepServing() throws IOException {
        String before = servingVersion();
        edit("common/choice.drl", "rankCents > $rank", "rankCents >> $rank");
        admin().post("/api/v1/rules/reload").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/rules-rejected"))
                .body("problems[0].file", equalTo("common/choice.drl"))
                .body("problems[0].line", not(equalTo(0)));
        assertEquals(before, evaluatedVersion());
    }

    @Test
    void aThresholdChangeThatBreaksAScenarioIsRefused() throws IOException {
        String before = servingVersion();
        edit("payers/medicare/code-families.csv", ",99490,20,99439,40,20,2,3,", ",99490,25,99439,40,20,2,3,");
        admin().post("/api/v1/rules/reload").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/rules-rejected"))
                .body("rulesVersion", startsWith("sha256:"))
                .body("failedScenarios.file", hasItem("payers/medicare/scenarios/staff-99490-at-20-minutes.yaml"))
                .body("failedScenarios[0].report", containsString("claim lines differ"));
        assertEquals(before, evaluatedVersion());
        given().contentType(ContentType.JSON).body(TWENTY_MINUTES).post("/api/v1/evaluations")
                .then().body("claimLines[0].code", equalTo("99490"));
    }

    @Test
    void aLoopingRuleIsRefusedByReload() throws IOException {
        String before = servingVersion();
        Files.writeString(RULES.resolve("common/loop.drl"), RulesCopy.LOOPING_RULE);
        admin().post("/api/v1/rules/reload").then().statusCode(422)
                .body("failedScenarios[0].report", containsString("Counts forever"));
        assertEquals(before, evaluatedVersion());
    }

    @Test
    void aPayerFolderWithoutScenariosIsRefusedByReload() throws IOException {
        String before = servingVersion();
        try (var files = Files.list(RULES.resolve("payers/medicaid_hmo/scenarios"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        admin().post("/api/v1/rules/reload").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/rules-rejected"))
                .body("problems.file", hasItem("payers/medicaid_hmo/medicaid_hmo.drl"))
                .body("problems.message", hasItem(startsWith("the rule set folder payers/medicaid_hmo/ has no scenarios")));
        assertEquals(before, evaluatedVersion());
    }

    @Test
    void aRuleNoScenarioFiresIsRefusedByReload() throws IOException {
        String before = servingVersion();
        Files.writeString(RULES.resolve("common/unfired.drl"), """
                package common
                import care.billing.model.*;

                rule "Never fired"
                when
                    TimeEntry( minutes > 5000 )
                then
                end
                """);
        admin().post("/api/v1/rules/reload").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("1 problem(s) keep the rules from loading; the rules serving did not change"))
                .body("problems[0].file", equalTo("common/unfired.drl"))
                .body("problems[0].line", equalTo(4))
                .body("problems[0].column", equalTo(1))
                .body("problems[0].message", startsWith("rule \"Never fired\" is fired by no scenario"));
        assertEquals(before, evaluatedVersion());
    }

    @Test
    void aValidChangeIsLoadedAndTheVersionChanges() throws IOException {
        String before = servingVersion();
        edit("payers/medicare/medicare.drl", "// Medicare chronic care management", "// Medicare CCM, reviewed");
        admin().post("/api/v1/rules/reload").then().statusCode(200)
                .body("outcome", equalTo("LOADED"))
                .body("previousVersion", equalTo(before))
                .body("rulesVersion", startsWith("sha256:"));
        String after = evaluatedVersion();
        assertNotEquals(before, after);
        admin().get("/api/v1/rules").then()
                .body("history.find { it.rulesVersion == '" + after + "' }.who", equalTo("admin"));
    }

    @Test
    void validateAndImpactBodiesOverTheLimitAre413WithTheLimit() {
        String big = "{\"files\": {\"common/x.drl\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}}";
        for (String endpoint : List.of("/api/v1/rules/validate", "/api/v1/rules/impact")) {
            admin().contentType(ContentType.JSON).body(big).post(endpoint)
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("detail", containsString("5242880"));
        }
    }

    @Test
    void impactShowsTheLinesACandidateChangeWouldMove() throws IOException {
        edit("payers/medicare/fees.csv", "MEDICARE,99490,66.13", "MEDICARE,99490,70.00");
        admin().contentType(ContentType.JSON).body(TWENTY_MINUTES).post("/api/v1/rules/impact").then().statusCode(200)
                .body("changed[0].before.estimatedAmount", equalTo(66.13f))
                .body("changed[0].after.estimatedAmount", equalTo(70.00f))
                .body("estimatedAmountDifference", equalTo(3.87f));
    }

    @Test
    void explainListsTheRulesFiredPerPatient() {
        given().contentType(ContentType.JSON).body(TWENTY_MINUTES).post("/api/v1/evaluations?explain=true")
                .then().statusCode(200)
                .body("explanations.P1", hasItem("common: Bill the chosen family's primary code"))
                .body("explanations.P1", hasItem("common: A rule set bills the patient's payer in the months it is in force"));
    }

    @Test
    void evaluationsFromSeveralClientsSeeNoErrorThroughFiveReloads() throws Exception {
        Set<String> versions = ConcurrentHashMap.newKeySet();
        versions.add(servingVersion());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            results.add(clients.submit(() -> {
                int calls = 0;
                while (running.get()) {
                    given().contentType(ContentType.JSON).body(TWENTY_MINUTES).post("/api/v1/evaluations")
                            .then().statusCode(200)
                            .body("claimLines[0].code", equalTo("99490"))
                            .body("claimLines[0].units", equalTo(1));
                    calls++;
                }
                return calls;
            }));
        }
        for (int i = 1; i <= 5; i++) {
            edit("payers/medicare/medicare.drl", i == 1 ? "// Medicare chronic care management" : "// reload " + (i - 1),
                    "// reload " + i);
            versions.add(admin().post("/api/v1/rules/reload").then().statusCode(200).extract().path("rulesVersion"));
        }
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        int calls = 0;
        for (Future<Integer> result : results) {
            calls += result.get();
        }
        assertEquals(6, versions.size());
        assertTrue(calls > 0);
    }
}
