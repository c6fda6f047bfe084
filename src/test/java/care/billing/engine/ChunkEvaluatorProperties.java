package care.billing.engine;

import care.billing.model.ServiceMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests evaluated together in one session give exactly what each gives alone. */
class ChunkEvaluatorProperties {

    final LoadedRules rules = BundledRules.get();
    final Evaluator evaluator = BundledRules.evaluator();
    final ChunkEvaluator chunks = new ChunkEvaluator(evaluator);

    @Property(tries = 200)
    void aChunkEqualsItsRequestsAlone(@ForAll long seed) {
        Random random = new Random(seed);
        ServiceMonth month = ServiceMonth.of(YearMonth.of(2026, 1 + random.nextInt(12)));
        List<EvaluationInput> inputs = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(20); i++) {
            EvaluationInput one = InvariantProperties.randomMonth(new Random(random.nextLong()));
            inputs.add(new EvaluationInput(month, one.patients(), one.staff(), one.entries().stream()
                    .map(e -> new care.billing.model.TimeEntry(e.id(), e.patientId(), e.staffId(), e.billingProviderId(),
                            month.firstDay().plusDays(Math.min(e.date().getDayOfMonth(), month.lastDay().getDayOfMonth()) - 1),
                            e.minutes(), e.activity(), e.method(), e.counterpart(), e.note()))
                    .toList()));
        }
        List<Evaluation> alone = inputs.stream().map(input -> evaluator.evaluate(rules, input)).toList();
        assertEquals(alone, chunks.evaluate(rules, inputs));
    }
}
