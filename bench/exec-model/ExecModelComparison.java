package care.billing.bench;

import care.billing.app.Components;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import care.billing.ruleset.RuleProblemsException;
import care.billing.ruleset.DataTables;
import care.billing.ruleset.TableLoader;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drools' executable rule model against the DRL build the service uses ({@link RuleCompiler}), on
 * the same rules and months, evaluated in chunks of 50 as the batch does. Both builds use the same
 * class loader.
 * <ul>
 * <li>{@code --compare RULES MONTHS}: both builds in one JVM; fails unless every month gets the same
 * claim lines and findings from both.</li>
 * <li>{@code --time drl|exec RULES MONTHS}: one build in a JVM of its own: its compile time cold
 * and again (as a reload would), then time per month; six rounds are warm-up, the figure is the
 * median of the other ten.</li>
 * </ul>
 * Run by {@code bench/exec-model/run.sh}, which alternates the two builds' JVMs.
 */
public final class ExecModelComparison {

    private static final int CHUNK = 50;
    private static final int ROUNDS = 16;
    private static final int WARM_UP = 6;
    private static final ClassLoader LOADER = ExecModelComparison.class.getClassLoader();
    private static final AtomicInteger BUILDS = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        if (args[0].equals("--compare")) {
            compare(RuleFiles.read(Path.of(args[1])), months(Path.of(args[2])));
        } else {
            time(args[1].equals("exec"), RuleFiles.read(Path.of(args[2])), Path.of(args[3]));
        }
        System.exit(0);
    }

    private static void compare(RuleFiles files, List<EvaluationInput> months) throws RuleProblemsException {
        LoadedRules drl = build(false, files);
        LoadedRules exec = build(true, files);
        ChunkEvaluator chunks = new ChunkEvaluator(Components.fromEnvironment().evaluator());
        int differ = 0;
        int lines = 0;
        int findings = 0;
        for (int from = 0; from < months.size(); from += CHUNK) {
            List<Evaluation> a = chunks.evaluate(drl, months.subList(from, from + CHUNK));
            List<Evaluation> b = chunks.evaluate(exec, months.subList(from, from + CHUNK));
            for (int i = 0; i < CHUNK; i++) {
                boolean same = a.get(i).claimLines().equals(b.get(i).claimLines())
                        && a.get(i).findings().equals(b.get(i).findings());
                differ += same ? 0 : 1;
                lines += a.get(i).claimLines().size();
                findings += a.get(i).findings().size();
            }
        }
        if (differ > 0 || lines == 0 || findings == 0) {
            throw new IllegalStateException(differ + " of " + months.size() + " months differ between the two "
                    + "builds (" + lines + " claim lines, " + findings + " findings); no comparison");
        }
        System.out.printf("%d months: %d claim lines and %d findings, the same from both builds%n",
                months.size(), lines, findings);
    }

    private static void time(boolean executable, RuleFiles files, Path monthFile) throws Exception {
        long start = System.nanoTime();
        LoadedRules rules = build(executable, files);
        long cold = System.nanoTime() - start;
        start = System.nanoTime();
        build(executable, files);
        long again = System.nanoTime() - start;
        List<EvaluationInput> months = months(monthFile);
        ChunkEvaluator chunks = new ChunkEvaluator(Components.fromEnvironment().evaluator());
        double[] micros = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            micros[round] = microsPerMonth(chunks, rules, months);
        }
        double[] measured = Arrays.copyOfRange(micros, WARM_UP, ROUNDS);
        Arrays.sort(measured);
        System.out.printf("%-4s compiled in %d ms cold, %d ms again; %.1f µs per month (rounds %s)%n",
                executable ? "exec" : "drl", cold / 1_000_000, again / 1_000_000,
                (measured[measured.length / 2 - 1] + measured[measured.length / 2]) / 2,
                Arrays.stream(micros).mapToObj(m -> String.format("%.0f", m)).toList());
    }

    /** The rule files as the service builds them, or as an executable model; the same data tables either way. */
    private static LoadedRules build(boolean executable, RuleFiles files) throws RuleProblemsException {
        if (!executable) {
            return new RuleCompiler(LOADER, Clock.systemUTC()).compile(files);
        }
        List<RuleProblem> problems = new ArrayList<>();
        DataTables tables = new TableLoader().load(files.files(), problems);
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId("care.billing.bench", "exec-model", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = services.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFiles.RuleFile file : files.files()) {
            if (file.isDrl()) {
                kfs.write("src/main/resources/" + file.path(), file.content());
            }
        }
        KieBuilder builder = services.newKieBuilder(kfs, LOADER).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty() || !problems.isEmpty()) {
            throw new IllegalStateException("the executable model does not build: " + errors + " " + problems);
        }
        return new LoadedRules(services.newKieContainer(releaseId, LOADER).getKieBase(), releaseId, tables,
                files.version(), files.files().stream().map(RuleFiles.RuleFile::path).toList(), Instant.now());
    }

    /** The valid months of the file, a whole number of chunks of them. */
    private static List<EvaluationInput> months(Path path) throws Exception {
        RequestReader reader = Components.fromEnvironment().reader();
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
}
