package care.billing.evaluation.batch;

import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationResponse;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.FieldError;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.RequestTooLargeException;
import care.billing.evaluation.RuleLoopException;
import care.billing.ruleset.LoadedRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Evaluates a stream of requests, one JSON request per line, and writes one result per line in
 * input order: the evaluation response, or a problem object naming the line. Lines are read in
 * chunks; each chunk is parsed and evaluated on one of the workers, its requests of the same month
 * sharing one KIE session (sessions are never shared between threads). At most {@code window}
 * chunks are in flight, so memory stays bounded by the window, not the input size. The whole batch
 * uses the rules snapshot it started with.
 */
public final class BatchEvaluator {

    private static final Logger LOG = Logger.getLogger(BatchEvaluator.class);

    /** What a batch did. */
    public record Stats(long lines, long evaluated, long rejected, long claimLines) {
    }

    /**
     * One line's result: the JSON to write (UTF-8), what it held, and how far into the input its line
     * ends (bytes, for progress).
     */
    public record LineResult(byte[] json, Evaluation evaluation, long inputEnd) {
    }

    private final RequestReader reader;
    private final Evaluator evaluator;
    private final ObjectMapper mapper;
    private final ExecutorService workers;
    private final int window;
    private final int chunkSize;
    private final int maxLineBytes;

    /**
     * A chunk is cut at {@code chunkSize} lines or at this many bytes, whichever comes first, so the
     * lines in flight stay bounded in bytes too: at most {@code window} chunks of about 4 MB plus one
     * line each, however long the lines (each at most {@code maxLineBytes}).
     */
    static final int MAX_CHUNK_BYTES = 4 * 1024 * 1024;

    /**
     * @param window    chunks in flight at most
     * @param chunkSize lines evaluated together in one KIE session (see {@link care.billing.evaluation.ChunkEvaluator})
     */
    public BatchEvaluator(RequestReader reader, Evaluator evaluator, ObjectMapper mapper, ExecutorService workers,
                          int window, int chunkSize, int maxLineBytes) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.mapper = mapper;
        this.workers = workers;
        this.window = window;
        this.chunkSize = chunkSize;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Evaluates with the rules of {@code rules}.
     *
     * @param each sees every line's result in input order (progress, claim-line export); may do nothing
     */
    public Stats run(LoadedRules rules, InputStream input, OutputStream out, Consumer<LineResult> each) throws IOException {
        return run(Evaluations.of(rules, evaluator), input, out, each);
    }

