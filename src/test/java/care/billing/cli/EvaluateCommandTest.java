package care.billing.cli;

import care.billing.evaluation.BundledRules;
import care.billing.evaluation.Evaluation;
import static care.billing.TestRequests.entry;
import static care.billing.TestRequests.request;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {

    @TempDir
    Path temp;

    @Test
    void aMonthFileBecomesResultsAndClaimRowsInInputOrder() throws Exception {
        List<String> requests = new ArrayList<>();
        for (int minutes = 10; minutes <= 130; minutes += 10) {
            requests.add(request("2026-03", entry("E1", "2026-03-04", minutes)).replace("\"P1\"", "\"P" + minutes + "\"")
                    .replace("{\"month\"", "{\"requestId\": \"run-7/" + minutes + "\", \"month\""));
        }
        requests.add(2, request("2026-03", entry("E1", "2026-03-04", 0)));
        evaluate(requests);

        List<String> results = Files.readAllLines(temp.resolve("results.ndjson"));
        assertEquals(requests.size(), results.size());
        assertTrue(results.get(2).contains("\"status\":400") && results.get(2).contains("/entries/0/minutes"), results.get(2));
        int expectedRows = 0;
        for (int i = 0; i < requests.size(); i++) {
            if (i == 2) {
                continue;
            }
            Evaluation alone = BundledRules.evaluator().evaluate(BundledRules.get(),
                    BundledRules.read(requests.get(i).getBytes()));
            expectedRows += alone.claimLines().size();
            assertTrue(results.get(i).contains("\"claimLines\":" + (alone.claimLines().isEmpty() ? "[]" : "[{")), results.get(i));
            for (var line : alone.claimLines()) {
                assertTrue(results.get(i).contains("\"code\":\"" + line.code() + "\",\"units\":" + line.units()), results.get(i));
            }
        }
        List<String> rows = Files.readAllLines(temp.resolve("claims.csv"));
        assertEquals("requestId,patientId,payer,billingProviderId,code,units,dateOfService,minutes,estimatedAmount,rule",
                rows.get(0));
        assertEquals(expectedRows, rows.size() - 1);
        assertTrue(rows.get(1).startsWith("run-7/20,P20,MEDICARE,1234567893,99490,1,2026-03-31,20,66.13,"), rows.get(1));
        assertTrue(results.get(3).startsWith("{\"requestId\":\"run-7/30\",\"month\""), results.get(3));
    }

    /**
     * Ids come from the requests: a cell a spreadsheet would run as a formula is written inert, and
     * removing one leading apostrophe gives back the id as sent.
     */
    @Test
    void aClaimRowCellThatASpreadsheetWouldRunIsWrittenInert() throws Exception {
        List<String> patientIds = List.of("=1+2", "@SUM(A1)", "-5", "\\t7", "\\r8", "'q", "P-1");
        List<String> requests = new ArrayList<>();
        for (String id : patientIds) {
            requests.add(request("2026-03", entry("E1", "2026-03-04", 25)).replace("\"P1\"", "\"" + id + "\""));
        }
        requests.add(request("2026-03", entry("E1", "2026-03-04", 25)).replace("\"1234567893\"", "\"+1\""));
        requests.add(request("2026-03", entry("E1", "2026-03-04", 25))
                .replace("{\"month\"", "{\"requestId\": \"=HYPERLINK(1)\", \"month\""));
        evaluate(requests);

        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> cells = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(temp.resolve("claims.csv").toFile())) {
            cells.forEachRemaining(rows::add);
        }
        assertEquals(1 + requests.size(), rows.size(), rows.toString());
        assertEquals(List.of("", "'=1+2", "MEDICARE", "1234567893", "99490", "1", "2026-03-31", "25", "66.13"),
                rows.get(1).subList(0, 9));
        assertEquals(List.of("'=1+2", "'@SUM(A1)", "'-5", "'\t7", "'\r8", "''q", "P-1", "P1", "P1"),
                rows.stream().skip(1).map(row -> row.get(1)).toList());
        assertEquals("'+1", rows.get(8).get(3));
        assertEquals("'=HYPERLINK(1)", rows.get(9).get(0), "a requestId is written inert too");
        assertTrue(Files.readString(temp.resolve("results.ndjson")).contains("\"patientId\":\"=1+2\""),
                "the JSON results keep the id as sent");
    }

    /** Runs {@code evaluate} on the requests as a month file, into results.ndjson and claims.csv in the temp folder. */
    private void evaluate(List<String> requests) throws Exception {
        Path in = temp.resolve("month.ndjson");
        Files.write(in, requests);
        CheckCommandTest.Run run = CheckCommandTest.check("evaluate", "--in", in.toString(), "--out",
                temp.resolve("results.ndjson").toString(), "--claims-csv", temp.resolve("claims.csv").toString(),
                "--rules", BundledRules.DIR.toString());
        assertEquals(0, run.exit(), run.out());
    }
}
