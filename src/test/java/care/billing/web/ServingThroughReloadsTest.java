package care.billing.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluations from several clients while the rules are reloaded again and again, with sessions reused
 * (billing.engine.reuse-sessions): no error, and every response's rulesVersion is that of the rules
 * that ran it. Each reload renames one rule, so the rules that ran are seen in the response's
 * explanation (the rules fired), independently of the version it names.
 */
@QuarkusTest
@TestProfile(RulesAdminTest.CopiedRules.class)
class ServingThroughReloadsTest {

    static final String RULE = "Bill the chosen family's primary code";
    static final int RELOADS = 3;

    @AfterEach
    void restoreRulesAndReload() {
        RulesAdminTest.copyBundledRules();
        RulesAdminTest.admin().post("/api/v1/rules/reload").then().statusCode(200);
    }

    @Test
    void everyResponseNamesTheVersionOfTheRulesThatRanIt() throws Exception {
        Map<String, String> ruleNameOf = new HashMap<>();
        ruleNameOf.put(RulesAdminTest.servingVersion(), "common: " + RULE);
        Map<String, String> seen = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            results.add(clients.submit(() -> {
                int calls = 0;
                while (running.get()) {
                    JsonPath body = given().contentType(ContentType.JSON).body(RulesAdminTest.TWENTY_MINUTES)
                            .post("/api/v1/evaluations?explain=true").then().statusCode(200).extract().jsonPath();
                    assertEquals("99490", body.getString("claimLines[0].code"));
                    String version = body.getString("rulesVersion");
                    List<String> fired = body.getList("explanations.P1", String.class).stream()
                            .filter(rule -> rule.startsWith("common: " + RULE)).toList();
                    assertEquals(1, fired.size(), fired::toString);
                    String earlier = seen.putIfAbsent(version, fired.get(0));
                    assertTrue(earlier == null || earlier.equals(fired.get(0)),
                            () -> version + " ran as " + earlier + " and as " + fired.get(0));
                    calls++;
                }
                return calls;
            }));
        }
        String name = RULE;
        for (int i = 1; i <= RELOADS; i++) {
            String renamed = RULE + ", reload " + i;
            RulesAdminTest.edit("common/choice.drl", "rule \"" + name + "\"", "rule \"" + renamed + "\"");
            name = renamed;
            String version = RulesAdminTest.admin().post("/api/v1/rules/reload").then().statusCode(200)
                    .extract().path("rulesVersion");
            ruleNameOf.put(version, "common: " + renamed);
        }
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        int calls = 0;
        for (Future<Integer> result : results) {
            calls += result.get();
        }
        assertTrue(calls > 0);
        assertEquals(RELOADS + 1, ruleNameOf.size());
        assertTrue(seen.size() > 1, () -> "the clients saw one version only: " + seen.keySet());
        seen.forEach((version, rule) -> assertEquals(ruleNameOf.get(version), rule, version));
    }
}
