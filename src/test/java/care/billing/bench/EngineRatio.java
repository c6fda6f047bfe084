package care.billing.bench;

import care.billing.api.RequestReader;
import care.billing.engine.Evaluation;
import care.billing.engine.EvaluationInput;
import care.billing.engine.Evaluator;
import care.billing.engine.LoadedRules;
import care.billing.engine.RuleCompiler;
import care.billing.engine.RuleFiles;
import care.billing.model.ClaimLine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The price of the rules engine: the same Medicare month through the rules and through
 * {@link HandWrittenMedicare}, engine alone and end to end (parse, evaluate, write JSON), one thread.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) care.billing.bench.EngineRatio month.ndjson}
 */
public final class EngineRatio {

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.Logger quiet = org.jboss.logmanager.Logger.getLogger("");
        quiet.setLevel(java.util.logging.Level.WARNING);
        LoadedRules rules = new RuleCompiler().compile(RuleFiles.read(Path.of("rules")));
        Evaluator evaluator = Evaluator.withDefaults();
        HandWrittenMedicare hand = new HandWrittenMedicare();
        RequestReader reader = RequestReader.standalone();
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        List<byte[]> lines = Files.readAllLines(Path.of(args[0])).stream().map(String::getBytes).toList();
        List<EvaluationInput> inputs = new ArrayList<>();
        for (byte[] line : lines) {
            try {
                inputs.add(reader.read(line));
            } catch (RuntimeException invalid) {
                // invalid lines are part of the end-to-end runs only
            }
        }
        int mismatches = 0;
        for (EvaluationInput input : inputs) {
            List<String> a = evaluator.evaluate(rules, input).claimLines().stream().map(EngineRatio::key).toList();
            List<String> b = hand.evaluate(input).stream().map(EngineRatio::key).toList();
            if (!a.equals(b)) {
                mismatches++;
            }
        }
        System.out.printf("%d months, %d where the hand-written loop bills differently from the rules%n",
                inputs.size(), mismatches);
        for (int round = 1; round <= 5; round++) {
            double rulesAlone = time(() -> inputs.forEach(i -> evaluator.evaluate(rules, i)));
            double handAlone = time(() -> inputs.forEach(hand::evaluate));
            double rulesEnd = time(() -> lines.forEach(l -> pipeline(l, reader, json, i -> evaluator.evaluate(rules, i).claimLines())));
            double handEnd = time(() -> lines.forEach(l -> pipeline(l, reader, json, hand::evaluate)));
            System.out.printf("round %d: engine alone %.1f vs %.1f µs/month (x%.0f); end to end %.1f vs %.1f µs/month (x%.1f)%n",
                    round, rulesAlone / inputs.size(), handAlone / inputs.size(), rulesAlone / handAlone,
                    rulesEnd / lines.size(), handEnd / lines.size(), rulesEnd / handEnd);
        }
    }

    private static void pipeline(byte[] line, RequestReader reader, ObjectMapper json,
                                 Function<EvaluationInput, List<ClaimLine>> evaluate) {
        try {
            json.writeValueAsBytes(evaluate.apply(reader.read(line)));
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException invalid) {
            // a problem object would be written instead
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000.0;
    }

    private static String key(ClaimLine l) {
        return l.patientId() + " " + l.billingProviderId() + " " + l.code() + " " + l.units() + " " + l.minutes()
                + " " + l.entryIds() + " " + l.estimatedAmount();
    }
}
