package care.billing.evaluation;

import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;
import care.billing.ruleset.LoadedRules;
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
        List<EvaluationInput> inputs = randomChunk(new Random(seed));
        List<Evaluation> alone = inputs.stream().map(input -> evaluator.evaluate(rules, input)).toList();
        assertEquals(alone, chunks.evaluate(rules, inputs));
    }

    /** As the service's batch evaluates: with sessions reused for the requests evaluated alone. */
    @Property(tries = 100)
    void aChunkOfTheServingEvaluatorEqualsItsRequestsAlone(@ForAll long seed) {
        List<EvaluationInput> inputs = randomChunk(new Random(seed));
        List<Evaluation> alone = inputs.stream().map(input -> evaluator.evaluate(rules, input)).toList();
        assertEquals(alone, new ChunkEvaluator(evaluator.reusingSessions(true)).evaluate(rules, inputs));
    }

    /** Ids that already hold the chunk's separator, even a whole fake prefix, cannot be confused with another request's. */
    @Property(tries = 50)
    void idsHoldingTheSeparatorStillGiveEachRequestItsOwnResult(@ForAll long seed) {
        Random random = new Random(seed);
        List<EvaluationInput> inputs = new ArrayList<>(randomChunk(random));
        int victim = random.nextInt(inputs.size());
        EvaluationInput one = inputs.get(victim);
        String fake = "R0" + ChunkEvaluator.SEPARATOR;
        inputs.set(victim, new EvaluationInput(one.month(),
                one.patients().stream().map(p -> new care.billing.model.Patient(fake + p.id(), p.payer(),
                        p.chronicConditions(), p.consentDate(), p.carePlanOnFile(), p.complexity())).toList(),
                one.staff().stream().map(m -> new care.billing.model.Staff(fake + m.id(), m.name(), m.credentials(),
                        m.role(), m.licensed(), m.teamCareTrainingDate(), m.careTeamStartDate(),
                        m.scopeOfServiceOnFile())).toList(),
                one.entries().stream().map(e -> new care.billing.model.TimeEntry(fake + e.id(), fake + e.patientId(),
                        fake + e.staffId(), e.billingProviderId(), e.date(), e.minutes(), e.activity(), e.method(),
                        e.counterpart(), e.note())).toList()));
        List<Evaluation> alone = inputs.stream().map(input -> evaluator.evaluate(rules, input)).toList();
        assertEquals(alone, chunks.evaluate(rules, inputs));
    }

    private static List<EvaluationInput> randomChunk(Random random) {
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
        return inputs;
    }
}
