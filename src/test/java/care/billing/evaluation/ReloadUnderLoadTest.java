package care.billing.evaluation;

import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluations on pooled sessions while the serving snapshot is swapped again and again, as the gated
 * reload swaps it (take the reference once, swap, release the old snapshot): no evaluation fails, each
 * gets exactly the result of the snapshot it took, and every released snapshot's pool ends closed with
 * no session leased.
 */
class ReloadUnderLoadTest {

    static final int CLIENTS = 4;
    static final int SWAPS = 8;

    @TempDir
    Path temp;

    @Test
    void evaluationsThroughRepeatedSwapsGetTheRulesTheyStartedWith() throws Exception {
        Path bundled = RulesCopy.into(temp.resolve("a"));
        Path changed = RulesCopy.into(temp.resolve("b"));
        RulesCopy.replace(changed.resolve("payers/medicare/fees.csv"), "MEDICARE,99490,66.13", "MEDICARE,99490,70.00");
        EvaluationInput input = BundledRules.read(RunawayRulesTest.REQUEST.getBytes());

        Evaluator pooled = BundledRules.evaluator().reusingSessions(true);
        Map<String, Evaluation> expected = new ConcurrentHashMap<>();
        List<LoadedRules> released = new ArrayList<>();
        // Each version compiled once, before the clients start (a compile takes seconds on a busy machine);
        // every swap serves a new snapshot of one of them, with a session pool of its own, as a reload does.
        List<LoadedRules> versions = List.of(compile(bundled, expected, input), compile(changed, expected, input));
        List<LoadedRules> snapshots = new ArrayList<>();
        for (int i = 0; i <= SWAPS; i++) {
            LoadedRules of = versions.get(i % 2);
            snapshots.add(new LoadedRules(of.kieBase(), of.releaseId(), of.tables(), of.version(), of.files(),
                    of.loadedAt()));
        }
        AtomicReference<LoadedRules> serving = new AtomicReference<>(snapshots.get(0));
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> evaluated = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            calls.add(clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    LoadedRules snapshot = serving.get();
                    Evaluation result = pooled.evaluate(snapshot, input);
                    assertEquals(snapshot.version(), result.rulesVersion());
                    assertEquals(expected.get(snapshot.version()), result);
                    evaluated.merge(snapshot.version(), 1, Integer::sum);
                    n++;
                }
                return n;
            }));
        }
        try {
            for (int swap = 1; swap <= SWAPS; swap++) {
                Thread.sleep(100);
                LoadedRules old = serving.getAndSet(snapshots.get(swap));
                RuleCompiler.release(old);
                released.add(old);
            }
        } finally {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        }
        int total = 0;
        for (Future<Integer> call : calls) {
            total += call.get();
        }
        assertTrue(total > SWAPS, "evaluations ran during the swaps: " + total);
        assertEquals(2, expected.size());
        List<Evaluation> both = List.copyOf(expected.values());
        assertNotEquals(both.get(0).claimLines(), both.get(1).claimLines(), "the two rule versions bill differently");
        assertEquals(2, evaluated.size(), "both versions served: " + evaluated);
        for (LoadedRules old : released) {
            assertTrue(old.sessions().closed());
            assertEquals(0, old.sessions().leased());
        }
        RuleCompiler.release(serving.get());
    }

    /** Compiles {@code dir}, noting the fresh-session result of {@code input} under its version. */
    private static LoadedRules compile(Path dir, Map<String, Evaluation> expected, EvaluationInput input) {
        LoadedRules rules = RulesCopy.compile(dir);
        expected.computeIfAbsent(rules.version(), v -> BundledRules.evaluator().evaluate(rules, input));
        return rules;
    }
}
