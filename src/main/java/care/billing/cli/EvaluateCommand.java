package care.billing.cli;

import care.billing.app.Components;
import care.billing.evaluation.batch.BatchEvaluator;
import care.billing.evaluation.batch.BatchStats;
import care.billing.model.ClaimLine;
import care.billing.ruleset.LoadedRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code evaluate}: a month-end file of requests (NDJSON) to results, without the service. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates one request per line of --in (NDJSON, as for POST /api/v1/evaluations/batch) "
                + "and writes one result per line to --out, in input order.")
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Requests, one JSON object per line.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Results, one JSON object per line.")
    Path out;

    @Option(names = "--claims-csv", paramLabel = "FILE",
            description = "Also write one CSV row per claim line (request id, patient, payer, provider, code, units, "
                    + "date of service, minutes, amount, rule). A text cell starting with = + - @ ' or a tab or carriage return "
                    + "gets a leading apostrophe, so no spreadsheet runs it as a formula.")
    Path claimsCsv;

    @Mixin
    RulesDirOption rulesDir;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer workers;

    @Option(names = "--chunk-size", paramLabel = "N",
            description = "Lines evaluated together in one rules session (default: billing.batch.chunk-size).")
    Integer chunkSize;

    /** One claim line as a CSV row; {@code requestId} is empty for a request that sent none. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"requestId", "patientId", "payer", "billingProviderId", "code",
            "units", "dateOfService", "minutes", "estimatedAmount", "rule"})
    record ClaimRow(String requestId, String patientId, String payer, String billingProviderId, String code, int units,
                    String dateOfService, int minutes, String estimatedAmount, String rule) {

        static ClaimRow of(String requestId, ClaimLine line) {
            return new ClaimRow(inert(requestId), inert(line.patientId()), inert(line.payer()),
                    inert(line.billingProviderId()), inert(line.code()), line.units(), line.dateOfService().toString(),
                    line.minutes(), Objects.toString(line.estimatedAmount(), ""), inert(line.rule()));
        }

        /**
         * Ids come from the requests, so a cell a spreadsheet would read as a formula ({@code =}, {@code +},
         * {@code -}, {@code @}, tab or carriage return first) gets a leading apostrophe (OWASP, CSV injection);
         * so does one that starts with an apostrophe, so that removing one leading apostrophe always gives
         * back the id as sent.
         */
        static String inert(String text) {
            return text == null || text.isEmpty() || "=+-@\t\r'".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
        }
    }

    @Override
    public Integer call() throws Exception {
        LoadedRules rules = RulesLoader.compileOrReport(rulesDir.dir());
        if (rules == null) {
            return 1;
        }
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Progress progress = Progress.reading(System.err, Files.size(in));
        long start = System.nanoTime();
        BatchStats stats;
        try (InputStream reader = Files.newInputStream(in);
             OutputStream writer = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             SequenceWriter claims = claimsWriter()) {
            BatchEvaluator batch = Components.fromEnvironment().batchEvaluator(responseMapper(), pool, threads * 2, chunkSize);
            stats = batch.run(rules, reader, writer, result -> {
                progress.update(result.inputEnd());
                if (claims != null && result.evaluated()) {
                    try {
                        for (ClaimLine line : result.evaluation().claimLines()) {
                            claims.write(ClaimRow.of(result.requestId(), line));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } finally {
            pool.shutdown();
        }
        progress.done();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.err.printf("%d lines: %d evaluated, %d rejected, %d claim lines in %d ms%n",
                stats.lines(), stats.evaluated(), stats.rejected(), stats.claimLines(), millis);
        return 0;
    }

    private SequenceWriter claimsWriter() throws IOException {
        if (claimsCsv == null) {
            return null;
        }
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = csv.schemaFor(ClaimRow.class).withHeader();
        return csv.writer(schema).writeValues(Files.newBufferedWriter(claimsCsv, StandardCharsets.UTF_8));
    }

    /** The same JSON shape as the REST responses. */
    public static ObjectMapper responseMapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }
}
