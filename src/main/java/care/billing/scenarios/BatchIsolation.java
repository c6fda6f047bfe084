package care.billing.scenarios;

import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.Evaluator;
import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The month-end batch's promise, held at every gate ({@code check}, reload, publish): a batch line gets
 * exactly the result it gets alone. A batch evaluates up to {@code billing.batch.chunk-size} requests of
 * one month in one rules session ({@link ChunkEvaluator}), each request's patient, staff and entry ids
 * prefixed with its position, so a rule keeps the lines apart only if it ties its patterns together by
 * those ids. A rule that does not (say, staff matched by name, or a count of all the request's patients)
 * would let one line's facts change another's result, and nothing else would notice: the scenarios run
 * one request at a time.
 *
 * <p>So the scenarios are evaluated once more as a batch would evaluate them: those of each service month
 * in shared sessions of at most the chunk size, each scenario twice (itself and a copy), so that every
 * value a rule might join on collides at least with the copy's, whatever the other scenarios hold; and
 * each must get its result alone. Two kinds of problem are reported: a rule whose firing matched facts of
 * two requests, at the rule's declaration, and, for a month whose scenarios get other results together
 * than alone, the scenarios that differ and how. The second catches what the first cannot see (a
 * {@code not}, {@code exists} or {@code accumulate} over other lines' facts leaves no fact of theirs in
 * the match). Both see only what the scenarios exercise.
 */
public final class BatchIsolation {

    private static final int SHOWN = 5;
    private static final String ADVICE = "tie every pattern to the facts before it by patient, staff or entry id "
            + "(a rule about the whole request, such as a count of its patients, cannot be evaluated in a batch; "
            + "rules/README.md \"Batch isolation\")";

    private final ChunkEvaluator chunks;
    private final int chunkSize;

    /** @param chunkSize requests in one batch session at most (billing.batch.chunk-size); at least 2 */
    public BatchIsolation(Evaluator evaluator, int chunkSize) {
        this.chunks = new ChunkEvaluator(evaluator);
        this.chunkSize = Math.max(2, chunkSize);
    }

    /**
     * @param runs the scenario run's results, with each scenario's request and evaluation alone; those
     *             whose request was invalid or whose evaluation failed are left out (the run reports them)
     */
    List<RuleProblem> check(RuleFiles files, LoadedRules rules, List<ScenarioRunner.Ran> runs) {
        Map<String, List<ScenarioRunner.Ran>> byMonth = new TreeMap<>();
        for (ScenarioRunner.Ran ran : runs) {
            if (ran.evaluation() != null && ChunkEvaluator.canShare(ran.input())) {
                byMonth.computeIfAbsent(ran.input().month().month(), month -> new ArrayList<>())
                        .add(ran);
            }
        }
        Map<Rule, String> crossing = new LinkedHashMap<>();
        List<RuleProblem> failed = new ArrayList<>();
        List<ScenarioRunner.Ran> changed = new ArrayList<>();
        List<Evaluation> changedTo = new ArrayList<>();
        byMonth.forEach((month, scenariosOfMonth) -> {
            List<ScenarioRunner.Ran> twice = new ArrayList<>();
            for (ScenarioRunner.Ran alone : scenariosOfMonth) {
                twice.add(alone);
                twice.add(alone);
            }
            int perChunk = chunkSize - chunkSize % 2;
            // after a session that failed (a rule that loops only among several lines), the rest would only repeat it
            for (int from = 0; from < twice.size() && failed.isEmpty(); from += perChunk) {
                together(rules, month, twice.subList(from, Math.min(twice.size(), from + perChunk)), crossing, changed,
                        changedTo, failed);
            }
        });
        List<RuleProblem> problems = new ArrayList<>();
        crossing.forEach((rule, message) -> problems.add(Evidence.declaration(files, rule, message)));
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        if (!changed.isEmpty()) {
            problems.add(differ(byMonth.values().stream().mapToInt(List::size).sum(), changed, changedTo));
        }
        problems.addAll(failed);
        return problems;
    }

    /** Evaluates {@code group} in one session as a batch would; records crossing rules and changed results. */
    private void together(LoadedRules rules, String month, List<ScenarioRunner.Ran> group, Map<Rule, String> crossing,
                          List<ScenarioRunner.Ran> changed, List<Evaluation> changedTo, List<RuleProblem> failed) {
        DefaultAgendaEventListener watch = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Rule rule = event.getMatch().getRule();
                if (crossing.containsKey(rule)) {
                    return;
                }
                TreeSet<Integer> requests = new TreeSet<>();
                for (Object fact : event.getMatch().getObjects()) {
                    requestsOf(fact, requests);
                }
                requests.removeIf(request -> request >= group.size());
                if (requests.size() > 1) {
                    String first = group.get(requests.first()).scenario().file();
                    String last = group.get(requests.last()).scenario().file();
                    crossing.put(rule, "rule \"" + rule.getName() + "\" joins facts of different batch lines: evaluated "
                            + "in one session with the scenarios of " + month + ", as a month-end batch would, it matched "
                            + "facts of " + (first.equals(last) ? "two copies of " + first : first + " and " + last)
                            + " together; " + ADVICE);
                }
            }
        };
        List<Evaluation> results;
        try {
            results = chunks.evaluate(rules, group.stream().map(ScenarioRunner.Ran::input).toList(), watch);
        } catch (RuntimeException e) {
            failed.add(new RuleProblem(group.get(0).scenario().file(), 0, 0, "the scenarios of " + month
                    + " evaluated in one session, as a month-end batch would, fail although each passes alone: "
                    + e.getMessage() + "; " + ADVICE));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            ScenarioRunner.Ran alone = group.get(i);
            if (!sameResults(alone.evaluation(), results.get(i)) && !changed.contains(alone)) {
                changed.add(alone);
                changedTo.add(results.get(i));
            }
        }
    }

    private static RuleProblem differ(int scenarios, List<ScenarioRunner.Ran> changed, List<Evaluation> changedTo) {
        List<String> names = changed.stream().limit(SHOWN).map(alone -> alone.scenario().file()).toList();
        ScenarioRunner.Ran first = changed.get(0);
        return new RuleProblem(first.scenario().file(), 0, 0, changed.size() + " of the " + scenarios
                + " scenarios get other results when evaluated as a month-end batch would (with a copy of themselves and "
                + "the other scenarios of their month in one session) than alone: " + String.join(", ", names)
                + (changed.size() > SHOWN ? " and " + (changed.size() - SHOWN) + " more" : "") + ". This one ("
                + first.input().month().month() + "), together: " + differences(first.evaluation(), changedTo.get(0))
                + ". Some rule lets batch lines see each other's facts (it may be a rule upstream of those named): "
                + ADVICE);
    }

    /** The same claim lines and findings, in any order. */
    private static boolean sameResults(Evaluation alone, Evaluation together) {
        return counts(alone.claimLines()).equals(counts(together.claimLines()))
                && counts(alone.findings()).equals(counts(together.findings()));
    }

    private static <T> Map<T, Long> counts(List<T> results) {
        return results.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Up to {@value #SHOWN} results gained (+), then lost (-), together, with the rules that made them. */
    private static String differences(Evaluation alone, Evaluation together) {
        List<String> out = new ArrayList<>();
        minus(together.claimLines(), alone.claimLines()).forEach(l -> out.add("+ " + line(l)));
        minus(together.findings(), alone.findings()).forEach(f -> out.add("+ " + finding(f)));
        minus(alone.claimLines(), together.claimLines()).forEach(l -> out.add("- " + line(l)));
        minus(alone.findings(), together.findings()).forEach(f -> out.add("- " + finding(f)));
        return String.join("; ", out.subList(0, Math.min(SHOWN, out.size())))
                + (out.size() > SHOWN ? "; and " + (out.size() - SHOWN) + " more" : "");
    }

    /** The results of {@code from} left over once each of {@code taken} has taken away one equal to it. */
    private static <T> List<T> minus(List<T> from, List<T> taken) {
        List<T> left = new ArrayList<>(from);
        taken.forEach(left::remove);
        return left;
    }

    private static String line(ClaimLine line) {
        return "claim line " + line.code() + " x" + line.units() + " for " + line.patientId() + " (rule \""
                + line.rule() + "\")";
    }

    private static String finding(Finding finding) {
        return "finding " + finding.code() + " for " + (finding.entryId() != null ? "entry " + finding.entryId()
                : "patient " + finding.patientId()) + " (rule \"" + finding.rule() + "\")";
    }

    /**
     * The requests whose prefixed ids a fact holds: in its text fields, in collections of them, and in
     * records it holds (a Chosen holds its Candidate). The facts of the model are records; a type
     * declared in a rule file is not looked into (the comparison of results still sees what it does).
     */
    static void requestsOf(Object fact, Collection<Integer> into) {
        if (fact instanceof String text) {
            int request = ChunkEvaluator.requestOf(text);
            if (request >= 0) {
                into.add(request);
            }
        } else if (fact instanceof Collection<?> values) {
            values.forEach(value -> requestsOf(value, into));
        } else if (fact != null && fact.getClass().isRecord()) {
            for (RecordComponent component : fact.getClass().getRecordComponents()) {
                try {
                    requestsOf(component.getAccessor().invoke(fact), into);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a component that cannot be read holds no id the check can see
                }
            }
        }
    }
}
