package care.billing.evaluation.batch;

import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationResponse;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** How an evaluated line is written: one value on one line (no newline in it), UTF-8. */
@FunctionalInterface
public interface LineFormat {

    byte[] write(EvaluationInput input, Evaluation evaluation) throws IOException;

    /** The evaluation response of a single request ({@code application/x-ndjson}). */
    static LineFormat json(ObjectMapper mapper) {
        return (input, evaluation) -> mapper.writeValueAsBytes(EvaluationResponse.of(input.requestId(), evaluation, null));
    }
}
