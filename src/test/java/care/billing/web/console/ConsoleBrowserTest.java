package care.billing.web.console;

import care.billing.evaluation.RulesCopy;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser (Debian's chromium from the PATH, driven by Playwright; no browser is
 * downloaded): the analyst's loop of docs/console.md on a copy of the rules and an empty workbench under
 * target/. Saves a screenshot of each main page in target/console-screenshots/.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserTest.Workbench.class)
class ConsoleBrowserTest {

    static final Path RULES = Path.of("target/console-test-rules");
    static final Path WORKBENCH = Path.of("target/console-test-workbench");
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    static final String TABLE = "payers/medicare/code-families.csv";
    static final String STAFF_ROW = "tr:has(input[value='STAFF_CCM'])";

    public static class Workbench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                RulesCopy.into(RULES);
                if (Files.exists(WORKBENCH)) {
                    try (Stream<Path> walk = Files.walk(WORKBENCH)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // check and publish run every scenario: on a busy build machine that takes longer than 30 s
            return Map.of("billing.rules.dir", RULES.toString(), "billing.governance.dir", WORKBENCH.toString(),
                    "quarkus.http.test-timeout", "120s");
        }
    }

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> chromium = chromiumOnPath();
        Assumptions.assumeTrue(chromium.isPresent(), "Skipped: no chromium binary on the PATH; install Debian's "
                + "chromium package (apt-get install -y chromium, as .ci/run does) to run the console's browser tests");
        Files.createDirectories(SCREENSHOTS);
        // check, impact and publish compile the rules and run every scenario: seconds on a busy machine
        PlaywrightAssertions.setDefaultAssertionTimeout(120_000);
        // the driver must not download a browser: it uses the chromium found above
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium.get()).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Optional<Path> chromiumOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
                .setBaseURL(base.toString()));
        context.setDefaultTimeout(120_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertEquals(List.of(), pageErrors, "the console's script ran without errors");
    }

    void signIn(String user) {
        page.navigate("/console/");
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#who strong")).hasText(user);
    }

    void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile(".*/console/login\\?out$"));
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    /** Scrolls the element to the top of the window, for a screenshot. */
    void top(String selector) {
        page.locator(selector).first().evaluate("e => e.scrollIntoView({block: 'start'})");
    }

    void ready() {
        assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    }

    static String servingVersion() {
        return given().auth().preemptive().basic("viewer", "viewer").get("/api/v1/rules")
                .then().statusCode(200).extract().path("rulesVersion");
    }

    Locator cell(String column) {
        return page.locator("#editor " + STAFF_ROW + " input[data-name='" + column + "']");
    }

    void save(String expectedState) {
        page.locator("#save").click();
        assertThat(page.locator("#save-state")).hasText(Pattern.compile(expectedState));
    }

    void runCheck() {
        page.locator("#run-check").click();
        assertThat(page.locator("#check-verdict")).isVisible();
    }

    @Test
    void anEditorChangesAThresholdAndAnApproverPublishesItThenRollsItBack() {
        String before = servingVersion();

        // the editor signs in, reads the rules and makes a draft
        page.navigate("/console/login");
        screenshot("login");
        signIn("editor");
        ready();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rules serving now"))).isVisible();
        assertThat(page.locator("#rules tbody tr").first()).isVisible();
        assertThat(page.locator("#files")).containsText("code-families.csv");
        screenshot("rules");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Drafts").setExact(true)).click();
        ready();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New draft")).click();
        assertThat(page).hasURL(Pattern.compile(".*/console/drafts/[^/?]+$"));
        String draftId = page.locator("#draft-id").getAttribute("data-id");
        ready();

        // the Medicare code-families table as a grid; a bad cell shows its error in the cell
        page.locator("#file-filter").fill("medicare/code");
        page.locator("#draft-files a", new Page.LocatorOptions().setHasText(TABLE)).click();
        assertThat(cell("primaryMinutes")).hasValue("20");
        cell("primaryMinutes").fill("twenty");
        save("does not compile");
        assertThat(page.locator("#editor td.cell-error input[data-name='primaryMinutes']")).hasCount(1);
        assertThat(page.locator("#editor td.cell-error .cell-msg")).isVisible();
        screenshot("draft-grid-cell-error");

        // a real threshold change: 99490 from 25 minutes; the check shows the scenarios it breaks
        cell("primaryMinutes").fill("25");
        save("the draft compiles");
        runCheck();
        assertThat(page.locator("#check-verdict")).hasText("publish would refuse it");
        assertTrue(Integer.parseInt(page.locator("#check-failed").textContent()) > 0, "some scenarios fail");
        assertThat(page.locator("#check .scenario.failed").first()).isVisible();
        assertThat(page.locator("#check .scenario.failed .cmp").first()).containsText("Expected claim lines");
        top("#check-summary");
        screenshot("draft-check-failing");

        // impact in dollars of the change for 20 minutes of March (99490 no longer billed)
        page.locator("#impact-request").fill(request("2026-03", entry("E1", "2026-03-04", 20)));
        page.locator("#run-impact").click();
        assertThat(page.locator("#impact-total")).hasText(Pattern.compile("^−\\$\\d+\\.\\d\\d$"));
        assertThat(page.locator("#impact")).containsText("disappears");
        top("#h-impact");
        screenshot("draft-impact");

        // revert the threshold, then the reviewed change: the row's citation names the review
        cell("primaryMinutes").fill("20");
        String citation = cell("citation").inputValue();
        cell("citation").fill(citation + "; reviewed 2026-12");
        save("the draft compiles");

        // a DRL file in the editor: a compile error is shown at its line, then the file is put back
        page.locator("#file-filter").fill("medicare.drl");
        page.locator("#draft-files a", new Page.LocatorOptions().setHasText("payers/medicare/medicare.drl")).click();
        Locator drl = page.locator("#editor textarea");
        assertThat(drl).isVisible();
        String original = drl.inputValue();
        int lines = original.split("\n", -1).length;
        drl.fill(original + "\nrule \"broken\" when then nothing( end\n");
        save("does not compile");
        assertThat(page.locator("#editor .gutter .err").first()).isVisible();
        assertThat(page.locator("#problems")).containsText("payers/medicare/medicare.drl:");
        assertTrue(page.locator("#editor .gutter .err").first().textContent().trim().matches("\\d+"));
        assertTrue(Integer.parseInt(page.locator("#editor .gutter .err").first().textContent().trim()) >= lines,
                "the error is shown at the added line");
        screenshot("draft-drl-compile-error");
        drl.fill(original);
        save("the draft compiles");

        runCheck();
        assertThat(page.locator("#check-verdict")).hasText("publish would accept it");
        assertThat(page.locator("#check-failed")).hasText("0");
        page.locator("#show-diff").click();
        assertThat(page.locator("#diff pre.diff")).containsText("reviewed 2026-12");
        assertThat(page.locator("#diff pre.diff")).not().containsText("broken");
        page.locator("#file-filter").fill("medicare/code");
        page.locator("#draft-files a", new Page.LocatorOptions().setHasText(TABLE)).click();
        assertThat(cell("citation")).hasValue(citation + "; reviewed 2026-12");
        top("#h-check");
        screenshot("draft-check-passing");
        assertThat(page.locator("#publish")).hasCount(0);
        signOut();

        // the approver publishes it with a message
        signIn("approver");
        page.navigate("/console/drafts");
        ready();
        screenshot("drafts");
        page.locator("#drafts tbody a", new Page.LocatorOptions().setHasText(draftId)).click();
        ready();
        page.getByLabel("What changes and why").fill("Medicare CCM: citation of the 99490 row reviewed");
        page.locator("#publish").click();
        assertThat(page.locator("#published")).containsText("Published version");
        String published = servingVersion();
        assertNotEquals(before, published);

        // the history names both, and rollback serves the previous version again
        page.navigate("/console/history");
        ready();
        Locator newest = page.locator("li.version").first();
        assertThat(newest.locator(".editor")).hasText("editor");
        assertThat(newest.locator(".approver")).hasText("approver");
        assertThat(newest).containsText("Medicare CCM: citation of the 99490 row reviewed");
        assertThat(newest.locator(".badge.ok")).hasText("serving");
        newest.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show diff")).click();
        assertThat(newest.locator("pre.diff")).containsText("reviewed 2026-12");
        screenshot("history");
        Locator previous = page.locator("li.version[data-version='" + before + "']").first();
        Locator rollback = previous.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll back to this version"));
        rollback.click();
        previous.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("Click to confirm"))).click();
        assertThat(page.locator("li.version").first().locator(".kind")).hasText("rollback");
        assertThat(page.locator("li.version").first().locator(".badge.ok")).hasText("serving");
        assertEquals(before, servingVersion(), "rollback serves the previous version");
        assertEquals(before, page.locator("li.version").first().getAttribute("data-version"));
    }

    @Test
    void anEditorSeesNoPublishOrRollbackButtons() {
        String id = given().auth().preemptive().basic("editor", "editor").post("/api/v1/rules/drafts")
                .then().statusCode(201).extract().path("id");
        signIn("editor");
        page.navigate("/console/drafts/" + id);
        ready();
        assertThat(page.locator("#run-check")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish"))).hasCount(0);
        page.navigate("/console/history");
        ready();
        assertThat(page.locator("li.version").first()).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Roll back")))).hasCount(0);

        // impact of an uploaded month (NDJSON): a draft without changes bills the same; a bad line is named
        page.navigate("/console/drafts/" + id);
        ready();
        String month = request("2026-03", entry("E1", "2026-03-04", 20)) + "\n{\"month\": \"March\"}\n"
                + request("2026-03", entry("E2", "2026-03-05", 45)) + "\n";
        page.locator("#impact-file").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "march.ndjson", "application/x-ndjson", month.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#run-impact").click();
        assertThat(page.locator("#impact-total")).hasText("$0.00");
        assertThat(page.locator("#impact")).containsText("2 request(s)");
        assertThat(page.locator("#impact .problems")).containsText("line 2");

        // the editor discards the draft from the list (a second click confirms)
        page.navigate("/console/drafts");
        ready();
        Locator discard = page.locator("#drafts tr[data-draft='" + id + "'] button");
        discard.click();
        assertThat(discard).hasText("Really discard?");
        discard.click();
        assertThat(page.locator("#drafts")).not().containsText(id);
        given().auth().preemptive().basic("editor", "editor").get("/api/v1/rules/drafts/" + id).then().statusCode(404);
    }

    @Test
    void anotherEditorDoesNotSeeTheDraft() {
        String id = given().auth().preemptive().basic("editor", "editor").post("/api/v1/rules/drafts")
                .then().statusCode(201).extract().path("id");
        signIn("editor2");
        page.navigate("/console/drafts");
        ready();
        assertThat(page.locator("#drafts")).not().containsText(id);
        page.navigate("/console/drafts/" + id);
        ready();
        assertThat(page.locator("#draft-meta .alert.error")).containsText("404");

        // any user reads a serving file: a table as a grid, with its notes
        page.navigate("/console/");
        ready();
        page.locator("#files a[href$='payers/medicare/code-families.csv']").click();
        ready();
        assertThat(page.locator("#file-view table")).containsText("STAFF_CCM");
        assertThat(page.locator("#file-meta")).containsText("As serving in version");
        given().auth().preemptive().basic("editor", "editor").delete("/api/v1/rules/drafts/" + id).then().statusCode(204);
    }
}
