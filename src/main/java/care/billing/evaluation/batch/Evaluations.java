package care.billing.evaluation.batch;

import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.Vocabulary;

import java.util.List;

/**
 * What evaluates a batch's valid requests: one rules snapshot for the whole batch, or, in the
 * benchmark, a hand-written stand-in plugged into the same pipeline.
 */
public interface Evaluations {

    /** One evaluation per input, in order; every input is of the same service month. May throw: then {@link #alone}. */
    List<Evaluation> together(List<EvaluationInput> sameMonth);

    /** One input on its own, after {@link #together} failed, so that an error lands on its own line. */
    Evaluation alone(EvaluationInput input);

    /** The words the requests are checked against: those of the rules that evaluate them. */
    Vocabulary vocabulary();

    /** The rules of {@code snapshot}, with requests of a month sharing sessions ({@link ChunkEvaluator}). */
    static Evaluations of(LoadedRules snapshot, Evaluator evaluator) {
        ChunkEvaluator chunks = new ChunkEvaluator(evaluator);
        return new Evaluations() {
            @Override
            public List<Evaluation> together(List<EvaluationInput> sameMonth) {
                return chunks.evaluate(snapshot, sameMonth);
            }

            @Override
            public Evaluation alone(EvaluationInput input) {
                return evaluator.evaluate(snapshot, input);
            }

            @Override
            public Vocabulary vocabulary() {
                return snapshot.tables().vocabulary();
            }
        };
    }
}
