package care.billing.bench;

import care.billing.api.RequestReader;
import care.billing.engine.ChunkEvaluator;
import care.billing.engine.Evaluation;
import care.billing.engine.EvaluationInput;
import care.billing.engine.Evaluator;
import care.billing.engine.LoadedRules;
import care.billing.engine.RuleCompiler;
import care.billing.engine.RuleFiles;
import care.billing.engine.RuleProblem;
import care.billing.tables.DataTables;
import care.billing.tables.TableLoader;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drools' executable rule model against the DRL build the service uses ({@link RuleCompiler}), on
 * the same rules and the same months, evaluated in chunks of 50 as the batch does. It refuses to
 * report unless both give every month the same claim lines and findings.
 * <p>
 * {@code --cold drl|exec RULES} compiles once in a fresh JVM and prints how long it took.
 * {@code RULES MONTHS} compiles both, then times alternating rounds over the months; the first
 * six rounds are warm-up, the figure is the median of the other ten. Run by {@code bench/exec-model/run.sh}.
 */
public final class ExecModelComparison {

    private static final int CHUNK = 50;
    private static final int ROUNDS = 16;
    private static final int WARM_UP = 6;

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        if (args[0].equals("--cold")) {
            long start = System.nanoTime();
            RuleFiles files = RuleFiles.read(Path.of(args[2]));
            LoadedRules built = args[1].equals("exec") ? executableModel(files) : new RuleCompiler().compile(files);
            System.out.printf("%s: compiled in %d ms in a fresh JVM (%s)%n", args[1],
                    (System.nanoTime() - start) / 1_000_000,
                    KieServices.get().getRepository().getKieModule(built.releaseId()).getClass().getSimpleName());
            System.exit(0);
        }
        RuleFiles files = RuleFiles.read(Path.of(args[0]));
        long start = System.nanoTime();
        LoadedRules drl = new RuleCompiler().compile(files);
        long drlDone = System.nanoTime();
        LoadedRules exec = executableModel(files);
        long execDone = System.nanoTime();
        System.out.printf("compiled in this JVM, DRL first: DRL %d ms, executable model %d ms%n",
                (drlDone - start) / 1_000_000, (execDone - drlDone) / 1_000_000);

        List<EvaluationInput> months = months(Path.of(args[1]));
        ChunkEvaluator chunks = new ChunkEvaluator(Evaluator.withDefaults());
        int differ = 0;
        for (int from = 0; from + CHUNK <= months.size(); from += CHUNK) {
            List<Evaluation> a = chunks.evaluate(drl, months.subList(from, from + CHUNK));
            List<Evaluation> b = chunks.evaluate(exec, months.subList(from, from + CHUNK));
            for (int i = 0; i < CHUNK; i++) {
                boolean same = a.get(i).claimLines().equals(b.get(i).claimLines())
                        && a.get(i).findings().equals(b.get(i).findings());
                differ += same ? 0 : 1;
            }
        }
        if (differ > 0) {
            throw new IllegalStateException(differ + " months differ between the two builds; no comparison");
        }
        double[] drlMicros = new double[ROUNDS];
        double[] execMicros = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) { // alternate which goes first
                drlMicros[round] = microsPerMonth(chunks, drl, months);
                execMicros[round] = microsPerMonth(chunks, exec, months);
            } else {
                execMicros[round] = microsPerMonth(chunks, exec, months);
                drlMicros[round] = microsPerMonth(chunks, drl, months);
            }
            System.out.printf("round %d: DRL %.1f µs, executable model %.1f µs per month%s%n", round + 1,
                    drlMicros[round], execMicros[round], round < WARM_UP ? " (warm-up)" : "");
        }
        System.out.printf("%d months, identical results; median per month in chunks of %d: DRL %.1f µs, "
                + "executable model %.1f µs%n", months.size(), CHUNK, median(drlMicros), median(execMicros));
        System.exit(0);
    }

    /** The same rule files built as an executable model, with the same data tables. */
    private static LoadedRules executableModel(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        DataTables tables = new TableLoader().load(files.files(), problems);
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId("care.billing.bench", "exec-model", "1.0.0");
        KieFileSystem kfs = services.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFiles.RuleFile file : files.files()) {
            if (file.isDrl()) {
                kfs.write("src/main/resources/" + file.path(), file.content());
            }
        }
        ClassLoader loader = ExecModelComparison.class.getClassLoader();
        KieBuilder builder = services.newKieBuilder(kfs, loader).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty() || !problems.isEmpty()) {
            throw new IllegalStateException("the executable model does not build: " + errors + " " + problems);
        }
        return new LoadedRules(services.newKieContainer(releaseId, loader).getKieBase(), releaseId, tables,
                files.version(), files.files().stream().map(RuleFiles.RuleFile::path).toList(), Instant.now());
    }

    private static List<EvaluationInput> months(Path path) throws Exception {
        RequestReader reader = RequestReader.standalone();
        List<EvaluationInput> months = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            try {
                months.add(reader.read(line.getBytes(StandardCharsets.UTF_8)));
            } catch (RuntimeException invalid) {
                // invalid lines never reach the rules
            }
        }
        return months.subList(0, months.size() - months.size() % CHUNK);
    }

    private static double microsPerMonth(ChunkEvaluator chunks, LoadedRules rules, List<EvaluationInput> months) {
        long start = System.nanoTime();
        for (int repeat = 0; repeat < 3; repeat++) {
            for (int from = 0; from < months.size(); from += CHUNK) {
                chunks.evaluate(rules, months.subList(from, from + CHUNK));
            }
        }
        return (System.nanoTime() - start) / 1000.0 / (3.0 * months.size());
    }

    private static double median(double[] values) {
        double[] measured = Arrays.copyOfRange(values, WARM_UP, values.length);
        Arrays.sort(measured);
        return measured.length % 2 == 1 ? measured[measured.length / 2]
                : (measured[measured.length / 2 - 1] + measured[measured.length / 2]) / 2;
    }
}
