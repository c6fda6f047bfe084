package care.billing.evaluation.batch;

import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.Problem;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.RequestTooLargeException;
import care.billing.evaluation.RuleLoopException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a chunk of batch lines, in line order: each line is read as a request; the valid ones of
 * a month are evaluated together ({@link Evaluations#together}), and if that fails, one by one, so
 * that an error lands on its own line; each line gets its result or a {@link Problem}.
 */
final class LineEvaluator {

    private static final Logger LOG = Logger.getLogger(LineEvaluator.class);

    private final RequestReader reader;
    private final ObjectMapper mapper;
    private final LineFormat format;
    private final int maxLineBytes;

    LineEvaluator(RequestReader reader, ObjectMapper mapper, LineFormat format, int maxLineBytes) {
        this.reader = reader;
        this.mapper = mapper;
        this.format = format;
        this.maxLineBytes = maxLineBytes;
    }

    List<LineResult> evaluate(Evaluations evaluations, List<Line> lines) {
        LineResult[] results = new LineResult[lines.size()];
        EvaluationInput[] inputs = new EvaluationInput[lines.size()];
        Map<String, List<Integer>> byMonth = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            try {
                inputs[i] = read(line, evaluations);
                byMonth.computeIfAbsent(inputs[i].month().month(), m -> new ArrayList<>()).add(i);
            } catch (InvalidRequestException e) {
                results[i] = rejected(line, e.problem());
            } catch (RequestTooLargeException e) {
                results[i] = rejected(line, e.problem());
            } catch (RuntimeException e) {
                results[i] = failed(line, null, e);
            }
        }
        for (List<Integer> indexes : byMonth.values()) {
            List<Evaluation> together = together(evaluations, indexes.stream().map(i -> inputs[i]).toList());
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                results[i] = together != null ? evaluated(lines.get(i), inputs[i], together.get(k))
                        : alone(evaluations, lines.get(i), inputs[i]);
            }
        }
        return List.of(results);
    }

    private EvaluationInput read(Line line, Evaluations evaluations) {
        if (line.bytes() == LineReader.TOO_LONG || line.bytes().length > maxLineBytes) {
            throw new RequestTooLargeException("a batch line may be at most " + maxLineBytes + " bytes; line "
                    + line.number() + " is longer (billing.limits.max-body-bytes)");
        }
        return reader.read(line.bytes(), evaluations.vocabulary());
    }

    /** The month's requests evaluated together, or null when that failed (then each goes {@link #alone}). */
    private static List<Evaluation> together(Evaluations evaluations, List<EvaluationInput> month) {
        try {
            return evaluations.together(month);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private LineResult alone(Evaluations evaluations, Line line, EvaluationInput input) {
        try {
            return evaluated(line, input, evaluations.alone(input));
        } catch (RuleLoopException e) {
            return rejected(line, Problem.rulesLoop(input.requestId(), e.getMessage()));
        } catch (RuntimeException e) {
            return failed(line, input.requestId(), e);
        }
    }

    private LineResult evaluated(Line line, EvaluationInput input, Evaluation evaluation) {
        try {
            return new LineResult(line.number(), input.requestId(), evaluation, null, format.write(input, evaluation),
                    line.inputEnd());
        } catch (IOException | RuntimeException e) {
            return failed(line, input.requestId(), e);
        }
    }

    private LineResult failed(Line line, String requestId, Exception e) {
        LOG.errorf(e, "Batch line %d failed unexpectedly", line.number());
        return rejected(line, Problem.internal(requestId));
    }

    private LineResult rejected(Line line, Problem problem) {
        Problem numbered = problem.atLine(line.number());
        try {
            return new LineResult(line.number(), problem.requestId(), null, numbered, mapper.writeValueAsBytes(numbered),
                    line.inputEnd());
        } catch (IOException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }
}
