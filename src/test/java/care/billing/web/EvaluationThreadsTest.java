package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where an evaluation runs: a small request on the I/O thread that read it; a request larger than
 * quarkus.rest.input-buffer-size on a worker thread, so that no long evaluation holds an I/O thread
 * (one over the I/O thread's budget: EvaluationOverBudgetTest).
 */
@QuarkusTest
class EvaluationThreadsTest {

    /** The threads ("the I/O thread", "a worker thread") that EvaluationResource says it evaluated on during {@code calls}. */
    static List<String> evaluatedOn(Runnable calls) {
        List<String> evaluated = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = String.valueOf(record.getMessage());
                if (EvaluationResource.class.getName().equals(record.getLoggerName())
                        && message.startsWith("Evaluated month")) {
                    evaluated.add(message.substring(message.lastIndexOf(" on ") + 4));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            calls.run();
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        return evaluated;
    }

    @Test
    void aSmallRequestIsEvaluatedOnTheIoThreadThatReadIt() {
        String body = request("2026-03", entry("E1", "2026-03-04", 25));
        assertTrue(body.length() < 10_240, "small: " + body.length());

        List<String> evaluated = evaluatedOn(() -> given().contentType("application/json").body(body)
                .post("/api/v1/evaluations")
                .then().statusCode(200).body("claimLines.code", equalTo(List.of("99490"))));

        assertEquals(List.of("the I/O thread"), evaluated);
    }

    /**
     * Without a Content-Length the body's size is known only as it arrives: a small one is still read whole
     * (and evaluated where it arrived), a larger one is handed to a worker thread as a stream.
     */
    @Test
    void aChunkedRequestIsEvaluatedWhereItsSizeSends() {
        List<String> evaluated = evaluatedOn(() -> {
            assertEquals(200, postChunked(request("2026-03", entry("E1", "2026-03-04", 25))));
            assertEquals(200, postChunked(request("2026-03", sixtyEntries())));
        });

        assertEquals(List.of("the I/O thread", "a worker thread"), evaluated);
    }

    private static int postChunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(chunked, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.body().contains("\"code\":\"99490\""), response.body());
            return response.statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String sixtyEntries() {
        return IntStream.range(0, 60)
                .mapToObj(i -> entry("E" + i, "2026-03-%02d".formatted(1 + i % 28), 1))
                .collect(Collectors.joining(", "));
    }

    @Test
    void aRequestLargerThanTheInputBufferIsEvaluatedOnAWorkerThread() {
        String body = request("2026-03", sixtyEntries());
        assertTrue(body.length() > 10_240, "large: " + body.length());

        List<String> evaluated = evaluatedOn(() -> given().contentType("application/json").body(body)
                .post("/api/v1/evaluations")
                .then().statusCode(200).body("claimLines.code", equalTo(List.of("99490", "99439")))
                .body("claimLines.units", equalTo(List.of(1, 2))));

        assertEquals(List.of("a worker thread"), evaluated);
    }
}