    /** The same pipeline with any evaluations (the benchmark plugs in a hand-written one). */
    public Stats run(Evaluations evaluations, InputStream input, OutputStream out, Consumer<LineResult> each) throws IOException {
        ArrayDeque<Future<List<LineResult>>> inFlight = new ArrayDeque<>();
        long[] counts = new long[4];
        long lineNumber = 0;
        List<Line> chunk = new ArrayList<>();
        long chunkBytes = 0;
        LineReader in = new LineReader(input, maxLineBytes);
        byte[] bytes;
        try {
            while ((bytes = in.readLine()) != null) {
                lineNumber++;
                if (bytes != LineReader.TOO_LONG && isBlank(bytes)) {
                    continue;
                }
                chunk.add(new Line(lineNumber, bytes, in.consumed()));
                chunkBytes += bytes.length;
                if (chunk.size() == chunkSize || chunkBytes >= MAX_CHUNK_BYTES) {
                    List<Line> lines = chunk;
                    inFlight.add(CompletableFuture.supplyAsync(() -> evaluateChunk(evaluations, lines), workers));
                    chunk = new ArrayList<>();
                    chunkBytes = 0;
                    if (inFlight.size() >= window) {
                        write(inFlight.poll(), out, each, counts);
                    }
                }
            }
            if (!chunk.isEmpty()) {
                List<Line> lines = chunk;
                inFlight.add(CompletableFuture.supplyAsync(() -> evaluateChunk(evaluations, lines), workers));
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll(), out, each, counts);
            }
            out.flush();
        } finally {
            inFlight.forEach(future -> future.cancel(true));
        }
        return new Stats(counts[0], counts[1], counts[2], counts[3]);
    }

    private record Line(long number, byte[] bytes, long inputEnd) {
    }

    /**
     * Blank as {@link String#isBlank()}. Bytes are signed, so {@code b < ' '} is a control character
     * or the start of a multi-byte character: only then is the line decoded to decide.
     */
    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b == ' ' || b == '\t' || b == '\r') {
                continue;
            }
            return b < ' ' && new String(line, StandardCharsets.UTF_8).isBlank();
        }
        return true;
    }

    private void write(Future<List<LineResult>> future, OutputStream out, Consumer<LineResult> each, long[] counts)
            throws IOException {
        List<LineResult> results;
        try {
            results = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("batch chunk failed unexpectedly", e.getCause());
        }
        for (LineResult result : results) {
            out.write(result.json());
            out.write('\n');
            counts[0]++;
            if (result.evaluation() != null) {
                counts[1]++;
                counts[3] += result.evaluation().claimLines().size();
            } else {
                counts[2]++;
            }
            each.accept(result);
        }
    }

    /** Parses every line, evaluates the valid ones month by month in shared sessions, answers in line order. */
    List<LineResult> evaluateChunk(Evaluations evaluations, List<Line> lines) {
        LineResult[] results = new LineResult[lines.size()];
        Map<String, List<Integer>> byMonth = new LinkedHashMap<>();
        List<EvaluationInput> inputs = new ArrayList<>(Collections.nCopies(lines.size(), null));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            try {
                byte[] bytes = line.bytes();
                if (bytes == LineReader.TOO_LONG || bytes.length > maxLineBytes) {
                    throw new RequestTooLargeException("a batch line may be at most " + maxLineBytes + " bytes; line "
                            + line.number() + " is longer (billing.limits.max-body-bytes)");
                }
                EvaluationInput input = reader.read(bytes, evaluations.vocabulary());
                inputs.set(i, input);
                byMonth.computeIfAbsent(input.month().month(), m -> new ArrayList<>()).add(i);
            } catch (InvalidRequestException e) {
                results[i] = problem(line, 400, "Invalid evaluation request",
                        e.errors().size() + " field(s) are invalid", e.errors());
            } catch (RequestTooLargeException e) {
                results[i] = problem(line, 413, "Request too large", e.getMessage(), List.of());
            } catch (RuntimeException e) {
                results[i] = failed(line, e);
            }
        }
        for (List<Integer> indexes : byMonth.values()) {
            List<EvaluationInput> month = indexes.stream().map(inputs::get).toList();
            List<Evaluation> together;
            try {
                together = evaluations.together(month);
            } catch (RuntimeException e) {
                together = null;
            }
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                results[i] = together != null ? success(lines.get(i), together.get(k))
                        : alone(evaluations, lines.get(i), inputs.get(i));
            }
        }
        return List.of(results);
    }

    /** A chunk whose rules did not settle: each line on its own, so the error lands on the right line. */
    private LineResult alone(Evaluations evaluations, Line line, EvaluationInput input) {
        try {
            return success(line, evaluations.alone(input));
        } catch (RuleLoopException e) {
            return problem(line, 500, "The rules did not settle", e.getMessage(), List.of());
        } catch (RuntimeException e) {
            return failed(line, e);
        }
    }

    private LineResult failed(Line line, RuntimeException e) {
        LOG.errorf(e, "Batch line %d failed unexpectedly", line.number());
        return problem(line, 500, "Internal error", "the line could not be evaluated; the error is logged", List.of());
    }

    private LineResult success(Line line, Evaluation evaluation) {
        try {
            return new LineResult(mapper.writeValueAsBytes(EvaluationResponse.of(evaluation, null)), evaluation,
                    line.inputEnd());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LineResult problem(Line line, int status, String title, String detail, List<FieldError> errors) {
        long number = line.number();
        ObjectNode problem = mapper.createObjectNode();
        problem.put("type", status == 400 ? "/problems/invalid-request" : "/problems/batch-line");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", "line " + number + ": " + detail);
        problem.put("line", number);
        if (!errors.isEmpty()) {
            problem.set("errors", mapper.valueToTree(errors));
        }
        return new LineResult(problem.toString().getBytes(StandardCharsets.UTF_8), null, line.inputEnd());
    }
}
