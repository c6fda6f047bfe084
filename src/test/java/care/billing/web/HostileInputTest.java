package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mangled requests never produce a 5xx: always a problem+json that names the field, or a clean 200. */
@QuarkusTest
class HostileInputTest {

    static final String VALID = request("2026-03", entry("E1", "2026-03-04", 20));

    record Case(String name, String body, int status, String pointer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("array instead of object", "[1,2,3]", 400, ""),
                new Case("string instead of object", "\"hello\"", 400, ""),
                new Case("null body", "null", 400, ""),
                new Case("trailing garbage", VALID + "}", 400, ""),
                new Case("null list element", VALID.replace("\"patients\": [", "\"patients\": [null, "), 400, "/patients/0"),
                new Case("null month", VALID.replace("\"month\": \"2026-03\"", "\"month\": null"), 400, "/month"),
                new Case("huge minutes", VALID.replace("\"minutes\": 20", "\"minutes\": 100000000000000000000000"), 400,
                        "/entries/0/minutes"),
                new Case("fractional minutes", VALID.replace("\"minutes\": 20", "\"minutes\": 20.5"), 400, "/entries/0/minutes"),
                new Case("boolean as string", VALID.replace("\"carePlanOnFile\": true", "\"carePlanOnFile\": \"yes\""), 400,
                        "/patients/0/carePlanOnFile"),
                new Case("object as id", VALID.replace("\"id\": \"E1\"", "\"id\": {\"a\": 1}"), 400, "/entries/0/id"),
                new Case("deep nesting", VALID.replace("\"note\": \"Scheduled in-home visits\"",
                        "\"note\": " + "[".repeat(3000) + "]".repeat(3000)), 400, null),
                new Case("unicode everywhere", VALID.replace("Dana Lee", "Dána Łee 李 🩺").replace("\"E1\"", "\"É1\""), 200, null),
                new Case("control characters in a note", VALID.replace("Scheduled in-home visits", "a\\u0000b\\u0007c"), 200, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverA5xx(Case c) {
        var response = given().contentType("application/json").body(c.body()).post("/api/v1/evaluations")
                .then().statusCode(lessThan(500)).statusCode(c.status());
        if (c.status() == 400) {
            response.contentType("application/problem+json").body("errors[0].detail", notNullValue());
            if (c.pointer() != null) {
                response.body("errors[0].pointer", equalTo(c.pointer()));
            }
        }
    }

    @Test
    void aBodyOverTheSizeLimitIs413WithTheLimit() {
        String big = VALID.replace("Scheduled in-home visits", "x".repeat(6 * 1024 * 1024));
        given().contentType("application/json").body(big).post("/api/v1/evaluations")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("5242880"));
    }

    /**
     * A client that goes on sending after the 413 is cut off: the connection closes once the answer is
     * written, long before the 1 GB it announced (the HTTP ceiling is 4 GB, for streamed batches).
     */
    @Test
    void theRestOfABodyOverTheLimitIsNotRead() {
        String answer = sendWithoutEnd("POST /api/v1/evaluations", "");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    }

    /** The same for a client the rules administration turns away: no credentials, then a user without the role. */
    @Test
    void theBodyOfARefusedAdminRequestIsNotRead() {
        String noLogin = sendWithoutEnd("POST /api/v1/rules/validate", "");
        assertTrue(noLogin.startsWith("HTTP/1.1 401"), noLogin);
        String notAdmin = sendWithoutEnd("POST /api/v1/rules/validate", "Authorization: " + basic("billing") + "\r\n");
        assertTrue(notAdmin.startsWith("HTTP/1.1 403"), notAdmin);
    }

    /**
     * A client that writes its whole body before reading, as most HTTP libraries do, still gets the
     * answer: the server reads and discards what follows a refusal, up to a bound, before closing
     * (closing with data unread would make the kernel reset the connection under the answer).
     */
    @Test
    void aClientThatSendsEverythingFirstStillReadsTheRefusal() {
        String tooLarge = exchange(head("POST /api/v1/evaluations", "", 14_000_000) + " ".repeat(14_000_000));
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        String noLogin = exchange(head("POST /api/v1/rules/validate", "", 10_000_000) + " ".repeat(10_000_000));
        assertTrue(noLogin.startsWith("HTTP/1.1 401"), noLogin);
    }

    /**
     * A request pipelined behind a refused one is not served: the answer said the connection
     * closes (RFC 9112 §9.6), so its client never learns the outcome and would send it again.
     */
    @Test
    void aRequestPipelinedBehindARefusalIsNotServed() throws InterruptedException {
        String admin = "Authorization: " + basic("admin") + "\r\n";
        for (int attempt = 0; attempt < 3; attempt++) {
            Object before = lastReload();
            String answer = exchange(head("POST /api/v1/rules/validate", "", 1024) + " ".repeat(1024)
                    + head("POST /api/v1/rules/reload", admin, 0));
            assertTrue(answer.startsWith("HTTP/1.1 401") && !answer.contains("HTTP/1.1 200"), answer);
            Thread.sleep(1_500); // a reload that was dispatched all the same would be recorded by now
            assertEquals(before, lastReload(), "the reload pipelined behind the refused request ran");
        }
    }

    /** A client that announced a body and then sends nothing is not waited for the whole linger. */
    @Test
    void aSilentClientIsLetGoSoon() {
        long start = System.nanoTime();
        String answer = exchange(head("POST /api/v1/rules/validate", "", 1_000_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(millis < UnreadBodyGuard.LINGER_MILLIS / 2, "the connection closed after " + millis + " ms");
    }

    /** Only a body still arriving closes the connection: other error answers keep it open for the next request. */
    @Test
    void errorsWithoutABodyStillArrivingKeepTheConnection() {
        given().contentType("application/json").body("{\"month\": \"x\"}").post("/api/v1/evaluations")
                .then().statusCode(400).header("Connection", nullValue());
        given().get("/api/v1/no-such-thing").then().statusCode(404).header("Connection", nullValue());
        given().get("/api/v1/rules").then().statusCode(401).header("Connection", nullValue());
    }

    /** An HTTP/1.1 request head announcing a JSON body of {@code length} bytes; {@code headers} end in CRLF. */
    private static String head(String requestLine, String headers, long length) {
        return requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** {@code Basic} credentials of a configured user whose password is its name (the test defaults). */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** The newest entry of the reload history, or null. */
    private static Object lastReload() {
        List<Object> history = given().header("Authorization", basic("admin")).get("/api/v1/rules")
                .then().statusCode(200).extract().path("history");
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Writes {@code bytes} on a fresh connection and returns all the server answers until it closes. */
    private static String exchange(String bytes) {
        byte[] request = bytes.getBytes(StandardCharsets.US_ASCII);
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }

    /**
     * Announces a 1 GB body after {@code requestLine} and {@code headers}, sends until the server
     * closes the connection, and returns its answer; fails if the server read 256 MB or more.
     */
    private static String sendWithoutEnd(String requestLine, String headers) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long announced = 1L << 30;
            long sent = 0;
            byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(head(requestLine, headers, announced).getBytes(StandardCharsets.US_ASCII));
                try {
                    while (sent < announced) {
                        out.write(spaces);
                        sent += spaces.length;
                    }
                } catch (IOException cutOff) {
                    // expected: the server closed the connection
                }
                assertTrue(sent < 256L * 1024 * 1024, "the server read " + sent + " bytes of a body it refused");
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }
}
