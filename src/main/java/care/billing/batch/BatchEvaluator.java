package care.billing.batch;

import care.billing.api.EvaluationResponse;
import care.billing.api.FieldError;
import care.billing.api.InvalidRequestException;
import care.billing.api.RequestReader;
import care.billing.api.RequestTooLargeException;
import care.billing.engine.Evaluation;
import care.billing.engine.Evaluator;
import care.billing.engine.LoadedRules;
import care.billing.engine.RuleLoopException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Evaluates a stream of requests, one JSON request per line, and writes one result per line in
 * input order: the evaluation response, or a problem object naming the line. Lines are evaluated
 * in parallel on the given workers, each in its own KIE session; at most {@code window} lines are in
 * flight, so memory stays bounded by the window, not the input size. The whole batch uses the rules
 * snapshot it started with.
 */
public final class BatchEvaluator {

    /** What a batch did. */
    public record Stats(long lines, long evaluated, long rejected, long claimLines) {
    }

    /** One line's result: the JSON to write and what it held. */
    public record LineResult(String json, Evaluation evaluation) {
    }

    private final RequestReader reader;
    private final Evaluator evaluator;
    private final ObjectMapper mapper;
    private final ExecutorService workers;
    private final int window;
    private final int maxLineBytes;

    public BatchEvaluator(RequestReader reader, Evaluator evaluator, ObjectMapper mapper, ExecutorService workers,
                          int window, int maxLineBytes) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.mapper = mapper;
        this.workers = workers;
        this.window = window;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @param each sees every line's result in input order (progress, claim-line export); may do nothing
     */
    public Stats run(LoadedRules rules, BufferedReader in, Writer out, Consumer<LineResult> each) throws IOException {
        ArrayDeque<Future<LineResult>> inFlight = new ArrayDeque<>();
        long[] counts = new long[4];
        long lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String text = line;
            long number = lineNumber;
            inFlight.add(CompletableFuture.supplyAsync(() -> evaluateLine(rules, number, text), workers));
            if (inFlight.size() >= window) {
                write(inFlight.poll(), out, each, counts);
            }
        }
        while (!inFlight.isEmpty()) {
            write(inFlight.poll(), out, each, counts);
        }
        out.flush();
        return new Stats(counts[0], counts[1], counts[2], counts[3]);
    }

    private void write(Future<LineResult> future, Writer out, Consumer<LineResult> each, long[] counts)
            throws IOException {
        LineResult result;
        try {
            result = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("batch line failed unexpectedly", e.getCause());
        }
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

    LineResult evaluateLine(LoadedRules rules, long number, String line) {
        try {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > maxLineBytes) {
                throw new RequestTooLargeException("a batch line may be at most " + maxLineBytes + " bytes; line "
                        + number + " has " + bytes.length + " (billing.limits.max-body-bytes)");
            }
            Evaluation evaluation = evaluator.evaluate(rules, reader.read(bytes));
            return new LineResult(mapper.writeValueAsString(EvaluationResponse.of(evaluation, null)), evaluation);
        } catch (InvalidRequestException e) {
            return problem(number, 400, "Invalid evaluation request", e.errors().size() + " field(s) are invalid",
                    e.errors());
        } catch (RequestTooLargeException e) {
            return problem(number, 413, "Request too large", e.getMessage(), List.of());
        } catch (RuleLoopException e) {
            return problem(number, 500, "The rules did not settle", e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LineResult problem(long number, int status, String title, String detail, List<FieldError> errors) {
        ObjectNode problem = mapper.createObjectNode();
        problem.put("type", status == 400 ? "/problems/invalid-request" : "/problems/batch-line");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", "line " + number + ": " + detail);
        problem.put("line", number);
        if (!errors.isEmpty()) {
            problem.set("errors", mapper.valueToTree(errors));
        }
        return new LineResult(problem.toString(), null);
    }
}
