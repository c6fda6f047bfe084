package care.billing.web;

import care.billing.evaluation.RulesCopy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench over its API (docs/workbench.md), on a copy of the rules: drafts stay private, a
 * refused step loses nothing, publish is four-eyes and gated, the history names both people, and
 * rollback serves the old version again.
 */
@QuarkusTest
@TestProfile(WorkbenchTest.Isolated.class)
class WorkbenchTest {

    static final Path RULES = Path.of("target/workbench-test-rules");
    static final Path GOVERNANCE = Path.of("target/workbench-test", UUID.randomUUID().toString());
    static final String CODE_FAMILIES = "payers/medicare/code-families.csv";
    static final String STAFF_CCM_20 = "STAFF_CCM,Medicare CCM,99490,20,";
    static final String STAFF_CCM_25 = "STAFF_CCM,Medicare CCM,99490,25,";
    static final String TWENTY_MINUTES = request("2026-03", entry("E1", "2026-03-04", 20));

    public static class Isolated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                RulesCopy.into(RULES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("billing.rules.dir", RULES.toString(), "billing.governance.dir", GOVERNANCE.toString(),
                    "quarkus.http.test-timeout", "120s");
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    static String serving() {
        return as("viewer").get("/api/v1/rules").then().statusCode(200).extract().path("rulesVersion");
    }

    static String newDraft(String user) {
        return as(user).post("/api/v1/rules/drafts").then().statusCode(201)
                .body("baseVersion", equalTo(serving())).body("owner", equalTo(user)).body("changes", empty())
                .extract().path("id");
    }

    static String file(String user, String draft, String path) {
        return as(user).get("/api/v1/rules/drafts/" + draft + "/files/" + path).then().statusCode(200)
                .extract().asString();
    }

    static ValidatableResponse save(String user, String draft, String path, String text) {
        return as(user).contentType("text/plain").body(text).put("/api/v1/rules/drafts/" + draft + "/files/" + path)
                .then();
    }

    static ValidatableResponse publish(String user, String draft, String message) {
        return as(user).contentType("application/json").body(Map.of("message", message))
                .post("/api/v1/rules/drafts/" + draft + "/publish").then();
    }

    @Test
    void aThresholdChangeFailsItsScenariosAndARevertedReviewedChangeIsPublishedByAnotherUser() throws IOException {
        String before = serving();
        String draft = newDraft("editor");
        String families = file("editor", draft, CODE_FAMILIES);
        assertTrue(families.contains(STAFF_CCM_20));

        save("editor", draft, CODE_FAMILIES, families.replace(STAFF_CCM_20, STAFF_CCM_25)).statusCode(200)
                .body("problems", empty());
        as("editor").post("/api/v1/rules/drafts/" + draft + "/check").then().statusCode(200)
                .body("accepted", equalTo(false)).body("failed", greaterThan(0))
                .body("results.find { !it.passed }.expectedLines", hasItem(containsString("99490")));
        as("editor").contentType("application/json").body(TWENTY_MINUTES)
                .post("/api/v1/rules/drafts/" + draft + "/impact").then().statusCode(200)
                .body("servingVersion", equalTo(before))
                .body("requests[0].disappeared.code", contains("99490"))
                .body("requests[0].appeared", empty())
                .body("estimatedAmountDifference", equalTo(-66.13f));
        assertEquals(before, serving(), "checking a draft changes nothing serving");

        String reviewed = families.replace("# Medicare CCM code families", "# Medicare CCM code families, reviewed 2026-12");
        save("editor", draft, CODE_FAMILIES, reviewed).statusCode(200).body("problems", empty());
        as("editor").get("/api/v1/rules/drafts/" + draft).then().statusCode(200)
                .body("changes.path", contains(CODE_FAMILIES)).body("changes.change", contains("modified"))
                .body("lastEditor", equalTo("editor")).body("stale", equalTo(false));
        as("editor").post("/api/v1/rules/drafts/" + draft + "/check").then().statusCode(200)
                .body("accepted", equalTo(true)).body("failed", equalTo(0)).body("coverage.unfired", empty());
        assertTrue(as("approver").get("/api/v1/rules/drafts/" + draft + "/diff").then().statusCode(200).extract()
                .asString().contains("+# Medicare CCM code families, reviewed 2026-12"));

        publish("editor", draft, "reviewed").statusCode(403);
        String version = publish("approver", draft, "Medicare code families reviewed").statusCode(200)
                .body("previousVersion", equalTo(before)).body("scenariosPassed", greaterThan(100))
                .extract().path("rulesVersion");
        assertNotEquals(before, version);
        assertEquals(version, serving());
        assertEquals(reviewed, Files.readString(RULES.resolve(CODE_FAMILIES)), "published files land in the rules directory");
        as("approver").get("/api/v1/rules/drafts/" + draft).then().statusCode(404);

        as("viewer").get("/api/v1/rules/history").then().statusCode(200)
                .body("[0].rulesVersion", equalTo(version)).body("[0].kind", equalTo("publish"))
                .body("[0].editor", equalTo("editor")).body("[0].approver", equalTo("approver"))
                .body("[0].message", equalTo("Medicare code families reviewed"))
                .body("[0].serving", equalTo(true))
                .body("[0].changes.path", contains(CODE_FAMILIES))
                .body("find { it.rulesVersion == '" + before + "' }.serving", equalTo(false));
        String commit = as("viewer").get("/api/v1/rules/history").then().extract().path("[0].commit");
        assertTrue(as("viewer").get("/api/v1/rules/history/" + commit + "/diff").then().statusCode(200).extract()
                .asString().contains("+# Medicare CCM code families, reviewed 2026-12"));

        as("approver").contentType("application/json").body(Map.of("rulesVersion", before, "message", "undo"))
                .post("/api/v1/rules/rollback").then().statusCode(200)
                .body("rulesVersion", equalTo(before)).body("previousVersion", equalTo(version));
        assertEquals(before, serving());
        assertEquals(families, Files.readString(RULES.resolve(CODE_FAMILIES)));
        as("viewer").get("/api/v1/rules/history").then()
                .body("[0].kind", equalTo("rollback")).body("[0].approver", equalTo("approver"))
                .body("[0].rulesVersion", equalTo(before)).body("[0].message", containsString("undo"))
                .body("[1].rulesVersion", equalTo(version));
    }

    @Test
    void draftsArePrivateToTheirEditorAndVisibleToApprovers() {
        String mine = newDraft("editor");
        as("editor2").get("/api/v1/rules/drafts/" + mine).then().statusCode(404)
                .contentType("application/problem+json");
        as("editor2").get("/api/v1/rules/drafts/" + mine + "/files/" + CODE_FAMILIES).then().statusCode(404);
        save("editor2", mine, CODE_FAMILIES, "x").statusCode(404);
        as("editor2").get("/api/v1/rules/drafts").then().statusCode(200).body("id", not(hasItem(mine)));
        as("approver").get("/api/v1/rules/drafts").then().statusCode(200).body("id", hasItem(mine));

        String theirs = newDraft("editor2");
        save("editor2", theirs, "common/choice.drl", "// only in editor2's draft\n"
                + file("editor2", theirs, "common/choice.drl")).statusCode(200);
        assertTrue(!file("editor", mine, "common/choice.drl").contains("only in editor2's draft"));
        as("viewer").post("/api/v1/rules/drafts").then().statusCode(403);
        as("editor").delete("/api/v1/rules/drafts/" + mine).then().statusCode(204);
        as("editor2").delete("/api/v1/rules/drafts/" + theirs).then().statusCode(204);
    }

    @Test
    void aBrokenFileIsSavedWithItsProblemsAndARefusedPublishLosesNothing() {
        String before = serving();
        String draft = newDraft("admin");
        String broken = "package common;\n\nrule \"broken\"\nwhen\n    Nonsense( )\nthen\nend\n";
        save("admin", draft, "common/broken.drl", broken).statusCode(200)
                .body("problems[0].file", equalTo("common/broken.drl"))
                .body("problems[0].line", greaterThan(0));
        assertEquals(broken, file("admin", draft, "common/broken.drl"), "the text is kept even though it does not compile");

        publish("admin", draft, "mine").statusCode(403).body("type", equalTo("/problems/four-eyes"));
        publish("approver", draft, "try").statusCode(422).body("problems.file", hasItem("common/broken.drl"));
        assertEquals(before, serving());
        assertEquals(broken, file("admin", draft, "common/broken.drl"), "a refused publish leaves the draft as it was");

        as("admin").delete("/api/v1/rules/drafts/" + draft + "/files/common/broken.drl").then().statusCode(200)
                .body("problems", empty());
        as("admin").delete("/api/v1/rules/drafts/" + draft).then().statusCode(204);
    }

    @Test
    void aDraftWhoseBaseNoLongerServesIsRefusedWithItsTextKept() {
        String old = newDraft("editor");
        save("editor", old, "common/choice.drl", "// old draft\n" + file("editor", old, "common/choice.drl"))
                .statusCode(200);
        String fresh = newDraft("editor2");
        save("editor2", fresh, "common/choice.drl", "// fresh draft\n" + file("editor2", fresh, "common/choice.drl"))
                .statusCode(200);
        String before = serving();
        publish("approver", fresh, "fresh").statusCode(200);

        as("editor").get("/api/v1/rules/drafts/" + old).then().body("stale", equalTo(true));
        publish("approver", old, "old").statusCode(409).body("type", equalTo("/problems/stale-draft"));
        assertTrue(file("editor", old, "common/choice.drl").startsWith("// old draft"));

        as("approver").contentType("application/json").body(Map.of("rulesVersion", before))
                .post("/api/v1/rules/rollback").then().statusCode(200);
        as("editor").delete("/api/v1/rules/drafts/" + old).then().statusCode(204);
    }

    @Test
    void pathsOutsideTheRulesRootAreRefusedNamingThePath() throws IOException {
        String draft = newDraft("editor");
        for (String path : List.of("..%2Fsecret.drl", "common%2F..%2F..%2Fx.drl", "common/notes.txt", "%2Fetc%2Fx.csv",
                ".hidden.drl")) {
            as("editor").urlEncodingEnabled(false).contentType("text/plain").body("x")
                    .put("/api/v1/rules/drafts/" + draft + "/files/" + path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo("path"));
        }
        Path outside = Files.createDirectories(GOVERNANCE.resolve("outside"));
        Files.createSymbolicLink(GOVERNANCE.resolve("drafts").resolve(draft).resolve("rules/common/linked"),
                outside.toAbsolutePath());
        save("editor", draft, "common/linked/x.drl", "x").statusCode(400)
                .body("errors[0].detail", containsString("passes through a link"));
        as("editor").get("/api/v1/rules/drafts/" + draft + "/files/common/linked/x.drl").then().statusCode(400);
        assertTrue(!Files.exists(outside.resolve("x.drl")), "nothing is written outside the rules root");
        as("editor").get("/api/v1/rules/drafts/" + draft + "/files/common/none.drl").then().statusCode(404);
        as("editor").get("/api/v1/rules/drafts/" + draft).then().body("changes", empty());
        as("editor").delete("/api/v1/rules/drafts/" + draft).then().statusCode(204);
    }

    @Test
    void impactOfManyRequestsNamesTheLinesThatAreNotRequests() {
        String draft = newDraft("editor");
        save("editor", draft, CODE_FAMILIES, file("editor", draft, CODE_FAMILIES).replace(STAFF_CCM_20, STAFF_CCM_25))
                .statusCode(200);
        String body = TWENTY_MINUTES + "\n{\"month\": \"2026-13\"}\n"
                + request("2026-03", entry("E1", "2026-03-04", 30)) + "\n";
        as("editor").contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/rules/drafts/" + draft + "/impact")
                .then().statusCode(200)
                .body("requests.line", contains(1, 3))
                .body("requests[1].disappeared", empty()).body("requests[1].changed", empty())
                .body("problems[0].line", equalTo(2)).body("problems[0].errors.pointer", hasItem("/month"))
                .body("estimatedAmountDifference", equalTo(-66.13f));
        as("editor").delete("/api/v1/rules/drafts/" + draft).then().statusCode(204);
    }

    @Test
    void publishNeedsAMessageAndRollbackAKnownVersion() {
        as("approver").contentType("application/json").body("{}").post("/api/v1/rules/drafts/d-20260101-000000-abcd/publish")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/message"));
        as("approver").contentType("application/json").body(Map.of("rulesVersion", "sha256:" + "0".repeat(64)))
                .post("/api/v1/rules/rollback").then().statusCode(404).body("detail", containsString("sha256:000"));
        as("approver").contentType("application/json").body("{}").post("/api/v1/rules/rollback").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/rulesVersion"));
        as("editor").contentType("application/json").body(Map.of("rulesVersion", serving()))
                .post("/api/v1/rules/rollback").then().statusCode(403);
        as("viewer").get("/api/v1/rules/history").then().statusCode(200).body("[-1].kind", equalTo("initial"))
                .body("[-1].editor", equalTo("startup")).body("[-1].message", not(nullValue()));
    }
}
