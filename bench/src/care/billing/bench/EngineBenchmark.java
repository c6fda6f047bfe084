package care.billing.bench;

import care.billing.app.Components;
import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.EvaluationResponse;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.model.ClaimLine;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The price of the rules engine, with JMH: the same months of Medicare patients through the rules
 * and through {@link HandWrittenMedicare}, engine alone and end to end (parse and validate, evaluate,
 * write JSON). Results are microseconds per patient-month, one thread. Setup refuses to measure if
 * the hand-written loop bills any month differently from the rules.
 * <p>
 * Run (docs/performance.md): {@code python3 bench/generate_month.py 2000 11 MEDICARE > target/medicare.ndjson}
 * then {@code java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt)
 * org.openjdk.jmh.Main EngineBenchmark -p month=target/medicare.ndjson}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
public class EngineBenchmark {

    /** An NDJSON file of evaluation requests (bench/generate_month.py ... MEDICARE). */
    @Param("target/medicare.ndjson")
    public String month;

    /** Lines evaluated in one KIE session by the end-to-end pipeline: the batch default (billing.batch.chunk-size). */
    private static final int CHUNK = 50;

    private LoadedRules rules;
    private Evaluator evaluator;
    private ChunkEvaluator chunks;
    private HandWrittenMedicare hand;
    private RequestReader reader;
    private ObjectMapper json;
    private List<byte[]> lines;
    private List<EvaluationInput> inputs;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        rules = new RuleCompiler().compile(RuleFiles.read(Path.of("rules")));
        evaluator = Components.fromEnvironment().evaluator();
        chunks = new ChunkEvaluator(evaluator);
        hand = new HandWrittenMedicare();
        reader = Components.fromEnvironment().reader();
        json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        lines = new ArrayList<>();
        inputs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(month))) {
            try {
                byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                inputs.add(reader.read(bytes, rules.tables().vocabulary()));
                lines.add(bytes);
            } catch (RuntimeException invalid) {
                // only valid months are compared: invalid lines never reach either evaluator
            }
        }
        int differ = 0;
        for (EvaluationInput input : inputs) {
            if (!keys(evaluator.evaluate(rules, input).claimLines()).equals(keys(hand.evaluate(input)))) {
                differ++;
            }
        }
        if (inputs.isEmpty() || differ > 0) {
            throw new IllegalStateException(differ + " of " + inputs.size() + " months are billed differently by the "
                    + "hand-written loop; the comparison would be meaningless");
        }
    }

    /** The rules alone: one session per patient-month, as a single REST request. */
    @Benchmark
    public Evaluation rulesAlone() {
        return evaluator.evaluate(rules, nextInput());
    }

    /** The rules alone in chunks of months that share a session, as the batch evaluates them. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public List<Evaluation> rulesAloneInChunks() {
        int start = nextChunk();
        return chunks.evaluate(rules, inputs.subList(start, start + CHUNK));
    }

    @Benchmark
    public List<ClaimLine> handWrittenAlone() {
        return hand.evaluate(nextInput());
    }

    /** Parse, validate, evaluate in chunks that share a session (as the batch), write the responses. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void rulesEndToEnd(Blackhole sink) throws JsonProcessingException {
        int start = nextChunk();
        List<EvaluationInput> chunk = new ArrayList<>(CHUNK);
        for (int i = start; i < start + CHUNK; i++) {
            chunk.add(reader.read(lines.get(i), rules.tables().vocabulary()));
        }
        for (Evaluation evaluation : chunks.evaluate(rules, chunk)) {
            sink.consume(json.writeValueAsBytes(EvaluationResponse.of(null, evaluation, null)));
        }
    }

    /** The same pipeline with the hand-written loop (it makes no findings, so it writes claim lines only). */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void handWrittenEndToEnd(Blackhole sink) throws JsonProcessingException {
        int start = nextChunk();
        for (int i = start; i < start + CHUNK; i++) {
            sink.consume(json.writeValueAsBytes(hand.evaluate(reader.read(lines.get(i), rules.tables().vocabulary()))));
        }
    }

    private EvaluationInput nextInput() {
        EvaluationInput input = inputs.get(next);
        next = (next + 1) % inputs.size();
        return input;
    }

    /** The first line of the next whole chunk (scores are per line: {@code @OperationsPerInvocation}). */
    private int nextChunk() {
        if (next + CHUNK > inputs.size()) {
            next = 0;
        }
        int start = next;
        next += CHUNK;
        return start;
    }

    private static List<String> keys(List<ClaimLine> lines) {
        return lines.stream().map(l -> l.patientId() + " " + l.billingProviderId() + " " + l.code() + " " + l.units()
                + " " + l.minutes() + " " + l.dateOfService() + " " + l.entryIds() + " " + l.estimatedAmount()).toList();
    }
}
