package care.billing.web;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs carry ids, counts and timings only: never notes, counterparts, names or conditions. */
@QuarkusTest
class LogPrivacyTest {

    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void patientDetailsNeverReachTheLog() {
        String body = request("2026-03", entry("E1", "2026-03-04", 25))
                .replace("Home health agency", "Sunrise Home Health Secret")
                .replace("Scheduled in-home visits", "Discussed HIV status with daughter")
                .replace("E11.9", "F32.9-SECRET");
        given().contentType("application/json").body(body).post("/api/v1/evaluations").then().statusCode(200);
        given().contentType("application/json").body(body.replace("\"minutes\": 25", "\"minutes\": -1"))
                .post("/api/v1/evaluations").then().statusCode(400);

        assertTrue(logged.stream().anyMatch(line -> line.contains("Evaluated month")), logged::toString);
        for (String secret : List.of("Sunrise", "HIV", "daughter", "F32.9", "Dana Lee")) {
            assertFalse(logged.stream().anyMatch(line -> line.contains(secret)), () -> secret + " logged: " + logged);
        }
    }
}
