package care.billing.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Form login for the console beside HTTP Basic for the API (docs/console.md "Signing in"). */
@QuarkusTest
class ConsoleLoginTest {

    static final String USER = "viewer";

    @Test
    void aBrowserWithoutLoginGoesToTheLoginPage() {
        given().redirects().follow(false).get("/console/")
                .then().statusCode(303).header("Location", endsWith("/console/login"));
        given().redirects().follow(false).get("/console/history")
                .then().statusCode(303).header("Location", endsWith("/console/login"));
        given().get("/console/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("action=\"/j_security_check\""), containsString("<label for=\"j_username\">"));
    }

    @Test
    void theApiStillAnswers401ProblemNotARedirect() {
        given().redirects().follow(false).get("/api/v1/rules")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic")).body("status", equalTo(401));
        given().redirects().follow(false).auth().preemptive().basic(USER, "wrong").get("/api/v1/rules")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theLoginCookieOpensTheConsoleAndAuthenticatesApiCalls() {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", USER).formParam("j_password", USER).post("/j_security_check");
        login.then().statusCode(302).header("Location", endsWith("/console/"));
        String cookie = login.getCookie("quarkus-credential");
        given().cookie("quarkus-credential", cookie).get("/console/")
                .then().statusCode(200).body(containsString("<strong>" + USER + "</strong>"),
                        containsString("src=\"/console/console.js\""));
        given().cookie("quarkus-credential", cookie).get("/console/drafts")
                .then().statusCode(200).body(containsString("id=\"drafts-not-yours\""), not(containsString("New draft")));
        given().cookie("quarkus-credential", cookie).get("/api/v1/rules")
                .then().statusCode(200).body("rulesVersion", startsWith("sha256:"));
        given().redirects().follow(false).cookie("quarkus-credential", cookie).post("/console/logout")
                .then().statusCode(303).header("Location", containsString("/console/login"))
                .header("Set-Cookie", containsString("quarkus-credential=;"));
    }

    @Test
    void afterSigningInTheBrowserIsBackOnThePageItAskedFor() {
        Response asked = given().redirects().follow(false).get("/console/history");
        asked.then().statusCode(303).header("Location", endsWith("/console/login"));
        String location = asked.getCookie("quarkus-redirect-location");
        given().redirects().follow(false).cookie("quarkus-redirect-location", location)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", USER).formParam("j_password", USER).post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/console/history"));
    }

    @Test
    void aWrongPasswordShowsTheErrorPage() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", USER).formParam("j_password", "nope").post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/console/login?error"))
                .header("Set-Cookie", not(containsString("quarkus-credential=ey")));
        given().get("/console/login?error").then().statusCode(200).body(containsString("id=\"login-error\""));
    }

    @Test
    void consoleFilesAreServedFromTheJar() {
        given().get("/console/console.js").then().statusCode(200).body(containsString("/api/v1/rules"));
        given().get("/console/console.css").then().statusCode(200).body(containsString(":root"));
    }
}
