package care.billing.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the reader answers about a bad body: every offending field, in the caller's words. */
class RequestReaderTest {

    static final String VALID = request("2026-03", entry("E1", "2026-03-04", 20));
    static final care.billing.ruleset.Vocabulary VOCABULARY = BundledRules.get().tables().vocabulary();
    final RequestReader reader = BundledRules.reader();

    private List<FieldError> errors(String body) {
        return rejected(body).errors();
    }

    private InvalidRequestException rejected(String body) {
        return assertThrows(InvalidRequestException.class, () -> reader.read(body.getBytes(StandardCharsets.UTF_8), VOCABULARY));
    }

    @Test
    void threeWrongTypesAreAllNamed() {
        String body = VALID.replace("\"minutes\": 20", "\"minutes\": \"20\"")
                .replace("\"carePlanOnFile\": true", "\"carePlanOnFile\": \"yes\"")
                .replace("\"date\": \"2026-03-04\"", "\"date\": 20260304");
        assertEquals(List.of(
                new FieldError("/entries/0/date", "must be a date as YYYY-MM-DD"),
                new FieldError("/entries/0/minutes", "must be a whole number from 1 to 1440"),
                new FieldError("/patients/0/carePlanOnFile", "must be true or false")), errors(body));
    }

    /** Type errors, unknown and duplicate fields, and what validation finds in the rest, in one answer. */
    @Test
    void typeErrorsComeWithEveryOtherError() {
        String body = VALID.replace("\"month\": \"2026-03\"", "\"month\": \"2026-3\", \"monht\": 1")
                .replace("\"licensed\": true", "\"licensed\": 1, \"licensed\": 2")
                .replace("\"method\": \"PHONE\"", "\"method\": \"PIGEON\"")
                .replace("\"chronicConditions\": [\"E11.9\", \"I10\"]", "\"chronicConditions\": \"E11.9\"");
        assertEquals(List.of(
                new FieldError("/entries/0/method", "must be one of PHONE, PORTAL, ONLINE_FORM, RESEARCH, EMAIL, FAX, "
                        + "LETTER, TEXT, IN_PERSON, VIDEO"),
                new FieldError("/monht", "unknown field 'monht'"),
                new FieldError("/month", "must be a month as YYYY-MM"),
                new FieldError("/patients/0/chronicConditions", "must be an array of strings"),
                new FieldError("/staff/0/licensed", "must be true or false"),
                new FieldError("/staff/0/licensed", "the field 'licensed' is given more than once")), errors(body));
    }

    @Test
    void aValueOfTheWrongTypeIsNotAlsoReportedAsMissing() {
        assertEquals(List.of(new FieldError("/entries/0/id", "must be a string"),
                        new FieldError("/patients", "must be an array of objects")),
                errors(VALID.replace("\"id\": \"E1\"", "\"id\": {\"a\": 1}")
                        .replace("\"patients\": [" + care.billing.TestRequests.PATIENT.replace("\n", " ") + "]", "\"patients\": 7")));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertEquals(List.of(new FieldError("/patients", "the JSON ends before it is complete; expected ']' at line 3, "
                + "column 16")), errors("{\n  \"month\": \"2026-03\",\n  \"patients\": ["));
        assertEquals(List.of(new FieldError("/month", "unexpected character '\"'; expected ',' or '}' at line 2, "
                + "column 3")), errors("{\"month\": \"2026-03\"\n  \"patients\": []}"));
        assertEquals(List.of(new FieldError("/month", "'yes' is not a JSON value (text needs double quotes; true, false "
                + "and null are lower case) at line 1, column 11")), errors("{\"month\": yes}"));
        assertEquals(List.of(new FieldError("", "unexpected content after the end of the JSON value at line 1, column "
                + (VALID.length() + 1))), errors(VALID + "}"));
        assertEquals(List.of(new FieldError("", "the body is empty; expected a JSON object")), errors(" \n"));
        assertEquals(List.of(new FieldError("", "the body must be a JSON object")), errors("[1, 2]"));
        assertEquals(List.of(new FieldError("", "the body must be a JSON object")), errors("null"));
    }

    @Test
    void impossibleDatesAndTooLargeNumbers() {
        assertEquals(List.of(new FieldError("/entries/0/date", "must be a real calendar date as YYYY-MM-DD"),
                        new FieldError("/entries/0/minutes", "must be a whole number from 1 to 1440")),
                errors(request("2026-02", entry("E1", "2026-02-30", 20)).replace("\"minutes\": 20",
                        "\"minutes\": 100000000000000000000")));
        assertEquals(List.of(new FieldError("/entries/0/minutes", "must be a whole number from 1 to 1440")),
                errors(VALID.replace("\"minutes\": 20", "\"minutes\": 0")));
    }

    @Test
    void theRequestIdIsKeptWhenItCanBeRead() {
        String withId = VALID.replace("{\"month\"", "{\"requestId\": \"run/7\", \"month\"");
        assertEquals("run/7", reader.read(withId.getBytes(StandardCharsets.UTF_8), VOCABULARY).requestId());
        assertEquals("run/7", rejected(withId.replace("\"minutes\": 20", "\"minutes\": 0")).requestId());
        assertEquals("run/7", rejected(withId.replace("\"minutes\": 20", "\"minutes\": \"x\"")).requestId());
        String tooLong = VALID.replace("{\"month\"", "{\"requestId\": \"" + "x".repeat(129) + "\", \"month\"");
        InvalidRequestException e = rejected(tooLong);
        assertNull(e.requestId());
        assertEquals(List.of(new FieldError("/requestId", "must be 1 to 128 characters")), e.errors());
        InvalidRequestException notText = rejected(VALID.replace("{\"month\"", "{\"requestId\": {\"a\": 1}, \"month\""));
        assertNull(notText.requestId(), "an object is not a requestId");
        assertEquals(List.of(new FieldError("/requestId", "must be a string")), notText.errors());
        RequestReader small = new RequestReader(Validators.standalone(), 1);
        assertEquals("run/7", assertThrows(RequestTooLargeException.class, () -> small.read(
                request("2026-03", entry("E1", "2026-03-04", 20) + "," + entry("E2", "2026-03-05", 20))
                        .replace("{\"month\"", "{\"requestId\": \"run/7\", \"month\"").getBytes(StandardCharsets.UTF_8),
                VOCABULARY))
                .requestId());
    }
}
